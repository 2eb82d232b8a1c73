"""Load registers into the warehouse: each file in its own checked generation, so a file is all in or all out.

A file already loaded (same sha256) adds nothing. People already in the warehouse under the same case, and
repeats inside a file, are counted as duplicates and not inserted. Rejected rows and warnings are kept with
their reasons so the steward can correct them (`python -m etl rejected`). A preview (`dry_run`) computes exactly
the same outcome against the published generation and writes nothing.

A real load into the demo warehouse replaces the demo: the new generation starts empty, without the synthetic
cases, their batches and `meta.synthetic`, so the warehouse never claims to be synthetic once a real row is in it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from etl import archive, phrasebook
from etl.identity import CASE_KEY, number_subjects, person_keys, replace_people
from etl.link import link_generation
from etl.pipeline import FileReading, problems_frame, read_file, sha256_of
from etl.sql import statement
from etl.validate import CASE_COLUMNS, Defaults
from warehouse import audit, db

EXAMPLES = 20  # rejected / warned rows and unknown phrases shown per file in the report


@dataclass
class LoadResult:
    """What happened to one file (or would, in a preview): counts as in load_batches, or why nothing was written."""

    source_file: str
    load_id: str | None = None
    sha256: str = ""
    election: str | None = None
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    rows_duplicate: int = 0
    rows_warned: int = 0
    rows_linked: int | None = None  # records that joined an existing person-case (None in a preview: not linked)
    link_pending: int | None = None  # pairs of this load's elections waiting for a steward after it
    already_loaded: str | None = None  # load_id of the earlier load of the very same file
    error: str | None = None  # one line: why the file could not be used (nothing from it was written)
    replaced_demo: int | None = None  # synthetic cases removed because this real load replaced the demo
    rows_replaced: int = 0  # records a correction of warned rows replaced
    dry_run: bool = False
    columns: list[dict] = field(default_factory=list)  # the column mapping (etl.mapping.ColumnChoice.report)
    unknown: list[dict] = field(default_factory=list)  # phrases nobody taught, per field, with counts
    notes: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)  # the first rejected problems
    warned: list[dict] = field(default_factory=list)  # the first warnings
    totals_skipped: int = 0
    sheets: list[dict] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """2 unusable, 3 loaded with rejects or duplicates (or nothing new), 0 every row loaded."""
        if self.error:
            return 2
        return 3 if self.already_loaded or self.rows_rejected or self.rows_duplicate else 0

    @property
    def status(self) -> str:
        """unusable | already_loaded | loaded | loaded_with_problems (rows rejected or duplicate)."""
        if self.error:
            return "unusable"
        if self.already_loaded:
            return "already_loaded"
        return "loaded_with_problems" if self.exit_status == 3 else "loaded"

    @property
    def unmapped(self) -> list[dict]:
        return [column for column in self.columns if column["field"] is None and column["how"] != "netra"]

    def summary(self) -> str:
        """One Indonesian line for the steward."""
        if self.error:
            return f"GAGAL  {self.error}"
        if self.already_loaded:
            return (f"SUDAH  {self.source_file}: berkas yang sama persis sudah dimuat ({self.already_loaded}); "
                    "tidak ada yang ditambahkan.")
        word, verb = ("PRATINJAU", "akan dimuat") if self.dry_run else ("DIMUAT", "dimuat")
        where = "" if self.dry_run else f" ({self.load_id})"
        replaced = f" ({self.rows_replaced} menggantikan catatan yang diperbaiki)" if self.rows_replaced else ""
        linked = "" if self.rows_linked is None else f", {self.rows_linked} bergabung dengan kasus yang sudah ada"
        pending = (f"; {self.link_pending} pasangan catatan menunggu keputusan (python -m etl links)"
                   if self.link_pending else "")
        return (f"{word} {self.source_file}{where}: {self.rows_read} baris register dibaca, "
                f"{self.rows_loaded} kasus {verb}{replaced}, {self.rows_rejected} baris ditolak, "
                f"{self.rows_duplicate} ganda dilewati, {self.rows_warned} baris dengan peringatan{linked}{pending}.")


DEMO_REPLACED = ("Gudang data demo (sintetis) diganti: {n} kasus sintetis dihapus; gudang kini hanya berisi data "
                 "nyata. `etl demo` membuatnya lagi.")


class Progress:
    """A one-line progress bar on stderr (no dependency): stages of a load, redrawn in place."""

    WIDTH = 30

    def __init__(self, label: str, steps: int, enabled: bool = True):
        self.label, self.steps, self.done, self.enabled = label, steps, 0, enabled
        self.started, self.shown = time.perf_counter(), False

    def step(self, what: str) -> None:
        """Mark one more step done and redraw, naming what is being done now."""
        self.done = min(self.done + 1, self.steps)
        if self.enabled:
            filled = round(self.WIDTH * self.done / self.steps)
            bar = "█" * filled + "·" * (self.WIDTH - filled)
            seconds = time.perf_counter() - self.started
            end = "\n" if self.done == self.steps else ""
            self.shown = True
            print(f"\r{self.label} [{bar}] {100 * self.done // self.steps:3d}% {seconds:5.1f} s  {what:<24}",
                  end=end, file=sys.stderr, flush=True)

    def close(self) -> None:
        """End the bar's line if a load stopped half way (so the error starts on a line of its own)."""
        if self.shown and self.done < self.steps:
            print(file=sys.stderr, flush=True)


def load_files(
    paths, election: str | None = None, source_agency: str | None = None, progress: bool = True,
    dry_run: bool = False, by: str | None = None,
) -> list[LoadResult]:
    """Load (or preview) each file in its own generation; a file that can't be used is reported, the others go on.

    Every run is audited (`warehouse.audit`): a load with who, files, sha256 and outcome; a preview as such.
    """
    defaults = Defaults(election, source_agency)
    by = by or audit.cli_user()
    book = phrasebook.load()
    results = []
    for path in map(Path, paths):
        try:
            results.append(load_file(path, defaults, progress, dry_run=dry_run, by=by, book=book))
        except (db.CheckFailed, archive.ArchiveError) as error:
            results.append(LoadResult(path.name, error=f"{path.name}: {error}".replace("\n", " "), dry_run=dry_run))
    _audit(results, defaults, by, dry_run)
    return results


def _audit(results: list[LoadResult], defaults: Defaults, by: str, dry_run: bool) -> None:
    statuses = {result.exit_status for result in results}
    outcome = "unusable" if 2 in statuses else "partial" if 3 in statuses else "ok"
    audit.record("load_preview" if dry_run else "load", by, outcome=outcome,
                 files=[result.source_file for result in results], sha256=[result.sha256 for result in results],
                 load_ids=[result.load_id for result in results],
                 statuses=[result.status for result in results],
                 rows_loaded=sum(result.rows_loaded for result in results),
                 rows_rejected=sum(result.rows_rejected for result in results),
                 replaced_demo=next((r.replaced_demo for r in results if r.replaced_demo is not None), None),
                 options={"election": defaults.election, "source_agency": defaults.source_agency})


def load_file(path: Path, defaults: Defaults = Defaults(), progress: bool = False, dry_run: bool = False,
              by: str | None = None, book: phrasebook.Phrasebook | None = None) -> LoadResult:
    """Read, validate and publish (or preview) one register; an unusable file gives a result with its reason."""
    bar = Progress(path.name, 11, progress)
    try:
        if dry_run:
            return _load(path, defaults, bar, True, by or audit.cli_user(), book or phrasebook.load())
        with db.writer_lock():
            return _load(path, defaults, bar, False, by or audit.cli_user(), book or phrasebook.load())
    finally:
        bar.close()


def _load(path: Path, defaults: Defaults, bar: Progress, dry_run: bool, by: str,
          book: phrasebook.Phrasebook) -> LoadResult:
    """load_file's steps, reporting each to the progress bar."""
    sha256 = sha256_of(path)
    how = reading_fingerprint(defaults, book)
    earlier = _earlier_load(sha256, how) if sha256 else None
    if earlier:
        if not dry_run:  # loaded before the archive existed (or its copy was lost): keep the bytes now
            _archive_earlier(path, sha256, earlier)
        return LoadResult(path.name, sha256=sha256, already_loaded=earlier[0], dry_run=dry_run)
    bar.step("membaca berkas")
    reading = read_file(path, defaults, book, on_step=bar.step)
    if reading.error:
        return LoadResult(path.name, sha256=reading.sha256, error=reading.error, dry_run=dry_run)
    checked = reading.validated
    result = file_result(reading, defaults, dry_run)
    tag = reading.sha256 if not how else hashlib.sha256((reading.sha256 + how).encode()).hexdigest()
    load_id = None if dry_run else f"{time.strftime('%Y%m%dT%H%M%S')}-{tag[:8]}"
    result.load_id = load_id
    bar.step("menulis generasi baru" if not dry_run else "menghitung pratinjau")
    if dry_run:
        _numbered(reading, _existing_people_published(checked.records), result)
        result.replaced_demo = _synthetic_cases() or None
        bar.step("selesai")
        return result
    synthetic = _synthetic_cases()
    loaded_at, kept = dt.datetime.now(), None
    try:
        with db.new_generation(fresh=bool(synthetic)) as con:
            options = write_load(con, reading, defaults, book, result, loaded_at, by)
            kept = archive.keep(path, reading.sha256)  # before the publish: a published load always has its file
            bar.step("memeriksa gudang data")
    except BaseException:
        archive.discard(kept)
        raise
    archive.record(kept, path.name, load_id, loaded_at, by, options)
    result.replaced_demo = synthetic or None
    bar.step("selesai")
    return result


def write_load(con: duckdb.DuckDBPyConnection, reading: FileReading, defaults: Defaults, book: phrasebook.Phrasebook,
               result: LoadResult, loaded_at: dt.datetime, by: str) -> str:
    """Write one read register into a generation as load `result.load_id`; fill in its counts; return its options.

    Everything a load writes happens here, for `etl load` and for every file `etl rebuild` replays, so a rebuild
    writes exactly what the loads wrote. The record linker (etl.link) re-links the elections of the load's
    records at the end, with the steward's kept decisions, so a rebuild re-links as the loads did; it fills in
    `rows_linked` (records that joined a person-case of another load) and `link_pending`.
    """
    checked = reading.validated
    cases, replaced = _numbered(reading, _existing_people(con, checked.records), result)
    _insert(con, "delete_replaced_warnings", replaced, "replaced_keys")
    _insert(con, "delete_replaced_cases", replaced, "replaced_keys")
    _insert(con, "insert_cases", _case_frame(cases, result.load_id), "incoming_cases")
    _insert(con, "insert_rejected", problems_frame(reading, checked.rejected, result.load_id), "incoming_problems")
    _insert(con, "insert_warnings", problems_frame(reading, checked.warnings, result.load_id), "incoming_problems")
    _copy_phrasebook(con, book)
    link = link_generation(con, elections=sorted(cases["election"].dropna().unique()), load_id=result.load_id)
    result.rows_linked, result.link_pending = link.joined or 0, link.pending
    options = json.dumps({"election": defaults.election, "source_agency": defaults.source_agency,
                          "phrasebook": book.fingerprint(), "reading": reading_fingerprint(defaults, book)},
                         ensure_ascii=False)
    con.execute(statement("insert_batch"), [
        result.load_id, reading.name, reading.sha256, loaded_at, result.election, result.rows_read,
        result.rows_loaded, result.rows_rejected, result.rows_duplicate, result.rows_warned, result.rows_linked,
        by, options,
        json.dumps({"sheets": result.sheets, "columns": result.columns}, ensure_ascii=False)])
    return options


def _numbered(reading: FileReading, existing: pd.DataFrame, result: LoadResult) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(records to insert, existing records they replace) and the counts into `result`: new people numbered after
    those known, repeats counted; a correction of warned rows takes the place of the records it came from."""
    records = reading.validated.records
    if reading.corrects_warnings:
        cases, replaced, duplicates = replace_people(records, existing)
    else:
        (cases, duplicates), replaced = number_subjects(records, existing), pd.DataFrame()
    result.rows_loaded, result.rows_duplicate, result.rows_replaced = len(cases), duplicates, len(replaced)
    return cases, replaced


def file_result(reading: FileReading, defaults: Defaults, dry_run: bool) -> LoadResult:
    """The counts and report of a file read, before publishing decides load_id and duplicates."""
    checked, register = reading.validated, reading.register
    warned_records = checked.warnings["_record"].unique()
    warned_rows = checked.records.loc[checked.records["_record"].isin(warned_records), "_record"].nunique()
    result = LoadResult(reading.name, sha256=reading.sha256, election=_one_election(checked.records, defaults),
                        rows_read=register.rows_read, rows_rejected=checked.rejected["_record"].nunique(),
                        rows_warned=int(warned_rows), dry_run=dry_run,
                        totals_skipped=sum(sheet.totals_skipped for sheet in register.sheets))
    result.columns = [choice.report() for sheet in reading.choices for choice in sheet]
    result.sheets = [{"name": sheet.name, "header_row": sheet.header_row, "rows": len(sheet.frame),
                      "title": sheet.title or None, "totals_skipped": sheet.totals_skipped}
                     for sheet in register.sheets]
    result.unknown = _unknown(reading)
    result.notes = checked.notes
    result.rejected = _examples(problems_frame(reading, checked.rejected.head(EXAMPLES * 4), None))
    result.warned = _examples(problems_frame(reading, checked.warnings.head(EXAMPLES * 4), None))
    return result


def _examples(problems: pd.DataFrame) -> list[dict]:
    frame = problems.head(EXAMPLES)
    return [{"row": int(row), "column": column, "value": value, "reason": reason}
            for row, column, value, reason in frame[["row_number", "column", "value", "reason"]].itertuples(
                index=False, name=None)]


def _unknown(reading: FileReading) -> list[dict]:
    """Phrases no rule or steward recognised: per field and value, how often and in which rows (teachable)."""
    unknown = reading.validated.unknown
    if unknown.empty:
        return []
    labels = {number: reading.mapped(number) for number in range(len(reading.register.sheets))}
    found = []
    for (field_name, column, value), group in unknown.groupby(["field", "column", "value"], sort=False):
        headers = sorted({labels[sheet].get(column, column) for sheet in group["_sheet"]})
        found.append({"field": field_name, "column": ", ".join(headers), "phrase": value, "count": len(group),
                      "rows": sorted({int(row) for row in group["_row"]})[:5]})
    found.sort(key=lambda entry: (entry["field"], -entry["count"], entry["phrase"]))
    return found


def _case_frame(cases: pd.DataFrame, load_id: str) -> pd.DataFrame:
    return cases[list(CASE_COLUMNS)].assign(load_id=load_id, source_row=cases["_row"].astype("int64"))


def _insert(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame, view: str) -> None:
    """Bulk-insert a DataFrame through one registered view (never row by row)."""
    if frame.empty:
        return
    con.register(view, frame)
    con.execute(statement(name))
    con.unregister(view)


def _copy_phrasebook(con: duckdb.DuckDBPyConnection, book: phrasebook.Phrasebook) -> None:
    """The phrasebook this generation was built with, so the app can show it and a generation records it."""
    con.execute(statement("clear_phrasebook"))
    rows = book.rows()
    if rows:
        _insert(con, "replace_phrasebook", pd.DataFrame(rows), "incoming_phrasebook")


def reading_fingerprint(defaults: Defaults, book: phrasebook.Phrasebook) -> str:
    """How a file is read besides its bytes: the phrasebook in force and the load options ('' for none of
    them, as loads before this was recorded). The same file read the same way is loaded once."""
    if not (book.fingerprint() or defaults.election or defaults.source_agency):
        return ""
    text = "|".join((book.fingerprint(), defaults.election or "", defaults.source_agency or ""))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _earlier_load(sha256: str, fingerprint: str) -> tuple | None:
    """(load_id, loaded_at, loaded_by, options) of an earlier load of this very file, read the same way, in the
    published generation, if any."""
    if db.current_path() is None:
        return None
    with db.connect_read_only() as con:
        return earlier_load(con, sha256, fingerprint)


def earlier_load(con: duckdb.DuckDBPyConnection, sha256: str, fingerprint: str) -> tuple | None:
    """As _earlier_load, in the generation `con` is connected to."""
    rows = con.execute(statement("earlier_load"), [sha256, fingerprint]).fetchall()
    return rows[0] if rows else None


def _archive_earlier(path: Path, sha256: str, earlier: tuple) -> None:
    """Archive a file already loaded, with a manifest line for the load that used it, if the bytes are missing."""
    if archive.problem(sha256) is None:
        return
    load_id, loaded_at, loaded_by, options = earlier
    archive.record(archive.keep(path, sha256), path.name, load_id, loaded_at, loaded_by or "", options)


def _synthetic_cases() -> int:
    """How many synthetic cases the published generation holds (0 when it is real or there is none)."""
    if db.current_path() is None:
        return 0
    with db.connect_read_only() as con:
        return int(con.execute(statement("synthetic_cases")).fetchall()[0][0])


def _existing_people(con: duckdb.DuckDBPyConnection, cases: pd.DataFrame) -> pd.DataFrame:
    """The warehouse records of the incoming case ids, with the same person keys as the incoming records."""
    con.register("incoming_keys", cases[CASE_KEY].drop_duplicates())
    existing = con.execute(statement("existing_people")).df()
    con.unregister("incoming_keys")
    return existing.assign(_person=person_keys(existing))


def _existing_people_published(cases: pd.DataFrame) -> pd.DataFrame:
    """As _existing_people, read from the published generation (a preview writes nothing); none if synthetic."""
    if db.current_path() is None or _synthetic_cases():
        return pd.DataFrame(columns=[*CASE_KEY, "subject_no", "load_id", "source_row", "_person"])
    with db.connect_read_only() as con:
        return _existing_people(con, cases)


def _one_election(cases: pd.DataFrame, defaults: Defaults) -> str | None:
    """The election of a file's records when they share one (load_batches.election), else None."""
    found = cases["election"].dropna().unique()
    return found[0] if len(found) == 1 else defaults.election
