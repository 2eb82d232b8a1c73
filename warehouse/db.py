"""Warehouse generations: build a new database file, check it, then publish it with one atomic symlink swap.

Readers open `current.duckdb` resolved to its real path, read-only and short-lived, so a load never blocks
them and they never see half a load (DuckDB caches instances by path; versioned file names avoid stale reads).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

import settings
from warehouse.checks import failed_checks
from warehouse.health import GenerationBroken, health
from warehouse.person_cases import fill_person_cases
from warehouse.rules import define_rules
from warehouse.schema import SCHEMA_SQL, SCHEMA_VERSION, migrate, migrations, schema_version  # noqa: F401 (db's API)
from warehouse.stages import fill_person_case_stages

CURRENT = "current.duckdb"
PREFIX, SUFFIX = "netra-", ".duckdb"  # a generation is netra-<id>.duckdb; its id sorts by the time it was made
LOCK_FILE = ".write.lock"  # one writer at a time across processes (etl load, etl demo)
REFERENCE_TABLES = {  # table -> (csv file, select list mapping the csv columns to the table)
    "regions": ("regions.csv", "kode, nama, jenis, kode_prov, nama_prov, lat, lon"),
    "provinces": ("provinces.csv", "code, name, pns_count"),
    "elections": ("elections.csv", "*"),
    "election_stages": ("election_stages.csv", "*"),
    "election_regions": ("election_regions.csv", "election, level, code, name, source"),
}


class CheckFailed(RuntimeError):
    """A new generation broke a data check; nothing was published."""

    def __init__(self, failures: list[str]):
        super().__init__("Pemeriksaan data gagal, tidak ada yang diterbitkan:\n- " + "\n- ".join(failures))
        self.failures = failures


def current_path() -> Path | None:
    """Real path of the published generation, or None when nothing has been published yet."""
    link = settings.warehouse_dir() / CURRENT
    # a link whose file has gone still names the published generation: health() then says it is missing
    return Path(os.path.realpath(link)) if link.exists() or link.is_symlink() else None


def generation_id(path: Path) -> str:
    """The id people type (`etl restore ID`): the file name between 'netra-' and '.duckdb'."""
    return path.name.removeprefix(PREFIX).removesuffix(SUFFIX)


def new_generation_id() -> str:
    """'<local time to the second>-<nanoseconds>' from ONE clock reading, so ids sort in the order they were made
    (reading the clock twice could put a generation made just after a second boundary before its elder)."""
    now = time.time_ns()
    return f"{time.strftime('%Y%m%dT%H%M%S', time.localtime(now // 10**9))}-{now % 10**9:09d}"


def published_path() -> Path:
    """The published generation's real path; a clear FileNotFoundError when there is none yet."""
    path = current_path()
    if path is None:
        raise FileNotFoundError(
            f"Belum ada gudang data di {settings.warehouse_dir()}: jalankan `python -m etl demo` atau "
            "`python -m etl load FILE`."
        )
    return path


def connect_read_only(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """Open a generation read-only; the caller closes it soon (use it as a context manager).

    A file DuckDB cannot open (empty, random bytes, a cut header) raises GenerationBroken, never DuckDB's error.
    """
    path = path or published_path()
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        raise GenerationBroken(generation_id(path), health(path).reason or str(error)) from None


@contextmanager
def writer_lock() -> Iterator[None]:
    """Hold the warehouse's write lock: two writers at once would copy the same generation and one would be lost."""
    folder = settings.warehouse_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK_FILE, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Menunggu penulisan lain ke gudang data selesai…", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield  # the lock goes with the file handle


@contextmanager
def new_generation(*, fresh: bool = False, base: Path | None = None, made_by: str | None = None,
                   source: str | None = None, publish: bool = True,
                   made_from: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-write connection to a new generation inside one transaction; publish it if all goes well.

    The new file starts as a copy of `base` (default: the current generation; nothing when `fresh`), migrated to
    this Netra's schema, with the rule macros regenerated from vocab.py and the reference tables reloaded from
    data/reference. A base that cannot be read raises GenerationBroken before anything is written: building on
    it would publish a broken or half-empty warehouse. `made_by` (demo, load, restore, rebuild) and `source` say
    what made the generation and are kept in its meta with who and when; without them they are read from the
    new generation itself (a demo build, or the files of the loads it added). On any exception, or a failed
    check, the file is removed and the current generation stays as it was; `publish=False` checks and removes.
    `made_from` names the generation a fresh one was made from (a rebuild), when it is not its `base`.
    """
    folder = settings.warehouse_dir()
    folder.mkdir(parents=True, exist_ok=True)
    keep = settings.keep_generations()  # a bad setting is refused before anything is built
    base = None if fresh else (base or current_path())
    found = health(base) if base is not None else None
    if found is not None and not found.readable:
        raise GenerationBroken(generation_id(base), found.reason)
    path = folder / f"{PREFIX}{new_generation_id()}{SUFFIX}"
    if base is not None:
        shutil.copyfile(base, path)
    con = duckdb.connect(str(path))
    try:
        con.execute("begin transaction")
        if base is None:
            con.execute(SCHEMA_SQL.read_text())
        migrate(con)
        define_rules(con)
        _reload_reference(con)
        loads_before = _load_files(con)
        yield con
        fill_derived(con)
        _record_lineage(con, base or made_from, made_by, source or _new_loads(con, loads_before), fresh)
        failures = failed_checks(con)
        if failures:
            raise CheckFailed(failures)
        con.execute("commit" if publish else "rollback")
        con.close()
    except BaseException:
        con.close()
        path.unlink(missing_ok=True)
        raise
    if publish:
        publish_generation(path, keep)
    else:
        path.unlink(missing_ok=True)


DERIVED_SQL = (  # columns every generation derives from its own rows just before the checks
    """update cases set regime = e.regime from elections e
       where e.election = cases.election and cases.regime is distinct from e.regime""",
    # a record nobody linked is a person-case of its own (etl.link joins records of one person in one case)
    """update cases set person_case_id = 'R' || substr(md5(concat_ws('|', election, source_agency, case_id,
       subject_no)), 1, 15) where person_case_id is null""",
)


LINEAGE_KEYS = ("made_by", "made_at", "made_by_user", "source", "made_from")  # meta rows of what made a generation


def _load_files(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """load_id -> source file of every load a generation holds."""
    return dict(con.execute("select load_id, source_file from load_batches").fetchall())


def _new_loads(con: duckdb.DuckDBPyConnection, before: dict[str, str]) -> str | None:
    """The files of the loads this generation added, as one line (None when it added none)."""
    added = sorted({file for load_id, file in _load_files(con).items() if load_id not in before})
    return ", ".join(added) or None


def demo_source(meta: dict[str, str]) -> str:
    """A demo generation's source in words, from its meta: 'benih 2024, skala 1.0'."""
    return f"benih {meta.get('demo_seed', '?')}, skala {meta.get('demo_scale', '?')}"


def _record_lineage(con, base: Path | None, made_by: str | None, source: str | None, fresh: bool) -> None:
    """What made this generation, who and when, into its meta (the copy's own lineage is replaced)."""
    from warehouse.audit import cli_user  # who runs this process (a load from the app runs as its own process)

    if made_by is None:
        meta = dict(con.execute("select key, value from meta").fetchall())
        made_by = "demo" if fresh and meta.get("synthetic") == "true" else "load" if source else "lainnya"
        if made_by == "demo":
            source = demo_source(meta)
    values = {"made_by": made_by, "made_at": dt.datetime.now().isoformat(timespec="seconds"),
              "made_by_user": cli_user(), "source": source or "", "made_from": generation_id(base) if base else ""}
    con.executemany("insert or replace into meta values (?, ?)", [[key, values[key]] for key in LINEAGE_KEYS])


def fill_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Derived columns and tables: the regime of the case's election, a person-case id for records linked to none,
    person_cases (one row per person-case) and person_case_stages (its hands in the cross-agency flow) made again
    from the cases.

    Run on every new generation before its checks (again after a caller ran it: the result is the same)."""
    for statement in DERIVED_SQL:
        con.execute(statement)
    fill_person_cases(con)
    fill_person_case_stages(con)


def _reload_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Replace the reference tables with the committed CSVs, so a reference fix reaches the next generation."""
    for table, (csv_name, columns) in REFERENCE_TABLES.items():
        # table and column names come from the constant above, never from input; the path is bound
        con.execute(f"delete from {table}")  # noqa: S608
        con.execute(
            f"insert into {table} select {columns} from read_csv(?, header = true, all_varchar = true)",  # noqa: S608
            [str(settings.REFERENCE_DIR / csv_name)],
        )


def publish_generation(path: Path, keep: int | None = None) -> None:
    """Point current.duckdb at `path` with an atomic rename, then prune generations nobody should still need."""
    folder = path.parent
    tmp = folder / f".{CURRENT}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    os.symlink(path.name, tmp)
    os.replace(tmp, folder / CURRENT)
    prune_generations(folder, keep if keep is not None else settings.keep_generations())


def generation_files(folder: Path | None = None) -> list[Path]:
    """Every generation file in the warehouse folder, newest first (names sort by the time they were made)."""
    return sorted((folder or settings.warehouse_dir()).glob(f"{PREFIX}*{SUFFIX}"), reverse=True)


def prune_generations(folder: Path, keep: int = settings.KEEP_GENERATIONS, min_age_s: float = 600) -> list[Path]:
    """Delete generations older than `min_age_s` seconds that nobody should need any more.

    Those are published generations beyond the newest `keep` (NETRA_KEEP_GENERATIONS: what `etl restore` can
    still bring back), and files newer than the current one: a writer that was killed before publishing left
    them (a writer still at work is younger than `min_age_s`). Readers that still hold an old file open keep
    reading it (the inode lives until they close).
    """
    current = Path(os.path.realpath(folder / CURRENT))
    generations = generation_files(folder)
    unpublished = [g for g in generations if g.name > current.name]
    published = [g for g in generations if g.name <= current.name]
    removed = []
    for old in unpublished + published[keep:]:
        if old != current and time.time() - old.stat().st_mtime > min_age_s:
            old.unlink(missing_ok=True)
            removed.append(old)
    return removed
