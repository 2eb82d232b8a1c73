"""`python -m bench.linking [--scale 270] [--seed 2024]`: the linker's time, memory and quality on the demo.

1. `python -m etl demo --scale S` in a fresh process and a temporary NETRA_DATA_DIR: wall time and peak RSS of
   the whole build, which now links its registers (the step's own seconds are printed by the build).
2. `link_generation` alone, re-linking every record of that warehouse in a fresh process (on a copy, rolled back):
   wall time and peak RSS.
3. Pair precision and recall of the person-cases found against `etl.demo.demo_truth` (what the demo knows), the
   persons found against the true number, and the pairs left for a steward.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from bench.xlsx_bombs import measured
from etl.demo import demo_truth
from etl.link.quality import pair_quality

KEY = ["election", "source_agency", "case_id", "subject_no"]


def link_only(path: str) -> None:
    """Re-link every record of the generation at `path` (a copy; rolled back) and print the link report."""
    from etl.link import link_generation

    copy = Path(tempfile.mkdtemp(prefix="netra-link-")) / "copy.duckdb"
    shutil.copyfile(path, copy)
    try:
        with duckdb.connect(str(copy)) as con:
            con.execute("begin transaction")
            started = time.perf_counter()
            report = link_generation(con)
            print(f"{time.perf_counter() - started:.1f} s: {report.summary()}")
            con.execute("rollback")
    finally:
        shutil.rmtree(copy.parent)


def quality(path: Path, seed: int, scale: float) -> None:
    """Print pair precision/recall, persons and pending pairs of the warehouse at `path` against the truth."""
    with duckdb.connect(str(path), read_only=True) as con:
        found = con.execute("select election, source_agency, case_id, subject_no, person_case_id from cases").df()
        pending = con.execute("select count(*), count(*) filter (where same_register) from link_reviews"
                              ).fetchall()[0]
    truth = demo_truth(seed, scale)[[*KEY, "person_case_id"]]
    both = found.merge(truth, on=KEY, suffixes=("_found", "_true"), validate="1:1")
    assert len(both) == len(found) == len(truth), "the truth names every warehouse row"
    pairs = pair_quality(both.person_case_id_found, both.person_case_id_true)
    print(f"records {len(both):,}; persons found {both.person_case_id_found.nunique():,}, true "
          f"{both.person_case_id_true.nunique():,}")
    print(f"pairs found {pairs.found:,}, true {pairs.true:,}, both {pairs.both:,}: precision {pairs.precision:.4f}, "
          f"recall {pairs.recall:.4f}")
    print(f"pairs left for a steward {pending[0]:,} ({pending[1]:,} of them one register's two case numbers)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=270.0)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--link-only", metavar="GENERATION", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.link_only:
        link_only(args.link_only)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="netra-bench-link-"))
    try:
        env = {**os.environ, "NETRA_DATA_DIR": str(folder)}
        seconds, peak, status, line = measured(
            [sys.executable, "-m", "etl", "demo", "--seed", str(args.seed), "--scale", f"{args.scale:g}"], env)
        print(f"etl demo --scale {args.scale:g}: {seconds:.1f} s, peak RSS {peak:,.0f} MB (exit {status}); {line}")
        generation = (folder / "current.duckdb").resolve()
        seconds, peak, status, line = measured([sys.executable, "-m", "bench.linking", "--link-only",
                                                str(generation)], env)
        print(f"link_generation alone: {seconds:.1f} s wall, peak RSS {peak:,.0f} MB (exit {status}); {line}")
        quality(generation, args.seed, args.scale)
    finally:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
