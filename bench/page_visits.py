"""The browser half of bench.pages: each page opened in headless Chromium, timed, with where the time went.

Per page and run, on a server started afresh (`bench/timed_serve.py`, i.e. ui.app.serve with its script runs
timed): the **first visit** right after the server answers its health check, then a **warm visit** (a new
visitor, the server already warm), then a **filter change** on it (a province: its queries not cached yet). The
**floor** is the same harness on bench/floor_page.py with as many empty charts as the page drew, served once by
its own `streamlit run`. Each visit reports its wall time, the server's script-run time inside it (wall and CPU),
the bytes received over the websocket, and the browser's tail: from the last websocket message to every chart
drawn. Every visitor is a new browser context (empty HTTP cache), in the floor too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import settings

BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
URLS = {"ringkasan": "", "peta": "peta", "rincian": "rincian", "linimasa": "linimasa", "data": "data",
        "tentang": "tentang"}
TIMED_SERVE = Path(__file__).with_name("timed_serve.py")
FLOOR_PAGE = Path(__file__).with_name("floor_page.py")
SERVER_OPTIONS = ["--server.address=127.0.0.1", "--server.headless=true", "--browser.gatherUsageStats=false",
                  "--server.fileWatcherType=none"]
# Every websocket message the page receives, with the browser's clock (a Python event handler would see them late).
COUNT_FRAMES = """
window.__netraFrames = [];
const NativeSocket = window.WebSocket;
window.WebSocket = class extends NativeSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', e => window.__netraFrames.push(
      [performance.now(), e.data.byteLength ?? e.data.size ?? e.data.length ?? 0]));
  }
};
window.__netraRuns = 0;  // script runs started, seen even when one is over before a poll could look
new MutationObserver(records => records.forEach(r => {
  if (r.target.dataset?.testScriptState === 'running') window.__netraRuns += 1;
})).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});"""
# Idle: the script run finished, nothing stale, every chart drawn (a map: its regions, once the GeoJSON arrived).
DRAWN = """() => document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState === 'notRunning'
    && !document.querySelector('[data-stale="true"]')
    && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(chart => chart.querySelector('.main-svg')
         && (!chart.querySelector('.geolayer > *') || chart.querySelector('.choroplethlocation, .point')))"""


def start(command: list[str], cwd: Path, port: int, env: dict[str, str]) -> subprocess.Popen:
    """A Streamlit server on `port`, returned once its health check answers."""
    server = subprocess.Popen([*command, f"--server.port={port}", *SERVER_OPTIONS], cwd=cwd, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError(f"streamlit did not start in {cwd}")


def stop(server: subprocess.Popen) -> None:
    """Terminate a server this harness started, and wait for it."""
    server.terminate()
    server.wait(timeout=20)


class AppServer:
    """The app of one checkout (`root`), served by bench/timed_serve.py; its script runs land in `runs`."""

    def __init__(self, root: Path, port: int):
        self.root, self.port = root, port
        self.runs = Path(tempfile.mkstemp(prefix="netra-bench-runs-", suffix=".jsonl")[1])
        self.env = {**os.environ, "NETRA_BENCH_RUNS": str(self.runs), "PYTHONPATH": str(root)}
        self.server: subprocess.Popen | None = None

    def __enter__(self) -> AppServer:
        self.runs.write_text("")
        self.server = start([sys.executable, str(TIMED_SERVE)], self.root, self.port, self.env)
        return self

    def __exit__(self, *exc) -> None:
        stop(self.server)

    def script_time(self, since: float, until: float) -> tuple[float, float]:
        """(wall, CPU) seconds of the script runs that started between `since` and `until` (time.time())."""
        import json

        lines = [json.loads(line) for line in self.runs.read_text().splitlines() if line]
        inside = [line for line in lines if since <= line["start"] <= until]
        return (sum(line["end"] - line["start"] for line in inside), sum(line["cpu_s"] for line in inside))


def wait_drawn(page, runs_before: int | None = None) -> None:
    """Until a script run (one after the first `runs_before`, when given) has finished and every chart is drawn."""
    if runs_before is not None:  # the rerun a widget change starts always goes through 'running'
        page.wait_for_function(f"window.__netraRuns > {runs_before}", timeout=60_000, polling="raf")
    page.wait_for_function(DRAWN, timeout=120_000, polling="raf")


def _frames(page, since_index: int) -> tuple[int, float, float]:
    """(count, bytes, last arrival) of the websocket messages after the first `since_index`, and the clock now."""
    now, frames = page.evaluate("() => [performance.now(), window.__netraFrames]")
    later = frames[since_index:]
    return len(frames), sum(size for _, size in later), (now - later[-1][0]) / 1000 if later else 0.0


def _measure(page, action, server: AppServer | None, after_change: bool, seen: int) -> tuple[dict, int]:
    """Run `action` (a navigation or a click), wait until drawn; its figures and the message count so far."""
    runs_before = page.evaluate("() => window.__netraRuns") if after_change else None
    began = time.time()
    started = time.perf_counter()
    action()
    if not after_change:
        page.wait_for_selector("h1", timeout=120_000)
    wait_drawn(page, runs_before)
    seconds = time.perf_counter() - started
    count, received, tail = _frames(page, seen)
    wall, cpu = server.script_time(began, time.time()) if server else (None, None)
    charts = page.locator('[data-testid="stPlotlyChart"]').count()
    return {"s": seconds, "script_s": wall, "script_cpu_s": cpu, "ws_bytes": received, "browser_tail_s": tail,
            "charts": charts}, count


def _change_filter(page):
    """Open the sidebar's province multiselect, type Jawa Tengah; returns the option to click. A page that is still
    settling may close the dropdown again: it is reopened (three tries) rather than failing the whole bench."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    picker = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(
        has=page.get_by_text("Provinsi", exact=True))
    option = page.get_by_role("option", name="Jawa Tengah", exact=True)
    for attempt in range(3):
        page.wait_for_timeout(500)  # untimed: let late layout settle before opening the dropdown
        picker.click()
        if attempt:  # clear what the earlier try typed (on an empty input Backspace would drop a chosen value)
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
        page.keyboard.type("Jawa Tengah")
        try:
            option.wait_for(timeout=10_000)
            return option
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    return option


def visit(browser, url: str, server: AppServer | None, change: bool) -> dict:
    """One new visitor opening `url`: its render, and (`change`) a filter change after it."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(COUNT_FRAMES)
    page = context.new_page()
    try:
        render, seen = _measure(page, lambda: page.goto(url), server, False, 0)
        result = {"render": render}
        if change:
            option = _change_filter(page)
            result["change"], _ = _measure(page, option.click, server, True, seen)
        return result
    finally:
        context.close()


def page_run(browser, root: Path, page: str, port: int) -> dict:
    """First visit after a fresh start, a warm visit and its filter change, on one checkout's app."""
    url = f"http://127.0.0.1:{port}/{URLS[page]}"
    with AppServer(root, port) as server:
        first = visit(browser, url, server, change=False)["render"]
        warm = visit(browser, url, server, change=True)
    return {"first": first, "warm": warm["render"], "change": warm["change"]}


class Floor:
    """bench/floor_page.py served once; `measure(charts)` is a warm visit and a filter change with that many."""

    def __init__(self, port: int):
        self.port = port
        self.server = start([sys.executable, "-m", "streamlit", "run", str(FLOOR_PAGE)], settings.ROOT, port,
                            dict(os.environ))

    def measure(self, browser, charts: int) -> dict:
        """The floor for a page of `charts` charts."""
        result = visit(browser, f"http://127.0.0.1:{self.port}/?charts={charts}", None, change=True)
        return {"render": result["render"], "change": result["change"]}

    def close(self) -> None:
        """Stop the floor's server."""
        stop(self.server)


def browser_runs(roots: list[Path], pages: list[str], runs: int, port: int) -> list[dict]:
    """Every (run, checkout, page) measured, interleaved: run 1 of each checkout, then run 2, …; with the load."""
    from playwright.sync_api import sync_playwright

    records = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        floor = Floor(port + 1)
        try:
            visit(browser, f"http://127.0.0.1:{floor.port}/?charts=1", None, change=False)  # its first visit
            for run in range(runs):
                for root in roots:
                    for page in pages:
                        load = os.getloadavg()[0]
                        record = page_run(browser, root, page, port)
                        record["floor"] = floor.measure(browser, record["warm"]["charts"])
                        records.append({"run": run, "root": str(root), "page": page, "load_before": load,
                                        "load_after": os.getloadavg()[0], **record})
                        print(f"  run {run + 1} {root.name:<12} {page:<10} first {record['first']['s']:.2f} s, "
                              f"warm {record['warm']['s']:.2f} s, change {record['change']['s']:.2f} s "
                              f"(load {load:.1f})", flush=True)
        finally:
            floor.close()
            browser.close()
    return records
