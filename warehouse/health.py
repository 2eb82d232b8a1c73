"""Whether a generation file can be read: the probe behind the app's fallback and the CLI's refusals.

A generation is *ok* when it opens read-only, none of its blocks is missing (a truncated copy can open and
still fail half way through a page), and it has this Netra's schema and rule macros. *Outdated* ones (made by
an older Netra) open fine and can be migrated into a new generation (`etl upgrade`, `etl restore ID`); *broken*
ones cannot be used at all; *newer* ones need a newer Netra. Reasons are Indonesian sentences without file
paths, so they can be shown to an admin as they are.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.rules import missing_rules
from warehouse.schema import SCHEMA_VERSION, schema_version

HEADER_BYTES = 3 * 4096  # DuckDB's file header and its two database headers, before the first block
RESTORE_HINT = "Lihat `python -m etl generations`, lalu terbitkan lagi generasi yang sah: `python -m etl restore ID`."


class GenerationBroken(RuntimeError):
    """A generation that cannot be used; the message names it, says why and how to restore one."""

    def __init__(self, generation: str, reason: str):
        super().__init__(f"Generasi {generation} tidak dapat dipakai: {reason}. {RESTORE_HINT}")
        self.generation, self.reason = generation, reason


@dataclass(frozen=True)
class Health:
    """What the probe found: kind is ok | outdated | broken | newer; reason is '' when ok."""

    kind: str
    reason: str = ""
    schema_version: int | None = None

    @property
    def ok(self) -> bool:
        """The read queries of this Netra can run on it."""
        return self.kind == "ok"

    @property
    def readable(self) -> bool:
        """It opens and holds all its blocks: a new generation can be made from it (migrated if outdated)."""
        return self.kind in ("ok", "outdated")


def health(path: Path) -> Health:
    """Probe one generation file read-only (tens of milliseconds at 1M cases)."""
    if not path.exists():
        return Health("broken", "berkasnya tidak ada")
    size = path.stat().st_size
    if size == 0:
        return Health("broken", "berkasnya kosong (0 bita)")
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            missing = _missing_blocks(con, size)
            if missing:
                return Health("broken", missing)
            return _schema_health(con)
    except duckdb.Error as error:
        return Health("broken", _reason(error, path))


def _missing_blocks(con: duckdb.DuckDBPyConnection, size: int) -> str:
    """Why the file is shorter than its own block list says, or ''."""
    block_size, used = con.execute("select block_size, used_blocks from pragma_database_size()").fetchall()[0]
    tables = [name for (name,) in con.execute(
        "select table_name from duckdb_tables() where database_name = current_database()").fetchall()]
    highest = max((_highest_block(con, table) for table in tables), default=-1)
    blocks = (size - HEADER_BYTES) / block_size
    if blocks != int(blocks) or blocks < used or blocks <= highest:
        needed = HEADER_BYTES + max(used, highest + 1) * block_size
        return f"berkasnya terpotong ({size / 1e6:.1f} MB, padahal isinya butuh sedikitnya {needed / 1e6:.1f} MB)"
    return ""


def _highest_block(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """The highest block id a table's column data lives in (-1 for a table kept in metadata alone)."""
    rows = con.execute("select max(block_id) from pragma_storage_info($table)", {"table": table}).fetchall()
    return rows[0][0] if rows[0][0] is not None else -1


def _schema_health(con: duckdb.DuckDBPyConnection) -> Health:
    """ok, or why this Netra cannot read it as it is (an older or newer schema, rule macros missing)."""
    version = schema_version(con)
    if version > SCHEMA_VERSION:
        return Health("newer", f"skemanya versi {version}, lebih baru dari Netra ini (versi {SCHEMA_VERSION}); "
                               "perbarui Netra", version)
    if version < SCHEMA_VERSION:
        return Health("outdated", f"dibuat oleh Netra yang lebih lama (skema versi {version}, Netra ini versi "
                                  f"{SCHEMA_VERSION}); `python -m etl upgrade` memutakhirkannya", version)
    if missing_rules(con):
        return Health("outdated", "dibuat sebelum aturan domain (makro terbukti/disanksi/dasar tanggal) ada; "
                                  "`python -m etl upgrade` memutakhirkannya", version)
    return Health("ok", "", version)


def _reason(error: duckdb.Error, path: Path) -> str:
    """DuckDB's error as a short Indonesian sentence, without the file's path."""
    text = str(error).replace(str(path), path.name).replace(os.path.realpath(path), path.name)
    if "not a valid DuckDB database file" in text:
        return "isinya bukan basis data DuckDB (rusak atau tertimpa)"
    if "Could not read enough bytes" in text:
        return "berkasnya terpotong (bagian awalnya saja yang ada)"
    if "Corrupt database file" in text or "checksum" in text:
        return "isinya rusak (checksum blok tidak cocok)"
    return f"tidak dapat dibuka ({type(error).__name__}: {text.splitlines()[0][:160]})"
