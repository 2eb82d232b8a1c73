"""Issue 9 in a real browser and on real servers: register markup is never rendered nor fetched (defect 4), a bad
link opens with a notice and survives a reload (defect 5), a plain `streamlit run dashboard.py` still goes
through the frame and visitors see no traceback (defect 8), and a download is written to the audit."""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import expect

import settings
from tests.app.warehouse_fixture import HOSTILE_CASE, HOSTILE_TEXT, build_hostile_warehouse
from tests.e2e.conftest import PLAIN, dashboard_server

pytestmark = pytest.mark.e2e
TRACKER = "127.0.0.1:1"  # where HOSTILE_TEXT's image points; nothing may ever ask for it


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-e2e") / "warehouse"
    build_hostile_warehouse(folder)
    with dashboard_server(folder, tmp_path_factory.mktemp("hostile-server")) as url:
        yield url


def test_register_markup_is_shown_as_text_and_its_image_never_fetched(page, hostile_url, wait_idle):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{hostile_url}/data")
    wait_idle(page)
    search = page.get_by_test_id("stTextInput").first.locator("input")
    search.fill(HOSTILE_TEXT.replace("Big", "Tidak ada"))  # matches nothing: the notice quotes it
    search.press("Enter")
    wait_idle(page)
    notice = page.get_by_test_id("stAlert").filter(has_text="Tidak ada kasus yang cocok")
    expect(notice).to_contain_text("![](http://127.0.0.1:1/track.png) $x^2$ :red[x] <b>b</b>")
    search.fill(HOSTILE_CASE)
    search.press("Enter")
    wait_idle(page)
    grid = page.get_by_test_id("stDataFrame").first
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the first row's selection cell
    wait_idle(page)
    expect(page.get_by_test_id("stDataFrame")).to_have_count(3)  # cases, the case in full, rejected rows
    main = page.get_by_test_id("stMain")
    assert main.locator("img[src*='track.png'], .katex, h1:has-text('Big')").count() == 0
    assert main.locator("b", has_text="b").count() == 0
    assert not [url for url in requests if TRACKER in url]


def test_a_bad_link_opens_its_page_with_one_notice_and_reloads(page, app_url, wait_idle):
    link = f"{app_url}/peta?tgl=1900-01-01&tgl=2024-01-01&el=pilkada2024&el=pilkada2024"
    for _ in range(2):  # the second time is the reload the issue saw fail again
        page.goto(link)
        wait_idle(page)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        notice = page.get_by_test_id("stAlert").filter(has_text="Sebagian isi tautan ini diabaikan")
        expect(notice).to_contain_text("tgl=1900-01-01")
        expect(notice).to_contain_text("el=pilkada2024")
        expect(page.get_by_role("heading", name="Peta kasus")).to_be_visible()


@pytest.mark.parametrize("path", ["", "overview", "data_explorer"])
def test_a_plain_streamlit_run_goes_through_the_frame(page, e2e_warehouse, tmp_path, wait_idle, path):
    """A fresh server started the plain way; '/overview' and '/data_explorer' are the legacy pages/ scan's own
    addresses, which used to run a page on its own (traceback) and list every page script."""
    with dashboard_server(e2e_warehouse, tmp_path, launcher=PLAIN) as url:
        page.goto(f"{url}/{path}")
        wait_idle(page)
        expect(page.get_by_role("heading", name="Ringkasan netralitas ASN")).to_be_visible(timeout=30_000)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        nav = page.get_by_test_id("stSidebarNav")
        expect(nav.get_by_text("Ringkasan", exact=True)).to_be_visible()
        for script in ("overview", "regional map", "data explorer", "load data"):  # ("dashboard" is an icon)
            expect(nav.get_by_text(script, exact=True)).to_have_count(0)


def test_a_plain_run_with_sign_in_lists_no_page_scripts(page, e2e_warehouse, tmp_path, wait_idle):
    users = tmp_path / "users.toml"
    users.write_text('[users.siti]\nrole = "analis"\npassword = "scrypt$' + "0" * 32 + "$" + "0" * 128 + '"\n')
    with dashboard_server(e2e_warehouse, tmp_path, launcher=PLAIN, NETRA_USERS_FILE=str(users)) as url:
        page.goto(url)
        wait_idle(page)
        expect(page.get_by_role("heading", name="Masuk")).to_be_visible(timeout=30_000)
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)


def test_visitors_see_a_short_message_and_the_log_gets_the_traceback(page, e2e_warehouse, tmp_path, wait_idle):
    """An unexpected error (here: a corrupt boundary manifest, met by Peta's map) under both launchers."""
    geo = tmp_path / "geo"
    shutil.copytree(settings.geo_dir(), geo)
    (geo / "install.json").write_text("{not json")
    for launcher in (("-m", "ui.app.serve"), PLAIN):
        scratch = tmp_path / launcher[-1].replace(".", "-")
        scratch.mkdir()
        with dashboard_server(e2e_warehouse, scratch, launcher=launcher, NETRA_GEO_DIR=str(geo)) as url:
            page.goto(f"{url}/peta")
            wait_idle(page)
            error = page.get_by_test_id("stException")
            expect(error).to_have_count(1, timeout=30_000)
            text = error.inner_text()
            assert "JSONDecodeError" not in text and "Traceback" not in text and str(settings.ROOT) not in text
        log = (scratch / "streamlit.log").read_text()
        assert "JSONDecodeError" in log and "boundaries.py" in log


def test_a_chart_download_is_written_to_the_audit(page, app_url, e2e_warehouse, wait_idle, monkeypatch):
    from warehouse import audit

    monkeypatch.setenv("NETRA_DATA_DIR", str(e2e_warehouse))
    page.goto(f"{app_url}/?prov=33")
    wait_idle(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_test_id("stDownloadButton").filter(has_text="SVG").first.click()
    assert download.value.suggested_filename == "netra-alur-penanganan.svg"
    line = audit.entries().iloc[0]
    details = json.loads(line["details"])
    assert (line["event"], line["user"], line["outcome"]) == ("export", "-", "ok")
    assert (details["what"], details["format"], details["role"]) == ("chart:alur-penanganan", "svg", "admin")
    assert (details["filters"], details["filter_codes"]) == (
        "Orang dalam kasus · ASN (tanpa non-ASN) · Provinsi: Jawa Tengah", {"provinces": ["33"]})

