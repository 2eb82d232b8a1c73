"""`python -m etl rejected [--load-id ID] [--warnings] [--out FILE.csv|.xlsx]`: a load's problem rows, to correct.

The file written (warehouse.corrections) holds the rows as the steward sent them plus 'Baris' and 'Alasan'
('Peringatan' with --warnings) columns, under lines that carry what the load knew from outside the rows (title
lines, source file, --election/--source-agency). The loader ignores those columns and reads those lines, so the
corrected file can be loaded again as it is; corrected warned rows replace the records they came from. Every
cell goes through `warehouse.spreadsheet` (a cell such as `=HYPERLINK(…)` is written as text, never as a live
formula), and the loader undoes that prefix when the file comes back.
"""

import argparse
from pathlib import Path

from warehouse import corrections, db

LATEST_SQL = {  # the last load that has rows of the kind asked for
    "rejected": "select load_id from load_batches where rows_rejected > 0 order by loaded_at desc limit 1",
    "warned": "select load_id from load_batches where coalesce(rows_warned, 0) > 0 order by loaded_at desc limit 1",
}
SUFFIXES = (".csv", ".xlsx")
WHAT = {"rejected": "ditolak", "warned": "dengan peringatan"}


def register(subparsers) -> None:
    """Add the `rejected` sub-command to the etl command line."""
    parser = subparsers.add_parser("rejected", help="tulis baris yang ditolak (atau diberi peringatan) dari suatu "
                                                    "muatan ke CSV/XLSX untuk diperbaiki")
    parser.add_argument("--load-id", help="muatan yang dimaksud (lihat `python -m etl status`); bawaan: muatan "
                                          "terakhir yang punya baris seperti itu")
    parser.add_argument("--warnings", action="store_true",
                        help="baris yang dimuat dengan peringatan (kolom yang tidak terbaca), bukan yang ditolak")
    parser.add_argument("--out", type=Path, help="berkas keluaran .csv atau .xlsx; tanpa ini dicetak ke layar")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write or print the rows; 0 when done (also when there are none), 2 when it can't."""
    kind = "warned" if args.warnings else "rejected"
    if args.out is not None and args.out.suffix.lower() not in SUFFIXES:
        print(f"{args.out.name}: pilih berkas keluaran .csv atau .xlsx.")
        return 2
    if db.current_path() is None:
        print("Belum ada gudang data: belum ada yang dimuat.")
        return 2
    with db.connect_read_only() as con:
        load_id = args.load_id
        if load_id is None:
            latest = con.execute(LATEST_SQL[kind]).fetchall()
            if not latest:
                print(f"Tidak ada muatan dengan baris {WHAT[kind]}.")
                return 0
            load_id = latest[0][0]
        frame, notes = corrections.correction_rows(con, load_id, kind)
    if frame.empty:
        print(f"Muatan {load_id} tidak punya baris {WHAT[kind]} (atau load_id itu tidak ada).")
        return 0
    if args.out is None:
        for reasons in frame.iloc[:, -1]:
            print(reasons)
        return 0
    csv, xlsx = corrections.correction_bytes(frame, notes, "Peringatan" if args.warnings else "Ditolak")
    args.out.write_bytes(csv if args.out.suffix.lower() == ".csv" else xlsx)
    print(f"{len(frame)} baris {WHAT[kind]} dari muatan {load_id} ditulis ke {args.out}.")
    return 0
