"""Raw register rows -> normalised case records, or the problems (column, value, reason) that keep a row out.

Works a column at a time: each distinct raw value (or combination, for region+province and severity) is
normalised once and mapped back, because registers repeat the same region, status and date strings. A row with
any problem is rejected whole; the steward corrects it and loads it again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

import settings
from etl.cells import blank, nip_texts, per_distinct, quietly, tidy_text
from etl.columns import ALIASES, DATE_COLUMNS, split_people
from etl.identity import HASH_PREFIX, anonymous, person_keys, row_fingerprints
from etl.normalize import NormalizeError, fold, is_blank, taxonomy
from etl.normalize.dates import parse_date
from etl.normalize.regions import load_matcher
from warehouse.vocab import ELECTIONS

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")
CASE_COLUMNS = (  # the cases table in schema order, without load_id and source_row (the loader adds them)
    "case_id", "subject_no", "election", "source_agency", "source_kind", "incident_date", "report_date",
    "decision_date", "sanction_date", "region_code", "province_code", "agency_name", "agency_level",
    "position_class", "employee_type", "violation_type", "violation_form", "violation_class", "severity",
    "severity_inferred", "status", "sanction", "description", "subject_name", "subject_nip",
)
ORIGIN = ["_record", "_sheet", "_row"]  # register row id, sheet number in the file, row number as seen in it


@dataclass(frozen=True)
class Election:
    """One election as the loader needs it: its name for messages and the dates that bound its cases."""

    code: str
    name: str
    candidates_set: pd.Timestamp
    window_start: pd.Timestamp
    window_end: pd.Timestamp


@dataclass(frozen=True)
class Defaults:
    """What the command line says for rows that don't say it themselves."""

    election: str | None = None
    source_agency: str | None = None


@lru_cache(maxsize=1)
def elections() -> dict[str, Election]:
    """The elections of data/reference/elections.csv by code."""
    table = pd.read_csv(settings.REFERENCE_DIR / "elections.csv", dtype="str")
    dates = ["candidates_set", "window_start", "window_end"]
    return {row["election"]: Election(row["election"], row["name"], *(pd.Timestamp(row[c]) for c in dates))
            for row in table.to_dict("records")}


def day_text(day) -> str:
    """A date as Indonesian prose: 1 Oktober 2019."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def window_text(election: Election) -> str:
    """'Pilkada Serentak 2020 (1 Oktober 2019 s.d. 31 Desember 2021)'."""
    return f"{election.name} ({day_text(election.window_start)} s.d. {day_text(election.window_end)})"


_ELECTION_WORDS = {"pilkada": "pilkada", "pilgub": "pilkada", "pilbup": "pilkada", "pilwalkot": "pilkada",
                   "pemilihan kepala daerah": "pilkada", "regional": "pilkada", "pemilu": "pemilu",
                   "pilpres": "pemilu", "pileg": "pemilu", "pemilihan umum": "pemilu", "general": "pemilu"}


@lru_cache(maxsize=1024)
def election_code(text) -> str | None:
    """'Pilkada 2020', 'PEMILU 2024', 'pilkada2024', 'Pilkada Serentak 2024' -> code; None for a blank cell."""
    if is_blank(text):
        return None
    words = fold(text)
    if words.replace(" ", "") in ELECTIONS:
        return words.replace(" ", "")
    years = set(re.findall(r"\b20\d{2}\b", words))
    kinds = {kind for phrase, kind in _ELECTION_WORDS.items() if re.search(rf"\b{phrase}\b", words)}
    code = f"{kinds.pop()}{years.pop()}" if len(years) == 1 and len(kinds) == 1 else None
    if code in ELECTIONS:
        return code
    names = ", ".join(election.name for election in elections().values())
    raise NormalizeError(f"'{text}' bukan pemilihan yang dikenal; tulis salah satu: {names}.")


def violation_class(text) -> str | None:
    """'Kode Etik', 'Pelanggaran Disiplin', 'Pidana' -> the class; None for a blank cell."""
    if is_blank(text):
        return None
    words = fold(text)
    for word, value in (("etik", "kode_etik"), ("disiplin", "disiplin"), ("pidana", "pidana")):
        if word in words:
            return value
    raise NormalizeError(f"'{text}' bukan klasifikasi pelanggaran; tulis Kode Etik, Disiplin atau Pidana.")


class Problems:
    """The problems found so far (canonical column, raw value, reason); a register row with any is rejected."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self.parts: list[pd.DataFrame] = []

    def add(self, column: str, reasons: pd.Series, values: pd.Series | None = None) -> None:
        """Record `reasons` (aligned with the frame, missing where fine) against `column`."""
        found = reasons.notna().to_numpy()
        if found.any():
            raw = self.frame[column] if values is None else values
            part = self.frame.loc[found, ORIGIN].assign(column=column, value=raw[found], reason=reasons[found])
            self.parts.append(part)

    def rejected(self) -> np.ndarray:
        """True for every record of a register row that has a problem."""
        records = pd.concat(self.parts)["_record"] if self.parts else []
        return self.frame["_record"].isin(records).to_numpy()

    def table(self) -> pd.DataFrame:
        """One row per problem: _record, _sheet, _row, column, value, reason (without the row prefix)."""
        if not self.parts:
            return pd.DataFrame(columns=[*ORIGIN, "column", "value", "reason"])
        return pd.concat(self.parts, ignore_index=True).drop_duplicates([*ORIGIN, "column", "reason"])


def validate_frame(
    frame: pd.DataFrame, defaults: Defaults = Defaults(), sheet_names: tuple[str | None, ...] = (),
    on_step: Callable[[str], None] = lambda what: None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(accepted case records, problems) for register rows with canonical columns and _sheet/_row.

    Records keep _record/_sheet/_row and carry _person (who, for numbering subjects: etl.identity).
    """
    frame = frame.reindex(columns=["_sheet", "_row", *ALIASES], fill_value="")
    frame["_record"] = np.arange(len(frame))
    frame["_people"] = tidy_text(frame["subject_name"] + " " + frame["subject_nip"]).fillna("")
    frame, unpaired = split_people(frame.reset_index(drop=True))
    frame = frame.reset_index(drop=True)
    problems = Problems(frame)
    problems.add("subject_name", pd.Series(frame["_record"].map(unpaired), index=frame.index))
    out = frame[ORIGIN + ["subject_no", "_people"]].copy()
    for what, stage in (("tanggal", _dates), ("pemilihan", _elections), ("wilayah", _places),
                        ("jenis dan status", _taxonomy), ("tingkat hukuman", _severity), ("nomor kasus", _identity)):
        on_step(what)
        stage(frame, out, problems, defaults, sheet_names)
    return out.loc[~problems.rejected()], problems.table()


def _dates(frame: pd.DataFrame, out: pd.DataFrame, problems: Problems, *_) -> None:
    """The four dates; at least one of incident and report date is required."""
    for column in DATE_COLUMNS:
        values, errors = per_distinct(parse_date, frame[column])
        out[column] = pd.to_datetime(values)
        problems.add(column, errors)
    neither = blank(frame["incident_date"]) & blank(frame["report_date"])
    reason = "Tanggal kejadian dan tanggal laporan kosong; isi salah satunya, misalnya 18/09/2024."
    problems.add("incident_date", pd.Series(np.where(neither, reason, None), index=frame.index))


def _elections(frame, out, problems, defaults: Defaults, sheet_names) -> None:
    """Election from its column, else --election, else the sheet's name, else the one window the dates fit."""
    given, errors = per_distinct(election_code, frame["election"])
    problems.add("election", errors)
    by_sheet = {number: quietly(election_code, name) for number, name in enumerate(sheet_names)}
    chosen = given.fillna(defaults.election or np.nan).fillna(frame["_sheet"].map(by_sheet))
    dates = out[["incident_date", "report_date"]]
    fits = {code: ((dates.isna() | ((dates >= e.window_start) & (dates <= e.window_end))).all(axis=1)
                   & dates.notna().any(axis=1)) for code, e in elections().items()}
    count = sum(fit.astype(int) for fit in fits.values())
    unknown = chosen.isna() & errors.isna() & dates.notna().any(axis=1)
    for code, fit in fits.items():
        chosen = chosen.mask(unknown & fit & (count == 1), code)
    out["election"] = chosen
    shown = frame["incident_date"].where(~blank(frame["incident_date"]), frame["report_date"])
    ambiguous = unknown & (count > 1)
    problems.add("election", _sentences(ambiguous, lambda date, row: (
        f"tanggal {date} masuk masa " + " dan ".join(e.name for c, e in elections().items() if fits[c][row])
        + "; isi kolom Pemilihan atau muat dengan --election."
    ), shown, frame.index.to_series()), values=pd.Series("", index=frame.index))
    everywhere = "; ".join(window_text(e) for e in elections().values())
    problems.add("incident_date", _sentences(unknown & (count == 0), lambda date: (
        f"'{date}' di luar masa semua pemilihan: {everywhere}; periksa tanggalnya."
    ), shown), values=shown)
    for code, election in elections().items():
        for column in ("incident_date", "report_date"):
            outside = (chosen == code) & ~out[column].between(election.window_start, election.window_end)
            outside &= out[column].notna()
            problems.add(column, _sentences(outside, lambda text, day, e=election: (
                f"'{text}' ({day_text(day)}) di luar masa {window_text(e)}; periksa tanggalnya atau kolom Pemilihan."
            ), frame[column], out[column]))


def _sentences(mask: pd.Series, sentence: Callable[..., str], *values: pd.Series) -> pd.Series:
    """sentence(*row values) where mask holds, missing elsewhere (only the few failing rows are formatted)."""
    reasons = pd.Series(None, index=mask.index, dtype=object)
    if mask.any():
        reasons[mask] = [sentence(*row) for row in zip(*(column[mask] for column in values), strict=True)]
    return reasons


def _places(frame, out, problems, *_) -> None:
    """Region and province codes, and the agency level; central agencies alone may lack both places."""
    matcher = load_matcher()
    province, errors = per_distinct(lambda text: None if is_blank(text) else matcher.province(text),
                                    frame["province"])
    problems.add("province", errors)
    region, unmatched = per_distinct(lambda text, code: None if is_blank(text) else matcher.region(text, code),
                                     frame["region"], province)
    problems.add("region", unmatched)
    out["region_code"] = region
    out["province_code"] = province.fillna(region.map(matcher.parent))
    level, errors = per_distinct(taxonomy.agency_level, frame["agency_level"])
    problems.add("agency_level", errors)
    from_name, _ = per_distinct(lambda name: quietly(taxonomy.agency_level, name), frame["agency_name"])
    from_place = region.map(matcher.kinds).fillna(province.where(province.isna(), "provinsi"))
    out["agency_level"] = level.fillna(from_name).fillna(from_place)
    placeless = out["province_code"].isna() & (out["agency_level"] != "pusat") & unmatched.isna()
    reason = ("Kabupaten/Kota dan Provinsi kosong; isi salah satunya (boleh kosong hanya untuk instansi pusat, "
              "mis. Instansi 'Kementerian Agama').")
    problems.add("region", pd.Series(np.where(placeless & blank(frame["province"]), reason, None),
                                     index=frame.index))


def _taxonomy(frame, out, problems, defaults: Defaults, *_) -> None:
    """The controlled vocabularies: violation type and form, status, position, employee type, sources."""
    (kind, implied), _ = per_distinct(taxonomy.violation_type, frame["violation_type"], parts=2)
    vague = (kind == "lainnya").to_numpy()  # the category says nothing: read the description instead
    (described, described_form), _ = per_distinct(taxonomy.violation_type, frame.loc[vague, "description"], parts=2)
    better = (described != "lainnya").reindex(kind.index, fill_value=False)
    kind, implied = kind.mask(better, described), implied.mask(better, described_form)
    form, errors = per_distinct(taxonomy.violation_form, frame["violation_form"])
    problems.add("violation_form", errors)
    out["violation_form"] = form.fillna(implied)
    (by_form, _), _ = per_distinct(taxonomy.violation_type, out["violation_form"], parts=2)  # 'D6' alone: media
    out["violation_type"] = kind.mask(kind == "lainnya", by_form)
    for column, func in (("status", taxonomy.status), ("position", taxonomy.position_class),
                         ("employee_type", taxonomy.employee_type), ("source_kind", taxonomy.source_kind),
                         ("severity", taxonomy.severity), ("violation_class", violation_class)):
        values, errors = per_distinct(func, frame[column])
        problems.add(column, errors)
        out["position_class" if column == "position" else column] = values
    out["subject_nip"] = nip_texts(frame["subject_nip"])
    from_sanction, _ = per_distinct(lambda text: quietly(taxonomy.severity, text), frame["sanction"])
    out["severity"] = out["severity"].fillna(from_sanction)  # 'Hukuman disiplin sedang' says the level too
    agency, _ = per_distinct(lambda text: quietly(taxonomy.source_agency, text), frame["source_agency"])
    out["source_agency"] = agency.fillna(defaults.source_agency or "lainnya")
    for column in ("agency_name", "sanction", "description", "subject_name"):
        out[column] = tidy_text(frame[column])


def _severity(frame, out, *_) -> None:
    """Class and severity: as written (or as the sanction implies), else from the SKB 2022 matrix (inferred)."""
    candidates_set = out["election"].map({code: e.candidates_set for code, e in elections().items()})
    day = out["incident_date"].fillna(out["report_date"])
    known = (candidates_set.notna() & day.notna()).to_numpy()
    (inferred_class, guessed), _ = per_distinct(
        taxonomy.infer_severity, out.loc[known, "violation_type"], out.loc[known, "violation_form"], day[known],
        pd.to_datetime(candidates_set[known]), parts=2)
    inferred_class, guessed = inferred_class.reindex(out.index), guessed.reindex(out.index)
    out["violation_class"] = out["violation_class"].fillna(inferred_class)
    fill = out["severity"].isna() & (out["violation_class"] == inferred_class)
    out["severity_inferred"] = fill & guessed.notna()
    out["severity"] = out["severity"].mask(fill, guessed)


def _identity(frame, out, *_) -> None:
    """case_id as registered, or a stable hash of the row's content; _person says who within the case."""
    registered = tidy_text(frame["case_id"])
    fingerprint = row_fingerprints(out, needed=registered.isna() | anonymous(out))
    out["case_id"] = registered.fillna(HASH_PREFIX + fingerprint.astype("str")).astype(object)
    out["_person"] = person_keys(out, fingerprint)


def validate_row(row: dict, defaults: Defaults = Defaults()) -> list[dict] | list[tuple[str, str, str]]:
    """One register row (canonical column -> raw text) -> its case records (one per person), or its problems.

    Problems come as (canonical column, value, reason). The loader works on whole frames; this is the same
    code path for a single row, for tests and for checking a row by hand.
    """
    cells = {column: "" if value is None else str(value) for column, value in row.items()}
    frame = pd.DataFrame([cells], dtype="str").assign(_sheet=0, _row=2)
    cases, problems = validate_frame(frame, defaults)
    if len(problems):
        return [(p["column"], p["value"], p["reason"]) for p in problems.to_dict("records")]
    return cases[list(CASE_COLUMNS)].to_dict("records")
