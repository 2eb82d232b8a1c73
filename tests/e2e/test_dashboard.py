"""The dashboard in headless Chromium on the fixture warehouse: loads, filters narrow it, the URL restores it, and
the CSV download holds exactly the rows on screen."""

import csv
import io
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import choose_province

pytestmark = pytest.mark.e2e


def expect_metrics(page, values: list[str]) -> None:
    """The KPI cards show exactly these values (retried while the app reruns)."""
    expect(page.get_by_test_id("stMetricValue")).to_have_text(values, timeout=20_000)


def test_the_overview_loads_with_the_headline_numbers(app_url, page):
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Ringkasan netralitas ASN")).to_be_visible(timeout=30_000)
    expect_metrics(page, ["12", "6", "3", "16,0"])
    expect(page.locator(".js-plotly-plot").first).to_be_visible()


def test_a_sidebar_filter_narrows_the_overview_and_a_fresh_page_on_its_url_restores_it(app_url, page, wait_idle,
                                                                                         context):
    page.goto(app_url)
    wait_idle(page)
    choose_province(page, "Jawa Tengah")
    expect_metrics(page, ["5", "3", "2", "14,5"])
    expect(page.get_by_text("Provinsi: Jawa Tengah").first).to_be_visible()
    assert parse_qs(urlparse(page.url).query) == {"prov": ["33"]}

    fresh = context.new_page()
    fresh.goto(page.url)
    expect_metrics(fresh, ["5", "3", "2", "14,5"])
    expect(fresh.get_by_test_id("stSidebar").get_by_text("Jawa Tengah")).to_be_visible()


def test_the_csv_download_holds_exactly_the_rows_on_screen(app_url, page, wait_idle):
    page.set_viewport_size({"width": 3200, "height": 900})  # wide enough for the grid to draw every column
    page.goto(f"{app_url}/data?prov=74")
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible(timeout=30_000)
    wait_idle(page)
    # the grid is a canvas; its accessible shadow table (cells in view only) carries the texts
    expect(grid.locator('[role="row"]')).to_have_count(3, timeout=15_000)  # header + 2 cases
    headers = grid.locator('[role="columnheader"]').all_inner_texts()
    on_screen = [row.locator('[role="gridcell"]').all_inner_texts() for row in grid.locator('[role="row"]').all()[1:]]
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh CSV (baris di layar)").click()
    notes, table = download.value.path().read_bytes().decode("utf-8-sig").split("\r\n\r\n", 1)
    assert notes.splitlines()[1] == (  # the Data table is records, whatever the unit of the charts
        "Filter: Catatan register · ASN (tanpa non-ASN) · Provinsi: Sulawesi Tenggara · satu baris per catatan "
        "register: orang yang tercatat di beberapa register muncul sekali per register")
    downloaded = list(csv.reader(io.StringIO(table)))
    assert downloaded[0] == headers
    assert downloaded[1:] == on_screen
    assert [row[0] for row in on_screen] == ["PEM-003", "PEM-002"]
