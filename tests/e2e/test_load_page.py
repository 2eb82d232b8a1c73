"""Muat data in headless Chromium: an admin uploads a register, sees the preview (nothing written yet), publishes
it, sees each file's outcome and the rejected rows, and downloads them for correction. The server has a warehouse
of its own, so the shared e2e warehouse stays as it is."""

import pytest
from playwright.sync_api import expect

from tests.app.warehouse_fixture import build_fixture_warehouse
from tests.e2e.conftest import dashboard_server

pytestmark = pytest.mark.e2e

REGISTER = """No. Register,Pemilihan,Tanggal Kejadian,Kabupaten/Kota,Provinsi,Uraian,Status
U-001,Pilkada 2024,05/09/2024,Kab. Batang,Jawa Tengah,Membagikan unggahan calon,Terbukti
U-002,Pilkada 2024,31/02/2024,Kota Semarang,Jawa Tengah,Hadir kampanye,Dalam proses
U-003,Pilkada 2024,06/09/2024,Kabupaten Entah,,Hadir kampanye,Baru
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
    page.get_by_role("button", name="Pratinjau").click()

    expect(page.get_by_text("register_unggah.csv: 3 baris dibaca; akan dimuat 2 kasus, ditolak 1 baris, ganda 0, "
                            "dengan peringatan 1 baris.")).to_be_visible(timeout=60_000)
    wait_idle(page)
    page.get_by_role("button", name="Terbitkan ke gudang data").click()
    expect(page.get_by_text("register_unggah.csv: dimuat 2 kasus dari 3 baris; 1 baris ditolak, 0 ganda dilewati, "
                            "1 baris dengan peringatan.", exact=False)).to_be_visible(timeout=60_000)
    wait_idle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh CSV: ditolak-register_unggah").click()
    assert download.value.suggested_filename == "ditolak-register_unggah.csv"
    lines = open(download.value.path(), encoding="utf-8-sig").read().splitlines()
    assert lines[3:5] == [
        "Baris,No. Register,Pemilihan,Tanggal Kejadian,Kabupaten/Kota,Provinsi,Uraian,Status,Alasan",
        "4,U-003,Pilkada 2024,06/09/2024,Kabupaten Entah,,Hadir kampanye,Baru,\"Baris 4, kolom 'Kabupaten/Kota': "
        "'Kabupaten Entah' tidak dikenali sebagai kabupaten/kota; tulis nama resmi seperti Kabupaten Batang atau "
        "kodenya seperti 33.25.\"",
    ]

    page.get_by_test_id("stSidebarNav").get_by_text("Ringkasan").click()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("14", timeout=20_000)  # 12 + the new cases
