"""`python -m bench.rebuild [--rows 100000]`: time `etl rebuild` of an archive holding one large register.

Writes the messy synthetic register of bench.load_and_query, loads it with the real command line into a fresh
warehouse (which archives it), then times, each in its own process: `etl rebuild --dry-run` (build, check,
compare, discard), `etl rebuild` (the same, published) with the register read as it was, and `etl rebuild` after
a steward taught one status phrase (so a share of the records change and the comparison has work to do).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from bench.load_and_query import synthetic_register, time_etl

TAUGHT = ("phrase", "status", "Klarifikasi", "dihentikan")  # one of the register's status phrases, read anew


def main(argv: list[str] | None = None) -> int:
    """Write and load the register, time the rebuilds, print the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.rebuild", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the register and warehouse in")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="netra-bench-rebuild-"))
    root.mkdir(parents=True, exist_ok=True)
    folder, path = root / "warehouse", root / f"register-{args.rows}.csv"
    synthetic_register(args.rows).to_csv(path, index=False)
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'step':<44}{'wall s':>8}{'CPU s':>8}{'RSS MB':>8}  result")
    seconds, cpu, rss, out = time_etl(["load", str(path)], folder)
    print(f"{'etl load ' + path.name:<44}{seconds:>8.1f}{cpu:>8.1f}{rss:>8.0f}  {out.splitlines()[0][:60]}")
    for label, extra in (("etl rebuild --dry-run", ["--dry-run"]), ("etl rebuild (nothing changed)", []),
                         ("etl rebuild (after teaching one status)", None)):
        if extra is None:
            time_etl(["teach", *TAUGHT], folder, ok=(0,))
            extra = []
        seconds, cpu, rss, out = time_etl(["rebuild", "--json", *extra], folder, ok=(0,))
        totals = json.loads(out)["totals"]
        print(f"{label:<44}{seconds:>8.1f}{cpu:>8.1f}{rss:>8.0f}  {totals['cases_after']:,} cases, "
              f"{totals['records_changed']:,} changed, {totals['records_new']:,} new, "
              f"{totals['records_gone']:,} gone")
    print(f"\nfiles kept in {root}" if args.keep else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
