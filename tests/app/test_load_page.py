"""Muat data: the helpers run the real loader in a subprocess into a private warehouse and report exactly what
happened; the page is registered for admins only; after a load the rest of the app shows the new data."""

from __future__ import annotations

import io
import sys

import pytest

from etl.demo import build_demo
from tests.app.warehouse_fixture import REGISTER
from ui.views import loading
from warehouse import db, queries

PAGE = "pages/load_data.py"
OVERVIEW = "pages/overview.py"
HEADER = "No. Register,Pemilihan,Tanggal Kejadian,Tanggal Laporan,Kabupaten/Kota,Provinsi,Nama Terlapor,Uraian,Status"
STEWARD_REGISTER = "\n".join([  # file rows 2-6
    HEADER,
    "R-001,Pilkada 2024,05/09/2024,07/09/2024,Kab. Batang,Jawa Tengah,Budi,Membagikan unggahan calon,Terbukti",
    "R-002,Pilkada 2024,12/09/2024,14/09/2024,Kab. Purbalingg,Jawa Tengah,Siti,Hadir kampanye calon,Dalam proses",
    "R-003,Pilkada 2024,31/02/2024,14/09/2024,Kota Semarang,Jawa Tengah,Agus,Hadir kampanye,Dalam proses",
    "R-004,Pilkada 2024,01/10/2024,02/10/2024,Kabupaten Entah Dimana,Jawa Tengah,Dewi,Berfoto dengan calon,Baru",
    "R-001,Pilkada 2024,05/09/2024,07/09/2024,Kab. Batang,Jawa Tengah,Budi,Membagikan unggahan calon,Terbukti",
]) + "\n"
CLEAN_REGISTER = HEADER + "\nB-001,Pemilu 2024,15/01/2024,16/01/2024,Wakatobi,Sultra,La Ode,Kampanye,Terbukti\n"
DATE_REASON = ("Baris 4, kolom 'Tanggal Kejadian': '31/02/2024' bukan tanggal yang ada; tulis seperti 18/09/2024 "
               "(hari/bulan/tahun).")
PLACE_REASON = ("Baris 5, kolom 'Kabupaten/Kota': 'Kabupaten Entah Dimana' tidak dikenali sebagai kabupaten/kota; "
                "tulis nama resmi seperti Kabupaten Batang atau kodenya seperti 33.25.")


def upload(name: str, text: str | bytes) -> io.BytesIO:
    """What st.file_uploader hands the page: a BytesIO with the browser's file name."""
    buffer = io.BytesIO(text.encode() if isinstance(text, str) else text)
    buffer.name = name
    return buffer


@pytest.fixture
def own_warehouse(tmp_path, monkeypatch):
    """An empty warehouse folder of this test's own; the loader subprocess inherits NETRA_DATA_DIR."""
    folder = tmp_path / "warehouse"
    monkeypatch.setenv("NETRA_DATA_DIR", str(folder))
    return folder


def outcomes(attempt: loading.LoadAttempt) -> list[loading.FileOutcome]:
    return loading.file_outcomes(attempt, queries.loads_by_sha256(None, attempt.checksums))


def test_a_load_into_an_empty_warehouse_reports_counts_rejections_and_statuses(own_warehouse):
    attempt = loading.load_uploads([upload("register_jateng.csv", STEWARD_REGISTER), upload("kosong.csv", ""),
                                    upload("bersih.csv", CLEAN_REGISTER)], source_agency="bawaslu")
    assert attempt.run.status == 2  # one file unusable
    assert db.current_path() is not None  # the first load created the first generation
    found = outcomes(attempt)
    assert [(o.name, o.status, o.before) for o in found] == [
        ("register_jateng.csv", 3, False), ("kosong.csv", 2, False), ("bersih.csv", 0, False)]
    counts = [(o.batch["rows_read"], o.batch["rows_loaded"], o.batch["rows_rejected"], o.batch["rows_duplicate"])
              for o in found if o.batch]
    assert counts == [(5, 2, 2, 1), (1, 1, 0, 0)]  # the typo 'Kab. Purbalingg' is matched, so it loads
    assert [loading.outcome_message(o, "id") for o in found] == [
        ("warning", "register_jateng.csv: dimuat, tetapi 2 baris ditolak dan 1 baris ganda dilewati (dari 5 baris "
                    "dibaca, 2 kasus dimuat). Perbaiki baris yang ditolak di bawah lalu muat lagi."),
        ("error", "kosong.csv: berkas tidak dapat dipakai, tidak ada yang dimuat darinya. Berkas kosong; isi dengan "
                  "register kasus (CSV atau XLSX)."),
        ("success", "bersih.csv: semua 1 baris dimuat."),
    ]
    rejected = queries.rejections_by_load(None, tuple(o.batch["load_id"] for o in found if o.batch))
    assert rejected[["source_file", "row_number", "column", "value", "reason"]].values.tolist() == [
        ["register_jateng.csv", 4, "Tanggal Kejadian", "31/02/2024", DATE_REASON],
        ["register_jateng.csv", 5, "Kabupaten/Kota", "Kabupaten Entah Dimana", PLACE_REASON],
    ]


def test_the_same_file_again_adds_nothing_and_says_when_it_was_loaded(own_warehouse):
    first = loading.load_uploads([upload("bersih.csv", CLEAN_REGISTER)])
    again = loading.load_uploads([upload("bersih-lagi.csv", CLEAN_REGISTER)])
    assert (first.run.status, again.run.status) == (0, 3)
    (outcome,) = outcomes(again)
    assert (outcome.status, outcome.before, outcome.batch["source_file"]) == (3, True, "bersih.csv")
    kind, text = loading.outcome_message(outcome, "en")
    assert kind == "info"
    assert text.startswith("bersih-lagi.csv: this very file was loaded before (")
    assert int(queries.kpis(None)["reported"].iloc[0]) == 1


def test_the_correction_file_holds_the_rows_as_sent_and_loads_again_once_corrected(own_warehouse):
    attempt = loading.load_uploads([upload("register_jateng.csv", STEWARD_REGISTER)])
    load_ids = tuple(o.batch["load_id"] for o in outcomes(attempt))
    (correction,) = loading.correction_files(queries.rejections_by_load(None, load_ids), "id")
    assert correction.stem == "ditolak-register_jateng"
    lines = correction.csv.decode("utf-8-sig").splitlines()
    assert lines[0] == (f'"Baris yang ditolak dari register_jateng.csv (muatan {load_ids[0]}), untuk diperbaiki '
                        'lalu dimuat lagi"')
    assert lines[2:4] == [
        "Baris," + HEADER + ",Alasan",
        f'4,R-003,Pilkada 2024,31/02/2024,14/09/2024,Kota Semarang,Jawa Tengah,Agus,Hadir kampanye,Dalam proses,'
        f'"{DATE_REASON}"',
    ]
    fixed = correction.csv.replace(b"31/02/2024", b"28/02/2024")
    again = loading.load_uploads([upload("register_jateng-perbaikan.csv", fixed)])
    (outcome,) = outcomes(again)
    assert (outcome.batch["rows_read"], outcome.batch["rows_loaded"], outcome.batch["rows_rejected"]) == (2, 1, 1)


@pytest.mark.parametrize(("names", "expected"), [
    ([], ["Pilih dulu minimal satu berkas register."]),
    (["register.CSV", "rekap.xlsx"], []),
    (["rekap.xls"], ["rekap.xls: bukan CSV atau XLSX. Simpan ulang register sebagai .csv atau .xlsx lalu pilih "
                     "lagi."]),
    (["a.csv", "a.csv"], ["Dua berkas bernama a.csv. Nama berkas dicatat sebagai asal data; ganti nama salah satunya "
                          "lalu pilih lagi."]),
])
def test_uploads_the_loader_cannot_take_are_refused_with_a_reason(names, expected):
    assert loading.upload_problems(names, "id") == expected


@pytest.mark.parametrize(("election", "agency", "options"), [
    (None, None, []),
    ("pilkada2024", None, ["--election", "pilkada2024"]),
    (None, "kasn", ["--source-agency", "kasn"]),
])
def test_the_command_is_the_real_loader_with_the_chosen_options(tmp_path, election, agency, options):
    command = loading.load_command([tmp_path / "a.csv"], election, agency)
    assert command == [sys.executable, "-m", "etl", "load", str(tmp_path / "a.csv"), *options]


def test_a_stuck_loader_is_stopped_at_the_time_limit():
    run = loading.run_loader([sys.executable, "-c", "import time; time.sleep(30)"], timeout_s=0.5)
    assert run.status is None
    assert run.seconds < 5


def test_a_crashing_loader_is_reported_with_the_end_of_its_output(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "berkas"
    not_a_folder.write_text("")
    monkeypatch.setenv("NETRA_DATA_DIR", str(not_a_folder))
    seen = []
    attempt = loading.load_uploads([upload("bersih.csv", CLEAN_REGISTER)], on_progress=seen.append)
    assert attempt.run.status == 1
    assert attempt.run.tail().splitlines()[-1] == f"FileExistsError: [Errno 17] File exists: '{not_a_folder}'"
    (outcome,) = loading.file_outcomes(attempt, loading.NO_LOADS)
    assert loading.outcome_message(outcome, "id") == (
        "error", "bersih.csv: pemuat berhenti sebelum melaporkan berkas ini.")
    assert set(seen) <= set(loading.progress_lines(attempt.run.stderr))


@pytest.mark.parametrize("role", ["pimpinan", "analis"])
def test_the_page_does_not_exist_for_leadership_and_analysts(make_app, role):
    at = make_app(role=role)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def test_the_page_renders_for_admins_with_its_form(make_app):
    at = make_app(page=PAGE, role="admin", lang="en")
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Load case registers"
    assert at.selectbox[0].value is None and at.selectbox[0].options[0] == "Detect from the file"
    assert not at.error


def test_the_page_shows_the_outcome_of_a_load(make_app, own_warehouse):
    at = make_app(page=PAGE)
    assert at.info[0].value == "Belum ada gudang data. Muatan pertama dari halaman ini membuatnya."
    at.session_state["ld_last"] = loading.load_uploads([upload("register_jateng.csv", STEWARD_REGISTER)])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.warning[0].value.startswith("register_jateng.csv: dimuat, tetapi 2 baris ditolak dan 1 baris ganda")
    counts = at.dataframe[0].value
    assert counts[["Berkas", "Baris dibaca", "Kasus dimuat", "Baris ditolak", "Ganda"]].values.tolist() == [
        ["register_jateng.csv", 5, 2, 2, 1]]
    assert at.dataframe[1].value["Alasan"].tolist() == [DATE_REASON, PLACE_REASON]
    assert [button.label for button in at.get("download_button")] == [
        "Unduh CSV: register_jateng.csv", "Unduh XLSX: register_jateng.csv"]


def test_after_a_load_the_overview_shows_the_new_totals(make_app, own_warehouse):
    loading.load_uploads([upload("register.csv", REGISTER.read_bytes())])
    at = make_app(page=OVERVIEW)
    assert at.metric[0].value == "12"
    loading.load_uploads([upload("register_jateng.csv", STEWARD_REGISTER)])
    at.run()  # same process, same cache: the generation path in the cache key brings the new totals
    assert [m.value for m in at.metric[:3]] == ["14", "7", "3"]


def test_on_demo_data_the_page_says_it_is_synthetic(make_app, own_warehouse):
    build_demo(scale=0.05)  # synthetic rows, not just a flag (tests/app/test_privacy.py)
    at = make_app(page=PAGE, role="pimpinan")  # demo data: everyone is admin
    assert at.info[0].value.startswith("Gudang data ini berisi **data demo sintetis**")
