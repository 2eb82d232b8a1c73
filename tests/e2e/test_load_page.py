"""Muat data in headless Chromium: an admin uploads a register, sees each file's outcome and the rejected rows, and
downloads them for correction. The server has a warehouse of its own, so the shared e2e warehouse stays as it is."""

import pytest
from playwright.sync_api import expect

from tests.app.warehouse_fixture import build_fixture_warehouse
from tests.e2e.conftest import dashboard_server

pytestmark = pytest.mark.e2e

REGISTER = """No. Register,Pemilihan,Tanggal Kejadian,Kabupaten/Kota,Provinsi,Uraian,Status
U-001,Pilkada 2024,05/09/2024,Kab. Batang,Jawa Tengah,Membagikan unggahan calon,Terbukti
U-002,Pilkada 2024,31/02/2024,Kota Semarang,Jawa Tengah,Hadir kampanye,Dalam proses
"""


@pytest.fixture(scope="module")
def load_app_url(tmp_path_factory):
    """A dashboard server (admin, no users file) over a private copy of the fixture warehouse."""
    folder = tmp_path_factory.mktemp("load-warehouse")
    build_fixture_warehouse(folder)
    with dashboard_server(folder, tmp_path_factory.mktemp("load-server")) as url:
        yield url


def test_an_uploaded_register_is_loaded_and_its_rejected_row_can_be_downloaded(load_app_url, page, wait_idle,
                                                                                 tmp_path):
    register = tmp_path / "register_unggah.csv"
    register.write_text(REGISTER, encoding="utf-8")
    page.goto(f"{load_app_url}/muat")
    expect(page.get_by_role("heading", name="Muat register kasus")).to_be_visible(timeout=30_000)
    wait_idle(page)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(register)
    expect(page.get_by_text("register_unggah.csv").first).to_be_visible()
    page.get_by_role("button", name="Muat ke gudang data").click()

    expect(page.get_by_text("register_unggah.csv: dimuat, tetapi 1 baris ditolak dan 0 baris ganda dilewati "
                            "(dari 2 baris dibaca, 1 kasus dimuat).", exact=False)).to_be_visible(timeout=60_000)
    wait_idle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh CSV: register_unggah.csv").click()
    assert download.value.suggested_filename == "ditolak-register_unggah.csv"
    lines = open(download.value.path(), encoding="utf-8-sig").read().splitlines()
    assert lines[2:4] == [
        "Baris,No. Register,Pemilihan,Tanggal Kejadian,Kabupaten/Kota,Provinsi,Uraian,Status,Alasan",
        "3,U-002,Pilkada 2024,31/02/2024,Kota Semarang,Jawa Tengah,Hadir kampanye,Dalam proses,\"Baris 3, kolom "
        "'Tanggal Kejadian': '31/02/2024' bukan tanggal yang ada; tulis seperti 18/09/2024 (hari/bulan/tahun).\"",
    ]

    page.get_by_test_id("stSidebarNav").get_by_text("Ringkasan").click()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("13", timeout=20_000)  # 12 + the new case
