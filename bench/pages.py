"""Page timings on a big warehouse: the named queries behind each page, then renders in headless Chromium.

    NETRA_DATA_DIR=/tmp/netra-bench-1m-rows .venv/bin/python -m etl demo --scale 135    # ~1M cases, once
    NETRA_DATA_DIR=/tmp/netra-bench-1m-rows .venv/bin/python -m bench.pages [--runs 3] [--no-browser]
        [--roots /tmp/before,.] [--pages ringkasan,peta] [--json bench/out/pages.json]

Queries: each page's first-visit reads (ui.views.first_reads; Peta's change metric is bench.map's) run straight on
one Warehouse holding its idle connection as the app does (no Streamlit cache), unfiltered and with a filter
change (an election and a province); the median of --runs is reported. Browser (bench.page_visits): per page,
a server started afresh, its first visit right after start (a browser that has opened Netra before), a warm visit
(a new browser, empty cache), its filter change and its return, each against its floor (the same harness on a
page of as many empty charts; the first visit against the known browser's visit of it), with the server's script
time, websocket bytes and the browser's tail.
--roots serves other checkouts of Netra (e.g. the code before a change, made with `git archive`) with this same
harness, interleaved run by run so that a busy shared machine weighs on both alike; the load average is reported.
Medians over the runs that succeeded are printed as a table and every run is written as JSON; a visit that failed
(a timeout, a picker not found) is recorded with its reason, counted per page and listed under the table, and the
bench goes on. Budgets: issue 13 (stricter than DESIGN.md §6).
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

import settings
from bench.page_visits import FLOOR_OF, FLOOR_VISITS, PROVINCE, URLS, VISITS, browser_runs, failures, succeeded
from bench.timing import median_ms
from ui.views.first_reads import read_first
from warehouse.db import current_path
from warehouse.filters import Filters
from warehouse.reader import Warehouse

UNFILTERED = Filters()
CHANGED = Filters(elections=("pilkada2024",), provinces=(PROVINCE,))
PAGES = tuple(URLS)  # Briefing: bench.export
BUDGETS = {"render_s": 2.0, "change_s": 0.7}


def bench_queries(wh: Warehouse, runs: int) -> None:
    """Print the median time of every page's first-visit reads (ui.views.first_reads, the list the server's warm-up
    fills), unfiltered and after a filter change."""
    calendar = wh.read("election_calendar")
    print(f"{'page':<10} {'queries, all cases':>20} {'after filter change':>20}   (median of {runs}, ms)")
    for page in PAGES:
        whole = median_ms(lambda p=page: read_first(wh.read, p, UNFILTERED, calendar), runs, warm_up=True)
        changed = median_ms(lambda p=page: read_first(wh.read, p, CHANGED, calendar), runs, warm_up=True)
        print(f"{page:<10} {whole:>20.1f} {changed:>20.1f}")


def _median(values) -> float | None:
    """The median of the values there are; None when there are none (every run of that visit failed)."""
    values = list(values)
    return statistics.median(values) if values else None


def summary(records: list[dict]) -> list[dict]:
    """One row per (checkout, page): medians of every figure over the runs where that visit succeeded, the ratios
    to the floor over the runs where both did, and how many runs had a failed visit (and why)."""
    rows = []
    for root in dict.fromkeys(r["root"] for r in records):
        for page in dict.fromkeys(r["page"] for r in records):
            mine = [r for r in records if r["root"] == root and r["page"] == page]
            if not mine:
                continue
            row = {"root": root, "page": page, "runs": len(mine), "load": _median(r["load_before"] for r in mine),
                   "failed_runs": sum(1 for r in mine if failures(r)),
                   "failures": [f"run {r['run'] + 1} {reason}" for r in mine for reason in failures(r)]}
            for visit in VISITS:
                done = [r[visit] for r in mine if succeeded(r[visit])]
                for figure in ("s", "script_s", "script_cpu_s", "ws_bytes", "browser_tail_s"):
                    row[f"{visit}_{figure}"] = _median(figures[figure] for figures in done)
            warm = [r["warm"] for r in mine if succeeded(r["warm"])]
            row["charts"] = _median(figures["charts"] for figures in warm)  # shown by the browser
            row["charts_sent"] = _median(sent for figures in warm if (sent := figures["charts_sent"]) is not None)
            for floor in FLOOR_VISITS:
                done = [r["floor"][floor] for r in mine if succeeded(r["floor"][floor])]
                row[f"floor_{floor}_s"] = _median(figures["s"] for figures in done)
            for visit, floor in FLOOR_OF.items():
                row[f"{visit}_x_floor"] = _median(r[visit]["s"] / r["floor"][floor]["s"] for r in mine
                                                  if succeeded(r[visit]) and succeeded(r["floor"][floor]))
            rows.append(row)
    return rows


# The table's columns after checkout and page: header, row key (a pair: wall/CPU), format, divisor.
COLUMNS = [("first", "first_s", "6.2f", 1), ("xF", "first_x_floor", "5.1f", 1), ("warm", "warm_s", "6.2f", 1),
           ("xF", "warm_x_floor", "5.1f", 1), ("change", "change_s", "6.2f", 1), ("xF", "change_x_floor", "5.1f", 1),
           ("return", "return_s", "6.2f", 1), ("xF", "return_x_floor", "5.1f", 1),
           *((f"script {name}", (f"{visit}_script_s", f"{visit}_script_cpu_s"), "5.2f", 1)
             for name, visit in (("first", "first"), ("warm", "warm"), ("chg", "change"))),
           ("KB warm", "warm_ws_bytes", "8.0f", 1000), ("KB chg", "change_ws_bytes", "7.0f", 1000),
           ("tail warm", "warm_browser_tail_s", "9.2f", 1), ("tail chg", "change_browser_tail_s", "8.2f", 1),
           ("charts", "charts", "6.0f", 1), ("sent", "charts_sent", "4.0f", 1),
           ("fl known", "floor_known_s", "8.2f", 1), ("floor", "floor_render_s", "5.2f", 1),
           ("fl chg", "floor_change_s", "6.2f", 1), ("fl ret", "floor_return_s", "6.2f", 1),
           ("load", "load", "5.1f", 1)]


def _cell(row: dict, key: str | tuple[str, str], spec: str, scale: float) -> str:
    """One figure of a row formatted by `spec` ('wall/CPU' for a pair), a dash when no run gave it."""
    if isinstance(key, tuple):
        return "/".join(_cell(row, part, spec, scale) for part in key)
    width = int(spec.split(".")[0])
    return f"{'—':>{width}}" if row.get(key) is None else f"{row[key] / scale:>{spec}}"


def print_table(rows: list[dict]) -> None:
    """The medians, one line per (checkout, page), with the budgets of issue 13; then every failure."""
    print(f"\nmedians over the runs that succeeded; budgets: first, warm and return render <= "
          f"{BUDGETS['render_s']} s, "
          f"filter change <= {BUDGETS['change_s']} s; xF = ratio to the floor (same number of empty charts); "
          "script = server script runs (wall/CPU s); KB = websocket bytes received; tail = last message -> drawn "
          "(s); failed = runs with a failed visit / runs")
    widths = [max(len(header), len(_cell({}, key, spec, scale))) for header, key, spec, scale in COLUMNS]
    named = max([12, *(len(Path(r["root"]).name) for r in rows)])
    print(f"{'checkout':<{named}} {'page':<10} "
          + " ".join(f"{header:>{width}}" for (header, *_), width in zip(COLUMNS, widths, strict=True)) + " failed")
    for r in rows:
        cells = [_cell(r, key, spec, scale) for _, key, spec, scale in COLUMNS]
        print(f"{Path(r['root']).name:<{named}} {r['page']:<10} "
              + " ".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=True))
              + f" {r['failed_runs']:>3}/{r['runs']}")
    for r in rows:
        for reason in r["failures"]:
            print(f"  failed: {Path(r['root']).name} {r['page']} {reason}")


def main() -> None:
    """Parse the options, report the warehouse size, then the query and browser timings."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--roots", default=str(settings.ROOT), help="checkouts to serve, comma-separated")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--json", type=Path, default=settings.ROOT / "bench" / "out" / "pages.json")
    args = parser.parse_args()
    if current_path() is None:
        raise SystemExit("Belum ada gudang data: jalankan dulu `python -m etl demo --scale 135`.")
    with Warehouse(hold=True) as wh:  # held as ui.app.data holds it: DuckDB keeps the instance and its buffer cache
        cases = int(wh.warehouse_info().iloc[0]["cases"])
        print(f"warehouse {wh.path}: {cases:,} cases")
        bench_queries(wh, args.runs)
    if args.no_browser:
        return
    roots = [Path(root).resolve() for root in args.roots.split(",")]
    records = browser_runs(roots, args.pages.split(","), args.runs, args.port)
    rows = summary(records)
    print_table(rows)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"cases": cases, "budgets": BUDGETS, "summary": rows, "runs": records},
                                    indent=1))
    print(f"every run: {args.json}")


if __name__ == "__main__":
    main()
