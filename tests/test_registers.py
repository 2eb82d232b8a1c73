"""Registers of the shapes people really keep (issue 10), through the real loader into a real warehouse.

Each fixture is written by tests/fixtures/make_registers.py like a real export: title rows, a BOM, quoted
multi-line cells, merged headers, agency-only KASN recaps, Bawaslu stage words, weekday dates, severity in a
'Tingkat' column, unknown extra columns. Exact rows, warnings, rejections, the column report and the exit status.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

import settings
from etl import phrasebook
from etl.__main__ import main
from warehouse import audit, db

D = dt.date


def query(sql: str, params=()) -> list[tuple]:
    with db.connect_read_only() as con:
        return con.execute(sql, list(params)).fetchall()


def run_json(*args: str, data_dir) -> tuple[int, dict]:
    """`python -m etl load --json …` as the Muat data page runs it: (exit status, the JSON document)."""
    done = subprocess.run([sys.executable, "-m", "etl", "load", "--json", *args], cwd=settings.ROOT,
                          capture_output=True, text=True, env={**os.environ, "NETRA_DATA_DIR": str(data_dir)})
    return done.returncode, json.loads(done.stdout)


# --- a KASN recap that names only the agency and the recommendation -------------------------------------------

RECAP_CASES = [  # (election, source_agency, decision_date, region, province, level, class, status, severity)
    ("pilkada2024", "kasn", D(2024, 10, 14), "74.07", "74", "kabupaten", "kode_etik", "disanksi", None),
    ("pilkada2024", "kasn", D(2024, 10, 16), "73.08", "73", "kabupaten", "disiplin", "terbukti", "sedang"),
    ("pilkada2024", "kasn", D(2024, 10, 21), "32.05", "32", "pusat", "disiplin", "terbukti", "berat"),
    ("pilkada2024", "kasn", D(2024, 10, 24), None, "33", "provinsi", "kode_etik", "disanksi", None),
    ("pilkada2024", "kasn", D(2024, 10, 28), "61.02", "61", "kabupaten", "disiplin", "terbukti", "berat"),
    ("pilkada2024", "kasn", D(2024, 10, 30), None, None, "pusat", "disiplin", "disanksi", "ringan"),
]


def test_an_agency_only_recap_loads_its_rows(warehouse_dir, registers, load_register):
    [result] = load_register(registers["kasn_rekap.xlsx"])
    assert (result.rows_read, result.rows_loaded, result.rows_rejected, result.exit_status) == (7, 6, 1, 3)
    assert query("""select election, source_agency, decision_date, region_code, province_code, agency_level,
                           violation_class, status, severity from cases order by source_row""") == RECAP_CASES
    assert query("select incident_date, report_date from cases") == [(None, None)] * 6  # the basis shows it
    assert query('select row_number, "column", reason from rejected_rows') == [
        (13, "Instansi", "Baris 13, kolom 'Instansi': 'Tegal' dalam nama instansi bisa Kabupaten Tegal (33.28) atau "
                         "Kota Tegal (33.76) — isi kolom Kabupaten/Kota.")]
    fields = {column["header"]: (column["field"], column["how"]) for column in result.columns}
    assert fields == {"No": (None, "none"), "Instansi": ("agency_name", "header"), "Jumlah ASN": (None, "none"),
                      "Rekomendasi Tanggal": ("decision_date", "header"),
                      "Rekomendasi Isi Rekomendasi": ("sanction", "header"),
                      "Tindak Lanjut PPK": ("status", "header"), "Ket.": ("status_2", "content")}
    assert result.notes == [{"column": "agency_name", "value": "Pemerintah Kabupaten Pontianak", "count": 1,
                             "note": "'Kabupaten Pontianak' adalah nama lama Kabupaten Mempawah"}]
    assert result.sheets[0]["title"].splitlines()[1:3] == ["KOMISI APARATUR SIPIL NEGARA",
                                                          "PILKADA SERENTAK TAHUN 2024"]


# --- a Bawaslu register in its own words ------------------------------------------------------------------------

STAGES_CASES = [  # (report_date, region, violation_type, class, status, severity, inferred, forwarded_to)
    (D(2024, 9, 25), "61.02", "fasilitas_negara", "disiplin", "terbukti", "berat", False, "bkn"),
    (D(2024, 10, 10), "61.71", "foto_simbol", "disiplin", "dilaporkan", "sedang", False, None),
    (D(2024, 10, 15), "61.01", "kampanye", "disiplin", "diproses", "berat", True, None),
    (D(2024, 10, 16), "61.01", "media_sosial", "disiplin", "diproses", "ringan", False, None),
    (D(2024, 10, 17), "61.04", "kegiatan_keberpihakan", "disiplin", "tidak_terbukti", "berat", True, None),
    (D(2024, 10, 18), "61.04", "kampanye", "disiplin", "dihentikan", "berat", True, None),
    (D(2024, 11, 4), "61.03", "keputusan", "disiplin", "terbukti", "berat", True, "bkn"),
    (D(2024, 11, 5), "61.03", "kampanye", "disiplin", "dilaporkan", "berat", True, None),
]


def test_a_bawaslu_register_in_its_own_words(warehouse_dir, registers, load_register):
    [result] = load_register(registers["bawaslu_kalbar.csv"])
    assert (result.rows_read, result.rows_loaded, result.rows_rejected, result.rows_warned) == (8, 8, 0, 1)
    assert result.exit_status == 0
    assert query("""select report_date, region_code, violation_type, violation_class, status, severity,
                           severity_inferred, forwarded_to from cases order by source_row""") == STAGES_CASES
    assert query("select distinct election, source_agency, regime from cases") == [
        ("pilkada2024", "bawaslu", "pp94_skb2022")]  # both from the title lines
    assert query("select description, extra from cases where source_row = 5") == [(
        "Menggunakan mobil dinas untuk mengantar tim kampanye pasangan calon",  # a multi-line cell, one line
        '{"No": "1", "Nama Pelapor": "Warga", "Catatan Internal": "cek ulang"}')]
    assert query('select row_number, "column", value from load_warnings') == [(12, "Status Penanganan", "Selesai")]
    how = {column["header"]: (column["field"], column["how"]) for column in result.columns}
    assert how["Tingkat"] == ("severity", "content") and how["Klasifikasi"] == ("violation_class", "content")
    assert how["Tindak Lanjut"] == ("status_2", "content")
    assert [column["header"] for column in result.unmapped] == ["No", "Nama Pelapor", "Catatan Internal"]
    assert result.unknown == [{"field": "status", "column": "Status Penanganan", "phrase": "Selesai", "count": 1,
                               "rows": [12]}]


def test_pilkada_2020_falls_under_pp53_and_is_never_inferred_from_skb_2022(warehouse_dir, registers,
                                                                          load_register):
    load_register(registers["pilkada2020.csv"])
    assert query("select case_id, regime, violation_class, severity, severity_inferred from cases "
                 "order by case_id") == [("P20-1", "pp53_skb2020", None, None, False),
                                         ("P20-2", "pp53_skb2020", "disiplin", "sedang", False)]


# --- teaching ---------------------------------------------------------------------------------------------------


def test_a_taught_phrase_changes_the_next_load(warehouse_dir, registers, load_register, tmp_path):
    [before] = load_register(registers["bawaslu_kalbar.csv"])
    assert before.unknown[0]["phrase"] == "Selesai"
    assert main(["teach", "phrase", "status", "Selesai", "disanksi", "--by", "siti"]) == 0
    again = tmp_path / "bawaslu_kalbar_lagi.csv"  # the same rows in a new file, after the status was corrected
    again.write_bytes(registers["bawaslu_kalbar.csv"].read_bytes().replace(b"Dewi", b"Dewi Sartika"))
    [after] = load_register(again)
    assert (after.unknown, after.rows_warned) == ([], 0)
    assert query("select status from cases where subject_name = 'Dewi Sartika'") == [("disanksi",)]
    assert query("select kind, field, phrase, value, taught_by, active from phrasebook") == [
        ("phrase", "status", "Selesai", "disanksi", "siti", True)]  # the generation records what it used
    assert audit.entries()["event"].tolist()[:2] == ["load", "teach"]


def test_a_taught_header_maps_a_column_nobody_knew(warehouse_dir, tmp_path, load_register):
    register = tmp_path / "kode.csv"
    register.write_text("Nama Terlapor,Tgl Kejadian,Kab/Kota,Pemilihan,Kode Wil Kasus\n"
                        "Budi,10/10/2024,,Pilkada 2024,33.25\n", encoding="utf-8")
    [unknown] = load_register(register)
    assert unknown.rows_rejected == 1  # no place: the column holding it is not known
    phrasebook.teach("header", "", "Kode Wil Kasus", "region", "siti")
    [taught] = load_register(register.rename(tmp_path / "kode2.csv"))
    assert (taught.rows_loaded, [c["how"] for c in taught.columns if c["header"] == "Kode Wil Kasus"]) == (
        1, ["phrasebook"])
    assert query("select region_code from cases") == [("33.25",)]


@pytest.mark.parametrize(("args", "message"), [
    (["teach", "phrase", "status", "Rekom ke BKN", "terbukti"],
     "Diajarkan: 'Rekom ke BKN' → status = terbukti (oleh tester, "),
    (["teach", "header", "Tingkat Sanksi", "severity"],
     "Diajarkan: 'Tingkat Sanksi' → kolom severity (oleh tester, "),
    (["teach", "phrase", "status", "Rekom ke BKN", "hampir"],
     "Tidak diajarkan: 'hampir' bukan nilai status; pilih salah satu: dilaporkan, diproses, terbukti, "
     "tidak_terbukti, dihentikan, disanksi."),
    (["teach", "phrase", "warna", "Merah", "x"], "Tidak diajarkan: kolom 'warna' tidak bisa diajari ungkapan"),
    (["teach", "header", "Tingkat Sanksi", "tingkatan"], "Tidak diajarkan: 'tingkatan' bukan kolom gudang data"),
    (["teach", "phrase", "region", "Kab. Pontianak Lama", "Zzzzzz"],
     "Tidak diajarkan: 'Zzzzzz' tidak dikenali sebagai kabupaten/kota"),
])
def test_teach_on_the_command_line(warehouse_dir, capsys, args, message):
    status = main([*args, "--by", "tester"])
    out = capsys.readouterr().out
    assert out.startswith(message)
    assert status == (0 if out.startswith("Diajarkan") else 2)


def test_the_phrasebook_lists_what_is_in_force_and_its_history(warehouse_dir, capsys):
    main(["teach", "phrase", "status", "Rekom ke BKN", "terbukti", "--by", "a"])
    main(["teach", "phrase", "status", "rekom ke bkn", "diproses", "--by", "b"])  # the same phrase, folded
    main(["teach", "header", "Tingkat Sanksi", "severity", "--by", "a"])
    main(["teach", "header", "Tingkat Sanksi", "", "--by", "b"])  # withdrawn
    capsys.readouterr()
    main(["phrasebook"])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("   (")[0] for line in lines] == ["status: 'rekom ke bkn' → diproses"]
    main(["phrasebook", "--all"])
    assert len(capsys.readouterr().out.splitlines()) == 4
    book = phrasebook.load()
    assert (book.phrase("status", "REKOM KE BKN!"), book.header("Tingkat  sanksi")) == ("diproses", None)


# --- preview, JSON, demo ----------------------------------------------------------------------------------------


def generations(folder) -> list[str]:
    return sorted(path.name for path in folder.glob("netra-*.duckdb"))


def test_a_preview_computes_the_load_and_writes_nothing(warehouse_dir, registers, load_register):
    [first] = load_register(registers["kasn.csv"])
    published, files = db.current_path(), generations(warehouse_dir)
    lines = len(audit.entries())
    status, report = run_json("--dry-run", str(registers["kasn.csv"].with_name("bawaslu.xlsx")),
                              data_dir=warehouse_dir)
    assert (status, report["dry_run"], report["files"][0]["status"], report["files"][0]["load_id"]) == (
        0, True, "loaded", None)
    assert report["files"][0]["counts"] == {"read": 8, "loaded": 8, "rejected": 0, "duplicate": 0, "warned": 2,
                                            "replaced": 0, "totals_skipped": 0, "linked": None}
    assert report["files"][0]["link_pending"] is None  # a preview links nothing
    assert db.current_path() == published and generations(warehouse_dir) == files  # nothing written
    assert query("select count(*) from load_batches") == [(1,)]
    assert audit.entries()["event"].tolist()[: len(audit.entries()) - lines] == ["load_preview"]
    assert not phrasebook.phrasebook_path().exists()
    # a preview of a file already loaded says so, and counts its duplicates against the warehouse
    status, report = run_json("--dry-run", str(registers["kasn.csv"]), data_dir=warehouse_dir)
    assert (status, report["files"][0]["status"], report["files"][0]["already_loaded"]) == (
        3, "already_loaded", first.load_id)


JSON_FILE_KEYS = {"file", "status", "exit_status", "reason", "load_id", "sha256", "election", "already_loaded",
                  "counts", "sheets", "columns", "unmapped", "unknown_phrases", "notes", "rejected", "warned",
                  "link_pending"}


def test_the_json_report_has_its_documented_shape(warehouse_dir, registers):
    status, report = run_json(str(registers["bawaslu_kalbar.csv"]), str(registers["kosong.csv"]), "--by", "siti",
                              data_dir=warehouse_dir)
    assert status == 2 and report["exit_status"] == 2
    assert set(report) == {"netra_load", "dry_run", "exit_status", "loaded_by", "replaced_demo", "totals", "files"}
    assert (report["netra_load"], report["loaded_by"], report["replaced_demo"]) == (1, "siti", None)
    assert report["totals"] == {"files": 2, "rows_read": 8, "rows_loaded": 8, "rows_rejected": 0,
                                "rows_duplicate": 0, "rows_warned": 1, "rows_linked": 0}
    loaded, unusable = report["files"]
    assert set(loaded) == set(unusable) == JSON_FILE_KEYS
    assert (loaded["status"], loaded["exit_status"], loaded["election"]) == ("loaded", 0, "pilkada2024")
    assert (unusable["status"], unusable["exit_status"], unusable["reason"]) == (
        "unusable", 2, "kosong.csv: berkas kosong; isi dengan register kasus (CSV atau XLSX).")
    column = next(c for c in loaded["columns"] if c["header"] == "Tingkat")
    assert column == {"sheet": None, "header": "Tingkat", "field": "severity", "how": "content",
                      "samples": ["Berat", "Sedang", "Ringan"], "share": 1.0, "note": None}
    assert loaded["warned"][0] == {"row": 12, "column": "Status Penanganan", "value": "Selesai", "reason": (
        "Baris 12, kolom 'Status Penanganan': 'Selesai' bukan status kasus yang dikenal; tulis salah satu: "
        "dilaporkan, diproses, terbukti, tidak terbukti, dihentikan, disanksi (atau ungkapan seperti 'Diteruskan "
        "ke KASN', 'Bukan pelanggaran', 'Dijatuhi hukuman'). Dimuat sebagai dilaporkan.")}
    assert loaded["unknown_phrases"] == [{"field": "status", "column": "Status Penanganan", "phrase": "Selesai",
                                          "count": 1, "rows": [12]}]
    assert query("select loaded_by, rows_warned, options from load_batches") == [
        ("siti", 1, '{"election": null, "source_agency": null, "phrasebook": "", "reading": ""}')]
    assert audit.entries().iloc[0][["event", "user", "outcome"]].tolist() == ["load", "siti", "unusable"]


def test_a_real_load_replaces_the_demo_warehouse(warehouse_dir, registers):
    assert main(["demo", "--scale", "0.05"]) == 0
    synthetic = query("select count(*) from cases")[0][0]
    status, report = run_json(str(registers["kasn.csv"]), data_dir=warehouse_dir)
    assert status == 3
    assert report["replaced_demo"] == {
        "synthetic_cases_removed": synthetic,
        "message": f"Gudang data demo (sintetis) diganti: {synthetic} kasus sintetis dihapus; gudang kini hanya "
                   "berisi data nyata. `etl demo` membuatnya lagi."}
    assert query("select count(*) from cases") == [(9,)]  # only the real rows
    assert query("select count(*) from meta where key like 'demo%' or key = 'synthetic'") == [(0,)]  # no demo facts
    assert query("select value from meta where key = 'made_by'") == [("load",)]
    assert query("select source_file from load_batches") == [("kasn.csv",)]


def test_the_demo_replacement_is_said_in_the_prose_too(warehouse_dir, registers, capsys):
    main(["demo", "--scale", "0.05"])
    capsys.readouterr()
    main(["load", str(registers["inspektorat.tsv"]), "--election", "pemilu2024", "--dry-run"])
    out = capsys.readouterr().out
    assert out.startswith("Akan: Gudang data demo (sintetis) diganti: ")
    assert query("select value from meta where key = 'synthetic'") == [("true",)]  # a preview changes nothing


# --- what the register says about itself, around the rows -------------------------------------------------------

KAB_REGISTER = ("REKAP PENANGANAN PELANGGARAN NETRALITAS ASN\nBAWASLU KABUPATEN SUKABUMI\n"
                "No,Nomor Temuan/Laporan,Tanggal Diterima,Nama Terlapor,Jabatan/Instansi,Kecamatan,Dugaan "
                "Pelanggaran,Hasil Kajian,Tindak Lanjut\n"
                '1,01/TM/2024,"Senin, 30 September 2024",Yusuf,Kepala Desa Sukamaju,Cibadak,Kades mendukung calon '
                "bupati,Pelanggaran,Diteruskan ke Bupati\n"
                "2,02/LP/2024,02/10/2024,Wahyu,Guru SDN 3 Cibadak,Cibadak,Membagikan video kampanye di WhatsApp,"
                "Pelanggaran,Direkomendasikan ke BKN\n")


def test_a_kabupaten_register_places_its_rows_in_its_own_kabupaten(warehouse_dir, tmp_path, load_register):
    register = tmp_path / "rekap.csv"
    register.write_text(KAB_REGISTER, encoding="utf-8")
    [result] = load_register(register, election="pilkada2024")
    assert (result.rows_loaded, result.rows_rejected) == (2, 0)
    assert query("""select region_code, source_agency, employee_type, status, forwarded_to, severity_inferred
                    from cases order by source_row""") == [
        ("32.02", "bawaslu", "non_asn", "terbukti", "lainnya", False),  # a village head: no SKB inference
        ("32.02", "bawaslu", None, "terbukti", "bkn", True)]
    assert result.notes == [{"column": "region", "value": "", "count": 2,
                             "note": "wilayah dari judul register: Kabupaten Sukabumi"}]


def test_the_same_file_loaded_with_other_options_is_read_again(warehouse_dir, tmp_path, load_register):
    register = tmp_path / "rekap.csv"
    register.write_text(KAB_REGISTER.replace("Senin, 30 September 2024", "30/09/2024"), encoding="utf-8")
    [first] = load_register(register)  # 2024 dates fit two elections: nothing can be counted
    assert (first.rows_loaded, first.rows_rejected) == (0, 2)
    [again] = load_register(register, election="pilkada2024")
    assert (again.already_loaded, again.rows_loaded) == (None, 2)
    [third] = load_register(register, election="pilkada2024")
    assert third.already_loaded == again.load_id


def test_a_second_agency_column_places_a_school(warehouse_dir, tmp_path, load_register):
    register = tmp_path / "bkn.csv"
    register.write_text("NIP;Nama;Unit Kerja;Instansi;Tgl Aduan;Status;Pemilihan\n"
                        "198001012005011001;Ahmad;SDN 1 Sukamaju;Pemkab Garut;14 Okt 2024;Menunggu Verifikasi BKN;"
                        "Pilkada 2024\n", encoding="utf-8")
    [result] = load_register(register)
    assert query("select region_code, agency_level, agency_name, status from cases") == [
        ("32.05", "kabupaten", "SDN 1 Sukamaju", "diproses")]
    assert [(c["header"], c["field"]) for c in result.columns][2:4] == [("Unit Kerja", "agency_name"),
                                                                      ("Instansi", "agency_2")]
