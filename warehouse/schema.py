"""Schema versions: `schema.sql` is version 1; `migrations/NNN_name.sql` brings a generation from NNN-1 to NNN.

A generation records its version in `meta.schema_version` (none means 1, as the first Netra wrote it). Migrations
run inside the transaction that makes a new generation, so a warehouse built by an older Netra upgrades the next
time a generation is made from it (a load, `etl restore`).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

SCHEMA_SQL = Path(__file__).with_name("schema.sql")  # schema version 1, as the first Netra made it
MIGRATIONS_DIR = Path(__file__).with_name("migrations")  # NNN_name.sql: brings schema version NNN-1 to NNN


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
