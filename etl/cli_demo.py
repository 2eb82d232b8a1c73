"""`python -m etl demo [--seed N] [--scale K] [--calibration]`: build and publish the synthetic demo warehouse.

DESIGN.md §4; `--calibration` prints the demo against every published figure it is calibrated to.
"""

import argparse
import sys

from etl.demo import build_demo
from etl.demo.calibration import calibration, format_table, warehouse_rows
from warehouse import db

PROGRESS_FROM_SCALE = 10  # below this the build takes about a second; progress lines would only be noise


def register(subparsers) -> None:
    """Add the `demo` sub-command to the etl command line."""
    parser = subparsers.add_parser(
        "demo",
        help="bangun gudang data sintetis (Pilkada 2020, Pemilu 2024, Pilkada 2024) dari angka terpublikasi",
    )
    parser.add_argument("--seed", type=int, default=2024, help="benih acak; benih sama, baris sama")
    parser.add_argument("--scale", type=_positive, default=1.0,
                        help="pengali jumlah kasus (1 = skala nasional terpublikasi, 270 = sekitar 1 juta baris)")
    parser.add_argument("--calibration", action="store_true",
                        help="sesudah membangun, cetak tabel kalibrasi: tiap angka terpublikasi, nilai demo, selisih")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the demo warehouse, print what it holds per election, return the exit status."""
    progress = _stderr if args.scale >= PROGRESS_FROM_SCALE else None
    summary = build_demo(seed=args.seed, scale=args.scale, progress=progress)
    print(f"Gudang data demo (sintetis) diterbitkan: {summary['path']}")
    print(f"benih {summary['seed']}, skala {summary['scale']:g}, {summary['rows']:,} baris,"
          f" {summary['seconds']} detik")
    for election, row in summary["elections"].items():
        print(f"  {election:<12} {row['rows']:>9,} baris  {row['persons']:>9,} orang-kasus"
              f"  {row['kasn_bkn_persons']:>9,} orang di KASN/BKN  {row['bawaslu_cases']:>8,} kasus Bawaslu"
              f"  terbukti {row['proven_pct']:5.1f}%  disanksi {row['sanctioned_pct']:5.1f}%"
              f" (dari yang terbukti {row['sanctioned_of_proven_pct']:.1f}%)")
    if args.calibration:
        with db.connect_read_only() as con:
            table = calibration(warehouse_rows(con), args.scale, published_only=True)
        print()
        print(format_table(table))
    return 0


def _positive(text: str) -> float:
    """--scale must be a number above zero."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if value <= 0:
        raise argparse.ArgumentTypeError(
            f"'{text}' bukan skala yang bisa dipakai; tulis angka di atas nol, mis. 1 atau 270.")
    return value


def _stderr(message: str) -> None:
    """One progress line on stderr, so stdout keeps only the summary."""
    print(message, file=sys.stderr, flush=True)
