"""`python -m bench.export [--runs 5]`: time chart export and briefing packs (DESIGN.md §6: one chart to PNG,
warm, ≤ 2 s; whole briefing pack ≤ 20 s).

Builds the demo warehouse in a temporary NETRA_DATA_DIR (unless NETRA_DATA_DIR already names one), starts the
shared Chromium once, then times PNG exports of the pack's charts for all cases (warm, median of --runs) and
the whole pack of every chart as PPTX and as PDF.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace

from ui.export import figure_image
from ui.export.briefing import PIECES, briefing, build_pack, plain_reader
from ui.export.pack import Slide
from ui.figures import maps
from ui.views import map_numbers
from warehouse.db import current_path
from warehouse.filters import Filters

BUDGET_CHART_S, BUDGET_PACK_S = 2.0, 20.0
ALL_CASES = Filters()


def seconds(action) -> float:
    """Wall-clock seconds one call of `action` takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def ensure_warehouse() -> None:
    """The demo warehouse in a temporary folder when none is configured (never the work tree's data/)."""
    if os.environ.get("NETRA_DATA_DIR") and current_path() is not None:
        return
    os.environ["NETRA_DATA_DIR"] = tempfile.mkdtemp(prefix="netra-bench-export-")
    subprocess.run([sys.executable, "-m", "etl", "demo"], check=True, stdout=subprocess.DEVNULL)


def charts_to_time(read) -> list[Slide]:
    """The pack's charts for all cases, plus the heaviest one: all 514 kabupaten/kota on one map."""
    pack = build_pack(list(PIECES), ALL_CASES, "id", read, "Bench")
    regions = read("cases_by_region", ALL_CASES)
    numbers = map_numbers.region_metrics(regions, regions.iloc[:0], regions.iloc[:0])
    every_region = maps.best_map(numbers, "count", "id")
    return [*pack.slides, Slide(every_region, replace(pack.slides[0].caption, title="Peta 514 kabupaten/kota"))]


def main() -> None:
    """Print the figures, each against its budget, and the command that produced them."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    ensure_warehouse()
    read = plain_reader(current_path())
    slides = charts_to_time(read)
    first = seconds(lambda: figure_image(slides[0].figure, "png", slides[0].caption))
    print(f"command: python -m bench.export --runs {runs}   (warehouse {current_path()})")
    print(f"first export, Chromium cold start included: {first:.2f} s")
    for slide in slides:
        times = [seconds(lambda s=slide: figure_image(s.figure, "png", s.caption)) for _ in range(runs)]
        verdict = "ok" if statistics.median(times) <= BUDGET_CHART_S else "OVER BUDGET"
        print(f"PNG warm  {slide.caption.title:<52} median {statistics.median(times):.2f} s "
              f"(max {max(times):.2f}) budget {BUDGET_CHART_S:.0f} s {verdict}")
    for fmt in ("pptx", "pdf"):
        took = seconds(lambda f=fmt: briefing(f, list(PIECES), ALL_CASES, "id", read, "Bench"))
        verdict = "ok" if took <= BUDGET_PACK_S else "OVER BUDGET"
        print(f"pack {fmt:<4} {len(PIECES)} charts + title + sources (queries included): {took:.2f} s "
              f"budget {BUDGET_PACK_S:.0f} s {verdict}")


if __name__ == "__main__":
    main()
