"""Raw register rows -> normalised case records, with the warnings of fields that could not be read, and the
problems of the rows that can't be counted at all.

A field that cannot be read never removes a case from the count: the record loads with that field empty (a
status it can't read loads as `dilaporkan`, the least it can be) and a warning says which file, row, column,
value and why. A row is rejected only when it cannot be counted or placed: no election, no place (neither
kabupaten/kota nor province, and not a central agency), or nothing that identifies it. The steward corrects both
kinds from the same correction files.

Works a column at a time: each distinct raw value (or combination, e.g. region + province) is normalised once and
mapped back, because registers repeat the same region, status and date strings. Everything a steward taught
(`etl.phrasebook`) is consulted before the built-in rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from etl.cells import blank, nip_texts, per_distinct, quietly, tidy_text
from etl.columns import DATE_COLUMNS, split_people
from etl.identity import HASH_PREFIX, anonymous, person_keys, row_fingerprints
from etl.link.names import nips as link_nips
from etl.mapping import CONTEXT, FIELDS
from etl.normalize import NormalizeError, fold, is_blank, taxonomy
from etl.normalize.agencies import AgencyPlace, agency_place
from etl.normalize.dates import parse_date
from etl.normalize.elections import Election, day_text, election_code, election_kind, elections, window_text
from etl.normalize.regions import load_matcher, split_kind
from etl.phrasebook import EMPTY, Phrasebook
from warehouse.vocab import SOURCE_AGENCIES

__all__ = ["CASE_COLUMNS", "Defaults", "Election", "Reading", "Validated", "election_code", "elections",
           "validate_frame", "validate_row", "check_row"]

CASE_COLUMNS = (  # the cases table in schema order, without load_id and source_row (the loader adds them)
    "case_id", "subject_no", "election", "source_agency", "source_kind", "incident_date", "report_date",
    "decision_date", "sanction_date", "region_code", "province_code", "agency_name", "agency_level",
    "position_class", "employee_type", "violation_type", "violation_form", "violation_class", "severity",
    "severity_inferred", "status", "sanction", "description", "subject_name", "subject_nip", "regime",
    "forwarded_to", "extra",
)
ORIGIN = ["_record", "_sheet", "_row"]  # register row id, sheet number in the file, row number as seen in it
PROBLEM_COLUMNS = [*ORIGIN, "column", "value", "reason", "fatal"]
UNKNOWN_COLUMNS = ["field", "column", "value", "_sheet", "_row"]
# the funnel's order, for combining two status columns: the furthest stage counts
STAGE = {"dilaporkan": 0, "diproses": 1, "terbukti": 2, "tidak_terbukti": 2, "dihentikan": 2, "disanksi": 3}
SKB_2022 = "pp94_skb2022"  # the regime whose matrix may infer a severity (Pilkada 2020 falls under PP 53/2010)
RECOMMENDED = re.compile(r"\brekomendasi|direkomendasikan\b")  # a sanction column that holds a recommendation


@dataclass(frozen=True)
class Defaults:
    """What the command line says for rows that don't say it themselves."""

    election: str | None = None
    source_agency: str | None = None


@dataclass(frozen=True)
class Reading:
    """Everything besides the rows that decides how they read: the command line, hints around the table, and
    what stewards taught. A load is a function of (rows, Reading, data/reference)."""

    defaults: Defaults = Defaults()
    titles: tuple[str, ...] = ()  # per sheet: the lines above its header
    file_name: str = ""
    book: Phrasebook = EMPTY


@dataclass
class Validated:
    """The outcome of reading a register's rows."""

    records: pd.DataFrame  # accepted case records (with _record/_sheet/_row and _person)
    rejected: pd.DataFrame  # every problem of the rows that can't be counted (PROBLEM_COLUMNS)
    warnings: pd.DataFrame  # fields left empty in records that were loaded (PROBLEM_COLUMNS)
    unknown: pd.DataFrame  # phrases no rule or steward recognised (UNKNOWN_COLUMNS), teachable
    notes: list[dict] = field(default_factory=list)  # e.g. a former region name read as today's region


class Problems:
    """What was found so far: (canonical column, raw value, reason, fatal) per record; fatal ones reject a row."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self.parts: list[pd.DataFrame] = []
        self.unknown: list[pd.DataFrame] = []
        self.notes: dict[tuple[str, str, str], int] = {}

    def add(self, column: str, reasons: pd.Series, values: pd.Series | None = None, fatal: bool = False) -> None:
        """Record `reasons` (aligned with the frame, missing where fine) against `column`."""
        found = reasons.notna().to_numpy()
        if found.any():
            raw = self.frame[column] if values is None else values
            part = self.frame.loc[found, ORIGIN].assign(column=column, value=raw[found].astype(object).fillna(""),
                                                        reason=reasons[found], fatal=fatal)
            self.parts.append(part)

    def warn(self, column: str, reasons: pd.Series, values: pd.Series | None = None) -> None:
        self.add(column, reasons, values, fatal=False)

    def reject(self, column: str, reasons: pd.Series, values: pd.Series | None = None) -> None:
        self.add(column, reasons, values, fatal=True)

    def unread(self, field_name: str, column: str, missed: pd.Series) -> None:
        """Cells of `column` that no rule and no steward recognised, as the teachable phrases of `field_name`."""
        missed = missed.to_numpy() & ~blank(self.frame[column]).to_numpy()
        if missed.any():
            rows = self.frame.loc[missed]
            self.unknown.append(pd.DataFrame({"field": field_name, "column": column,
                                              "value": tidy_text(rows[column]), "_sheet": rows["_sheet"],
                                              "_row": rows["_row"]}))

    def note(self, column: str, value: str, note: str, count: int) -> None:
        self.notes[column, value, note] = self.notes.get((column, value, note), 0) + count

    def table(self) -> pd.DataFrame:
        if not self.parts:
            return pd.DataFrame(columns=PROBLEM_COLUMNS)
        return pd.concat(self.parts, ignore_index=True).drop_duplicates([*ORIGIN, "column", "reason"])

    def outcome(self, out: pd.DataFrame) -> Validated:
        table = self.table()
        fatal_records = set(table.loc[table["fatal"].astype(bool), "_record"])
        rejected_mask = self.frame["_record"].isin(fatal_records).to_numpy()
        in_rejected = table["_record"].isin(fatal_records)
        unknown = pd.concat(self.unknown, ignore_index=True) if self.unknown else pd.DataFrame(
            columns=UNKNOWN_COLUMNS)
        notes = [{"column": c, "value": v, "note": n, "count": k} for (c, v, n), k in self.notes.items()]
        return Validated(out.loc[~rejected_mask], table[in_rejected].reset_index(drop=True),
                         table[~in_rejected].reset_index(drop=True), unknown.drop_duplicates(), notes)


def _then(reasons: pd.Series, more: str) -> pd.Series:
    """Each reason with a sentence added (missing stays missing)."""
    return reasons.where(reasons.isna(), reasons.astype(object) + " " + more)


def _taught(book: Phrasebook, field_name: str, func: Callable) -> Callable:
    """func, with what a steward taught for `field_name` read first (a whole-cell match)."""
    if not book.knows(field_name):
        return func

    def read(text, *more):
        value = book.phrase(field_name, text)
        return value if value is not None else func(text, *more)

    return read


def validate_frame(frame: pd.DataFrame, reading: Reading = Reading(),
                   on_step: Callable[[str], None] = lambda what: None) -> Validated:
    """Records, rejections, warnings and unknown phrases for register rows with canonical columns (etl.mapping).

    Records keep _record/_sheet/_row and carry _person (who, for numbering subjects: etl.identity).
    """
    columns = [*FIELDS, "_sheet", "_row", *CONTEXT.values(), "_sheet_name"]
    extra = frame["_extra"] if "_extra" in frame else pd.Series(None, index=frame.index, dtype=object)
    frame = frame.reindex(columns=columns, fill_value="").assign(_extra=extra.astype(object))
    frame["_record"] = np.arange(len(frame))
    frame["_people"] = tidy_text(frame["subject_name"] + " " + frame["subject_nip"]).fillna("")
    frame["_nips"] = frame["subject_nip"]  # as written, for the warning when they can't be paired with names
    frame, unpaired = split_people(frame.reset_index(drop=True))
    frame = frame.reset_index(drop=True)
    problems = Problems(frame)
    problems.warn("subject_nip", pd.Series(frame["_record"].map(unpaired), index=frame.index), frame["_nips"])
    out = frame[ORIGIN + ["subject_no", "_people"]].copy()
    for what, stage in (("tanggal", _dates), ("pemilihan", _elections), ("wilayah", _places),
                        ("jenis dan status", _taxonomy), ("tingkat hukuman", _severity), ("nomor kasus", _identity)):
        on_step(what)
        stage(frame, out, problems, reading)
    out["extra"] = frame["_extra"].where(frame["_extra"].notna(), None).astype(object)
    return problems.outcome(out)


# --- dates -----------------------------------------------------------------------------------------------------


def _dates(frame: pd.DataFrame, out: pd.DataFrame, problems: Problems, reading: Reading) -> None:
    """The four dates; one that can't be read is left empty with a warning."""
    for column in DATE_COLUMNS:
        values, errors = per_distinct(parse_date, frame[column])
        out[column] = pd.to_datetime(values)
        problems.warn(column, _then(errors, "Tanggal ini dikosongkan."))


# --- elections -------------------------------------------------------------------------------------------------


def _hint(func: Callable, text) -> str | None:
    """What `func` reads in a hint (a sheet name, a title line, a file name), or None: a hint never fails."""
    for line in str(text or "").replace("_", " ").replace("-", " ").splitlines() or [""]:
        found = quietly(func, line)
        if found:
            return found
    return None


def _elections(frame, out, problems, reading: Reading) -> None:
    """Election from its column, else --election, else the sheet's name, its title lines, the file name, else the
    one election window the dates fit. A row no election can be found for can't be counted: rejected."""
    read = _taught(reading.book, "election", election_code)
    given, errors = per_distinct(read, frame["election"])
    by_sheet, _ = per_distinct(lambda name: _hint(election_code, name), frame["_sheet_name"])
    by_title = frame["_sheet"].map({n: _hint(election_code, t) for n, t in enumerate(reading.titles)})
    by_file = _hint(election_code, Path(reading.file_name).stem) if reading.file_name else None
    chosen = given.fillna(reading.defaults.election or np.nan).fillna(by_sheet).fillna(by_title)
    chosen = chosen.fillna(by_file or np.nan)
    dates = out[["incident_date", "report_date"]]
    later = out[["decision_date", "sanction_date"]]
    undated = ~dates.notna().any(axis=1)
    basis = dates.copy()  # incident and report dates decide; a register with neither has its later dates
    if undated.any():
        basis.loc[undated, :] = later.loc[undated].to_numpy()
    # 'Pilkada' or 'Pemilu' without a year (in the column or a hint) still says which kind of election
    kind, _ = per_distinct(election_kind, frame["election"] + " " + frame["_sheet_name"])
    kind = kind.fillna(frame["_sheet"].map({n: election_kind(t) for n, t in enumerate(reading.titles)}))
    fits = {code: ((basis.isna() | ((basis >= e.window_start) & (basis <= e.window_end))).all(axis=1)
                   & basis.notna().any(axis=1) & (kind.isna() | (kind == code.rstrip("0123456789"))).to_numpy())
            for code, e in elections().items()}
    count = sum(fit.astype(int) for fit in fits.values())
    unknown = chosen.isna() & basis.notna().any(axis=1)
    for code, fit in fits.items():
        chosen = chosen.mask(unknown & fit & (count == 1), code)
    out["election"] = chosen
    missing = chosen.isna()
    problems.reject("election", errors.where(missing, None))
    problems.warn("election", _then(errors.where(~missing, None), "Pemilihan diambil dari petunjuk lain."))
    shown = _first_text(frame, ["incident_date", "report_date", "decision_date", "sanction_date"])
    open_rows = missing & errors.isna()
    problems.reject("election", _sentences(open_rows & (count > 1), lambda date, row: (
        f"tanggal {date} masuk masa " + " dan ".join(e.name for c, e in elections().items() if fits[c][row])
        + "; isi kolom Pemilihan atau muat dengan --election."
    ), shown, frame.index.to_series()), values=pd.Series("", index=frame.index))
    everywhere = "; ".join(window_text(e) for e in elections().values())
    problems.reject("incident_date", _sentences(open_rows & unknown & (count == 0), lambda date: (
        f"'{date}' di luar masa semua pemilihan: {everywhere}; periksa tanggalnya."), shown), values=shown)
    no_date = ("Pemilihan tidak diketahui dan tidak ada tanggal yang terbaca; isi kolom Pemilihan atau tanggal, "
               "atau muat dengan --election.")
    problems.reject("election", pd.Series(np.where(open_rows & ~basis.notna().any(axis=1), no_date, None),
                                          index=frame.index), values=pd.Series("", index=frame.index))
    for code, election in elections().items():
        for column in ("incident_date", "report_date"):
            outside = (chosen == code) & out[column].notna()
            outside &= ~out[column].between(election.window_start, election.window_end)
            problems.warn(column, _sentences(outside, lambda text, day, e=election: (
                f"'{text}' ({day_text(day)}) di luar masa {window_text(e)}; tanggal ini dikosongkan. Periksa "
                "tanggalnya atau kolom Pemilihan."), frame[column], out[column]))
            out[column] = out[column].mask(outside)
    out["regime"] = chosen.map({code: e.regime for code, e in elections().items()}).astype(object)


def _first_text(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    shown = frame[columns[0]]
    for column in columns[1:]:
        shown = shown.where(~blank(shown), frame[column])
    return shown


def _sentences(mask: pd.Series, sentence: Callable[..., str], *values: pd.Series) -> pd.Series:
    """sentence(*row values) where mask holds, missing elsewhere (only the few failing rows are formatted)."""
    reasons = pd.Series(None, index=mask.index, dtype=object)
    if mask.any():
        reasons[mask] = [sentence(*row) for row in zip(*(column[mask] for column in values), strict=True)]
    return reasons


# --- places ----------------------------------------------------------------------------------------------------

PLACELESS = ("Kabupaten/Kota dan Provinsi kosong dan nama instansi tidak menyebut wilayah; isi salah satunya "
             "(boleh kosong hanya untuk instansi pusat, mis. Instansi 'Kementerian Agama').")


def _places(frame, out, problems, reading: Reading) -> None:
    """Region and province codes and the agency level, from their columns or else from the agency's name.

    A row is placed when it has a province (a kabupaten/kota gives its province) or its agency is central; a row
    placed nowhere can't be counted: rejected, with the reason the region or agency could not be read.
    """
    matcher, book = load_matcher(), reading.book
    read_province = _taught(book, "province", lambda text: None if is_blank(text) else matcher.province(text))
    province, province_errors = per_distinct(read_province, frame["province"])
    # the register's own title (or file name) names whose register it is: 'BAWASLU KABUPATEN SUKABUMI'
    titled = {n: _titled_place(t, reading.file_name) for n, t in enumerate(reading.titles)}
    title_region = frame["_sheet"].map({n: p.region_code for n, p in titled.items()})
    title_province = frame["_sheet"].map({n: p.province_code for n, p in titled.items()})
    read_region = _taught(book, "region", lambda text, code, hint: None if is_blank(text) else _region_text(
        text, code, hint))
    region, region_errors = per_distinct(read_region, frame["region"], province, title_province)
    agency_names = tidy_text(frame["agency_name"])
    second = tidy_text(frame["agency_2"])  # a second agency column ('Unit Kerja' beside 'Instansi')
    places, _ = per_distinct(lambda name, other, code: _agency_place(name, other, code), agency_names, second,
                             province)
    agency_region = places.map(lambda p: p.region_code)
    agency_province = places.map(lambda p: p.province_code)
    # the agency places the row when its region column is blank or unreadable, never against the province column
    fits_province = province.isna() | agency_province.isna() | (agency_province == province)
    from_agency = region.isna() & agency_region.notna() & fits_province
    same_name = _same_name(frame["region"], agency_region)
    problems.warn("region", _then(region_errors.where(from_agency & ~same_name, None),
                                  "Wilayah diambil dari nama instansi."))
    region = region.mask(from_agency, agency_region)
    province_code = province.fillna(region.map(matcher.parent))
    province_code = province_code.fillna(agency_province.where(fits_province, None))
    from_title = province_code.isna() & region.isna() & (title_region.notna() | title_province.notna()) \
        & (places.map(lambda p: p.level) != "pusat")
    if from_title.any():  # rows no column places: in the place whose register this is
        region = region.mask(from_title, title_region)
        province_code = province_code.mask(from_title, title_province)
        for code, count in pd.concat([region, province_code], axis=1)[from_title].value_counts().items():
            named = matcher.region_name(code[0]) if isinstance(code[0], str) else matcher.province_name(code[1])
            problems.note("region", "", f"wilayah dari judul register: {named}", int(count))
    out["region_code"] = region.astype(object)
    out["province_code"] = province_code.astype(object)
    read_level = _taught(book, "agency_level", taxonomy.agency_level)
    level, level_errors = per_distinct(read_level, frame["agency_level"])
    problems.warn("agency_level", level_errors)
    problems.unread("agency_level", "agency_level", level.isna() & level_errors.isna())
    from_place = region.map(matcher.kinds).fillna(province_code.where(province_code.isna(), "provinsi"))
    out["agency_level"] = level.fillna(places.map(lambda p: p.level)).fillna(from_place).astype(object)
    placeless = province_code.isna() & (out["agency_level"] != "pusat")
    written = ~blank(frame["region"])
    agency_problem = _then(places.map(lambda p: p.problem), "— isi kolom Kabupaten/Kota.")
    problems.reject("region", region_errors.where(placeless & written, None))
    problems.reject("agency_name", agency_problem.where(placeless & ~written, None))
    problems.reject("region", pd.Series(np.where(placeless & ~written & agency_problem.isna(), PLACELESS, None),
                                        index=frame.index))
    unplaced = region.isna() & ~blank(frame["region"]) & ~placeless  # placed by province only: say so
    problems.warn("region", _then(region_errors.where(unplaced & ~from_agency, None),
                                  "Kasus dimuat di tingkat provinsi."))
    problems.warn("province", province_errors.where(~placeless, None))
    _former_names(frame, places, region, problems)


def _region_text(text, province_code, hint=None):
    """A region column's cell: a name or code, else a place named inside longer text ('Kec. Ciawi, Kab. Bogor',
    'Dinas Kesehatan Kota Bogor') read like an agency name; the matcher's own reason when neither places it.

    Without a province column, the province the register's title names (`hint`) settles a name two provinces
    share; a name that is not in that province is still read on its own.
    """
    matcher = load_matcher()
    if not province_code and hint:
        try:
            return matcher.region(text, hint)
        except NormalizeError:
            pass
    try:
        return matcher.region(text, province_code)
    except NormalizeError:
        found = agency_place(text, province_code)
        if found.region_code:
            return found.region_code
        raise


def _titled_place(title: str, file_name: str) -> AgencyPlace:
    """The place the first title line (else the file name) names, read like an agency name."""
    for line in [*str(title or "").splitlines(), Path(file_name).stem.replace("_", " ") if file_name else ""]:
        found = agency_place(line) if line.strip() else AgencyPlace()
        if found.region_code or found.province_code:
            return found
    return AgencyPlace()


def _agency_place(name, other, province_code) -> AgencyPlace:
    """The place of the first agency column, else of the second ('SDN 1 Sukamaju' | 'Pemkab Garut')."""
    first = agency_place(name, province_code) if name else AgencyPlace()
    if (first.region_code or first.province_code or first.level == "pusat") or not other:
        return first
    second = agency_place(other, province_code)
    return second if (second.region_code or second.province_code or second.level) else first


def _same_name(written: pd.Series, codes: pd.Series) -> pd.Series:
    """True where a region column's text is the name of the region the agency gives ('Tegal' beside Pemkab Tegal)."""
    matcher = load_matcher()
    names, _ = per_distinct(lambda text, code: bool(code) and split_kind(text)[1] == split_kind(
        matcher.names[code])[1], written, codes)
    return names.fillna(False).astype(bool)


def _not_nips(out: pd.DataFrame, problems) -> None:
    """A note for the report per value of the NIP column that is not a NIP (a placeholder such as
    000000000000000000, or words): kept as written, never used to link or to tell people apart (etl.link.names)."""
    odd = out["subject_nip"].notna() & out["_nip"].isna()
    for value, count in out.loc[odd, "subject_nip"].value_counts().items():
        problems.note("subject_nip", value, f"'{value}' bukan NIP (18 angka diawali tanggal lahir): disimpan apa "
                      "adanya, tidak dipakai untuk menautkan", int(count))


def _former_names(frame, places, region, problems) -> None:
    """Notes for the report: a former region name read as today's region, in the region column or the agency."""
    matcher = load_matcher()
    notes, _ = per_distinct(lambda text: None if is_blank(text) else matcher.former_name(text), frame["region"])
    found = notes.notna() & region.notna()
    for (text, note), count in pd.DataFrame({"t": frame["region"][found], "n": notes[found]}).value_counts().items():
        problems.note("region", text, f"'{text}' adalah {note}", int(count))
    agency_notes = places.map(lambda p: p.note)
    found = agency_notes.notna() & region.notna()
    for (text, note), count in pd.DataFrame({"t": frame["agency_name"][found], "n": agency_notes[found]}
                                            ).value_counts().items():
        problems.note("agency_name", text, note, int(count))


# --- vocabularies ----------------------------------------------------------------------------------------------


def _taxonomy(frame, out, problems, reading: Reading) -> None:
    """The controlled vocabularies: violation type and form, status and where a case went, position, employee
    type, sources, class and severity as written."""
    book = reading.book
    _violation(frame, out, problems, book)
    _status(frame, out, problems, book)
    read_position = _taught(book, "position", lambda text: taxonomy.rule_value("position_class", text))
    position, _ = per_distinct(read_position, frame["position"])
    problems.unread("position", "position", position.isna())
    out["position_class"] = position.fillna("lainnya").where(~blank(frame["position"]), None).astype(object)
    read_type = _taught(book, "employee_type", lambda text: taxonomy.rule_value("employee_type", text))
    employee, _ = per_distinct(read_type, frame["employee_type"])
    problems.unread("employee_type", "employee_type", employee.isna() & ~blank(frame["employee_type"]))
    from_position, _ = per_distinct(lambda text: taxonomy.rule_value("employee_type", text), frame["position"])
    out["employee_type"] = employee.replace("", None).fillna(from_position.replace("", None)).astype(object)
    for column, func in (("source_kind", taxonomy.source_kind), ("severity", taxonomy.severity),
                         ("violation_class", taxonomy.violation_class)):
        values, errors = per_distinct(_taught(book, column, func), frame[column])
        problems.warn(column, _then(errors, "Kolom ini dikosongkan."))
        problems.unread(column, column, errors.notna())
        out[column] = values.astype(object)
    out["subject_nip"] = nip_texts(frame["subject_nip"])
    out["_nip"] = link_nips(out["subject_nip"])  # what tells people apart (not a column of cases: never inserted)
    _not_nips(out, problems)
    from_sanction, _ = per_distinct(lambda text: quietly(taxonomy.severity, text), frame["sanction"])
    from_status, _ = per_distinct(lambda text: quietly(taxonomy.severity, text), frame["status"])
    out["severity"] = out["severity"].fillna(from_sanction).fillna(from_status.where(out["status"] == "disanksi"))
    sanction_class, _ = per_distinct(taxonomy.sanction_class, frame["sanction"])
    status_class, _ = per_distinct(taxonomy.sanction_class, frame["status"])
    out["violation_class"] = out["violation_class"].fillna(sanction_class).fillna(
        status_class.where(out["status"] == "disanksi")).astype(object)
    read_agency = _taught(book, "source_agency", lambda text: taxonomy.rule_value("source_agency", text))
    agency, _ = per_distinct(read_agency, frame["source_agency"])
    problems.unread("source_agency", "source_agency", agency.isna())
    agency = agency.where(blank(frame["source_agency"]), agency.fillna("lainnya"))
    by_title = frame["_sheet"].map({n: _one_agency(t) for n, t in enumerate(reading.titles)})
    by_file = _one_agency(Path(reading.file_name).stem.replace("_", " ")) if reading.file_name else None
    out["source_agency"] = agency.fillna(reading.defaults.source_agency or np.nan).fillna(by_title).fillna(
        by_file or "lainnya").astype(object)
    for column in ("agency_name", "sanction", "description", "subject_name"):
        out[column] = tidy_text(frame[column])
    out["agency_name"] = out["agency_name"].fillna(tidy_text(frame["agency_2"]))


def _one_agency(text) -> str | None:
    """The source agency of the first title line that names one ('BAWASLU PROVINSI JAWA TENGAH')."""
    for line in str(text or "").splitlines():
        found = taxonomy.rule_value("source_agency", line)
        if found in SOURCE_AGENCIES:
            return found
    return None


def _violation(frame, out, problems, book: Phrasebook) -> None:
    read_type = _taught(book, "violation_type", taxonomy.violation_type)

    def kind_of(text):
        value = read_type(text)
        return (value, None) if isinstance(value, str) else value

    (kind, implied), _ = per_distinct(kind_of, frame["violation_type"], parts=2)
    named, _ = per_distinct(lambda text: is_blank(text) or book.phrase("violation_type", text) is not None or bool(
        taxonomy.type_by_rules(fold(text)) or taxonomy.forms_in(fold(text))), frame["violation_type"])
    problems.unread("violation_type", "violation_type", ~named.astype(bool))
    vague = (kind == "lainnya").to_numpy()  # the category says nothing: read the description instead
    (described, described_form), _ = per_distinct(taxonomy.violation_type, frame.loc[vague, "description"], parts=2)
    better = (described != "lainnya").reindex(kind.index, fill_value=False)
    kind, implied = kind.mask(better, described), implied.mask(better, described_form)
    form, errors = per_distinct(_taught(book, "violation_form", taxonomy.violation_form), frame["violation_form"])
    problems.warn("violation_form", _then(errors, "Kolom ini dikosongkan."))
    problems.unread("violation_form", "violation_form", errors.notna())
    out["violation_form"] = form.fillna(implied).astype(object)
    (by_form, _), _ = per_distinct(taxonomy.violation_type, out["violation_form"], parts=2)  # 'D6' alone: media
    out["violation_type"] = kind.mask(kind == "lainnya", by_form).fillna("lainnya").astype(object)


def _status(frame, out, problems, book: Phrasebook) -> None:
    """Status from one or two status columns (the furthest stage counts); a status that can't be read loads as
    dilaporkan with a warning. Where the register says nothing, its other columns may: a sanction imposed,
    a sanction date, a recommendation, a forward. forwarded_to wherever a text says the case was sent on."""
    read = _taught(book, "status", taxonomy.status)
    stages, unreadable = [], []
    for column, header in (("status", "_status_header"), ("status_2", "_status_2_header")):
        values, errors = per_distinct(read, frame[column], frame[header])
        unreadable.append((column, errors))
        problems.unread("status", column, errors.notna())
        stages.append(values.where(~blank(frame[column]), None))
    first, second = stages
    both = first.notna() & second.notna()
    further = second.map(STAGE).fillna(-1) > first.map(STAGE).fillna(-1)
    status = first.where(~(both & further), second).fillna(second)
    forwarded = None
    for column in ("status", "status_2", "sanction"):
        found, _ = per_distinct(_taught(book, "forwarded_to", taxonomy.forwarded_to), frame[column])
        forwarded = found if forwarded is None else forwarded.fillna(found)
    out["forwarded_to"] = forwarded.astype(object)
    sanction_names, _ = per_distinct(taxonomy.sanction_class, frame["sanction"])
    recommended, _ = per_distinct(lambda header: bool(RECOMMENDED.search(fold(header))), frame["_sanction_header"])
    recommended = recommended.astype(bool)
    evidence = pd.Series(None, index=frame.index, dtype=object)
    evidence = evidence.mask(forwarded.notna(), "terbukti")
    # a sanction named under a "Rekomendasi" header was only recommended; under any other header it was imposed
    imposed = np.where(~recommended, "disanksi", "terbukti")
    evidence = evidence.mask(sanction_names.notna(), imposed)
    evidence = evidence.mask(out["sanction_date"].notna(), "disanksi")
    out["status"] = status.fillna(evidence).fillna("dilaporkan").astype(object)
    for column, errors in unreadable:  # say what the case was loaded as: the other columns may have said more
        problems.warn(column, _then(errors, "") + "Dimuat sebagai " + out["status"].astype(object) + ".")


# --- severity --------------------------------------------------------------------------------------------------


def _severity(frame, out, *_) -> None:
    """Class and severity: as written (or as the sanction implies), else from the SKB 2022 matrix (inferred).

    Only civil servants' cases under PP 94/2021 and SKB 2022 are inferred: never Pilkada 2020 (PP 53/2010,
    SKB 2020), never non-ASN (village heads and honorer fall under other laws)."""
    candidates_set = out["election"].map({code: e.candidates_set for code, e in elections().items()})
    day = out["incident_date"].fillna(out["report_date"])
    under_skb = ((out["regime"] == SKB_2022) & (out["employee_type"] != "non_asn")).to_numpy()  # not village heads
    known = (candidates_set.notna() & day.notna()).to_numpy() & under_skb
    undated = under_skb & ~known
    (inferred_class, guessed), _ = per_distinct(
        taxonomy.infer_severity, out.loc[known, "violation_type"], out.loc[known, "violation_form"], day[known],
        pd.to_datetime(candidates_set[known]), parts=2)
    (undated_class, undated_guess), _ = per_distinct(
        lambda kind, form: taxonomy.infer_severity(kind, form, None, None),
        out.loc[undated, "violation_type"], out.loc[undated, "violation_form"], parts=2)
    inferred_class = pd.concat([inferred_class, undated_class]).reindex(out.index)
    guessed = pd.concat([guessed, undated_guess]).reindex(out.index)
    out["violation_class"] = out["violation_class"].fillna(inferred_class)
    fill = out["severity"].isna() & (out["violation_class"] == inferred_class)
    out["severity_inferred"] = (fill & guessed.notna()).astype(bool)
    out["severity"] = out["severity"].mask(fill, guessed).astype(object)


# --- identity --------------------------------------------------------------------------------------------------

NO_IDENTITY = ("Baris tidak menyebut nomor register, nama, NIP, jabatan, instansi, jenis atau uraian "
               "pelanggaran; tidak ada yang dapat dihitung sebagai kasus.")
NO_DATE = "Tidak ada tanggal sama sekali; kasus dimuat tanpa tanggal (tidak tampil pada linimasa)."


def _identity(frame, out, problems, *_) -> None:
    """case_id as registered, or a stable hash of the row's content; _person says who within the case. A row
    that names nothing at all can't be counted."""
    registered = tidy_text(frame["case_id"])
    nameless = registered.isna() & out["subject_name"].isna() & out["subject_nip"].isna() \
        & out["agency_name"].isna() & out["description"].isna() & blank(frame["violation_type"]) \
        & blank(frame["position"])
    problems.reject("case_id", pd.Series(np.where(nameless, NO_IDENTITY, None), index=frame.index))
    fingerprint = row_fingerprints(out, needed=registered.isna() | anonymous(out))
    out["case_id"] = registered.fillna(HASH_PREFIX + fingerprint.astype("str")).astype(object)
    out["_person"] = person_keys(out, fingerprint, out["_nip"])
    undated = out[list(DATE_COLUMNS)].isna().all(axis=1) & out["election"].notna()
    for column in DATE_COLUMNS:
        undated &= blank(frame[column])
    problems.warn("incident_date", pd.Series(np.where(undated, NO_DATE, None), index=frame.index))


# --- one row, for tests and for checking a row by hand ---------------------------------------------------------


def check_row(row: dict, defaults: Defaults = Defaults(), book: Phrasebook = EMPTY) -> Validated:
    """One register row (canonical column -> raw text) through the same code path as a whole register."""
    cells = {column: "" if value is None else str(value) for column, value in row.items()}
    frame = pd.DataFrame([cells], dtype="str").assign(_sheet=0, _row=2)
    return validate_frame(frame, Reading(defaults, book=book))


def validate_row(row: dict, defaults: Defaults = Defaults(), book: Phrasebook = EMPTY):
    """The row's case records (one per person), or, when it is rejected, its problems (column, value, reason)."""
    checked = check_row(row, defaults, book)
    if len(checked.rejected):
        return [(p["column"], p["value"], p["reason"]) for p in checked.rejected.to_dict("records")]
    return checked.records[list(CASE_COLUMNS)].to_dict("records")


def warnings_of(row: dict, defaults: Defaults = Defaults(), book: Phrasebook = EMPTY) -> list[tuple[str, str]]:
    """(column, reason) of the warnings one row gives."""
    return [(p["column"], p["reason"]) for p in check_row(row, defaults, book).warnings.to_dict("records")]


__all__ += ["warnings_of", "NormalizeError"]
