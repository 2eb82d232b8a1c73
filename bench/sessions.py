"""`python -m bench.sessions [--sessions 20] [--seconds 60] [--rows 50000]`: many visitors at once while a load
publishes a new generation (issue 9, Build: load test).

A warehouse is loaded from a synthetic register of --rows rows (bench.load_and_query's messy one), the dashboard
is served by `python -m ui.app.serve` (role analis, so Data is in the tour), and --sessions clients speak
Streamlit's own websocket protocol (BackMsg/ForwardMsg protobufs, as the browser's frontend does — 20 Chromium
tabs on a 2-core machine would measure the machine): each opens the app, then for --seconds keeps changing the
election and province filters and switching pages, with a short pause (0.2–1 s) between clicks as a person would.
Halfway through, `python -m etl load` publishes a new generation from a second register.

Reported: errors (exceptions or error alerts in any rerun, a rerun that does not finish within RERUN_TIMEOUT_S, a
dropped connection — must be 0), median / p95 / max rerun time (request sent → script finished), the reruns
before and after the new generation, and the server's resident memory (peak and at the end).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

import settings
from bench.load_and_query import SEED, synthetic_register

RERUN_TIMEOUT_S = 30
PAGES = ("", "peta", "rincian", "linimasa", "data", "tentang")  # url paths a visitor moves between
ELECTIONS = ("Pilkada 2020", "Pemilu 2024", "Pilkada 2024")
PROVINCES = ("Jawa Tengah", "Jawa Timur", "Sulawesi Selatan", "Sumatera Utara", "Papua")
PAUSE_S = (0.2, 1.0)


@dataclass
class Results:
    """Every rerun's time and whether it failed, and when the new generation was published."""

    reruns: list[tuple[float, float]] = field(default_factory=list)  # (finished at, seconds)
    errors: list[str] = field(default_factory=list)
    published_at: float | None = None
    pages_seen: set[str] = field(default_factory=set)  # page script hashes the server ran (proof of page switches)
    filtered_runs: int = 0  # runs whose frame said filters were active (proof the widget states applied)


class Visitor:
    """One browser-like session: sends reruns with its widget states, reads ForwardMsgs until the run finishes."""

    def __init__(self, socket, results: Results):
        self.socket, self.results = socket, results
        self.widgets: dict[str, str] = {}  # widget key (filters: el, prov) -> widget id
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.cached: set[str] = set()  # hashes of messages this client keeps (as the frontend's message cache)
        self.states: dict[str, list[str]] = {}  # widget key -> chosen labels

    async def rerun(self, page: str | None = None) -> None:
        """One rerun of `page` (None: the current page) with the current filter states; timed and checked."""
        state = ClientState(page_script_hash=self.pages.get(page, "") if page is not None else "",
                            cached_message_hashes=sorted(self.cached))
        for key, labels in self.states.items():
            if key in self.widgets:
                state.widget_states.widgets.append(WidgetState(id=self.widgets[key]))
                state.widget_states.widgets[-1].string_array_value.data.extend(labels)
        started = time.monotonic()
        await self.socket.send(BackMsg(rerun_script=state).SerializeToString())
        await asyncio.wait_for(self._until_finished(), RERUN_TIMEOUT_S)
        self.results.reruns.append((time.monotonic(), time.monotonic() - started))

    async def _until_finished(self) -> None:
        while True:
            message = ForwardMsg()
            message.ParseFromString(await self.socket.recv())
            if message.hash and message.metadata.cacheable:
                self.cached.add(message.hash)
            kind = message.WhichOneof("type")
            if kind == "delta":
                self._read_element(message.delta)
            elif kind == "navigation":
                self.pages = {page.url_pathname: page.page_script_hash for page in message.navigation.app_pages}
                self.results.pages_seen.add(message.navigation.page_script_hash)
            elif kind == "script_finished":
                if message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return
                self.results.errors.append(f"script finished with status {message.script_finished}")
                return

    def _read_element(self, delta) -> None:
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.results.errors.append(f"exception: {element.exception.type}: {element.exception.message[:200]}")
        elif kind == "alert" and element.alert.format == element.alert.ERROR:
            self.results.errors.append(f"error alert: {element.alert.body[:200]}")
        elif kind == "markdown" and "filter aktif**" in element.markdown.body:
            self.results.filtered_runs += 1
        elif kind == "multiselect":
            self.widgets[element.multiselect.id.rsplit("-", 1)[-1]] = element.multiselect.id

    async def click(self, rng: random.Random) -> None:
        """What a person does next: pick elections, pick a province or none, or open another page."""
        choice = rng.random()
        if choice < 0.35:
            self.states["el"] = rng.sample(ELECTIONS, rng.randint(0, 2))
            await self.rerun()
        elif choice < 0.7:
            self.states["prov"] = [rng.choice(PROVINCES)] if rng.random() < 0.7 else []
            await self.rerun()
        else:
            await self.rerun(rng.choice(PAGES))


async def visit(url: str, number: int, until: float, results: Results) -> None:
    """One session for the whole test; any failure is counted, never raised."""
    rng = random.Random(SEED + number)
    try:
        async with websockets.connect(url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"],
                                      max_size=None, open_timeout=RERUN_TIMEOUT_S) as socket:
            visitor = Visitor(socket, results)
            await visitor.rerun()
            while time.monotonic() < until:
                await asyncio.sleep(rng.uniform(*PAUSE_S))
                await visitor.click(rng)
    except (TimeoutError, websockets.ConnectionClosed, OSError) as failure:
        results.errors.append(f"session {number}: {type(failure).__name__}: {failure}")


async def publish_midway(register: Path, data_dir: Path, at: float, results: Results) -> dict:
    """`python -m etl load register` once `at` is reached; its exit status and seconds."""
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    started = time.monotonic()
    loader = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "etl", "load", str(register), cwd=settings.ROOT, env={**os.environ,
                                                                                    "NETRA_DATA_DIR": str(data_dir)},
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    status = await loader.wait()
    results.published_at = time.monotonic()
    return {"status": status, "seconds": round(results.published_at - started, 1)}


async def sample_rss(pid: int, until: float, samples: list[int]) -> None:
    """The server's resident memory (kB) every half second."""
    while time.monotonic() < until:
        status = Path(f"/proc/{pid}/status").read_text()
        samples.append(next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")))
        await asyncio.sleep(0.5)


async def run(url: str, pid: int, data_dir: Path, register: Path, sessions: int, seconds: float) -> dict:
    """The whole test; the figures as a dict."""
    results, rss = Results(), []
    start = time.monotonic()
    until = start + seconds
    tasks = [visit(url, n, until, results) for n in range(sessions)]
    *_, load, _ = await asyncio.gather(*tasks, publish_midway(register, data_dir, start + seconds / 2, results),
                                       sample_rss(pid, until + 2, rss))
    times = sorted(seconds for _, seconds in results.reruns)
    after = [s for at, s in results.reruns if results.published_at and at > results.published_at]
    return {
        "sessions": sessions, "seconds": seconds, "reruns": len(times), "errors": len(results.errors),
        "error_samples": results.errors[:5], "median_s": round(statistics.median(times), 3),
        "p95_s": round(times[int(0.95 * (len(times) - 1))], 3), "max_s": round(times[-1], 3),
        "pages_run": len(results.pages_seen), "filtered_reruns": results.filtered_runs,
        "reruns_after_publish": len(after), "median_after_publish_s": round(statistics.median(after), 3)
        if after else None, "load": load, "rss_peak_mb": round(max(rss) / 1024), "rss_end_mb": round(rss[-1] / 1024),
    }


def main() -> None:
    """Build the warehouse, serve it, run the visitors, print the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.sessions", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="netra-sessions-") as scratch:
        folder = Path(scratch)
        base, later = folder / "register.csv", folder / "register-later.csv"
        synthetic_register(args.rows).to_csv(base, index=False)
        synthetic_register(max(args.rows // 10, 1000), seed=SEED + 1).to_csv(later, index=False)
        data_dir = folder / "warehouse"
        subprocess.run([sys.executable, "-m", "etl", "load", str(base)], cwd=settings.ROOT, check=False,
                       env={**os.environ, "NETRA_DATA_DIR": str(data_dir)}, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        server, url = serve(data_dir, folder / "streamlit.log")
        try:
            figures = asyncio.run(run(url, server.pid, data_dir, later, args.sessions, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(json.dumps(figures, indent=2, ensure_ascii=False))


def serve(data_dir: Path, log: Path, port: int = 8597) -> tuple[subprocess.Popen, str]:
    """`python -m ui.app.serve` over `data_dir` (role analis, no users file) on `port`, once healthy."""
    env = {**os.environ, "NETRA_DATA_DIR": str(data_dir), "NETRA_ROLE": "analis",
           "NETRA_USERS_FILE": str(data_dir / "no-users.toml")}
    server = subprocess.Popen([sys.executable, "-m", "ui.app.serve", "--server.address=127.0.0.1",
                               f"--server.port={port}", "--server.headless=true", "--server.fileWatcherType=none",
                               "--browser.gatherUsageStats=false"], cwd=settings.ROOT, env=env,
                              stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return server, url
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError(f"the dashboard did not start; see {log}")


if __name__ == "__main__":
    main()
