"""Warehouse generations: build a new database file, check it, then publish it with one atomic symlink swap.

Readers open `current.duckdb` resolved to its real path, read-only and short-lived, so a load never blocks
them and they never see half a load (DuckDB caches instances by path; versioned file names avoid stale reads).
"""

from __future__ import annotations

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

CURRENT = "current.duckdb"
LOCK_FILE = ".write.lock"  # one writer at a time across processes (etl load, etl demo)
SCHEMA_SQL = Path(__file__).with_name("schema.sql")  # schema version 1, as the first Netra made it
MIGRATIONS_DIR = Path(__file__).with_name("migrations")  # NNN_name.sql: brings schema version NNN-1 to NNN
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
    return Path(os.path.realpath(link)) if link.exists() else None


def connect_read_only(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """Open a generation read-only; the caller closes it soon (use it as a context manager)."""
    path = path or current_path()
    if path is None:
        raise FileNotFoundError(
            f"Belum ada gudang data di {settings.warehouse_dir()}: jalankan `python -m etl demo` atau `etl load`."
        )
    return duckdb.connect(str(path), read_only=True)


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
def new_generation(*, fresh: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a read-write connection to a new generation inside one transaction; publish it if all goes well.

    The new file starts as a copy of the current generation (or empty when `fresh`), with the reference tables
    reloaded from data/reference. On any exception, or a failed check, the file is removed and the current
    generation stays as it was.
    """
    folder = settings.warehouse_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"netra-{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}.duckdb"
    base = None if fresh else current_path()
    if base is not None:
        shutil.copyfile(base, path)
    con = duckdb.connect(str(path))
    try:
        con.execute("begin transaction")
        if base is None:
            con.execute(SCHEMA_SQL.read_text())
        migrate(con)
        _reload_reference(con)
        yield con
        _fill_derived(con)
        failures = failed_checks(con)
        if failures:
            raise CheckFailed(failures)
        con.execute("commit")
        con.close()
    except BaseException:
        con.close()
        path.unlink(missing_ok=True)
        raise
    publish_generation(path)


def migrations() -> list[tuple[int, Path]]:
    """(version, file) of every migration, in order."""
    return sorted((int(path.name.split("_", 1)[0]), path) for path in MIGRATIONS_DIR.glob("[0-9]*_*.sql"))


SCHEMA_VERSION = max((version for version, _ in migrations()), default=1)  # what this Netra writes


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of a generation; one made before versions existed is version 1."""
    rows = con.execute("select value from meta where key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else 1


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations a generation lacks (inside the caller's transaction); return the version reached."""
    version = schema_version(con)
    if version > SCHEMA_VERSION:
        raise RuntimeError(f"Gudang data berskema versi {version}, lebih baru dari Netra ini ({SCHEMA_VERSION}); "
                           "perbarui Netra.")
    for number, path in migrations():
        if number > version:
            con.execute(path.read_text(encoding="utf-8"))
            version = number
    con.execute("insert or replace into meta values ('schema_version', ?)", [str(version)])
    return version


DERIVED_SQL = (  # columns every generation derives from its own rows just before the checks
    """update cases set regime = e.regime from elections e
       where e.election = cases.election and cases.regime is distinct from e.regime""",
    # a record nobody linked is a person-case of its own (etl.link joins records of one person in one case)
    """update cases set person_case_id = 'R' || substr(md5(concat_ws('|', election, source_agency, case_id,
       subject_no)), 1, 15) where person_case_id is null""",
)


def _fill_derived(con: duckdb.DuckDBPyConnection) -> None:
    """Derived columns: the regime of the case's election, and a person-case id for records linked to none."""
    for statement in DERIVED_SQL:
        con.execute(statement)


def _reload_reference(con: duckdb.DuckDBPyConnection) -> None:
    """Replace the reference tables with the committed CSVs, so a reference fix reaches the next generation."""
    for table, (csv_name, columns) in REFERENCE_TABLES.items():
        # table and column names come from the constant above, never from input; the path is bound
        con.execute(f"delete from {table}")  # noqa: S608
        con.execute(
            f"insert into {table} select {columns} from read_csv(?, header = true, all_varchar = true)",  # noqa: S608
            [str(settings.REFERENCE_DIR / csv_name)],
        )


def publish_generation(path: Path) -> None:
    """Point current.duckdb at `path` with an atomic rename, then prune generations nobody should still need."""
    folder = path.parent
    tmp = folder / f".{CURRENT}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    os.symlink(path.name, tmp)
    os.replace(tmp, folder / CURRENT)
    prune_generations(folder)


def prune_generations(folder: Path, keep: int = 3, min_age_s: float = 600) -> list[Path]:
    """Delete generations older than `min_age_s` seconds that nobody should need any more.

    Those are published generations beyond the newest `keep`, and files newer than the current one: a writer
    that was killed before publishing left them (a writer still at work is younger than `min_age_s`). Readers
    that still hold an old file open keep reading it (the inode lives until they close).
    """
    current = Path(os.path.realpath(folder / CURRENT))
    generations = sorted(folder.glob("netra-*.duckdb"), reverse=True)  # names sort by time
    unpublished = [g for g in generations if g.name > current.name]
    published = [g for g in generations if g.name <= current.name]
    removed = []
    for old in unpublished + published[keep:]:
        if old != current and time.time() - old.stat().st_mtime > min_age_s:
            old.unlink(missing_ok=True)
            removed.append(old)
    return removed
