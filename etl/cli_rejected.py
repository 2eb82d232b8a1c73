"""`python -m etl rejected [--load-id ID] [--out FILE.csv|.xlsx]`: the rejected rows of a load, for correction.

The file written holds the rows as the steward sent them plus 'Baris' and 'Alasan' columns; the loader ignores
those two headers, so the corrected file can be loaded again as it is. Every cell goes through
`warehouse.spreadsheet` (a register cell such as `=HYPERLINK(…)` is written as text, never as a live formula), and
the loader undoes that prefix when the file comes back.
"""

import argparse
import json
from pathlib import Path

import pandas as pd

from warehouse import db, spreadsheet

LATEST_SQL = "select load_id from load_batches where rows_rejected > 0 order by loaded_at desc limit 1"
REJECTED_SQL = """
    select row_number, raw, string_agg(reason, chr(10) order by rowid) as reasons
    from rejected_rows where load_id = ?
    group by row_number, raw order by min(rowid)
"""
SUFFIXES = (".csv", ".xlsx")


def register(subparsers) -> None:
    """Add the `rejected` sub-command to the etl command line."""
    parser = subparsers.add_parser("rejected", help="tulis baris yang ditolak dari suatu muatan ke CSV/XLSX")
    parser.add_argument("--load-id", help="muatan yang dimaksud (lihat `python -m etl status`); bawaan: muatan "
                                          "terakhir yang punya baris ditolak")
    parser.add_argument("--out", type=Path, help="berkas keluaran .csv atau .xlsx; tanpa ini dicetak ke layar")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write or print the rejected rows; 0 when done (also when there are none), 2 when it can't."""
    if args.out is not None and args.out.suffix.lower() not in SUFFIXES:
        print(f"{args.out.name}: pilih berkas keluaran .csv atau .xlsx.")
        return 2
    if db.current_path() is None:
        print("Belum ada gudang data: belum ada yang dimuat.")
        return 2
    frame, load_id = rejected_frame(args.load_id)
    if load_id is None:
        print("Tidak ada muatan dengan baris yang ditolak.")
        return 0
    if frame.empty:
        print(f"Muatan {load_id} tidak punya baris yang ditolak (atau load_id itu tidak ada).")
        return 0
    if args.out is None:
        for reasons in frame["Alasan"]:
            print(reasons)
    elif args.out.suffix.lower() == ".csv":
        args.out.write_bytes(spreadsheet.csv_bytes(spreadsheet.frame_rows(frame)))
    else:
        args.out.write_bytes(spreadsheet.xlsx_bytes([("Ditolak", spreadsheet.frame_rows(frame))], bold_header=[True]))
    if args.out is not None:
        print(f"{len(frame)} baris ditolak dari muatan {load_id} ditulis ke {args.out}.")
    return 0


def rejected_frame(load_id: str | None = None) -> tuple[pd.DataFrame, str | None]:
    """(one row per rejected register row: Baris, the original columns, Alasan; the load it came from)."""
    with db.connect_read_only() as con:
        if load_id is None:
            latest = con.execute(LATEST_SQL).fetchall()
            if not latest:
                return pd.DataFrame(), None
            load_id = latest[0][0]
        rows = con.execute(REJECTED_SQL, [load_id]).fetchall()
    records = [{"Baris": number, **json.loads(raw), "Alasan": reasons} for number, raw, reasons in rows]
    return pd.DataFrame(records), load_id
