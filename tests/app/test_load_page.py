"""Muat data: uploads are checked, previewed by the real loader (`--dry-run --json`) in a subprocess into a private
warehouse, taught, published or cancelled; the page reads the JSON report, never the prose, and is for admins only;
after a load the rest of the app shows the new data."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest

import settings
from etl import archive, phrasebook
from etl.demo import build_demo
from tests.app.warehouse_fixture import REGISTER
from ui.views import loading
from warehouse import audit, db
from warehouse.reader import Warehouse

PAGE = "pages/load_data.py"
OVERVIEW = "pages/overview.py"
HEADER = "No. Register,Pemilihan,Tanggal Kejadian,Tanggal Laporan,Kabupaten/Kota,Provinsi,Nama Terlapor,Uraian,Status"
STEWARD_REGISTER = "\n".join([  # file rows 2-6
    HEADER,
    "R-001,Pilkada 2024,05/09/2024,07/09/2024,Kab. Batang,Jawa Tengah,Budi,Membagikan unggahan calon,Terbukti",
    "R-002,Pilkada 2024,12/09/2024,14/09/2024,Kab. Purbalingg,Jawa Tengah,Siti,Hadir kampanye calon,Dalam proses",
    "R-003,Pilkada 2024,31/02/2024,14/09/2024,Kota Semarang,Jawa Tengah,Agus,Hadir kampanye,Rekom ke BKN",
    "R-004,Pilkada 2024,01/10/2024,02/10/2024,Kabupaten Entah Dimana,,Dewi,Berfoto dengan calon,Baru",
    "R-001,Pilkada 2024,05/09/2024,07/09/2024,Kab. Batang,Jawa Tengah,Budi,Membagikan unggahan calon,Terbukti",
]) + "\n"
CLEAN_REGISTER = HEADER + "\nB-001,Pemilu 2024,15/01/2024,16/01/2024,Wakatobi,Sultra,La Ode,Kampanye,Terbukti\n"
DATE_REASON = ("Baris 4, kolom 'Tanggal Kejadian': '31/02/2024' bukan tanggal yang ada; tulis seperti 18/09/2024 "
               "(hari/bulan/tahun). Tanggal ini dikosongkan.")
PLACE_REASON = ("Baris 5, kolom 'Kabupaten/Kota': 'Kabupaten Entah Dimana' tidak dikenali sebagai kabupaten/kota; "
                "tulis nama resmi seperti Kabupaten Batang atau kodenya seperti 33.25.")


def upload(name: str, text: str | bytes) -> io.BytesIO:
    """What st.file_uploader hands the page: a BytesIO with the browser's file name."""
    buffer = io.BytesIO(text.encode() if isinstance(text, str) else text)
    buffer.name = name
    return buffer


@dataclass
class Sized:
    """An upload as far as the checks see it: a name and a size (no bytes needed)."""

    name: str
    size: int = 10


@pytest.fixture
def own_warehouse(tmp_path, monkeypatch):
    """An empty warehouse folder of this test's own; the loader subprocess inherits NETRA_DATA_DIR."""
    folder = tmp_path / "warehouse"
    monkeypatch.setenv("NETRA_DATA_DIR", str(folder))
    return folder


def load(*uploads, **options) -> dict:
    """Stage, then publish, the way the page does; the loader's JSON report."""
    return loading.publish(loading.stage_uploads(uploads, **options)).report


# --- the helpers: real subprocesses, real warehouse -------------------------------------------------------------


def test_a_preview_reports_everything_and_writes_nothing(own_warehouse):
    staged = loading.stage_uploads([upload("register_jateng.csv", STEWARD_REGISTER), upload("kosong.csv", "")],
                                   source_agency="bawaslu")
    run = loading.preview(staged, by="siti")
    report = run.report
    assert (run.status, report["dry_run"], report["loaded_by"]) == (2, True, "siti")
    assert db.current_path() is None and staged.folder.exists()  # nothing written; the files wait for publish
    jateng, empty = report["files"]
    assert jateng["counts"] == {"read": 5, "loaded": 3, "rejected": 1, "duplicate": 1, "warned": 1, "replaced": 0,
                                "totals_skipped": 0, "linked": None}
    assert [(row["row"], row["reason"]) for row in jateng["rejected"]] == [(5, PLACE_REASON)]
    assert jateng["warned"][0]["reason"] == DATE_REASON
    assert jateng["unknown_phrases"] == [{"field": "status", "column": "Status", "phrase": "Rekom ke BKN",
                                          "count": 1, "rows": [4]}]
    assert loading.outcome_message(jateng, True, "id") == ("warning", (
        "register_jateng.csv: 5 baris dibaca; akan dimuat 3 kasus, ditolak 1 baris, ganda 1, dengan peringatan 1 "
        "baris."))
    assert loading.outcome_message(empty, True, "id") == ("error", (
        "kosong.csv: berkas tidak dapat dipakai, tidak ada yang dimuat darinya. Berkas kosong; isi dengan register "
        "kasus (CSV atau XLSX)."))
    assert audit.entries()["event"].tolist() == ["load_preview"]
    staged.discard()
    assert not staged.folder.exists()


def test_a_published_upload_is_archived_with_who_loaded_it_and_a_preview_archives_nothing(own_warehouse):
    staged = loading.stage_uploads([upload("register_jateng.csv", STEWARD_REGISTER)], source_agency="bawaslu")
    loading.preview(staged, by="siti")
    assert not settings.raw_dir().exists()
    [entry] = loading.publish(staged, by="siti").report["files"]
    assert not staged.folder.exists()  # the upload goes; its bytes stay in the archive
    assert (settings.raw_dir() / entry["sha256"]).read_bytes() == STEWARD_REGISTER.encode()
    [line] = archive.manifest()
    assert (line["file"], line["load_id"], line["loaded_by"], line["options"]["source_agency"]) == (
        "register_jateng.csv", entry["load_id"], "siti", "bawaslu")


def test_teaching_changes_the_next_preview_and_publish_loads_what_it_showed(own_warehouse):
    staged = loading.stage_uploads([upload("register_jateng.csv", STEWARD_REGISTER)])
    assert loading.teach("phrase", "Rekom ke BKN", "terbukti", "status", by="siti") == (True, (
        "Diajarkan: 'Rekom ke BKN' → status = terbukti (oleh siti, "
        f"{phrasebook.load().history[0].taught_at}). Berlaku untuk muatan berikutnya."))
    [entry] = loading.preview(staged).report["files"]
    assert (entry["unknown_phrases"], entry["counts"]["warned"]) == ([], 1)
    report = loading.publish(staged, by="siti").report
    assert not staged.folder.exists()  # the uploads go once published
    [published] = report["files"]
    assert (published["status"], published["counts"]["loaded"], published["counts"]["rejected"]) == (
        "loaded_with_problems", 3, 1)
    assert Warehouse().loads_by_id((published["load_id"],))[["loaded_by", "rows_warned"]].values.tolist() == [
        ["siti", 1]]
    assert Warehouse().phrasebook_entries()[["phrase", "value", "taught_by"]].values.tolist() == [
        ["Rekom ke BKN", "terbukti", "siti"]]
    with db.connect_read_only() as con:
        assert con.execute("select status, forwarded_to from cases where case_id = 'R-003'").fetchall() == [
            ("terbukti", "bkn")]  # 'Rekom ke BKN': the taught status, and where the text says it went


def test_the_correction_files_read_like_the_original_and_load_again_once_corrected(own_warehouse):
    report = load(upload("register_jateng.csv", STEWARD_REGISTER))
    load_ids = tuple(entry["load_id"] for entry in report["files"])
    batches = Warehouse().loads_by_id(load_ids)
    (rejected,) = loading.correction_files(Warehouse().rejections_by_load(load_ids), batches, "rejected", "id")
    (warned,) = loading.correction_files(Warehouse().warnings_by_load(load_ids), batches, "warned", "id")
    assert (rejected.stem, warned.stem) == ("ditolak-register_jateng", "peringatan-register_jateng")
    lines = rejected.csv.decode("utf-8-sig").splitlines()
    assert lines[:3] == [
        f'"Baris yang ditolak dari register_jateng.csv (muatan {load_ids[0]}), untuk diperbaiki lalu dimuat lagi"',
        f"Berkas asal: register_jateng.csv (muatan {load_ids[0]})", ""]
    assert lines[3:5] == ["Baris," + HEADER + ",Alasan",
                          f'5,R-004,Pilkada 2024,01/10/2024,02/10/2024,Kabupaten Entah Dimana,,Dewi,Berfoto dengan '
                          f'calon,Baru,"{PLACE_REASON}"']
    assert warned.csv.decode("utf-8-sig").splitlines()[3].endswith(",Peringatan")
    fixed = rejected.csv.replace(b"Kabupaten Entah Dimana", b"Kota Semarang")
    [again] = load(upload("register_jateng-perbaikan.csv", fixed))["files"]
    assert (again["counts"]["read"], again["counts"]["loaded"], again["counts"]["rejected"]) == (1, 1, 0)
    fixed = warned.csv.replace(b"31/02/2024", b"28/02/2024")
    [replaced] = load(upload("register_jateng-peringatan.csv", fixed))["files"]
    assert (replaced["counts"]["replaced"], replaced["counts"]["duplicate"]) == (1, 0)  # R-003, corrected


def test_the_same_file_read_the_same_way_adds_nothing(own_warehouse):
    [first] = load(upload("bersih.csv", CLEAN_REGISTER))["files"]
    [again] = load(upload("bersih-lagi.csv", CLEAN_REGISTER))["files"]
    assert (first["status"], again["status"], again["already_loaded"]) == ("loaded", "already_loaded",
                                                                           first["load_id"])
    assert loading.outcome_message(again, False, "en") == ("info", (
        f"bersih-lagi.csv: this very file was loaded before, read the same way (load {first['load_id']}); nothing "
        "was added."))


def test_a_real_upload_replaces_the_demo(own_warehouse):

    build_demo(scale=0.05)
    staged = loading.stage_uploads([upload("bersih.csv", CLEAN_REGISTER)])
    removed = loading.preview(staged).report["replaced_demo"]["synthetic_cases_removed"]
    with db.connect_read_only() as con:
        assert con.execute("select value from meta where key = 'synthetic'").fetchall() == [("true",)]
    report = loading.publish(staged)
    assert report.report["replaced_demo"]["synthetic_cases_removed"] == removed > 0
    with db.connect_read_only() as con:
        assert con.execute("select count(*), (select count(*) from meta where key = 'synthetic') from cases"
                           ).fetchall() == [(1, 0)]


@pytest.mark.parametrize(("uploads", "expected"), [
    ([], ["Pilih dulu minimal satu berkas register."]),
    ([Sized("register.CSV"), Sized("rekap.xlsx")], []),
    ([Sized("rekap.xls")], ["rekap.xls: bukan CSV atau XLSX. Simpan ulang register sebagai .csv atau .xlsx lalu "
                            "pilih lagi."]),
    ([Sized("a.csv"), Sized("a.csv")], ["Dua berkas bernama a.csv. Nama berkas dicatat sebagai asal data; ganti "
                                        "nama salah satunya lalu pilih lagi."]),
    ([Sized("x" * 300 + ".csv")], ["Nama berkas '" + "x" * 80 + "…' lebih dari 120 karakter; beri nama yang lebih "
                                   "pendek lalu pilih lagi."]),
    ([Sized("reg\x00ister.csv")], ["Nama berkas 'reg\\x00ister.csv' memuat karakter kendali, NUL atau pindah baris; "
                                   "ganti namanya lalu pilih lagi."]),
    ([Sized("reg\nister.csv")], ["Nama berkas 'reg\\nister.csv' memuat karakter kendali, NUL atau pindah baris; "
                                 "ganti namanya lalu pilih lagi."]),
    ([Sized("../../etc/passwd.csv")], ["Nama berkas '../../etc/passwd.csv' memuat bagian jalur (/, \\\\, ..) atau "
                                       "diawali titik; ganti namanya lalu pilih lagi."]),
    ([Sized("..\\reg.csv")], ["Nama berkas '..\\\\reg.csv' memuat bagian jalur (/, \\\\, ..) atau diawali titik; "
                              "ganti namanya lalu pilih lagi."]),
    ([Sized("besar.csv", 201_000_000)], ["besar.csv: lebih dari 200 MB. Muat register sebesar itu lewat baris "
                                         "perintah `python -m etl load`."]),
    ([Sized("a.csv", 150_000_000), Sized("b.csv", 150_000_000), Sized("c.csv", 150_000_000)],
     ["Semua berkas bersama 450 MB, lebih dari 400 MB sekaligus; muat dalam beberapa kali."]),
])
def test_uploads_the_loader_cannot_take_are_refused_with_a_reason(uploads, expected):
    assert loading.upload_problems(uploads, "id") == expected


def test_the_upload_limit_is_the_same_in_the_config_the_page_and_the_readme():
    import tomllib

    import settings

    config = tomllib.loads((settings.ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == loading.MAX_FILE_MB == 200
    readme = (settings.ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{loading.MAX_FILE_MB} MB per file" in readme and f"{loading.MAX_TOTAL_MB} MB" in readme


@pytest.mark.parametrize(("options", "expected"), [
    ({}, ["--json"]),
    ({"election": "pilkada2024"}, ["--json", "--election", "pilkada2024"]),
    ({"source_agency": "kasn", "dry_run": True, "by": "siti"}, ["--json", "--dry-run", "--source-agency", "kasn",
                                                                "--by", "siti"]),
])
def test_the_command_is_the_real_loader_with_the_chosen_options(tmp_path, options, expected):
    command = loading.load_command([tmp_path / "a.csv"], **options)
    assert command == [sys.executable, "-m", "etl", "load", str(tmp_path / "a.csv"), *expected]


def test_a_stuck_loader_is_stopped_at_the_time_limit():
    run = loading.run_loader([sys.executable, "-c", "import time; time.sleep(30)"], timeout_s=0.5)
    assert (run.status, run.report) == (None, None)
    assert run.seconds < 5


@pytest.mark.parametrize(("text", "lines"), [
    ("membaca\nFileExistsError:", ["membaca"]),  # a traceback line half written: not shown yet
    ("membaca\nFileExistsError: [Errno 17]\n", ["membaca", "FileExistsError: [Errno 17]"]),
    ("membaca\n\rMemuat [██··] 50%\rMemuat [███·] 75%", ["membaca", "Memuat [██··] 50%", "Memuat [███·] 75%"]),
    ("setengah", []),
])
def test_progress_shows_finished_lines_and_every_bar_redraw(text, lines):
    assert loading.finished_lines(text) == lines


def test_a_crashing_loader_gives_no_report_and_the_end_of_its_output(tmp_path, monkeypatch):
    not_a_folder = tmp_path / "berkas"
    not_a_folder.write_text("")
    monkeypatch.setenv("NETRA_DATA_DIR", str(not_a_folder))
    seen = []
    run = loading.publish(loading.stage_uploads([upload("bersih.csv", CLEAN_REGISTER)]), on_progress=seen.append)
    assert (run.status, run.report) == (1, None)
    assert run.tail().splitlines()[-1] == f"FileExistsError: [Errno 17] File exists: '{not_a_folder}'"
    assert set(seen) <= set(loading.progress_lines(run.stderr))


# --- the page -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["pimpinan", "analis"])
def test_the_page_does_not_exist_for_leadership_and_analysts(make_app, role):
    at = make_app(role=role)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def test_the_page_renders_for_admins_with_its_form_and_limits(make_app):
    at = make_app(page=PAGE, role="admin", lang="en")
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Load case registers"
    assert at.caption[0].value.startswith("At most 200 MB per file and 400 MB for all files at once")
    assert at.selectbox[0].value is None and at.selectbox[0].options[0] == "Detect from the file"
    assert [button.label for button in at.main.button] == ["Preview"]
    assert not at.error


def staged_page(make_app, text: str, name: str = "register_jateng.csv"):
    """The page right after the steward pressed Preview on one register."""
    at = make_app(page=PAGE)
    staged = loading.stage_uploads([upload(name, text)])
    at.session_state["ld_state"] = {"staged": staged, "preview": loading.preview(staged)}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at, staged


def test_the_page_previews_then_cancel_writes_nothing(make_app, own_warehouse):
    at, staged = staged_page(make_app, STEWARD_REGISTER)
    assert at.subheader[0].value == "Pratinjau"
    assert at.warning[0].value.startswith("register_jateng.csv: 5 baris dibaca; akan dimuat 3 kasus")
    mapping = at.dataframe[0].value
    assert mapping.loc[mapping["Judul kolom"] == "Kabupaten/Kota", ["Dibaca sebagai", "Diputuskan dari"]
                       ].values.tolist() == [["Kabupaten/kota", "judul kolom"]]
    labels = [button.label for button in at.main.button]
    assert labels == ["Ajarkan", "Terbitkan ke gudang data", "Batalkan"]
    at.main.button[2].click().run()  # cancel
    assert db.current_path() is None and not staged.folder.exists()
    assert "Dibatalkan: tidak ada yang ditulis, berkas unggahan dihapus." in [info.value for info in at.info]
    assert [button.label for button in at.main.button] == ["Pratinjau"]
    assert audit.entries()["event"].tolist() == ["load_preview"]  # a preview, and no load


def test_the_page_teaches_a_phrase_and_reads_the_preview_again(make_app, own_warehouse):
    at, _ = staged_page(make_app, STEWARD_REGISTER)
    form = at.selectbox[-1]
    assert form.label == "Status: 'Rekom ke BKN' — 1× (baris 4) berarti…"
    form.set_value("terbukti")
    at.main.button[0].click().run()  # Ajarkan
    assert not at.exception, [e.value for e in at.exception]
    assert at.success[0].value == "Diajarkan dan dicatat di kamus petugas data; pratinjau dibaca ulang."
    assert [button.label for button in at.main.button] == ["Terbitkan ke gudang data", "Batalkan"]  # all known
    assert phrasebook.load().phrase("status", "rekom ke bkn") == "terbukti"
    assert db.current_path() is None  # teaching writes the phrasebook only


def test_the_page_publishes_and_shows_the_outcome_and_corrections(make_app, own_warehouse):
    at, _ = staged_page(make_app, STEWARD_REGISTER)
    at.main.button[1].click().run()  # Terbitkan
    assert not at.exception, [e.value for e in at.exception]
    assert at.warning[0].value.startswith("register_jateng.csv: dimuat 3 kasus dari 5 baris; 1 baris ditolak, "
                                          "1 ganda dilewati, 1 baris dengan peringatan.")
    counts = at.dataframe[0].value
    assert counts[["Berkas", "Baris dibaca", "Kasus dimuat", "Baris ditolak", "Ganda", "Dengan peringatan"]
                  ].values.tolist() == [["register_jateng.csv", 5, 3, 1, 1, 1]]
    assert at.dataframe[1].value["Alasan"].tolist() == [PLACE_REASON]
    assert at.dataframe[2].value["Alasan"].tolist()[0] == DATE_REASON
    assert [button.label for button in at.get("download_button")] == [
        "Unduh CSV: ditolak-register_jateng", "Unduh XLSX: ditolak-register_jateng",
        "Unduh CSV: peringatan-register_jateng", "Unduh XLSX: peringatan-register_jateng"]


def test_publishing_into_the_demo_says_it_replaced_it(make_app, own_warehouse):

    build_demo(scale=0.05)
    at = make_app(page=PAGE, role="admin")  # after the real load, the role no longer comes from the demo
    assert at.info[0].value.startswith("Gudang data ini berisi **data demo sintetis**. Muatan nyata pertama "
                                       "**menggantikan** demo")
    staged = loading.stage_uploads([upload("bersih.csv", CLEAN_REGISTER)])
    at.session_state["ld_state"] = {"staged": staged, "preview": loading.preview(staged)}
    at.run()
    assert any(w.value.startswith("Menerbitkan ini menggantikan gudang data demo: ") for w in at.warning)
    at.main.button[0].click().run()
    assert any(w.value.startswith("Gudang data demo (sintetis) diganti: ") for w in at.warning)
    assert not any(w.value.startswith("**DATA SINTETIS**") for w in at.warning)  # the banner is gone


def test_after_a_load_the_overview_shows_the_new_totals(make_app, own_warehouse):
    load(upload("register.csv", REGISTER.read_bytes()))
    at = make_app(page=OVERVIEW)
    assert at.metric[0].value == "12"
    load(upload("register_jateng.csv", STEWARD_REGISTER))
    at.run()  # same process, same cache: the generation path in the cache key brings the new totals
    assert [m.value for m in at.metric[:3]] == ["15", "8", "3"]  # forwarded to BKN, so found



def test_on_demo_data_the_page_says_it_is_synthetic(make_app, own_warehouse):
    build_demo(scale=0.05)  # synthetic rows, not just a flag (tests/app/test_privacy.py)
    at = make_app(page=PAGE, role="pimpinan")  # demo data: everyone is admin
    assert at.info[0].value.startswith("Gudang data ini berisi **data demo sintetis**")
