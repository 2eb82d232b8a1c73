"""Load registers into the warehouse: each file in its own checked generation, so a file is all in or all out.

A file already loaded (same sha256) adds nothing. People already in the warehouse under the same case, and
repeats inside a file, are counted as duplicates and not inserted. Rejected rows are kept with their reasons so
the steward can correct them (`python -m etl rejected`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from etl.columns import canonical_frame, column_label
from etl.identity import CASE_KEY, number_subjects, person_keys
from etl.readers import Register, RegisterUnusable, read_register
from etl.validate import CASE_COLUMNS, Defaults, validate_frame
from warehouse import db

EXISTING_PEOPLE_SQL = """
    select c.election, c.source_agency, c.case_id, c.subject_no, c.subject_name, c.subject_nip, c.incident_date,
           c.report_date, c.region_code, c.province_code, c.agency_name, c.violation_type, c.description,
           '' as _people
    from cases c semi join incoming_keys k using (election, source_agency, case_id)
"""
EARLIER_LOAD_SQL = "select load_id from load_batches where sha256 = ? order by loaded_at limit 1"
BATCH_SQL = """insert into load_batches (load_id, source_file, sha256, loaded_at, election, rows_read, rows_loaded,
               rows_rejected, rows_duplicate) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"""


@dataclass
class LoadResult:
    """What happened to one file: counts as in load_batches, or why nothing was written."""

    source_file: str
    load_id: str | None = None
    sha256: str = ""
    election: str | None = None
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    rows_duplicate: int = 0
    already_loaded: str | None = None  # load_id of the earlier load of the very same file
    error: str | None = None  # one line: why the file could not be used (nothing from it was written)

    @property
    def exit_status(self) -> int:
        """2 unusable, 3 loaded with rejects or duplicates (or nothing new), 0 every row loaded."""
        if self.error:
            return 2
        return 3 if self.already_loaded or self.rows_rejected or self.rows_duplicate else 0

    def summary(self) -> str:
        """One Indonesian line for the steward."""
        if self.error:
            return f"GAGAL  {self.error}"
        if self.already_loaded:
            return (f"SUDAH  {self.source_file}: berkas yang sama persis sudah dimuat ({self.already_loaded}); "
                    "tidak ada yang ditambahkan.")
        return (f"DIMUAT {self.source_file} ({self.load_id}): {self.rows_read} baris register dibaca, "
                f"{self.rows_loaded} kasus dimuat, {self.rows_rejected} baris ditolak, "
                f"{self.rows_duplicate} ganda dilewati.")


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
    paths, election: str | None = None, source_agency: str | None = None, progress: bool = True
) -> list[LoadResult]:
    """Load each file in its own generation; a file that can't be used is reported and the others go on."""
    defaults = Defaults(election, source_agency)
    results = []
    for path in map(Path, paths):
        try:
            results.append(load_file(path, defaults, progress))
        except RegisterUnusable as error:
            results.append(LoadResult(path.name, error=str(error)))
        except db.CheckFailed as error:
            results.append(LoadResult(path.name, error=f"{path.name}: {error}".replace("\n", " ")))
    return results


def load_file(path: Path, defaults: Defaults = Defaults(), progress: bool = False) -> LoadResult:
    """Read, validate and publish one register; raises RegisterUnusable (nothing written) for an unusable file."""
    bar = Progress(path.name, 11, progress)
    try:
        with db.writer_lock():
            return _load(path, defaults, bar)
    finally:
        bar.close()


def _load(path: Path, defaults: Defaults, bar: Progress) -> LoadResult:
    """load_file's steps, reporting each to the progress bar."""
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    earlier = _earlier_load(sha256)
    if earlier:
        return LoadResult(path.name, sha256=sha256, already_loaded=earlier)
    bar.step("membaca berkas")
    register = read_register(path)
    bar.step("memeriksa baris")
    cases, problems = validate_frame(canonical_frame(register.sheets), defaults,
                                     tuple(sheet.name for sheet in register.sheets), on_step=bar.step)
    accounted = cases["_record"].nunique() + problems["_record"].nunique()
    if accounted != register.rows_read:  # every register row is loaded, a repeat, or rejected: never lost
        raise RuntimeError(f"{path.name}: {register.rows_read} baris dibaca tetapi {accounted} tercatat")
    load_id = f"{time.strftime('%Y%m%dT%H%M%S')}-{sha256[:8]}"
    bar.step("menulis generasi baru")
    with db.new_generation() as con:
        cases, duplicates = number_subjects(cases, _existing_people(con, cases))
        _insert_cases(con, cases, load_id)
        _insert_rejected(con, register, problems, load_id)
        result = LoadResult(
            path.name, load_id, sha256, _one_election(cases, defaults), register.rows_read, len(cases),
            problems["_record"].nunique(), duplicates,
        )
        con.execute(BATCH_SQL, [load_id, path.name, sha256, dt.datetime.now(), result.election, result.rows_read,
                                result.rows_loaded, result.rows_rejected, result.rows_duplicate])
        bar.step("memeriksa gudang data")
    bar.step("selesai")
    return result


def _earlier_load(sha256: str) -> str | None:
    """load_id of an earlier load of a file with this sha256 in the published generation, if any."""
    if db.current_path() is None:
        return None
    with db.connect_read_only() as con:
        rows = con.execute(EARLIER_LOAD_SQL, [sha256]).fetchall()
    return rows[0][0] if rows else None


def _existing_people(con: duckdb.DuckDBPyConnection, cases: pd.DataFrame) -> pd.DataFrame:
    """The warehouse records of the incoming case ids, with the same person keys as the incoming records."""
    con.register("incoming_keys", cases[CASE_KEY].drop_duplicates())
    existing = con.execute(EXISTING_PEOPLE_SQL).df()
    con.unregister("incoming_keys")
    return existing.assign(_person=person_keys(existing))


def _insert_cases(con: duckdb.DuckDBPyConnection, cases: pd.DataFrame, load_id: str) -> None:
    """Bulk-insert the accepted records through one DataFrame (never row by row)."""
    frame = cases[list(CASE_COLUMNS)].assign(load_id=load_id, source_row=cases["_row"].astype("int64"))
    con.register("incoming_cases", frame)
    con.execute("insert into cases by name select * from incoming_cases")
    con.unregister("incoming_cases")


def _insert_rejected(con, register: Register, problems: pd.DataFrame, load_id: str) -> None:
    """One rejected_rows row per problem: the header as the steward wrote it, the reason, the whole row as JSON."""
    if problems.empty:
        return
    several = len(register.sheets) > 1
    problems = problems.sort_values(["_sheet", "_row"], kind="stable")
    raws = {}
    for number, rows in problems.groupby("_sheet")["_row"]:
        sheet = register.sheets[number]
        for row, cells in zip(rows.unique(), sheet.frame.loc[rows.unique()].to_dict("records"), strict=True):
            cells = {"Lembar": sheet.name, **cells} if several else cells
            raws[number, row] = json.dumps(cells, ensure_ascii=False)
    rows = []
    for problem in problems.to_dict("records"):
        sheet = register.sheets[problem["_sheet"]]
        label = column_label(sheet, problem["column"])
        where = f"Lembar '{sheet.name}', baris {problem['_row']}" if several else f"Baris {problem['_row']}"
        rows.append((load_id, register.path.name, int(problem["_row"]), label, str(problem["value"]),
                     f"{where}, kolom '{label}': {problem['reason']}", raws[problem["_sheet"], problem["_row"]]))
    frame = pd.DataFrame(rows, columns=["load_id", "source_file", "row_number", "column", "value", "reason", "raw"])
    con.register("incoming_rejected", frame)
    con.execute("insert into rejected_rows by name select * from incoming_rejected")
    con.unregister("incoming_rejected")


def _one_election(cases: pd.DataFrame, defaults: Defaults) -> str | None:
    """The election of a file's records when they share one (load_batches.election), else None."""
    found = cases["election"].dropna().unique()
    return found[0] if len(found) == 1 else defaults.election
