"""Free-text taxonomy rules: one row per rule, exact expected values, and the reference CSVs against vocab.py."""

import datetime

import pandas as pd
import pytest

from etl.normalize import NormalizeError, read_reference, taxonomy
from warehouse.vocab import ALLOWED_VALUES, SEVERITIES, STATUSES, VIOLATION_CLASSES, VIOLATION_FORMS, VIOLATION_TYPES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the category labels KASN/Kemendagri publish (domain.md §1)
        ("kampanye/sosialisasi di media sosial", ("media_sosial", None)),
        ("pendekatan ke parpol (pencalonan)", ("pendekatan_parpol", None)),
        ("kegiatan yang mengarah keberpihakan", ("kegiatan_keberpihakan", None)),
        ("spanduk/baliho (bakal calon)", ("alat_peraga", None)),
        ("keputusan menguntungkan/merugikan paslon", ("keputusan", None)),
        ("menghadiri deklarasi paslon", ("deklarasi", None)),
        ("deklarasi diri sebagai bakal calon", ("pendekatan_parpol", None)),
        ("foto bersama calon + simbol tangan", ("foto_simbol", None)),
        ("posting/comment/share/like/follow akun pemenangan", ("media_sosial", None)),
        ("ikut kampanye/sosialisasi/pengenalan", ("kampanye", None)),
        ("anggota/pengurus parpol", ("parpol", None)),
        # descriptions as registers write them; earlier rules win over later ones
        ("Memposting foto bersama bakal calon di Facebook", ("foto_simbol", None)),
        ("Like dan share postingan calon di Instagram", ("media_sosial", None)),
        ("Ikut kampanye paslon menggunakan mobil dinas", ("fasilitas_negara", None)),
        ("Mengerahkan ASN lain untuk hadir kampanye", ("mobilisasi_asn", None)),
        ("Menjadi tim sukses paslon nomor 2", ("tim_pemenangan", None)),
        ("Memberikan fotokopi KTP untuk dukungan calon perseorangan", ("dukungan_perseorangan", None)),
        ("Terdaftar sebagai anggota partai di SIPOL", ("parpol", None)),
        ("Membagikan sembako bergambar calon", ("kegiatan_keberpihakan", None)),
        # a strong keyword of a later rule beats a weak keyword of an earlier one
        ("Kegiatan yang mengarah keberpihakan dalam masa kampanye", ("kegiatan_keberpihakan", None)),
        ("Ikut kampanye dan menyatakan dukungan", ("kampanye", None)),
        ("Menghadiri acara paslon", ("kampanye", None)),
        ("Mengunggah video dukungan", ("media_sosial", None)),
        # an explicit SKB form code wins
        ("D6 - like postingan", ("media_sosial", "D6")),
        ("Pelanggaran huruf D angka 12", ("keputusan", "D12")),
        ("Pelanggaran K2", ("media_sosial", "K2")),
        ("Bentuk K5: foto dengan paslon", ("foto_simbol", "K5")),
        ("D14 kampanye", ("kampanye", None)),  # not a form: the rules decide
        # nothing recognisable
        ("Melanggar netralitas", ("lainnya", None)),
        ("", ("lainnya", None)),
        (None, ("lainnya", None)),
    ],
)
def test_violation_type(text, expected):
    assert taxonomy.violation_type(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("D6", "D6"), ("d.6", "D6"), ("D-06", "D6"), ("Huruf D angka 6", "D6"), ("K7", "K7"), ("k 02", "K2"),
     ("D13", "D13"), (None, None), ("", None), (" - ", None)],
)
def test_violation_form(text, expected):
    assert taxonomy.violation_form(text) == expected


@pytest.mark.parametrize("text", ["D14", "K8", "X3", "posting", "D6 atau D7"])
def test_violation_form_rejects(text):
    with pytest.raises(NormalizeError) as caught:
        taxonomy.violation_form(text)
    assert str(caught.value) == (f"'{text}' bukan kode bentuk pelanggaran SKB 2022; tulis satu kode K1–K7 "
                                 "(kode etik) atau D1–D13 (disiplin).")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diteruskan ke KASN", "diproses"),
        ("Bukan pelanggaran", "tidak_terbukti"),
        ("Tidak terbukti", "tidak_terbukti"),
        ("tidak_terbukti", "tidak_terbukti"),
        ("Menunggu tindak lanjut PPK", "terbukti"),
        ("Belum ditindaklanjuti", "terbukti"),
        ("Rekomendasi diteruskan ke PPK", "terbukti"),
        ("Diblokir BKN", "terbukti"),
        ("Terbukti melanggar", "terbukti"),
        ("Tidak diregistrasi", "dihentikan"),
        ("Dibatalkan", "dihentikan"),
        ("Ditolak", "dihentikan"),
        ("Pensiun/APS", "dihentikan"),
        ("Pensiun/berhenti/APS", "dihentikan"),
        ("Laporan dicabut", "dihentikan"),
        ("Dijatuhi hukuman", "disanksi"),
        ("Sudah ditindaklanjuti PPK", "disanksi"),
        ("Sanksi moral", "disanksi"),
        ("Terbukti, sudah dijatuhi hukuman disiplin", "disanksi"),
        ("Dalam proses", "diproses"),
        ("Klarifikasi", "diproses"),
        ("Kajian", "diproses"),
        ("Menunggu verifikasi BKN", "diproses"),
        ("Baru", "dilaporkan"),
        ("Diterima", "dilaporkan"),
        ("Belum diproses", "dilaporkan"),
        ("", "dilaporkan"),
        (None, "dilaporkan"),
    ],
)
def test_status(text, expected):
    assert taxonomy.status(text) == expected


def test_status_rejects_unknown_text_naming_the_accepted_words():
    with pytest.raises(NormalizeError) as caught:
        taxonomy.status("Selesai")
    assert str(caught.value) == (
        "'Selesai' bukan status kasus yang dikenal; tulis salah satu: dilaporkan, diproses, terbukti, tidak "
        "terbukti, dihentikan, disanksi (atau ungkapan seperti 'Diteruskan ke KASN', 'Bukan pelanggaran', "
        "'Dijatuhi hukuman')."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ringan", "ringan"),
        ("Sedang", "sedang"),
        ("Berat", "berat"),
        ("hukuman disiplin berat", "berat"),
        ("Hukuman Disiplin Tingkat Sedang", "sedang"),
        ("PTDH", "berat"),
        ("Pemberhentian dengan hormat tidak atas permintaan sendiri", "berat"),
        ("Pembebasan dari jabatan 12 bulan", "berat"),
        ("Penurunan pangkat setingkat lebih rendah selama 3 tahun", "berat"),  # PP 53/2010
        ("Penurunan pangkat 1 tahun", "sedang"),
        ("Pemotongan tukin 25% selama 6 bulan", "sedang"),
        ("Teguran tertulis", "ringan"),
        ("Pernyataan tidak puas secara tertulis", "ringan"),
        ("Sanksi moral", None),  # kode etik: a moral sanction is not a discipline level
        ("Pernyataan secara terbuka", None),
        ("Sedang diproses", None),
        ("", None),
        (None, None),
    ],
)
def test_severity(text, expected):
    assert taxonomy.severity(text) == expected


def test_severity_rejects_unknown_text():
    with pytest.raises(NormalizeError) as caught:
        taxonomy.severity("xyz")
    assert str(caught.value) == ("'xyz' bukan tingkat hukuman yang dikenal; tulis Ringan, Sedang atau Berat, atau "
                                 "jenis hukumannya (misalnya teguran tertulis, pemotongan tukin, penurunan jabatan).")


SET = datetime.date(2024, 9, 22)  # Pilkada 2024 candidates set
BEFORE, AFTER = datetime.date(2024, 9, 1), datetime.date(2024, 10, 1)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("media_sosial", None, BEFORE, SET), ("kode_etik", None)),
        (("media_sosial", None, SET, SET), ("disiplin", "berat")),  # the day of penetapan counts as after
        (("media_sosial", None, pd.Timestamp(AFTER), pd.Timestamp(SET)), ("disiplin", "berat")),
        (("alat_peraga", None, AFTER, SET), ("disiplin", "berat")),
        (("tim_pemenangan", None, BEFORE, SET), ("disiplin", "sedang")),  # D9
        (("tim_pemenangan", None, AFTER, SET), ("disiplin", "berat")),  # D10
        (("pendekatan_parpol", None, AFTER, SET), ("disiplin", "sedang")),  # D3
        (("parpol", None, BEFORE, SET), ("disiplin", "berat")),  # D5, PTDH
        (("pendekatan_parpol", None, None, None), ("disiplin", "sedang")),  # disiplin either way: no date needed
        (("media_sosial", None, None, SET), (None, None)),  # kode etik or disiplin: unknown without a date
        (("lainnya", None, BEFORE, SET), ("kode_etik", None)),
        (("lainnya", None, AFTER, SET), ("disiplin", None)),  # D13: the Satgas decides
        (("media_sosial", "D5", BEFORE, SET), ("disiplin", "berat")),  # an explicit form decides
        (("media_sosial", "K2", AFTER, SET), ("kode_etik", None)),
        (("lainnya", "D9", None, None), ("disiplin", "sedang")),
        (("lainnya", "D13", None, None), ("disiplin", None)),
    ],
)
def test_infer_severity(args, expected):
    assert taxonomy.infer_severity(*args) == expected


@pytest.mark.parametrize(
    ("func", "text", "expected"),
    [
        (taxonomy.position_class, "Sekda", "jpt"),
        (taxonomy.position_class, "Kepala Dinas", "jpt"),
        (taxonomy.position_class, "JPT Pratama", "jpt"),
        (taxonomy.position_class, "Direktur RSUD", "jpt"),
        (taxonomy.position_class, "Camat", "kepala_wilayah"),
        (taxonomy.position_class, "Lurah", "kepala_wilayah"),
        (taxonomy.position_class, "Sekretaris Camat", "administrator"),
        (taxonomy.position_class, "Kabid", "administrator"),
        (taxonomy.position_class, "Kepala Bidang Dinas Pendidikan", "administrator"),
        (taxonomy.position_class, "Kabag", "administrator"),
        (taxonomy.position_class, "Kasubag", "pengawas"),
        (taxonomy.position_class, "Kasi", "pengawas"),
        (taxonomy.position_class, "Guru", "fungsional"),
        (taxonomy.position_class, "Guru PPPK", "fungsional"),
        (taxonomy.position_class, "Dokter", "fungsional"),
        (taxonomy.position_class, "Fungsional", "fungsional"),
        (taxonomy.position_class, "Kepala Sekolah", "fungsional"),
        (taxonomy.position_class, "Pengawas Sekolah", "fungsional"),
        (taxonomy.position_class, "JFU", "pelaksana"),
        (taxonomy.position_class, "Staf", "pelaksana"),
        (taxonomy.position_class, "Staf Kecamatan", "pelaksana"),
        (taxonomy.position_class, "Pelaksana", "pelaksana"),
        (taxonomy.position_class, "Kepala Desa", "lainnya"),
        (taxonomy.position_class, "Xyz", "lainnya"),
        (taxonomy.position_class, "", None),
        (taxonomy.employee_type, "PNS", "pns"),
        (taxonomy.employee_type, "CPNS", "pns"),
        (taxonomy.employee_type, "PPPK", "pppk"),
        (taxonomy.employee_type, "P3K", "pppk"),
        (taxonomy.employee_type, "Honorer", "non_asn"),
        (taxonomy.employee_type, "Kepala Desa", "non_asn"),
        (taxonomy.employee_type, "Perangkat desa", "non_asn"),
        (taxonomy.employee_type, "Non ASN", "non_asn"),
        (taxonomy.employee_type, "ASN", None),  # PNS or PPPK: not known
        (taxonomy.employee_type, "", None),
        (taxonomy.agency_level, "Pemkab Batang", "kabupaten"),
        (taxonomy.agency_level, "Kabupaten", "kabupaten"),
        (taxonomy.agency_level, "BKD Kab. Batang", "kabupaten"),
        (taxonomy.agency_level, "Pemkot Tegal", "kota"),
        (taxonomy.agency_level, "Pemprov Jateng", "provinsi"),
        (taxonomy.agency_level, "Dinas Pendidikan Provinsi Jawa Timur", "provinsi"),
        (taxonomy.agency_level, "Kementerian Agama", "pusat"),
        (taxonomy.agency_level, "Kemenag Kabupaten Batang", "pusat"),  # a vertical office of a ministry
        (taxonomy.agency_level, "Instansi pusat", "pusat"),
        (taxonomy.agency_level, "Badan Pusat Statistik", "pusat"),
        (taxonomy.agency_level, "Pemda", None),
        (taxonomy.source_agency, "Bawaslu Kab. Batang", "bawaslu"),
        (taxonomy.source_agency, "Panwascam", "bawaslu"),
        (taxonomy.source_agency, "KASN", "kasn"),
        (taxonomy.source_agency, "BKN", "bkn"),
        (taxonomy.source_agency, "Inspektorat Kabupaten", "inspektorat"),
        (taxonomy.source_agency, "Kemendagri", "kemendagri"),
        (taxonomy.source_agency, "Itjen Kemendagri", "kemendagri"),
        (taxonomy.source_agency, "Ombudsman", "lainnya"),
        (taxonomy.source_agency, "", None),
        (taxonomy.source_kind, "Temuan", "temuan"),
        (taxonomy.source_kind, "LHP", "temuan"),
        (taxonomy.source_kind, "Laporan Hasil Pengawasan", "temuan"),
        (taxonomy.source_kind, "Laporan", "laporan"),
        (taxonomy.source_kind, "Aduan", "aduan"),
        (taxonomy.source_kind, "LAPOR!", "aduan"),
        (taxonomy.source_kind, "Pengaduan masyarakat", "aduan"),
        (taxonomy.source_kind, None, None),
    ],
)
def test_descriptive_fields(func, text, expected):
    assert func(text) == expected


def test_source_kind_rejects_unknown_text():
    with pytest.raises(NormalizeError) as caught:
        taxonomy.source_kind("Media massa")
    assert str(caught.value) == ("'Media massa' bukan sumber kasus yang dikenal; tulis Temuan (termasuk LHP), "
                                 "Laporan atau Aduan.")


def test_violation_types_csv_matches_vocab_and_forms():
    types = read_reference("violation_types.csv")
    assert tuple(row["violation_type"] for row in types) == VIOLATION_TYPES  # also the display order
    forms = read_reference("violation_forms.csv")
    assert tuple(row["form"] for row in forms) == VIOLATION_FORMS
    assert {row["violation_class"] for row in forms} <= set(VIOLATION_CLASSES)
    assert {row["severity"] for row in forms} <= {*SEVERITIES, ""}
    listed = {form: row["violation_type"] for row in types
              for form in (row["kode_etik_forms"] + " " + row["disiplin_forms"]).split()}
    assert listed == {row["form"]: row["violation_type"] for row in forms}
    assert {row["class_before_set"] for row in types} <= {"kode_etik", "disiplin"}
    assert {row["severity_before_set"] for row in types} | {row["severity_after_set"] for row in types} <= {
        *SEVERITIES, ""}


def test_phrase_csvs_use_only_vocabulary_values():
    status_values = {row["status"] for row in read_reference("status_phrases.csv")}
    assert status_values == set(STATUSES)
    assert {row["severity"] for row in read_reference("severity_phrases.csv")} == {*SEVERITIES, ""}
    fields = read_reference("field_phrases.csv")
    assert [row for row in fields if row["value"] not in ALLOWED_VALUES[row["field"]]] == []
    assert {row["field"] for row in fields} == {"position_class", "employee_type", "agency_level", "source_agency",
                                                "source_kind"}


@pytest.mark.parametrize("code", STATUSES)
def test_every_status_code_maps_to_itself(code):
    assert taxonomy.status(code) == code
