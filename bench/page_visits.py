"""The browser half of bench.pages: each page opened in headless Chromium, timed, with where the time went.

Per page and run, on a server started afresh (`bench/timed_serve.py`, i.e. ui.app.serve with its script runs
timed): the **first visit** right after the server answers its health check, by a browser that has opened Netra
before (a restart, as leadership meets it: Streamlit's hashed bundles, plotly's 4.7 MB among them, are cached as
immutable), then a **warm visit** (a new browser, empty cache: someone's very first visit; the server already warm),
then a **filter change** on it (a province: its queries not cached yet), then a **return visit**: that browser
opening the page again (its cache warm now; a new session all the same). The
**floor** is the same harness on bench/floor_page.py with as many empty charts as the page drew, served once by
its own `streamlit run`. Each visit reports its wall time, the server's script-run time inside it (wall and CPU),
the bytes received over the websocket, the browser's tail (from the last websocket message to every chart drawn)
and the charts it shows, beside those the server sent. The floor's visits are made alike: the known browser in a
new tab (the first visit's floor), a new browser, its change and its return. A visit that fails (a timeout, a
picker not found, a server that does not start) is recorded as `{"failed": reason}` and the run goes on: one bad
visit must not lose the other pages' figures.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from pathlib import Path

import settings
from bench.page_probe import COUNT_FRAMES, DRAWN, STATE
from bench.page_servers import AppServer, start, stop
from bench.sidebar_pick import OptionNotShown, sidebar_option

BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
URLS = {"ringkasan": "", "alur": "alur", "peta": "peta", "rincian": "rincian", "linimasa": "linimasa", "data": "data",
        "tentang": "tentang"}
PROVINCE = "33"  # the filter change: Jawa Tengah, picked by its label in the sidebar's province filter
FLOOR_PAGE = Path(__file__).with_name("floor_page.py")
RUN_TIMEOUT_MS, DRAWN_TIMEOUT_MS = 60_000, 120_000
VISITS = ("first", "warm", "change", "return")  # of a page run
FLOOR_VISITS = ("known", "render", "change", "return")  # the floor's, each the floor of the page's visit above
FLOOR_OF = dict(zip(VISITS, FLOOR_VISITS, strict=True))


class VisitFailed(Exception):
    """A visit that did not get where it was going; the message says how far it got."""


def failure(error: Exception) -> dict:
    """A failed visit as recorded: its reason on one line (Playwright's errors go on with a call log)."""
    first_line = next(iter(str(error).strip().splitlines()), "")
    return {"failed": f"{type(error).__name__}: {first_line}"}


def succeeded(figures: dict) -> bool:
    """Whether a visit (or floor visit) has figures rather than a failure."""
    return "failed" not in figures


def province_picker() -> tuple[str, str]:
    """The sidebar's province filter label and the option to pick, in Indonesian, from the string catalogue (the
    keys the sidebar uses: ui.app.filters). Imported here, outside a server, ui.app.data's caches would warn that
    there is no Streamlit runtime: that warning is silenced."""
    from streamlit.logger import get_logger

    get_logger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    from ui.app.filters import MULTI
    from ui.strings import label, t

    _, label_key, column, _ = MULTI["provinces"]
    return t(label_key, "id"), label(column, PROVINCE, "id")


def wait_drawn(page, runs_before: int, step: str) -> None:
    """Until a script run after the first `runs_before` has finished and the page is drawn (bench.page_probe);
    VisitFailed saying which of the two did not come, and the page's state then."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"window.__netraRuns > {runs_before}", timeout=RUN_TIMEOUT_MS, polling="raf")
    except PlaywrightTimeout:
        raise VisitFailed(f"{step}: no script run finished within {RUN_TIMEOUT_MS // 1000} s; "
                          f"{page.evaluate(STATE)}") from None
    try:
        page.wait_for_function(DRAWN, timeout=DRAWN_TIMEOUT_MS, polling="raf")
    except PlaywrightTimeout:
        raise VisitFailed(f"{step}: not drawn within {DRAWN_TIMEOUT_MS // 1000} s; {page.evaluate(STATE)}") from None


def _measure(page, action, server: AppServer | None, since_message: int, step: str) -> dict:
    """Run `action` (a navigation or a click), wait until a run is over and drawn; its figures."""
    runs_before = page.evaluate("() => window.__netraRuns ?? 0")  # 0 on a blank page
    began = time.time()
    started = time.perf_counter()
    action()
    wait_drawn(page, runs_before, step)
    seconds = time.perf_counter() - started
    now, frames = page.evaluate("() => [performance.now(), window.__netraFrames]")
    later = frames[since_message:]
    server_side = server.script_runs(began, time.time()) if server else {
        "script_s": None, "script_cpu_s": None, "charts_sent": None}
    return {"s": seconds, **server_side, "ws_messages": len(later), "ws_bytes": sum(size for _, size in later),
            "browser_tail_s": (now - later[-1][0]) / 1000 if later else 0.0,
            "charts": page.locator('[data-testid="stPlotlyChart"]').count()}


def _change_filter(page, picker_label: str, option_label: str):
    """The sidebar's province option, typed into its multiselect and drawn (bench.sidebar_pick), to click; the
    layout is let settle before each try, untimed."""
    try:
        return sidebar_option(page, picker_label, option_label, settle_ms=500)
    except OptionNotShown as error:
        raise VisitFailed(f"change: {error}") from None


def _attempt(work) -> dict:
    """`work()`'s figures, or the failure it raised (Playwright's errors, a timeout, a missing picker)."""
    try:
        return work()
    except Exception as error:  # any failure of one visit is recorded, not raised
        return failure(error)


def new_browser(browser):
    """A browser context as a new visitor has it (empty HTTP cache), counting websocket messages and runs."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(COUNT_FRAMES)
    return context


def visit(browser, url: str, server: AppServer | None, change: bool, known=None) -> dict:
    """A visitor opening `url`: its render, and (`change`) a filter change after it, then the same browser coming
    back to `url` (its HTTP cache warm); failures recorded. `known`: a browser context that has been here before
    (kept open), else a new one."""
    context = known or new_browser(browser)
    page = context.new_page()
    try:
        result = {"render": _attempt(lambda: _measure(page, lambda: page.goto(url), server, 0, "render"))}
        if change and succeeded(result["render"]):
            def changed() -> dict:
                option = _change_filter(page, *province_picker())
                return _measure(page, option.click, server, result["render"]["ws_messages"], "change")
            result["change"] = _attempt(changed)
        elif change:
            result["change"] = {"failed": "not tried: the render failed"}
        if change:
            def came_back() -> dict:
                page.goto("about:blank")  # untimed: leave the page, keep the browser and its cache
                return _measure(page, lambda: page.goto(url), server, 0, "return")
            result["return"] = _attempt(came_back)
        return result
    finally:
        with contextlib.suppress(Exception):  # a crashed browser: its failure is already recorded
            (page if known else context).close()


def page_run(browser, root: Path, page: str, port: int, known) -> dict:
    """First visit after a fresh start (by the `known` browser), a new browser's visit, its filter change and its
    return, on one checkout's app."""
    url = f"http://127.0.0.1:{port}/{URLS[page]}"
    try:
        with AppServer(root, port) as server:
            first = visit(browser, url, server, change=False, known=known)["render"]
            warm = visit(browser, url, server, change=True)
    except Exception as error:  # the server did not start: every visit of this run failed
        return dict.fromkeys(VISITS, failure(error))
    return {"first": first, "warm": warm["render"], "change": warm["change"], "return": warm["return"]}


class Floor:
    """bench/floor_page.py served once; `measure(charts, known)` is the known browser's visit, a new browser's, its
    filter change and its return, with that many empty charts."""

    def __init__(self, port: int):
        self.port = port
        self.server = start([sys.executable, "-m", "streamlit", "run", str(FLOOR_PAGE)], settings.ROOT, port)

    def measure(self, browser, charts: int, known) -> dict:
        """The floor for a page of `charts` charts."""
        url = f"http://127.0.0.1:{self.port}/?charts={charts}"
        return {"known": visit(browser, url, None, change=False, known=known)["render"],
                **visit(browser, url, None, change=True)}

    def close(self) -> None:
        """Stop the floor's server."""
        stop(self.server)


def charts_drawn(record: dict) -> int | None:
    """The charts the page showed (warm visit, else first visit); None when it never got drawn."""
    for visit_name in ("warm", "first"):
        if succeeded(record[visit_name]):
            return record[visit_name]["charts"]
    return None


def failures(record: dict) -> list[str]:
    """'visit: reason' for every failed visit of one run, the floor's included."""
    visits = {name: record[name] for name in VISITS}
    visits |= {f"floor {name}": figures for name, figures in record["floor"].items()}
    return [f"{name}: {figures['failed']}" for name, figures in visits.items() if not succeeded(figures)]


def _line(record: dict) -> str:
    """One run's progress line: its three times (or FAILED), the charts shown/sent, and why a visit failed."""
    times = " ".join(f"{name} {record[name]['s']:.2f} s" if succeeded(record[name]) else f"{name} FAILED"
                     for name in VISITS)
    sent = record["warm"].get("charts_sent")
    charts = f"charts {charts_drawn(record)}" + ("" if sent is None else f" (server sent {sent})")
    return "; ".join([f"{times}, {charts}", *failures(record)])


def browser_runs(roots: list[Path], pages: list[str], runs: int, port: int) -> list[dict]:
    """Every (run, checkout, page) measured, interleaved: run 1 of each checkout, then run 2, …; with the load."""
    from playwright.sync_api import sync_playwright

    records = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        floor = Floor(port + 1)
        known = new_browser(browser)  # the browser of the first visits: it opens Netra once before they begin
        try:
            visit(browser, f"http://127.0.0.1:{floor.port}/?charts=1", None, change=False, known=known)  # its first
            with AppServer(roots[0], port):
                visit(browser, f"http://127.0.0.1:{port}/", None, change=False, known=known)
            for run in range(runs):
                for root in roots:
                    for page in pages:
                        load = os.getloadavg()[0]
                        record = page_run(browser, root, page, port, known)
                        charts = charts_drawn(record)
                        never = {"failed": "not tried: the page never got drawn"}
                        record["floor"] = (floor.measure(browser, charts, known) if charts is not None
                                           else dict.fromkeys(FLOOR_VISITS, never))
                        records.append({"run": run, "root": str(root), "page": page, "load_before": load,
                                        "load_after": os.getloadavg()[0], **record})
                        print(f"  run {run + 1} {root.name:<12} {page:<10} {_line(record)} (load {load:.1f})",
                              flush=True)
        finally:
            floor.close()
            browser.close()
    return records
