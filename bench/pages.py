"""Page timings on a big warehouse: the named queries behind each page, then renders in headless Chromium.

    NETRA_DATA_DIR=/tmp/netra-1m .venv/bin/python -m etl demo --scale 270    # ~1M cases
    NETRA_DATA_DIR=/tmp/netra-1m .venv/bin/python -m bench.pages [--runs 7] [--no-browser]

Queries: each page's queries run straight on the warehouse (no Streamlit cache), unfiltered and with a filter
change (an election and a province); the median of --runs is reported. Browser: a warm server (one session has
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
from warehouse import queries
from warehouse.db import connect_read_only, current_path
from warehouse.filters import Filters

UNFILTERED = Filters()
CHANGED = Filters(elections=("pilkada2024",), provinces=("33",))
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
PAGES = ("ringkasan", "rincian", "linimasa", "data", "tentang")  # Peta: bench.map; Briefing: bench.export
URLS = {"ringkasan": "", "rincian": "rincian", "linimasa": "linimasa", "data": "data", "tentang": "tentang"}


def overview_queries(filters: Filters) -> None:
    """What pages/overview.py reads, in its order (the previous period depends on the data extent), map included."""
    kpis.cards_for(lambda name, f: getattr(queries, name)(f), filters, "id")
    queries.overview_weekly(filters)
    queries.election_calendar()
    queries.top_regions(filters, None, 10)
    queries.top_provinces(filters, None, 10)
    queries.cases_by_region(filters.without("regions"))


def timeline_queries(filters: Filters) -> None:
    """What pages/timeline.py reads with its defaults (weekly, by type; the latest election when none is chosen)."""
    queries.election_calendar()
    narrowed = timeline_logic.for_election(filters, filters.elections[-1] if filters.elections else "pilkada2024")
    queries.timeline_counts(narrowed, None, 7, "violation_type")
    queries.stage_summary(narrowed)
    queries.timeline_counts(timeline_logic.overlay_filters(filters), None, 7, "election")


def data_queries(filters: Filters) -> None:
    """What pages/data_explorer.py reads for an admin: count, first page, rejected rows."""
    queries.case_count(filters, None, "", True)
    queries.case_page(filters, None, "", True, "incident_date", True, 50, 0)
    queries.recent_rejections(None, 5, 500)


PAGE_QUERIES: dict[str, Callable[[Filters], None]] = {
    "ringkasan": overview_queries,
    "rincian": queries.breakdowns,
    "linimasa": timeline_queries,
    "data": data_queries,
    "tentang": lambda filters: queries.load_quality(),
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


def bench_queries(runs: int) -> None:
    """Print the median time of every page's queries, unfiltered and after a filter change."""
    print(f"{'page':<10} {'queries, all cases':>20} {'after filter change':>20}   (median of {runs}, ms)")
    for page, work in PAGE_QUERIES.items():
        whole = median_ms(lambda w=work: w(UNFILTERED), runs)
        changed = median_ms(lambda w=work: w(CHANGED), runs)
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
    with connect_read_only() as con:
        cases = con.execute("select count(*) from cases").fetchall()[0][0]
    print(f"warehouse {current_path()}: {cases:,} cases")
    held = connect_read_only()  # as ui.app.data holds one: DuckDB keeps the instance and its buffer cache
    bench_queries(args.runs)
    held.close()
    if not args.no_browser:
        server = start_server(args.port)  # bench.map's: streamlit run dashboard.py, healthy
        try:
            bench_browser(f"http://127.0.0.1:{args.port}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
