"""The servers bench.page_visits measures: the app of one checkout with its script runs timed, and the floor.

Each is a `streamlit run`-like process on its own port, returned once its health check answers, and ended by
its process (never by name): the next page's server takes the same port.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

TIMED_SERVE = Path(__file__).with_name("timed_serve.py")
SERVER_OPTIONS = ["--server.address=127.0.0.1", "--server.headless=true", "--browser.gatherUsageStats=false",
                  "--server.fileWatcherType=none"]


def start(command: list[str], cwd: Path, port: int, env: dict[str, str] | None = None) -> subprocess.Popen:
    """A Streamlit server on `port`, returned once its health check answers (`env`: this process's by default)."""
    server = subprocess.Popen([*command, f"--server.port={port}", *SERVER_OPTIONS], cwd=cwd, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return server
        except OSError:
            time.sleep(0.1)
    stop(server)
    raise RuntimeError(f"streamlit did not start in {cwd} within 30 s")


def stop(server: subprocess.Popen) -> None:
    """End a server this harness started (killed if it does not stop in 20 s), so the next can take the port."""
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


class AppServer:
    """The app of one checkout (`root`), served by bench/timed_serve.py; its script runs land in `runs`."""

    def __init__(self, root: Path, port: int):
        self.root, self.port = root, port
        self.runs = Path(tempfile.mkstemp(prefix="netra-bench-runs-", suffix=".jsonl")[1])
        self.env = {**os.environ, "NETRA_BENCH_RUNS": str(self.runs), "PYTHONPATH": str(root)}
        self.server: subprocess.Popen | None = None

    def __enter__(self) -> AppServer:
        self.runs.write_text("")
        try:
            self.server = start([sys.executable, str(TIMED_SERVE)], self.root, self.port, self.env)
        except Exception:
            self.runs.unlink(missing_ok=True)
            raise
        return self

    def __exit__(self, *exc) -> None:
        stop(self.server)
        self.runs.unlink(missing_ok=True)

    def script_runs(self, since: float, until: float) -> dict:
        """The script runs that started between `since` and `until` (time.time()): their wall and CPU seconds, and
        the charts sent by the last full run (a fragment's run sends only its own)."""
        lines = [json.loads(line) for line in self.runs.read_text().splitlines() if line]
        inside = [line for line in lines if since <= line["start"] <= until]
        full = [line for line in inside if not line["fragment"]]
        return {"script_s": sum(line["end"] - line["start"] for line in inside),
                "script_cpu_s": sum(line["cpu_s"] for line in inside),
                "charts_sent": full[-1]["charts"] if full else None}
