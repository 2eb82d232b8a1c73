"""Issue 9 defect 4: register text is never interpreted as markdown, HTML or KaTeX — shown as the characters it
holds. Case MD-001's agency, sanction and description are HOSTILE_TEXT (an image, a heading, maths, a colour
directive, HTML); a search typed in and upload names are outside text too."""

import io

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import DASHBOARD, serve_warehouse
from tests.app.warehouse_fixture import HOSTILE_CASE, HOSTILE_TEXT, build_hostile_warehouse
from ui.views import loading

DATA, LOAD = "pages/data_explorer.py", "pages/load_data.py"
MARKDOWN_ELEMENTS = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader")


@pytest.fixture(scope="module")
def hostile_warehouse(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "warehouse"
    build_hostile_warehouse(folder)
    return folder


@pytest.fixture
def open_data(hostile_warehouse, tmp_path, monkeypatch):
    serve_warehouse(hostile_warehouse, tmp_path, monkeypatch)

    def open_page(page: str = DATA) -> AppTest:
        return AppTest.from_file(str(DASHBOARD), default_timeout=60).run().switch_page(page).run()

    return open_page


def markdown_bodies(at: AppTest) -> list[str]:
    """The text of every element Streamlit renders as markdown."""
    return [element.value for kind in MARKDOWN_ELEMENTS for element in getattr(at, kind)]


def test_the_case_detail_holds_register_text_as_plain_cells(open_data):
    at = open_data()
    at.text_input(key="dx_search").input(HOSTILE_CASE).run()
    at.session_state["dx_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception and not at.table  # no st.table: it renders its cells as markdown
    detail = dict(at.dataframe[1].value.values.tolist())
    assert detail["Uraian"] == detail["Sanksi"] == detail["Instansi"] == HOSTILE_TEXT
    assert at.dataframe[0].value["Instansi"].tolist() == [HOSTILE_TEXT]
    assert not any("track.png" in body for body in markdown_bodies(at))


def test_a_search_with_markup_is_quoted_verbatim_in_the_notice(open_data):
    at = open_data()
    search = HOSTILE_TEXT.replace("Big", "Tidak ada")  # matches no case
    at.text_input(key="dx_search").input(search).run()
    (notice,) = at.info
    assert notice.value.startswith(f"Tidak ada kasus yang cocok dengan pencarian `{search}`.")


def test_upload_names_and_loader_sentences_are_escaped(open_data, tmp_path, monkeypatch):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "own"))
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run().switch_page(LOAD).run()
    name = "**tebal** $x$ :red[merah].csv"
    upload = io.BytesIO(b"")
    upload.name = name
    run = loading.publish(loading.stage_uploads([upload]))
    at.session_state["ld_state"] = {"published": run}
    at.run()
    (error,) = [e for e in at.error if "tebal" in e.value]  # (the other says there is no warehouse yet)
    kind, text = loading.outcome_message(run.report["files"][0], False, "id")
    assert kind == "error" and error.value == text
    assert "\\*\\*tebal\\*\\* \\$x\\$ :\u200bred\\[merah\\].csv" in error.value
