"""`python -m etl load FILE… [--election E] [--source-agency A] [--dry-run] [--json] [--by NAME]`.

Loads registers (or, with --dry-run, says what a load would do and writes nothing), then reports: a few lines
per file for a person, or with --json one JSON document for a program (etl.report describes it).

Exit status: 0 every row loaded; 3 some rows rejected or duplicate (or the file was loaded before); 2 a file
could not be used at all (its one-line reason names the file, and nothing from it was written).
"""

import argparse
import json

from etl import report
from etl.load import load_files
from etl.normalize import NormalizeError, taxonomy
from etl.validate import election_code
from warehouse import audit
from warehouse.vocab import SOURCE_AGENCIES


def register(subparsers) -> None:
    """Add the `load` sub-command to the etl command line."""
    parser = subparsers.add_parser("load", help="muat register kasus (CSV/XLSX) ke gudang data")
    parser.add_argument("files", nargs="+", metavar="FILE", help="register CSV (, ; tab) atau XLSX")
    parser.add_argument("--election", type=_election,
                        help="pemilihan untuk baris yang tidak menyebutnya, mis. pilkada2024 atau 'Pemilu 2024'")
    parser.add_argument("--source-agency", type=_source_agency,
                        help=f"lembaga asal register bila tidak ada kolomnya: {', '.join(SOURCE_AGENCIES)}")
    add_run_options(parser, "yang akan dimuat, ditolak dan diberi peringatan; tidak menulis apa pun",
                    "memuat (dicatat di audit dan load_batches)")
    parser.set_defaults(func=run)


def add_run_options(parser: argparse.ArgumentParser, dry_run: str, who: str) -> None:
    """--dry-run, --json and --by, as the commands that write a generation (`load`, `rebuild`) take them."""
    parser.add_argument("--dry-run", action="store_true", help=f"pratinjau: {dry_run}")
    parser.add_argument("--json", action="store_true", help="laporan sebagai satu dokumen JSON (untuk program)")
    parser.add_argument("--by", help=f"siapa yang {who}; bawaan: NETRA_USER atau pengguna sistem")


def run(args: argparse.Namespace) -> int:
    """Load or preview every file, report, return the exit status."""
    by = args.by or audit.cli_user()
    results = load_files(args.files, election=args.election, source_agency=args.source_agency,
                         progress=not args.json, dry_run=args.dry_run, by=by)
    if args.json:
        print(json.dumps(report.run_report(results, args.dry_run, by), ensure_ascii=False, indent=1, default=str))
    else:
        print("\n".join(report.prose(results, args.dry_run)))
    return report.exit_status(results)


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
