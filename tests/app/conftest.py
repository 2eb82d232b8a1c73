"""Shared fixtures of the app tests: a small fixture warehouse with known values, and an AppTest factory.

The warehouse holds the 12 cases of `fixtures/register.csv`, loaded by `etl.load.load_files` (10 with a
kabupaten/kota, one provincial case P24-008, one central-agency case PEM-004); its 13th row (file row 14, P24-009)
is rejected for an unknown kabupaten/kota. Headline numbers, for exact assertions:
  all cases:                 reported 12, proven 6, sanctioned 3
  Pilkada 2024 (el):         reported 8, proven 4, sanctioned 2, median days report -> decision 14.5
  Jawa Tengah (prov=33):     reported 5, proven 3, sanctioned 2
  incident date October 2024 reported 4; the 31 days before it (2024-08-31..2024-09-30) reported 2
Names and NIPs are in the `subject_name` / `subject_nip` columns of the register (fixture `register_rows`).
"""

from __future__ import annotations

import base64
import csv
import json
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import settings
from tests.app.warehouse_fixture import REGISTER, build_fixture_warehouse

DASHBOARD = settings.ROOT / "dashboard.py"


@pytest.fixture(scope="session")
def fixture_warehouse(tmp_path_factory) -> Path:
    """Folder of a published warehouse holding the fixture register (built once per test session)."""
    folder = tmp_path_factory.mktemp("warehouse")
    build_fixture_warehouse(folder)
    return folder


@pytest.fixture(scope="session")
def register_rows() -> list[dict[str, str]]:
    """The fixture register as written, one dict per case (for names and NIPs that must never leak)."""
    with REGISTER.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def serve_warehouse(folder: Path, tmp_path: Path, monkeypatch) -> Path:
    """Point the app at the warehouse in `folder`, with no users file (the role then comes from NETRA_ROLE)."""
    monkeypatch.setenv("NETRA_DATA_DIR", str(folder))
    monkeypatch.setenv("NETRA_USERS_FILE", str(tmp_path / "no-users.toml"))
    monkeypatch.setenv("NETRA_ROLE", "admin")
    return folder


@pytest.fixture
def warehouse_env(fixture_warehouse, tmp_path, monkeypatch) -> Path:
    """Point this test at the fixture warehouse (a module may override this fixture with another warehouse)."""
    return serve_warehouse(fixture_warehouse, tmp_path, monkeypatch)


@pytest.fixture
def make_app(warehouse_env, monkeypatch) -> Callable[..., AppTest]:
    """Factory: `make_app(page="pages/breakdowns.py", role="analis", lang="en", query={"prov": "33"})` -> run AppTest.

    The fixture data is real (not synthetic), so the role is the server's NETRA_ROLE; `query` are URL parameters
    as a browser would send them (lists for repeated keys).
    """

    def make(page: str | None = None, role: str = "admin", lang: str = "id", query: dict | None = None) -> AppTest:
        monkeypatch.setenv("NETRA_ROLE", role)
        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        at.query_params.update(query or {})
        if lang != "id":
            at.query_params["lang"] = lang
        at.run()
        if page is not None:
            at.switch_page(page).run()
        return at

    return make


def markdown_rows(at: AppTest, first_header: str) -> list[dict[str, str]]:
    """The rows of the markdown table (ui.views.markup.markdown_table) whose first header is `first_header`, as
    a reader sees them: {header: cell}, escapes taken out."""
    from ui.views.markup import plain

    text = next(m.value for m in at.markdown if m.value.startswith(f"| {first_header} |"))
    lines = [[plain(cell.strip()) for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in text.splitlines()]
    return [dict(zip(lines[0], cells, strict=True)) for cells in lines[2:]]


def _element_text(node) -> list[str]:
    """Every element's protobuf text, with tables decoded (arrow bytes would hide their cells)."""
    children = getattr(node, "children", None)
    if children:
        return [text for child in children.values() for text in _element_text(child)]
    if getattr(node, "type", "") in ("dataframe", "table"):
        return [node.value.to_csv()]
    proto = getattr(node, "proto", None)
    return [str(proto)] if proto is not None else []


@pytest.fixture
def page_text() -> Callable[[AppTest], str]:
    """`page_text(at)`: all text of the rendered app (main area and sidebar), to prove what is never shown."""
    return lambda at: "\n".join(_element_text(at._tree))


def _decoded(value):
    """A spec value with plotly's typed arrays ({'dtype', 'bdata'}) turned back into plain lists."""
    if isinstance(value, dict):
        if set(value) >= {"dtype", "bdata"}:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            shape = [int(size) for size in str(value.get("shape", len(array))).split(",")]  # shape: '4, 3'
            return array.reshape(shape).tolist()
        return {key: _decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decoded(item) for item in value]
    return value


@pytest.fixture
def chart_spec() -> Callable[[AppTest, int], dict]:
    """`chart_spec(at, i)`: the i-th plotly chart's spec as a dict, typed arrays decoded to lists."""
    return lambda at, index: _decoded(json.loads(at.get("plotly_chart")[index].proto.spec))
