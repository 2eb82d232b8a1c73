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
        ("Diteruskan ke KASN", "terbukti"),  # Bawaslu forwards only a violation it found (reference README)
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
    listed: dict[str, set[str]] = {}
    for row in types:
        for form in (row["kode_etik_forms"] + " " + row["disiplin_forms"]).split():
            listed.setdefault(form, set()).add(row["violation_type"])
    assert set(listed) == {row["form"] for row in forms}
    # each form's own type is among those that list it; only D4 covers two (declarations and campaigns)
    assert all(row["violation_type"] in listed[row["form"]] for row in forms)
    assert {form: kinds for form, kinds in listed.items() if len(kinds) > 1} == {"D4": {"deklarasi", "kampanye"}}
    assert {row["class_before_set"] for row in types} <= {"kode_etik", "disiplin"}
    assert {row["severity_before_set"] for row in types} | {row["severity_after_set"] for row in types} <= {
        *SEVERITIES, ""}


def test_phrase_csvs_use_only_vocabulary_values():
    status_values = {row["status"] for row in read_reference("status_phrases.csv")}
    assert status_values == set(STATUSES)
    assert {row["severity"] for row in read_reference("severity_phrases.csv")} == {*SEVERITIES, ""}
    fields = read_reference("field_phrases.csv")
    allowed = {**ALLOWED_VALUES, "sanction_class": VIOLATION_CLASSES}
    # known phrases that name no value: no destination, no ASN class, 'ASN' (PNS or PPPK), 'daerah'
    may_be_empty = {"forwarded_to", "violation_class", "employee_type", "agency_level"}
    assert [row for row in fields if row["value"] not in allowed[row["field"]]
            and not (row["value"] == "" and row["field"] in may_be_empty)] == []
    assert {row["field"] for row in fields} == {"position_class", "employee_type", "agency_level", "source_agency",
                                                "source_kind", "forwarded_to", "violation_class", "sanction_class"}


@pytest.mark.parametrize("code", STATUSES)
def test_every_status_code_maps_to_itself(code):
    assert taxonomy.status(code) == code


# --- the vocabularies of each agency (domain.md §2.6) and the reading of issue 10 --------------------------------


@pytest.mark.parametrize(
    ("text", "header", "expected"),
    [
        # Bawaslu's own stages
        ("Dugaan pelanggaran", "", "dilaporkan"),  # a fresh report, never a finding
        ("Dugaan Pelanggaran Netralitas ASN", "", "dilaporkan"),
        ("Diduga melanggar netralitas", "", "dilaporkan"),
        ("Dugaan pelanggaran, dalam kajian", "", "diproses"),
        ("Diregistrasi", "", "diproses"),
        ("Teregistrasi", "", "diproses"),
        ("Dalam kajian", "", "diproses"),
        ("Kajian awal", "", "diproses"),
        ("Klarifikasi terlapor", "", "diproses"),
        ("Pelanggaran", "", "terbukti"),  # the plenary found a violation
        ("Pelanggaran peraturan perundang-undangan lainnya", "", "terbukti"),
        ("Bukan pelanggaran", "", "tidak_terbukti"),
        ("Bukan merupakan pelanggaran", "", "tidak_terbukti"),
        ("Tidak memenuhi syarat formil", "", "dihentikan"),
        ("Tidak memenuhi syarat formil dan materiil", "", "dihentikan"),
        ("TMS", "", "dihentikan"),
        ("Tidak diregistrasi", "", "dihentikan"),
        # forwarding is Bawaslu's finding, said from its side: one reading, with or without 'pelanggaran'
        ("Diteruskan ke BKN", "", "terbukti"),
        ("Pelanggaran, diteruskan ke BKN", "", "terbukti"),
        ("Rekomendasi ke BKN", "", "terbukti"),
        ("Direkomendasikan ke KASN", "", "terbukti"),
        ("Dugaan pelanggaran diteruskan ke KASN", "", "terbukti"),
        ("Dilimpahkan ke BKN", "", "terbukti"),
        ("Diteruskan ke KASN, tidak terbukti", "", "tidak_terbukti"),
        ("Diteruskan ke KASN, sudah ditindaklanjuti PPK", "", "disanksi"),
        # KASN/BKN follow-up words
        ("Rekomendasi KASN", "", "terbukti"),
        ("Sudah ditindaklanjuti PPK", "", "disanksi"),
        ("Belum ditindaklanjuti PPK", "", "terbukti"),
        ("Dalam proses PPK", "", "terbukti"),
        ("Diproses PPK", "", "terbukti"),
        ("Data kepegawaian diblokir", "", "terbukti"),
        ("Menunggu verifikasi BKN", "", "diproses"),
        ("Menunggu tindak lanjut PPK", "", "terbukti"),
        ("Dijatuhi hukuman disiplin sedang", "", "disanksi"),
        ("Hukuman disiplin sedang berupa pemotongan tunjangan kinerja", "", "disanksi"),
        ("Pensiun/berhenti/APS", "", "dihentikan"),
        # bare answers in a follow-up column
        ("Sudah", "Tindak Lanjut PPK", "disanksi"),
        ("Belum", "Tindak Lanjut PPK", "terbukti"),
        ("Proses", "TL PPK", "terbukti"),
        ("Ya", "Ditindaklanjuti PPK", "disanksi"),
        ("Proses", "Status", "diproses"),  # elsewhere a bare 'Proses' is still in process
    ],
)
def test_status_words_of_each_agency(text, header, expected):
    assert taxonomy.status(text, header) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Diteruskan ke KASN", "kasn"),
        ("Diteruskan kepada Komisi Aparatur Sipil Negara", "kasn"),
        ("Rekomendasi ke BKN", "bkn"),
        ("Pelanggaran, diteruskan ke BKN", "bkn"),
        ("Dilimpahkan ke Badan Kepegawaian Negara", "bkn"),
        ("Diteruskan ke Kanreg IV BKN Makassar", "bkn"),
        ("Diteruskan ke Bupati (kepala desa)", "lainnya"),
        ("Diteruskan ke Sentra Gakkumdu", "lainnya"),
        ("Rekomendasi diteruskan ke PPK", None),  # the recommendation itself, not a forward
        ("Rekomendasi KASN", None),  # KASN's own recommendation
        ("Terbukti", None),
        ("", None),
    ],
)
def test_forwarded_to(text, expected):
    assert taxonomy.forwarded_to(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pelanggaran peraturan perundang-undangan lainnya", None),  # Bawaslu's class: not an ASN rule class
        ("Pelanggaran administrasi", None),
        ("Kode etik penyelenggara", None),
        ("Pelanggaran Kode Etik", "kode_etik"),
        ("Disiplin", "disiplin"),
        ("Tindak pidana pemilihan", "pidana"),
        ("", None),
    ],
)
def test_violation_class(text, expected):
    assert taxonomy.violation_class(text) == expected


@pytest.mark.parametrize(
    ("text", "severity", "klass"),
    [
        ("Sanksi moral berupa pernyataan secara terbuka", None, "kode_etik"),
        ("Sanksi moral pernyataan secara tertutup", None, "kode_etik"),
        ("Hukuman disiplin sedang berupa pemotongan tunjangan kinerja 25% selama 9 bulan", "sedang", "disiplin"),
        ("Hukuman disiplin ringan berupa teguran tertulis", "ringan", "disiplin"),
        ("Hukuman disiplin sedang berupa penurunan jabatan", "sedang", "disiplin"),  # the stated level wins
        ("Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", "berat", "disiplin"),
        ("Pemberhentian tidak dengan hormat", "berat", "disiplin"),
        ("PTDH", "berat", "disiplin"),
        ("Penurunan pangkat setingkat lebih rendah selama 3 (tiga) tahun", "berat", "disiplin"),  # PP 53/2010
        ("Penundaan kenaikan gaji berkala selama 1 tahun", "sedang", "disiplin"),  # PP 53/2010
        ("Pidana penjara 2 bulan", None, "pidana"),
    ],
)
def test_class_and_level_from_sanction_text(text, severity, klass):
    assert (taxonomy.severity(text), taxonomy.sanction_class(text)) == (severity, klass)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the act wins over a word in passing
        ("Menggunakan mobil dinas untuk mengantar tim kampanye", ("fasilitas_negara", None)),
        ("Mengantar tim sukses memakai kendaraan dinas", ("fasilitas_negara", None)),
        ("Menjadi tim sukses paslon nomor 2", ("tim_pemenangan", None)),
        ("Tergabung dalam tim pemenangan pasangan calon", ("tim_pemenangan", None)),
        ("Terdaftar sebagai tim kampanye paslon", ("tim_pemenangan", None)),
        ("Ikut kampanye bersama tim sukses", ("kampanye", None)),
        ("Tim sukses", ("tim_pemenangan", None)),  # a category label alone
        # D4 covers campaign participation as well as declarations after candidates are set
        ("D4 ikut kampanye paslon", ("kampanye", "D4")),
        ("D4 menghadiri deklarasi paslon", ("deklarasi", "D4")),
        ("D4", ("deklarasi", "D4")),
        ("D5 menjadi anggota partai", ("parpol", "D5")),
    ],
)
def test_violation_type_acts_and_skb_fixes(text, expected):
    assert taxonomy.violation_type(text) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("kampanye", None, AFTER, SET), ("disiplin", "berat")),  # D4
        (("kampanye", "D4", AFTER, SET), ("disiplin", "berat")),
        (("parpol", "D5", BEFORE, SET), ("disiplin", "berat")),  # PTDH, whatever the date
        (("lainnya", None, AFTER, SET), ("disiplin", None)),  # D13: disiplin, level by the Satgas
    ],
)
def test_skb_2022_matrix_fixes(args, expected):
    assert taxonomy.infer_severity(*args) == expected
