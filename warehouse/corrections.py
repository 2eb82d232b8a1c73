"""Correction files: the rows of a load that were rejected (or loaded with warnings), as the steward sent them.

Shared by `etl rejected` and the Muat data page, so both write the same file. It holds:
- lines above the table that carry what the load knew from outside the rows (the register's own title lines,
  the file it came from, the election and source agency given at load time), so the corrected file reads the
  same way when it is loaded again;
- the table: 'Baris' (the row number in the original file), the original columns, and 'Alasan' (rejected) or
  'Peringatan' (warned) with every reason of that row, one per line.

The loader ignores 'Baris', 'Alasan' and 'Peringatan'; a file with a 'Peringatan' column corrects records that
were loaded before, so its rows replace those records instead of counting as duplicates.
"""

from __future__ import annotations

import json

import duckdb
import pandas as pd

from warehouse import spreadsheet

ROW, REASON, WARNING = "Baris", "Alasan", "Peringatan"
KINDS = {"rejected": ("rejected_rows", REASON), "warned": ("load_warnings", WARNING)}
# rows of one load and kind, one per register row, with every reason of that row (table name from KINDS)
ROWS_SQL = """
    select row_number, raw, string_agg(reason, chr(10) order by rowid) as reasons
    from {table} where load_id = ? group by row_number, raw order by min(rowid)
"""
BATCH_SQL = "select source_file, options, mapping from load_batches where load_id = ?"


def correction_frame(rows: list[tuple[int, str, str]], kind: str = "rejected") -> pd.DataFrame:
    """(row_number, raw JSON, reasons) -> Baris, the original columns, Alasan/Peringatan."""
    last = KINDS[kind][1]
    records = [{ROW: int(number), **json.loads(raw), last: reasons} for number, raw, reasons in rows]
    return pd.DataFrame(records, dtype=object)


def hint_lines(source_file: str, load_id: str, options: str | None, mapping: str | None) -> list[str]:
    """The lines above a correction table: the register's title lines, where the rows came from, and the
    election/source agency given at load time (the loader reads those lines as it read the original)."""
    lines = []
    try:
        sheets = (json.loads(mapping) or {}).get("sheets", []) if mapping else []
    except (json.JSONDecodeError, AttributeError):
        sheets = []
    for sheet in sheets:
        for line in (sheet.get("title") or "").splitlines():
            if line.strip() and line not in lines:
                lines.append(line)
    lines.append(f"Berkas asal: {source_file} (muatan {load_id})")
    given = json.loads(options) if options else {}
    if given.get("election"):
        lines.append(f"Pemilihan: {given['election']}")
    if given.get("source_agency"):
        lines.append(f"Lembaga asal: {given['source_agency']}")
    return lines


def correction_rows(con: duckdb.DuckDBPyConnection, load_id: str, kind: str = "rejected"
                    ) -> tuple[pd.DataFrame, list[str]]:
    """(the correction table, the lines to write above it) for one load; an empty table when it has none."""
    table = KINDS[kind][0]
    rows = con.execute(ROWS_SQL.format(table=table), [load_id]).fetchall()  # noqa: S608 (table from KINDS)
    batch = con.execute(BATCH_SQL, [load_id]).fetchall()
    if not batch:
        return pd.DataFrame(), []
    source_file, options, mapping = batch[0]
    return correction_frame(rows, kind), hint_lines(source_file, load_id, options, mapping)


def correction_bytes(frame: pd.DataFrame, notes: list[str], sheet: str) -> tuple[bytes, bytes]:
    """(CSV, XLSX) of a correction table under its lines, every cell neutralised; the XLSX table starts below
    the lines (bold, frozen header) so the loader finds its header as in the original."""
    rows = spreadsheet.frame_rows(frame)
    lines = [[note] for note in notes] + [[]]
    return (spreadsheet.csv_bytes(rows, notes),
            spreadsheet.xlsx_bytes([(sheet, lines + rows)], header_rows=[len(lines) + 1]))
