"""Which column of a register is which field: by what the steward taught, by its header, and by its content.

For each column of a sheet, in this order:
1. a header the steward taught (phrasebook, kind `header`) decides;
2. Netra's own correction columns (Baris, Alasan) are dropped, and a sheet-name column (Lembar) is a hint;
3. a header whose alias is clear decides — unless the values plainly are something else ('Status' holding
   Ringan/Sedang/Berat is severity; a free-text header holding only severity words too);
4. an unknown or ambiguous header ('Tingkat', 'Kategori', 'Keterangan', a blank one) is the field most of its
   values read as (`etl.profile`), else its alias if it has one;
5. anything else maps to nothing and is kept raw with the case (`cases.extra`), and named in the load report.

A field is supplied by the first column that claims it; a second status column is kept as the follow-up
status (the furthest stage of the two counts); any other second column stays raw.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pandas as pd

from etl import profile
from etl.cells import blank, per_distinct
from etl.columns import ALIASES, AMBIGUOUS, IGNORED, NETRA_COLUMNS, SHEET_COLUMN, canonical_column, header_key
from etl.phrasebook import EMPTY, IGNORE, Phrasebook

SAMPLES = 3  # sample values shown per column in the report
VOCABULARY_SIZE = 60  # a column of more distinct values than this (in its sample) holds no vocabulary
SECOND = {"status": "status_2", "agency_name": "agency_2"}  # fields a second column may supply, and where it goes
CONTEXT = {"status": "_status_header", "status_2": "_status_2_header", "sanction": "_sanction_header"}
FIELDS = (*ALIASES, *SECOND.values())  # canonical frame columns a register can supply
SECOND_NOTES = {"status": "status lanjutan: tahap terjauh dari dua kolom status dipakai",
                "agency_name": "instansi kedua: dipakai bila instansi pertama tidak menyebut wilayah"}
FREE_TEXT = {"case_id", "subject_name", "description", "agency_name", "sanction"}  # any text fits them
_BLANK_LABEL = re.compile(r"kolom [a-z]{1,3}( \d+)?")
DATE_WORDS = (("incident_date", ("kejadian", "peristiwa", "pelanggaran")),
              ("decision_date", ("rekomendasi", "putusan", "keputusan", "kajian", "pleno", "verifikasi")),
              ("sanction_date", ("sanksi", "hukuman", "sk", "tindak lanjut")),
              ("report_date", ("lapor", "laporan", "terima", "diterima", "temuan", "aduan", "pengaduan")))


@dataclass
class ColumnChoice:
    """How one register column was read: the field (None: kept raw), how that was decided, what it holds."""

    sheet: str | None
    header: str
    field: str | None
    how: str  # phrasebook | header | content | netra (a correction file's own column) | none
    samples: list[str] = field(default_factory=list)
    share: float | None = None  # for content: the share of sampled values that read as the field
    note: str | None = None

    def report(self) -> dict:
        """The column as the load report (`etl load --json`) shows it."""
        return {"sheet": self.sheet, "header": self.header, "field": self.field, "how": self.how,
                "samples": self.samples, "share": None if self.share is None else round(self.share, 2),
                "note": self.note}


def samples_of(values: pd.Series) -> list[str]:
    """The first few distinct non-blank values of a column, shortened for a report."""
    found = []
    for value in values.head(profile.SAMPLE_ROWS):
        text = " ".join(str(value).split())
        if text and text not in ("-", "--") and text not in found:
            found.append(text if len(text) <= 80 else text[:77] + "…")
            if len(found) == SAMPLES:
                break
    return found


def _date_field(label: str) -> str:
    key = f" {header_key(label)} "
    for column, words in DATE_WORDS:
        if any(f" {word} " in key for word in words):
            return column
    return "report_date"


PRIORITY = {"phrasebook": 0, "header": 1, "content": 2}  # who wins a field two columns claim


def choose(sheet, book: Phrasebook = EMPTY) -> list[ColumnChoice]:
    """One ColumnChoice per column of a sheet (etl.readers.Sheet), in the sheet's order.

    A field two columns claim goes to the one the steward taught, else the one whose header names it, else the
    leftmost; the other becomes the follow-up status (for status) or stays raw.
    """
    choices = [_one(sheet.name, label, sheet.frame[label], book) for label in sheet.labels]
    taken = set()
    for choice in sorted((c for c in choices if c.field), key=lambda c: PRIORITY.get(c.how, 3)):
        wanted = choice.field
        if wanted in taken and wanted in SECOND and SECOND[wanted] not in taken:
            choice.field, choice.note = SECOND[wanted], SECOND_NOTES[wanted]
        elif wanted in taken:
            choice.note = f"kolom lain sudah memberi {wanted}; nilainya disimpan apa adanya"
            choice.field = None
        if choice.field:
            taken.add(choice.field)
    return choices


def _one(sheet_name, label: str, values: pd.Series, book: Phrasebook) -> ColumnChoice:
    key = header_key(label)
    samples = samples_of(values)
    taught = book.header(label)
    if taught:
        return ColumnChoice(sheet_name, label, None if taught == IGNORE else taught, "phrasebook", samples)
    if key in NETRA_COLUMNS:
        return ColumnChoice(sheet_name, label, None, "netra", samples)
    if key == SHEET_COLUMN:
        return ColumnChoice(sheet_name, label, "_sheet_name", "header", samples)
    by_header = canonical_column(label)
    ambiguous = key in AMBIGUOUS or bool(_BLANK_LABEL.fullmatch(key)) or not key
    if by_header and not ambiguous:
        return _checked(sheet_name, label, by_header, values, samples)
    if key in IGNORED and not ambiguous:
        return ColumnChoice(sheet_name, label, None, "none", samples)
    found = profile.shares(values)
    field = profile.best(found)
    if field:
        target = _date_field(label) if field == "date" else field
        return ColumnChoice(sheet_name, label, target, "content", samples, found[field])
    if by_header and by_header not in IGNORED:
        return ColumnChoice(sheet_name, label, by_header, "header", samples)
    return ColumnChoice(sheet_name, label, None, "none", samples)


def _checked(sheet_name, label: str, field: str, values: pd.Series, samples: list[str]) -> ColumnChoice:
    """A header's field, unless its values plainly are another vocabulary."""
    if field in ("severity", "sanction") or values.head(profile.SAMPLE_ROWS).nunique() > VOCABULARY_SIZE:
        return ColumnChoice(sheet_name, label, field, "header", samples)  # names, numbers: no vocabulary
    own = None if field in FREE_TEXT else field if field in profile.RECOGNISERS else (
        "date" if field.endswith("_date") else None)
    # free text (names, descriptions, numbers) is only ever overruled by severity words
    looked_at = (*profile.STRONG, own) if own else ("severity",)
    found = profile.shares(values, fields=tuple(dict.fromkeys(looked_at)))
    threshold = profile.OVERRIDE_SHARE if own else profile.FREE_TEXT_OVERRIDE
    other = profile.best(found, threshold, among=[f for f in profile.STRONG if f != field])
    if other is None or (own and found.get(own, 0.0) >= 0.3):
        return ColumnChoice(sheet_name, label, field, "header", samples)
    if not own and other != "severity":
        return ColumnChoice(sheet_name, label, field, "header", samples)
    return ColumnChoice(sheet_name, label, other, "content", samples, found[other],
                        note=f"judul kolom menyebut {field}, tetapi isinya {other}")


def canonical_frame(sheets, choices: list[list[ColumnChoice]]) -> pd.DataFrame:
    """The sheets' rows under canonical column names, with _sheet (position in the file), _row (as seen), the
    headers the status and sanction came from (they change how bare words read), and `_extra`: the unmapped
    columns' non-blank values as a JSON object (nothing from a register is dropped)."""
    parts = []
    for number, (sheet, chosen) in enumerate(zip(sheets, choices, strict=True)):
        mapped = {c.field: c.header for c in chosen if c.field}
        part = sheet.frame[list(mapped.values())].set_axis(list(mapped), axis=1)
        part = part.assign(_sheet=number, _row=sheet.frame.index.to_numpy())
        for column, context in CONTEXT.items():
            part[context] = mapped.get(column, "")
        if "_sheet_name" not in part:
            part["_sheet_name"] = sheet.name or ""
        kept = [c.header for c in chosen if not c.field and c.how != "netra"]
        part["_extra"] = extra_json(sheet.frame, kept)
        parts.append(part.reset_index(drop=True))
    frame = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return frame.reindex(columns=[*FIELDS, "_sheet", "_row", *CONTEXT.values(), "_sheet_name", "_extra"],
                         fill_value="")


def extra_json(frame: pd.DataFrame, labels: list[str]) -> pd.Series:
    """Per row, {"header": "raw value", …} of the given columns' non-blank cells as JSON text (None if none).

    Built column by column with vectorised string joins; each distinct value is JSON-escaped once.
    """
    joined = pd.Series("", index=frame.index, dtype=object)
    for label in labels:
        values = frame[label]
        empty = blank(values).to_numpy()
        if empty.all():
            continue
        plain = ~values.str.contains(r'["\\\x00-\x1f]', regex=True).fillna(False).to_numpy()  # nothing to escape
        escaped = ('"' + values.astype(object) + '"').where(plain, None)
        if not plain.all():
            quoted, _ = per_distinct(lambda text: json.dumps(text, ensure_ascii=False), values[~plain].astype(object))
            escaped = escaped.where(plain, quoted.reindex(values.index))
        pair = json.dumps(label, ensure_ascii=False) + ": " + escaped.astype(object)
        joined = joined.where(empty, joined + ", " + pair)
    result = "{" + joined.str.removeprefix(", ") + "}"
    return result.where(joined != "", None)
