"""`python -m bench.map [--scale 270] [--runs 5]`: the Peta page against DESIGN.md §6 with ~1M demo cases.

Measures the page's queries (uncached), the Python cost of the figure, and in headless Chromium against a warm
`streamlit run`: first render of /peta until all 514 polygons are drawn, re-render after a sidebar filter change,
a polygon click (drill-down), websocket bytes per rerun (the map's message and everything) and how often the
boundary GeoJSON is fetched. Builds the demo warehouse in a temporary NETRA_DATA_DIR unless one is set.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import settings
from bench.page_servers import start, stop
from bench.timing import median_ms
from geo import boundaries
from ui.figures import maps
from ui.views import map_numbers
from warehouse.db import current_path
from warehouse.filters import Filters
from warehouse.reader import Warehouse

BUDGETS = {"queries_ms": 150, "first_render_s": 3.0, "first_render_cold_s": 3.0, "rerender_s": 1.0,
           "map_bytes": 50_000}
ELECTIONS = ("Pilkada 2020", "Pemilu 2024", "Pilkada 2024")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def ensure_data(scale: float) -> None:
    """A demo warehouse (temporary folder unless NETRA_DATA_DIR names one) and installed boundaries."""
    if not (os.environ.get("NETRA_DATA_DIR") and current_path() is not None):
        os.environ["NETRA_DATA_DIR"] = tempfile.mkdtemp(prefix="netra-bench-map-")
        subprocess.run([sys.executable, "-m", "etl", "demo", "--scale", str(scale)], check=True,
                       stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "geo", "install"], check=True, stdout=subprocess.DEVNULL)


def page_queries(wh: Warehouse, filters: Filters, metric: str) -> None:
    """What Peta reads on a cold cache at the kabupaten/kota level (ui.app.data caches these in the app)."""
    extent = wh.data_extent(filters).iloc[0]
    recent, previous = filters.recent_and_previous(extent["first_day"].date(), extent["last_day"].date())
    for period in (filters, recent, previous) if metric == "change" else (filters,):
        wh.cases_by_region(period)
    wh.cases_unmapped(filters)


def figure_json(wh: Warehouse) -> str:
    """The kabupaten/kota count map for all cases, as Streamlit serialises it."""
    regions = wh.cases_by_region(Filters())
    return maps.region_map(map_numbers.region_metrics(regions, regions, regions), "count", "id").to_json()


class Recorder:
    """Websocket bytes received (all, and the map's messages) and GeoJSON fetches of one browser page."""

    def __init__(self, page):
        self.total = self.map = 0
        self.fetches = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        page.on("request", lambda request: self._request(request.url))

    def _frame(self, payload) -> None:
        data = payload if isinstance(payload, bytes) else payload.encode()
        self.total += len(data)
        self.map += len(data) if b"choropleth" in data else 0

    def _request(self, url: str) -> None:
        self.fetches += url.endswith(".geojson")

    def reset(self) -> None:
        self.total = self.map = 0


def wait_drawn(page, count: int = 514) -> None:
    """Until the script is idle and exactly `count` polygons are drawn."""
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_function(f"document.querySelectorAll('.choroplethlocation').length == {count}", timeout=60_000)


def wait_rerun(page, before: int, count: int = 514) -> None:
    """Until the map has been redrawn after `before` redraws, fully, and the script is idle."""
    page.wait_for_function(f"window.__netraPlots > {before}", timeout=60_000)
    wait_drawn(page, count)


def count_redraws(page) -> int:
    """Install (once per page) a counter of map redraws, i.e. insertions of polygon paths; return its value.

    Streamlit mounts a new plot element when the figure changes, so plotly's own events cannot be followed.
    """
    return page.evaluate("""() => {
        if (window.__netraPlots === undefined) {
            window.__netraPlots = 0;
            new MutationObserver(records => {
                if (records.some(r => [...r.addedNodes].some(n => n.nodeType === 1 &&
                        (n.matches('.choroplethlocation') || n.querySelector('.choroplethlocation'))))) {
                    window.__netraPlots += 1;
                }
            }).observe(document.body, {childList: true, subtree: true});
        }
        return window.__netraPlots; }""")


def browser_figures(url: str, runs: int) -> dict[str, list[float]]:
    """First render, filter-change re-render and click timings, with bytes per rerun."""
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {key: [] for key in (
        "first_render_cold_s", "first_render_s", "rerender_s", "click_s", "map_bytes", "rerun_bytes",
        "geojson_fetches")}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        returning = browser.new_context(viewport={"width": 1400, "height": 900})  # keeps its HTTP and code cache
        warm = returning.new_page()
        warm.goto(f"{url}/peta")  # the first visit after start registers the pages and warms the server's caches
        wait_drawn(warm)
        warm.close()
        for run in range(runs):
            cold = browser.new_page(viewport={"width": 1400, "height": 900})  # a first-time visitor: empty cache
            started = time.perf_counter()
            cold.goto(f"{url}/peta")
            wait_drawn(cold)
            out["first_render_cold_s"].append(time.perf_counter() - started)
            cold.close()
            page = returning.new_page()
            recorder = Recorder(page)
            started = time.perf_counter()
            page.goto(f"{url}/peta")
            wait_drawn(page)
            out["first_render_s"].append(time.perf_counter() - started)
            recorder.reset()
            before = count_redraws(page)
            started = time.perf_counter()
            page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first.click()
            page.get_by_role("option", name=ELECTIONS[run % len(ELECTIONS)], exact=True).click()
            wait_rerun(page, before)
            out["rerender_s"].append(time.perf_counter() - started)
            page.keyboard.press("Escape")
            out["map_bytes"].append(recorder.map)
            out["rerun_bytes"].append(recorder.total)
            before = count_redraws(page)
            page.get_by_role("radio", name="Provinsi").click()  # level switch
            wait_rerun(page, before, 38)
            before = count_redraws(page)
            started = time.perf_counter()
            page.locator(".choroplethlocation").nth(12).click(force=True)  # Jawa Tengah: drill down
            wait_rerun(page, before, 35)
            out["click_s"].append(time.perf_counter() - started)
            out["geojson_fetches"].append(recorder.fetches)
            page.close()
        browser.close()
    return out


def main() -> None:
    """Print every figure against its budget, with the command that produced it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=270)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--port", type=int, default=8651)
    args = parser.parse_args()
    ensure_data(args.scale)
    wh = Warehouse(hold=True)  # as ui.app.data holds it
    rows = wh.warehouse_info().iloc[0]["cases"]
    print(f"python -m bench.map --scale {args.scale:g} --runs {args.runs}   ({rows:,} cases, "
          f"NETRA_DATA_DIR={os.environ['NETRA_DATA_DIR']}, boundaries installed: {boundaries.installed()})")
    for metric in ("count", "change"):
        spent = median_ms(lambda metric=metric: page_queries(wh, Filters(), metric), args.runs)
        print(f"queries of Peta ({metric}), uncached, median: {spent:.0f} ms (budget {BUDGETS['queries_ms']} ms)")
    spec = figure_json(wh)
    regions = wh.cases_by_region(Filters())
    wh.close()
    build = median_ms(lambda: maps.region_map(map_numbers.region_metrics(regions, regions, regions), "count", "id")
                      .to_json(), args.runs)
    print(f"figure: {len(spec):,} B of JSON ({len(json.loads(spec)['data'][0]['locations'])} locations), "
          f"built and serialised in {build:.0f} ms")
    server = start([sys.executable, "-m", "streamlit", "run", "dashboard.py"], settings.ROOT, args.port)
    try:
        figures = browser_figures(f"http://127.0.0.1:{args.port}", args.runs)
    finally:
        stop(server)
    for key, values in figures.items():
        budget = BUDGETS.get(key)
        shown = ", ".join(f"{v:.2f}" if isinstance(v, float) else f"{v:,}" for v in values)
        median = statistics.median(values)
        verdict = f" (budget {budget}: {'ok' if median <= budget else 'OVER'})" if budget else ""
        print(f"{key}: median {median:,.2f}  [{shown}]{verdict}")


if __name__ == "__main__":
    main()
