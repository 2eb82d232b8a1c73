"""Page timings on a big warehouse: the named queries behind each page, then renders in headless Chromium.

    NETRA_DATA_DIR=/tmp/netra-1m .venv/bin/python -m etl demo --scale 270    # ~1M cases
    NETRA_DATA_DIR=/tmp/netra-1m .venv/bin/python -m bench.pages [--runs 7] [--no-browser]

Queries: each page's queries (Peta's too, with the change metric) run straight on one Warehouse holding its idle
connection as the app does (no Streamlit cache), unfiltered and with a filter change (an election and a
province); the median of --runs is reported. Browser: a warm server (one session has
run, on Tentang), then each page opened once in a new session (first render, caches cold for its queries) and
one sidebar filter change on it (a province: queries not cached yet). Budgets: DESIGN.md §6.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from bench.map import start_server
from ui.views import kpis
from ui.views import timeline as timeline_logic
from warehouse.db import current_path
from warehouse.filters import Filters
from warehouse.reader import Warehouse

UNFILTERED = Filters()
CHANGED = Filters(elections=("pilkada2024",), provinces=("33",))
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
PAGES = ("ringkasan", "rincian", "linimasa", "data", "tentang")  # Peta: bench.map; Briefing: bench.export
URLS = {"ringkasan": "", "rincian": "rincian", "linimasa": "linimasa", "data": "data", "tentang": "tentang"}


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


def _idle(page, after_change: bool = False) -> None:
    """Wait until a script run has finished and every element is fresh (and every chart drawn)."""
    if after_change:  # the rerun a widget change starts; it always goes through 'running'
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', state="attached",
                               timeout=10_000)
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState === 'notRunning'
                 && !document.querySelector('[data-stale="true"]')
                 && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                      .every(chart => chart.querySelector('.main-svg'))""",
        timeout=60_000, polling="raf",
    )


def bench_browser(url: str) -> None:
    """Print first render and filter-change render of each page in headless Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        warm = browser.new_page()
        warm.goto(f"{url}/tentang")
        _idle(warm)
        warm.close()
        print(f"{'page':<10} {'first render':>14} {'filter change':>14}   (s, headless Chromium, warm server)")
        for name in PAGES:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            start = time.perf_counter()
            page.goto(f"{url}/{URLS[name]}")
            page.wait_for_selector("h1", timeout=60_000)
            _idle(page)
            first = time.perf_counter() - start
            page.wait_for_timeout(500)  # untimed: let late layout settle before opening the dropdown
            page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").nth(1).click()
            page.keyboard.type("Jawa Tengah")
            option = page.get_by_role("option", name="Jawa Tengah", exact=True)
            option.wait_for()
            start = time.perf_counter()
            option.click()
            _idle(page, after_change=True)
            change = time.perf_counter() - start
            print(f"{name:<10} {first:>14.2f} {change:>14.2f}")
            page.close()
        browser.close()


def main() -> None:
    """Parse the options, report the warehouse size, then the query and browser timings."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    if current_path() is None:
        raise SystemExit("Belum ada gudang data: jalankan dulu `python -m etl demo --scale 270`.")
    with Warehouse(hold=True) as wh:  # held as ui.app.data holds it: DuckDB keeps the instance and its buffer cache
        print(f"warehouse {wh.path}: {wh.warehouse_info().iloc[0]['cases']:,} cases")
        bench_queries(wh, args.runs)
    if not args.no_browser:
        server = start_server(args.port)  # bench.map's: streamlit run dashboard.py, healthy
        try:
            bench_browser(f"http://127.0.0.1:{args.port}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
