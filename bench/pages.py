"""Page timings on a big warehouse: the named queries behind each page, then renders in headless Chromium.

    NETRA_DATA_DIR=/tmp/netra-bench-1m-rows .venv/bin/python -m etl demo --scale 135    # ~1M cases, once
    NETRA_DATA_DIR=/tmp/netra-bench-1m-rows .venv/bin/python -m bench.pages [--runs 3] [--no-browser]
        [--roots /tmp/before,.] [--pages ringkasan,peta] [--json bench/out/pages.json]

Queries: each page's queries (Peta's too, with the change metric) run straight on one Warehouse holding its idle
connection as the app does (no Streamlit cache), unfiltered and with a filter change (an election and a
province); the median of --runs is reported. Browser (bench.page_visits): per page, a server started afresh, its
first visit right after start, a warm visit and a filter change, each against its floor (the same harness on a
page of as many empty charts), with the server's script time, websocket bytes and the browser's drawing tail.
--roots serves other checkouts of Netra (e.g. the code before a change, made with `git archive`) with this same
harness, interleaved run by run so that a busy shared machine weighs on both alike; the load average is reported.
Medians are printed as a table and every run is written as JSON. Budgets: issue 13 (stricter than DESIGN.md §6).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import settings
from bench.page_visits import URLS, browser_runs
from ui.views import kpis
from ui.views import timeline as timeline_logic
from warehouse.db import current_path
from warehouse.filters import Filters
from warehouse.reader import Warehouse

UNFILTERED = Filters()
CHANGED = Filters(elections=("pilkada2024",), provinces=("33",))
PAGES = tuple(URLS)  # Briefing: bench.export
BUDGETS = {"render_s": 2.0, "change_s": 0.7}


def overview_queries(wh: Warehouse, filters: Filters) -> None:
    """What pages/overview.py reads, in its order (the previous period depends on the data extent), map included."""
    kpis.cards_for(wh.read, filters, "id")
    wh.overview_weekly(filters)
    wh.election_calendar()
    wh.top_regions(filters, limit=10)
    wh.top_provinces(filters, limit=10)
    wh.cases_by_region(filters.without("regions"))


def timeline_queries(wh: Warehouse, filters: Filters) -> None:
    """What pages/timeline.py reads with its defaults (weekly, by type; the latest election when none is chosen)."""
    wh.election_calendar()
    narrowed = timeline_logic.for_election(filters, filters.elections[-1] if filters.elections else "pilkada2024")
    wh.timeline_counts(narrowed, bucket_days=7, stack_by="violation_type")
    wh.stage_summary(narrowed)
    wh.timeline_counts(timeline_logic.overlay_filters(filters), bucket_days=7, stack_by="election")


def data_queries(wh: Warehouse, filters: Filters) -> None:
    """What pages/data_explorer.py reads for an admin: count, first page, rejected rows."""
    wh.case_count(filters, search="", personal=True)
    wh.case_page(filters, search="", personal=True, sort_key="incident_date", descending=True, limit=50, offset=0)
    wh.recent_rejections(loads=5, limit=500)


def map_queries(wh: Warehouse, filters: Filters) -> None:
    """What pages/regional_map.py reads for the change metric at the kabupaten/kota level (bench.map's set)."""
    extent = wh.data_extent(filters).iloc[0]
    recent, previous = filters.recent_and_previous(extent["first_day"].date(), extent["last_day"].date())
    for period in (filters, recent, previous):
        wh.cases_by_region(period)
    wh.cases_unmapped(filters)


PAGE_QUERIES: dict[str, Callable[[Warehouse, Filters], None]] = {
    "ringkasan": overview_queries,
    "peta": map_queries,
    "rincian": lambda wh, filters: wh.breakdowns(filters),
    "linimasa": timeline_queries,
    "data": data_queries,
    "tentang": lambda wh, filters: wh.load_quality(),
}


def median_ms(work: Callable[[], None], runs: int) -> float:
    """Median wall time of `work` in milliseconds, after one untimed run (file cache, imports)."""
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bench_queries(wh: Warehouse, runs: int) -> None:
    """Print the median time of every page's queries, unfiltered and after a filter change."""
    print(f"{'page':<10} {'queries, all cases':>20} {'after filter change':>20}   (median of {runs}, ms)")
    for page, work in PAGE_QUERIES.items():
        whole = median_ms(lambda w=work: w(wh, UNFILTERED), runs)
        changed = median_ms(lambda w=work: w(wh, CHANGED), runs)
        print(f"{page:<10} {whole:>20.1f} {changed:>20.1f}")


def summary(records: list[dict]) -> list[dict]:
    """One row per (checkout, page): medians over the runs of every figure, and the ratios to the floor."""
    rows = []
    for root in dict.fromkeys(r["root"] for r in records):
        for page in dict.fromkeys(r["page"] for r in records):
            mine = [r for r in records if r["root"] == root and r["page"] == page]
            if not mine:
                continue
            row = {"root": root, "page": page, "runs": len(mine),
                   "load": statistics.median(r["load_before"] for r in mine)}
            for visit in ("first", "warm", "change"):
                for figure in ("s", "script_s", "script_cpu_s", "ws_bytes", "browser_tail_s"):
                    row[f"{visit}_{figure}"] = statistics.median(r[visit][figure] for r in mine)
            row["charts"] = statistics.median(r["warm"]["charts"] for r in mine)
            row["floor_render_s"] = statistics.median(r["floor"]["render"]["s"] for r in mine)
            row["floor_change_s"] = statistics.median(r["floor"]["change"]["s"] for r in mine)
            for visit, floor in (("first", "render"), ("warm", "render"), ("change", "change")):
                row[f"{visit}_x_floor"] = statistics.median(r[visit]["s"] / r["floor"][floor]["s"] for r in mine)
            rows.append(row)
    return rows


def print_table(rows: list[dict]) -> None:
    """The medians, one line per (checkout, page), with the budgets of issue 13."""
    print(f"\nmedians; budgets: first visit and warm render <= {BUDGETS['render_s']} s, filter change <= "
          f"{BUDGETS['change_s']} s; xF = ratio to the floor (same number of empty charts); script = server script "
          "runs (wall/CPU s); KB = websocket bytes received; tail = last message -> drawn (s)")
    print(f"{'checkout':<12} {'page':<10} {'first':>6} {'xF':>5} {'warm':>6} {'xF':>5} {'change':>6} {'xF':>5}   "
          f"{'script first':>12} {'script warm':>12} {'script chg':>12}   {'KB warm':>8} {'KB chg':>7}   "
          f"{'tail warm':>9} {'tail chg':>8} {'charts':>6} {'floor':>5} {'fl chg':>6} {'load':>5}")
    for r in rows:
        print(f"{Path(r['root']).name:<12} {r['page']:<10} {r['first_s']:>6.2f} {r['first_x_floor']:>5.1f} "
              f"{r['warm_s']:>6.2f} {r['warm_x_floor']:>5.1f} {r['change_s']:>6.2f} {r['change_x_floor']:>5.1f}   "
              f"{r['first_script_s']:>5.2f}/{r['first_script_cpu_s']:<6.2f} "
              f"{r['warm_script_s']:>5.2f}/{r['warm_script_cpu_s']:<6.2f} "
              f"{r['change_script_s']:>5.2f}/{r['change_script_cpu_s']:<6.2f}   "
              f"{r['warm_ws_bytes'] / 1000:>8.0f} {r['change_ws_bytes'] / 1000:>7.0f}   "
              f"{r['warm_browser_tail_s']:>9.2f} {r['change_browser_tail_s']:>8.2f} {r['charts']:>6.0f} "
              f"{r['floor_render_s']:>5.2f} {r['floor_change_s']:>6.2f} {r['load']:>5.1f}")


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
