"""`python -m etl rebuild [--dry-run] [--json] [--by NAME]`: make the published generation again from what it is a
function of — the raw archive's registers (or a demo's seed and scale), today's rules and the steward's
phrasebook — publish it like any load, and say per file what changed (etl.rebuild; the JSON in
etl.rebuild_report).

Exit status: 0 rebuilt (or, with --dry-run, computed); 2 refused, nothing published (no warehouse yet, an archived
file missing or changed, a file that loaded before and can't be used now, a failed check).
"""

import argparse
import json

from etl import rebuild_report
from etl.cli_load import add_run_options
from etl.rebuild import rebuild


def register(subparsers) -> None:
    """Add the `rebuild` sub-command to the etl command line."""
    parser = subparsers.add_parser(
        "rebuild", help="bangun ulang generasi terbit dari arsip berkas mentah dengan aturan dan kamus hari ini")
    add_run_options(parser, "bangun, periksa dan bandingkan, lalu buang; tidak menerbitkan apa pun",
                    "membangun ulang (dicatat di audit)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Rebuild (or preview it), report, return the exit status."""
    report = rebuild(dry_run=args.dry_run, by=args.by, progress=not args.json)
    if args.json:
        print(json.dumps(rebuild_report.run_json(report), ensure_ascii=False, indent=1, default=str))
    else:
        print("\n".join(rebuild_report.prose(report)))
    return report.exit_status
