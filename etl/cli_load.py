"""`python -m etl load FILE… [--election E] [--source-agency A]`: load registers, then say what happened.

Exit status: 0 every row loaded; 3 some rows rejected or duplicate (or the file was loaded before); 2 a file
could not be used at all (its one-line reason names the file, and nothing from it was written).
"""

import argparse

from etl.load import LoadResult, load_files
from etl.normalize import NormalizeError, taxonomy
from etl.validate import election_code
from warehouse import db
from warehouse.vocab import SOURCE_AGENCIES

EXAMPLES_SHOWN = 5  # rejected rows printed per file; the rest are in `python -m etl rejected`
EXAMPLES_SQL = "select reason from rejected_rows where load_id = ? order by row_number limit ?"


def register(subparsers) -> None:
    """Add the `load` sub-command to the etl command line."""
    parser = subparsers.add_parser("load", help="muat register kasus (CSV/XLSX) ke gudang data")
    parser.add_argument("files", nargs="+", metavar="FILE", help="register CSV (, ; tab) atau XLSX")
    parser.add_argument("--election", type=_election,
                        help="pemilihan untuk baris yang tidak menyebutnya, mis. pilkada2024 atau 'Pemilu 2024'")
    parser.add_argument("--source-agency", type=_source_agency,
                        help=f"lembaga asal register bila tidak ada kolomnya: {', '.join(SOURCE_AGENCIES)}")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load every file, print one line per file (and a few rejected rows), return the exit status."""
    results = load_files(args.files, election=args.election, source_agency=args.source_agency, progress=True)
    for result in results:
        print(result.summary())
        for reason in _examples(result):
            print(f"       - {reason}")
        if result.rows_rejected:
            print(f"       Semua baris yang ditolak: python -m etl rejected --load-id {result.load_id} "
                  "--out ditolak.xlsx")
    loaded = sum(result.rows_loaded for result in results)
    print(f"Selesai: {len(results)} berkas, {loaded} kasus dimuat, "
          f"{sum(result.rows_rejected for result in results)} baris ditolak, "
          f"{sum(result.rows_duplicate for result in results)} ganda.")
    return exit_status(results)


def exit_status(results: list[LoadResult]) -> int:
    """2 if any file was unusable, else 3 if any row was rejected or duplicate, else 0."""
    statuses = {result.exit_status for result in results}
    return 2 if 2 in statuses else 3 if 3 in statuses else 0


def _examples(result: LoadResult) -> list[str]:
    """The first few rejection reasons of a load, read back from the published warehouse."""
    if not result.rows_rejected:
        return []
    with db.connect_read_only() as con:
        return [row[0] for row in con.execute(EXAMPLES_SQL, [result.load_id, EXAMPLES_SHOWN]).fetchall()]


def _election(text: str) -> str:
    """--election as an election code, accepting what a person writes ('Pilkada 2024')."""
    try:
        code = election_code(text)
    except NormalizeError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if code is None:
        raise argparse.ArgumentTypeError("--election kosong; tulis mis. pilkada2024.")
    return code


def _source_agency(text: str) -> str:
    """--source-agency as a vocabulary value, accepting what a person writes ('Bawaslu Kab. Batang')."""
    try:
        agency = taxonomy.source_agency(text)
    except NormalizeError:
        agency = None
    if agency is None:
        raise argparse.ArgumentTypeError(f"'{text}' bukan lembaga yang dikenal; tulis salah satu: "
                                         f"{', '.join(SOURCE_AGENCIES)}.")
    return agency
