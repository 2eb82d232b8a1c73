"""The frame in headless Chromium: the URL never carries `lang=None`, page and banner icons are Material Symbols
(the font ships with Streamlit; emoji drew as empty boxes here), and nothing is fetched from outside the server."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import choose_province

pytestmark = pytest.mark.e2e

PAGES = ["", "alur", "peta", "rincian", "linimasa", "data", "briefing", "tentang", "muat", "audit", "tautan"]
NAV = ["Ringkasan", "Alur lintas instansi", "Peta", "Rincian", "Linimasa", "Data", "Briefing", "Tentang",
       "Muat data", "Audit", "Tautan orang-kasus"]
# every URL the page shows, including the ones Streamlit writes with history.replaceState / pushState
RECORD_URLS = """
window.__urls = [location.href];
for (const name of ["pushState", "replaceState"]) {
  const original = history[name].bind(history);
  history[name] = (state, title, url) => { original(state, title, url); window.__urls.push(location.href); };
}
"""


def urls_seen(page) -> list[str]:
    return page.evaluate("window.__urls") + [page.url]


@pytest.fixture
def recorded(page, app_url):
    """The page with every URL recorded and every request that does not go to the dashboard server collected."""
    outside = []
    page.on("request", lambda request: outside.append(request.url)
            if not request.url.startswith((app_url, "data:", "blob:")) else None)
    page.add_init_script(RECORD_URLS)
    return page, outside


def test_no_page_ever_puts_lang_none_in_the_url(recorded, app_url, wait_idle):
    page, outside = recorded
    seen = []
    for path in PAGES:  # each a fresh session's first run, where the switch used to report None
        page.goto(f"{app_url}/{path}")
        wait_idle(page)
        seen += urls_seen(page)
    for name in NAV:  # and moving between pages within one session
        page.get_by_test_id("stSidebarNav").get_by_text(name, exact=True).click()
        wait_idle(page)
        seen += urls_seen(page)
    assert seen and not [url for url in seen if "lang=" in url]  # Indonesian is the default: no parameter at all
    assert not outside


def test_english_is_kept_in_the_url_and_an_unknown_language_falls_back(recorded, app_url, wait_idle):
    page, _ = recorded
    page.goto(f"{app_url}/rincian?lang=en")
    expect(page.get_by_role("heading", name="Breakdowns")).to_be_visible(timeout=30_000)
    page.get_by_test_id("stSidebarNav").get_by_text("Timeline", exact=True).click()
    expect(page.get_by_role("heading", name="Timeline by election stage")).to_be_visible(timeout=30_000)
    wait_idle(page)
    assert parse_qs(urlparse(page.url).query) == {"lang": ["en"]}

    page.goto(f"{app_url}/rincian?lang=xx")
    expect(page.get_by_role("heading", name="Rincian pelanggaran")).to_be_visible(timeout=30_000)
    wait_idle(page)
    assert "lang" not in parse_qs(urlparse(page.url).query)
    assert not [url for url in urls_seen(page) if "lang=None" in url]


def test_page_icons_and_banners_are_material_symbols(recorded, app_url, wait_idle):
    page, outside = recorded
    page.goto(f"{app_url}/?prov=11")  # Aceh: no fixture case, so the empty-state banner shows
    wait_idle(page)
    nav = page.get_by_test_id("stSidebarNav")
    icons = nav.get_by_test_id("stIconMaterial")
    expect(icons).to_have_count(len(NAV))
    assert icons.all_text_contents() == ["dashboard", "account_tree", "map", "stacked_bar_chart", "timeline",
                                         "table_chart", "slideshow", "info", "upload_file", "policy",
                                         "join_inner"]  # ligatures
    assert "Material Symbols" in icons.first.evaluate("element => getComputedStyle(element).fontFamily")
    assert nav.get_by_test_id("stIconEmoji").count() == 0
    banner = page.get_by_test_id("stAlert").first
    expect(banner).to_contain_text("Tidak ada kasus untuk filter ini")
    icon = banner.get_by_test_id("stAlertDynamicIcon")  # a banner's icon has its own test id
    expect(icon).to_have_text("filter_alt_off")
    assert "Material Symbols" in icon.evaluate("element => getComputedStyle(element).fontFamily")
    favicon = page.evaluate("[...document.querySelectorAll('link[rel*=icon]')].map(link => link.href)")
    assert favicon and all(href.startswith(app_url) for href in favicon)
    assert not outside


def test_the_open_tab_is_in_the_url_kept_by_a_filter_change_and_opened_by_the_link(page, app_url, wait_idle):
    page.goto(f"{app_url}/linimasa")
    wait_idle(page)
    page.get_by_role("tab", name="Jeda").click()
    wait_idle(page)
    assert parse_qs(urlparse(page.url).query) == {"tab": ["Jeda"]}
    choose_province(page, "Jawa Tengah")
    expect(page).to_have_url(re.compile(r"prov=33"), timeout=15_000)  # wait_idle alone can return before the rerun
    wait_idle(page)
    link = page.url
    assert parse_qs(urlparse(link).query) == {"prov": ["33"], "tab": ["Jeda"]}  # the filters leave the tab be

    page.goto(link)  # the link, opened afresh: that tab, those filters
    wait_idle(page)
    expect(page.get_by_role("tab", name="Jeda", selected=True)).to_be_visible(timeout=30_000)
    page.get_by_role("tab", name="Sebelum & sejak hari-H").click()  # the first tab: no parameter needed
    wait_idle(page)
    assert parse_qs(urlparse(page.url).query) == {"prov": ["33"]}

    page.goto(f"{app_url}/linimasa?tab=Tidak+ada")  # a label the page does not have: its first tab, said nowhere
    wait_idle(page)
    expect(page.get_by_role("tab", name="Sebelum & sejak hari-H", selected=True)).to_be_visible(timeout=30_000)
    assert "tab" not in parse_qs(urlparse(page.url).query) and not page.get_by_test_id("stAlert").count()
