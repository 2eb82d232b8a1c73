"""Peta in headless Chromium: all 514 polygons drawn, a click filters the other pages, the wheel scrolls past the map
(its buttons zoom), and the boundaries cross the wire once (a filter change re-sends values only)."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

import settings
from geo import boundaries

pytestmark = pytest.mark.e2e
POLYGONS = ".choroplethlocation"
RERUN_BUDGET = 50_000  # bytes of map data per rerun after the first (DESIGN.md §6)


@pytest.fixture(scope="module", autouse=True)
def boundaries_published():
    """The server serves static/geo of the work tree: install it as `make test` does (a no-op when current)."""
    source = settings.geo_source()
    if source is None:
        pytest.skip("no boundary source (NETRA_GEO_SOURCE or ../shared/geo)")
    boundaries.install(source)


def open_map(page, url: str, count: int = 514) -> None:
    page.goto(url)
    expect(page.locator(POLYGONS)).to_have_count(count, timeout=30_000)


def test_all_514_kabupaten_kota_are_drawn(app_url, page, wait_idle):
    open_map(page, f"{app_url}/peta")
    wait_idle(page)
    heights = page.locator(POLYGONS).evaluate_all("paths => paths.filter(p => p.getBBox().height > 0).length")
    assert heights == 514  # every polygon has a shape, none is an empty path
    expect(page.get_by_text("Batas wilayah: cahyadsn/wilayah_boundaries (MIT, © Cahya DSN)")).to_be_visible()


def test_clicking_a_kabupaten_filters_the_other_pages(app_url, page, wait_idle):
    open_map(page, f"{app_url}/peta?prov=33", count=35)  # zoomed to Jawa Tengah: polygons are big enough to hit
    wait_idle(page)
    codes = sorted(code for code in boundaries.reference_codes("kabupaten") if code.startswith("33."))
    page.locator(POLYGONS).nth(codes.index("33.25")).click(force=True)  # Kabupaten Batang
    expect(page).to_have_url(re.compile(r"kab=33\.25"), timeout=15_000)
    wait_idle(page)
    assert parse_qs(urlparse(page.url).query) == {"prov": ["33"], "kab": ["33.25"]}
    page.get_by_test_id("stSidebarNav").get_by_text("Ringkasan").click()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("3", timeout=15_000)  # Batang's 3 cases
    expect(page.get_by_test_id("stSidebar").get_by_text("Kabupaten Batang")).to_be_visible()


def test_a_filter_change_does_not_send_the_boundaries_again(app_url, page, wait_idle):
    fetches: list[str] = []
    map_frames: list[int] = []  # sizes of the websocket messages that carry the map figure

    def on_frame(payload) -> None:
        data = payload if isinstance(payload, bytes) else payload.encode()
        if b"choropleth" in data:
            map_frames.append(len(data))

    page.on("request", lambda request: fetches.append(request.url) if request.url.endswith(".geojson") else None)
    page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
    open_map(page, f"{app_url}/peta")
    wait_idle(page)
    assert fetches == [f"{app_url}/app/static/geo/kabupaten_kota.geojson"]
    assert len(map_frames) == 1 and map_frames[0] < RERUN_BUDGET
    map_frames.clear()
    page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").first.click()  # Pemilihan
    page.get_by_role("option", name="Pemilu 2024", exact=True).click()
    page.keyboard.press("Escape")
    expect(page.get_by_text("Pemilihan: Pemilu 2024").first).to_be_visible(timeout=15_000)
    wait_idle(page)
    expect(page.locator(POLYGONS)).to_have_count(514)
    assert fetches == [f"{app_url}/app/static/geo/kabupaten_kota.geojson"]  # fetched once, by URL
    assert len(map_frames) == 1 and map_frames[0] < RERUN_BUDGET, map_frames  # new values, no boundaries


SCALE = "() => document.querySelector('.js-plotly-plot')._fullLayout.geo.projection.scale"


def test_the_mouse_wheel_scrolls_the_page_past_the_map(app_url, page, wait_idle):
    """The map spans the page: a wheel over it scrolls on to the ranked table instead of zooming the map."""
    open_map(page, f"{app_url}/peta")
    wait_idle(page)
    scrolled = "document.querySelector('[data-testid=\"stMain\"]').scrollTop"
    before, scale = page.evaluate(scrolled), page.evaluate(SCALE)
    box = page.locator(".js-plotly-plot").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5)
    page.mouse.wheel(0, 400)
    page.wait_for_function(f"() => {scrolled} > {before}", timeout=5_000)  # the page moved on
    assert page.evaluate(SCALE) == scale


def test_the_zoom_survives_a_rerun_caused_by_another_widget(app_url, page, wait_idle):
    """A widget that leaves the map's numbers alone keeps the hand zoom (a changed figure is remounted, re-fitted)."""
    open_map(page, f"{app_url}/peta")
    wait_idle(page)
    chart = page.locator(".js-plotly-plot")
    chart.hover()  # the modebar shows on hover
    for _ in range(2):
        chart.locator('[data-title="Zoom in"]').click()
        page.wait_for_timeout(200)
    zoomed = page.evaluate(SCALE)
    assert zoomed > 1.5
    basis = page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text="Dasar tanggal")
    combo = basis.get_by_role("combobox")  # with no date range the basis changes no number on the map: a new run,
    combo.click()  # the same figure
    combo.fill("laporan")
    page.get_by_role("option", name="tanggal laporan", exact=True).click()
    expect(page).to_have_url(re.compile(r"basis=report_date"), timeout=15_000)
    wait_idle(page)
    assert parse_qs(urlparse(page.url).query) == {"basis": ["report_date"]}
    assert page.evaluate(SCALE) == zoomed


def test_the_legend_items_start_under_their_title(app_url, page, wait_idle):
    """Beside their title the classes lost its width: on a phone the last one was cut off at the edge."""
    open_map(page, f"{app_url}/peta")
    wait_idle(page)
    title, first = (page.locator(f".legend {part}").first.bounding_box() for part in (".legendtitletext", ".traces"))
    assert abs(first["x"] - title["x"]) < 10  # from the same left edge, not after the title
    assert first["y"] >= title["y"] + title["height"] - 1  # under it
