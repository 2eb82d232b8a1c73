"""Header aliases -> canonical columns, and one register row naming several people -> one row per person."""

import pandas as pd
import pytest

from etl.columns import ALIASES, canonical_column, map_headers, people_in_row, split_list, split_people

HEADERS = [
    # (header as a register writes it, canonical column or None)
    ("No. Register", "case_id"),
    ("NO REG", "case_id"),
    ("Nomor Perkara", "case_id"),
    ("Nomor Laporan/Temuan", "case_id"),
    ("Case number", "case_id"),
    ("Tgl Kejadian", "incident_date"),
    ("Tgl. Kejadian", "incident_date"),
    ("TANGGAL KEJADIAN", "incident_date"),
    ("Tanggal Kejadian (dd/mm/yyyy)", "incident_date"),
    ("Incident date", "incident_date"),
    ("Tanggal Laporan", "report_date"),
    ("Tanggal Laporan/Temuan", "report_date"),
    ("Tanggal", "report_date"),
    ("Tanggal Rekomendasi", "decision_date"),
    ("Tanggal Penjatuhan Hukuman", "sanction_date"),
    ("Kabupaten/Kota", "region"),
    ("Kab/Kota", "region"),
    ("Kab./Kota", "region"),
    ("KABUPATEN / KOTA", "region"),
    ("Regency/City", "region"),
    ("region_code", "region"),
    ("Provinsi", "province"),
    ("Prov.", "province"),
    ("Province", "province"),
    ("Nama Terlapor", "subject_name"),
    ("Nama", "subject_name"),
    ("Terlapor", "subject_name"),
    ("NIP", "subject_nip"),
    ("N.I.P.", None),  # letters spelled with dots are not a word we know
    ("NIP Terlapor", "subject_nip"),
    ("Jabatan", "position"),
    ("Instansi", "agency_name"),
    ("Nama Instansi", "agency_name"),
    ("Unit Kerja", "agency_name"),
    ("Tingkat Instansi", "agency_level"),
    ("Status Kepegawaian", "employee_type"),
    ("Uraian Dugaan Pelanggaran", "description"),
    ("Uraian", "description"),
    ("Jenis Pelanggaran", "violation_type"),
    ("Bentuk Pelanggaran", "violation_type"),
    ("Kode SKB", "violation_form"),
    ("Klasifikasi Pelanggaran", "violation_class"),
    ("Status", "status"),
    ("Status Penanganan", "status"),
    ("Tindak Lanjut", "status"),
    ("Rekomendasi", "sanction"),
    ("Sanksi", "sanction"),
    ("Tingkat Hukuman", "severity"),
    ("Sumber", "source_kind"),
    ("Sumber Laporan", "source_kind"),
    ("Instansi Pelapor", "source_agency"),
    ("Pemilihan", "election"),
    ("Jenis Pemilihan", "election"),
    # dates named in either order, and the headers issue 10 met
    ("Rekomendasi Tanggal", "decision_date"),
    ("Tgl Surat Rekomendasi KASN", "decision_date"),
    ("Tanggal SK Hukuman", "sanction_date"),
    ("Tanggal Tindak Lanjut PPK", "sanction_date"),
    ("Hari/Tgl Laporan", "report_date"),
    ("Tgl. Rekom", "decision_date"),
    ("Hasil Pleno", "status"),
    ("Tindak Lanjut PPK", "status"),
    ("Jenis Hukuman Disiplin", "sanction"),
    ("Asal Instansi", "agency_name"),
    # headers that must stay unused even though they contain a known word
    ("Nama Pelapor", None),  # the one who reported, not the one reported
    ("Identitas Pelapor", None),
    ("No", None),
    ("No.", None),
    ("Tanggal Lahir", None),
    ("Tempat/Tanggal Lahir", None),
    ("Keterangan", None),
    ("Pangkat/Golongan", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("header", "column"), HEADERS)
def test_header_alias(header, column):
    assert canonical_column(header) == column


def test_every_alias_maps_to_its_own_column():
    wrong = {alias: column for column, aliases in ALIASES.items() for alias in aliases
             if canonical_column(alias) != column}
    assert wrong == {}


def test_first_header_naming_a_column_wins():
    labels = ["No", "Status", "Tindak Lanjut", "Kab/Kota", "Kabupaten/Kota (2)"]
    assert map_headers(labels) == {"status": "Status", "region": "Kab/Kota"}


@pytest.mark.parametrize(("cell", "items"), [
    ("Budi Santoso", ["Budi Santoso"]),
    ("1. Budi; 2. Siti", ["Budi", "Siti"]),
    ("1) Budi 2) Siti", ["Budi", "Siti"]),
    ("Budi\nSiti\nAgus", ["Budi", "Siti", "Agus"]),
    ("Drs. H. Ahmad, M.Si", ["Drs. H. Ahmad, M.Si"]),  # commas belong to academic titles
    ("198001012005011001; 198502022010012002", ["198001012005011001", "198502022010012002"]),
    ("19800101 200501 1 001", ["19800101 200501 1 001"]),  # an NIP written in groups is one NIP
    ("", [""]),
])
def test_split_list(cell, items):
    assert split_list(cell) == items


def test_people_in_row_pairs_names_with_nips_and_positions():
    row = {"subject_name": "1. Budi; 2. Siti", "subject_nip": "111;222", "position": "Camat; Lurah",
           "employee_type": "PNS"}
    assert people_in_row(row) == [
        {"subject_name": "Budi", "subject_nip": "111", "position": "Camat", "employee_type": "PNS"},
        {"subject_name": "Siti", "subject_nip": "222", "position": "Lurah", "employee_type": "PNS"},
    ]


def test_people_in_row_keeps_a_position_that_does_not_list_everyone():
    row = {"subject_name": "Budi\nSiti\nAgus", "subject_nip": "", "position": "Kepala Dinas; Plt. Sekda"}
    assert [person["position"] for person in people_in_row(row)] == ["Kepala Dinas; Plt. Sekda"] * 3


def test_people_in_row_refuses_uneven_lists():
    row = {"subject_name": "A; B; C", "subject_nip": "111; 222"}
    assert people_in_row(row) == "3 nama tetapi 2 NIP; tulis satu orang per baris atau samakan jumlahnya."


def test_split_people_numbers_people_and_reports_unpaired_rows():
    frame = pd.DataFrame({
        "case_id": ["R1", "R2", "R3"],
        "subject_name": ["Ani", "1. Budi; 2. Siti", "A; B"],
        "subject_nip": ["", "111; 222", "1; 2; 3"],
    })
    people, unpaired = split_people(frame)
    people = people.rename_axis("row").reset_index().sort_values(["row", "subject_no"])  # others come last
    assert people[["case_id", "subject_name", "subject_nip", "subject_no"]].values.tolist() == [
        ["R1", "Ani", "", 1],
        ["R2", "Budi", "111", 1],
        ["R2", "Siti", "222", 2],
        ["R3", "A", "", 1],  # names and NIPs can't be paired: one person per name, without a NIP
        ["R3", "B", "", 2],
    ]
    assert unpaired == {2: "2 nama tetapi 3 NIP; NIP tidak dapat dipasangkan, 2 orang dimuat tanpa NIP. Tulis satu "
                           "orang per baris atau samakan jumlahnya."}
