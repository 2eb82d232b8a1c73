"""The publik role on the fixture warehouse (12 cases): aggregates only, counts below 5 shown as "< 5", the rest
rounded down to 5 — in KPI cards, charts, tables, maps, captions and every export a public view offers (chart
PNG/SVG/PDF, briefing PPTX/PDF; a public view has no CSV/XLSX: it has no Data page). Pimpinan keeps exact counts.

All cases: 12 reported (shown 10), 6 proven (5), 3 sanctioned (< 5); every kabupaten/kota has at most 3.
"""

from __future__ import annotations

import html
import io
import math
import re

import pytest

from tests.app.conftest import markdown_rows
from tests.app.warehouse_fixture import build_fixture_warehouse
from ui.export import Caption, figure_image
from ui.export.briefing import PIECES, briefing, build_pack, plain_reader
from ui.figures import charts
from warehouse.filters import Filters

OVERVIEW, MAP, BREAKDOWNS, TIMELINE, ABOUT = ("pages/overview.py", "pages/regional_map.py", "pages/breakdowns.py",
                                              "pages/timeline.py", "pages/about.py")
WITHHELD = "< 5"


def public(make_app, page=OVERVIEW, **kwargs):
    at = make_app(page=page, role="publik", **kwargs)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_kpi_cards_show_published_counts_and_no_share_of_a_withheld_one(make_app):
    at = public(make_app)
    assert [(m.label, m.value) for m in at.metric] == [
        ("Dilaporkan", "10"), ("Terbukti · 50,0%", "5"), ("Disanksi", WITHHELD),
        ("Median hari sampai putusan", "16,0")]
    assert at.main.caption[0].value.startswith("Tampilan publik: jumlah di bawah 5 kasus ditampilkan")
    exact = make_app(page=OVERVIEW, role="pimpinan")
    assert [m.value for m in exact.metric[:3]] == ["12", "6", "3"]  # leadership keeps exact counts


def test_charts_show_withheld_counts_as_text(make_app, chart_spec):
    at = public(make_app)
    funnel = chart_spec(at, 0)["data"][0]
    assert funnel["text"] == ["10", "5<br>50,0%", WITHHELD] and funnel["x"] == [10, 5, 2.5]
    top = chart_spec(at, 2)["data"][0]  # top kabupaten/kota: every one has fewer than 5
    assert set(top["text"]) == {WITHHELD} and set(top["x"]) == {2.5}
    assert "3" not in top["text"] and all(WITHHELD in row[2] for row in top["customdata"])


def test_the_map_colours_and_hovers_withheld_regions_and_its_table_says_so(make_app, chart_spec):
    at = public(make_app, page=MAP)
    trace = chart_spec(at, 0)["data"][0]
    shown = {code: z for code, z in zip(trace["locations"], trace["z"], strict=True) if z}
    assert shown["33.25"] == 1  # Batang's 3 cases: the class '< 5', never a class of 3
    assert [entry["name"] for entry in chart_spec(at, 0)["data"] if entry.get("showlegend")] == ["0", "< 5"]
    assert "%{customdata[0]}" in trace["hovertemplate"] and ":," not in trace["hovertemplate"]
    batang = trace["customdata"][trace["locations"].index("33.25")]
    assert batang[:2] == [WITHHELD, WITHHELD]
    table = at.dataframe[0].value
    assert set(table["Kasus"].head(6)) == {WITHHELD} and table["Kasus"][6] == "0"  # six regions have cases
    assert any(c.value.startswith(f"{WITHHELD} kasus tidak tergambar") for c in at.main.caption)


def test_breakdowns_show_withheld_bars_and_cells(make_app, chart_spec):
    at = public(make_app, page=BREAKDOWNS)
    types = chart_spec(at, 0)["data"][0]
    assert set(types["text"]) == {WITHHELD}  # no violation type has 5 cases
    at.session_state["tab"] = "Tingkat"  # the tab of severity and type × severity
    grid = chart_spec(at.run(), 1)["data"][0]
    assert {cell for row in grid["text"] for cell in row} <= {WITHHELD, "0"}
    assert all(not isinstance(v, int) or v == 0 for row in grid["z"] for v in row if v != 2.5)


def test_the_timeline_and_its_tables_show_published_counts(make_app, page_text):
    at = public(make_app, page=TIMELINE)
    assert not at.error
    stage_cases = [row["Kasus"] for row in markdown_rows(at, "Periode")]
    assert set(stage_cases) <= {WITHHELD, "0", "5", "10"}
    assert "8 kasus dalam" not in page_text(at)  # before voting day: 8 exact cases, shown as 5
    assert any(m.proto.help.startswith("5 kasus dalam") for m in at.metric)


def test_the_about_page_keeps_load_details_for_staff(make_app):
    at = public(make_app, page=ABOUT)
    assert not at.dataframe and any("hanya untuk petugas" in i.value for i in at.info)


@pytest.mark.parametrize("page", ["pages/data_explorer.py", "pages/load_data.py", "pages/audit_log.py"])
def test_cases_loading_and_the_audit_do_not_exist_for_the_public(make_app, page):
    at = public(make_app)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page)


# ---- exports: built from the same protected frames --------------------------------------------------------------

@pytest.fixture(scope="module")
def public_read(tmp_path_factory):
    return plain_reader(build_fixture_warehouse(tmp_path_factory.mktemp("publik")), public=True)


def test_chart_exports_carry_the_withheld_marker(public_read):
    figure = charts.funnel_chart(public_read("kpis", Filters()), "id")
    caption = Caption("Alur", "Semua kasus")
    svg = figure_image(figure, "svg", caption).decode()
    texts = [html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    assert WITHHELD in texts and "10" in texts and not {"12", "6", "3"} & set(texts)
    from pypdf import PdfReader

    pdf = figure_image(figure, "pdf", caption)
    assert WITHHELD in "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert figure_image(figure, "png", caption)[:8] == b"\x89PNG\r\n\x1a\n"  # the same figure, as pixels


def test_briefing_packs_are_built_from_published_counts(public_read):
    pack = build_pack(list(PIECES), Filters(), "id", public_read, "Publik")
    kpis = pack.slides[0].figure.layout.annotations
    assert [html.unescape(a.text) for a in kpis if a.font.size == 40] == ["10", "5", WITHHELD, "16,0"]
    funnel = pack.slides[1].figure.data[0]
    assert list(funnel.text) == ["10", "5<br>50,0%", WITHHELD]
    frames = [public_read(name, Filters()) for name in ("kpis", "breakdowns", "cases_by_province")]
    assert all(math.isnan(v) or v == 0 or v % 5 == 0 for frame in frames for column in ("reported", "proven", "n")
               if column in frame for v in frame[column])
    from pptx import Presentation

    deck = Presentation(io.BytesIO(briefing("pptx", ["kpis", "funnel"], Filters(), "id", public_read, "Publik")))
    assert len(deck.slides) == 4
    from pypdf import PdfReader

    pdf = briefing("pdf", ["funnel"], Filters(), "id", public_read, "Publik")
    assert WITHHELD in "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
