"""Browser fixtures: the dashboard server (`python -m ui.app.serve`) on a free port over the fixture warehouse, and
Debian chromium.

Tests take `app_url` and pytest-playwright's `page`; the `wait_idle` fixture waits until a rerun has
finished.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import settings
from bench.sidebar_pick import sidebar_option
from tests.app.warehouse_fixture import build_fixture_warehouse

# Browser contexts of a wide page and of a phone (its User-Agent says 'Mobile': ui.app.screen), for tests that open
# their own beside pytest-playwright's `page` (which is the wide one).
WIDE = {"viewport": {"width": 1400, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/156.0 Mobile Safari/537.36"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]
START_TIMEOUT_S = 30


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian chromium, no downloaded browser (`playwright install` cannot run offline)."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A laptop-sized window, downloads allowed."""
    return {**browser_context_args, **WIDE, "accept_downloads": True}


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def e2e_warehouse(tmp_path_factory):
    """Folder of the fixture warehouse the browser tests' server reads."""
    folder = tmp_path_factory.mktemp("e2e-warehouse")
    build_fixture_warehouse(folder)
    return folder


@pytest.fixture(scope="session")
def app_url(e2e_warehouse, tmp_path_factory) -> Iterator[str]:
    """Base URL of a running dashboard (role admin, no users file), stopped at the end of the session."""
    with dashboard_server(e2e_warehouse, tmp_path_factory.mktemp("server")) as url:
        yield url


SERVE = ("-m", "ui.app.serve")
PLAIN = ("-m", "streamlit", "run", "dashboard.py")  # how someone may start it without reading the README


@contextmanager
def dashboard_server(data_dir: Path, scratch: Path, launcher: tuple[str, ...] = SERVE, **env: str) -> Iterator[str]:
    """Run `python -m ui.app.serve` (or `launcher`) over the warehouse in `data_dir` (role admin, no users file, log
    in `scratch/streamlit.log`; `env` adds or overrides variables) on a free port; yields its base URL and stops it
    afterwards."""
    port = free_port()
    env = {**os.environ, "NETRA_DATA_DIR": str(data_dir), "NETRA_ROLE": "admin",
           "NETRA_USERS_FILE": str(scratch / "none.toml"),
           "NETRA_DEFAULT_ELECTION": "all", **env}  # the tests' numbers are of every election in the fixture
    log = (scratch / "streamlit.log").open("w")
    server = subprocess.Popen(
        [sys.executable, *launcher, "--server.address=127.0.0.1",
         f"--server.port={port}", "--server.headless=true", "--browser.gatherUsageStats=false",
         "--server.fileWatcherType=none"],
        cwd=settings.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def _wait_healthy(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer on {url} within {START_TIMEOUT_S} s")


@pytest.fixture(scope="session")
def wait_idle():
    """`wait_idle(page)`: wait until the app is connected and no script run is in progress."""
    return _wait_idle


def _wait_idle(page, timeout: float = 30_000) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]', timeout=timeout)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)


def choose_province(page, name: str) -> None:
    """Pick a province in the sidebar's Provinsi multiselect (a baseweb dropdown, reopened when a busy machine
    closes it early: bench.sidebar_pick), then close it."""
    sidebar_option(page, "Provinsi", name).click()
    page.keyboard.press("Escape")


@contextmanager
def page_on(browser, screen: dict) -> Iterator:
    """A page in a new browser context of `screen` (WIDE or PHONE), closed afterwards."""
    context = browser.new_context(**screen)
    try:
        yield context.new_page()
    finally:
        context.close()

