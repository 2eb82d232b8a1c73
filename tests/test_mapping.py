"""Which column is which field: table-driven over headers and values, as etl.mapping decides them."""

import pandas as pd
import pytest

from etl.mapping import choose, extra_json
from etl.phrasebook import Entry, Phrasebook
from etl.readers import Sheet


def sheet(columns: dict[str, list[str]]) -> Sheet:
    frame = pd.DataFrame(columns, dtype="str")
    return Sheet("Data", list(columns), frame.set_axis(range(2, 2 + len(frame))))


@pytest.mark.parametrize(("header", "values", "field", "how"), [
    # ambiguous headers are decided by what they hold
    ("Tingkat", ["Ringan", "Berat", "Sedang", "Berat"], "severity", "content"),
    ("tingkat_pelanggaran", ["Ringan", "Sedang"], "severity", "content"),
    ("Tingkat", ["Kabupaten", "Provinsi", "Pusat"], "agency_level", "content"),
    ("Kategori", ["Kode Etik", "Disiplin", "Disiplin"], "violation_class", "content"),
    ("Kategori", ["Media sosial", "Kampanye", "Alat peraga"], "violation_type", "content"),
    ("Kategori", ["Temuan", "Laporan", "LHP"], "source_kind", "content"),
    ("Keterangan", ["Sudah ditindaklanjuti PPK", "Belum ditindaklanjuti PPK"], "status", "content"),
    ("Keterangan", ["PNS", "PPPK", "PNS"], "employee_type", "content"),
    ("Keterangan", ["Terlapor sudah dimintai keterangan dua kali oleh pengawas", "catatan lain"], None, "none"),
    ("Jenis", ["Pilkada 2024", "Pilkada 2024"], "election", "content"),
    ("Klasifikasi", ["Pelanggaran peraturan perundang-undangan lainnya"], "violation_class", "content"),
    ("Lokasi", ["Kab. Batang", "Kota Semarang"], "region", "content"),
    # a blank header is read by its values
    ("", ["Pemkab Bone", "Pemerintah Kota Makassar", "Dinas Pendidikan Kab. Gowa"], "agency_name", "content"),
    ("", ["198001012005011001", "198502022010012002"], "subject_nip", "content"),
    ("", ["D6", "K2"], "violation_form", "content"),
    ("", ["18/09/2024", "Rabu, 25/09/2024"], "report_date", "content"),
    # a clear header decides, unless its values plainly are another vocabulary
    ("Status", ["Terbukti", "Dalam proses"], "status", "header"),
    ("Status", ["Ringan", "Berat", "Sedang"], "severity", "content"),
    ("Jenis Pelanggaran", ["Kode Etik", "Disiplin", "Kode Etik"], "violation_class", "content"),
    ("Jenis Pelanggaran", ["Media sosial", "Netralitas"], "violation_type", "header"),
    ("Uraian", ["Ringan", "Berat"], "severity", "content"),  # free text holding only severity words
    ("Uraian", ["Kode Etik", "Disiplin"], "description", "header"),  # other vocabularies never overrule free text
    ("Kabupaten/Kota", ["Kab. Batang", "Xyz"], "region", "header"),
    ("Tanggal Rekomendasi", ["14/10/2024"], "decision_date", "header"),
    ("Rekomendasi Tanggal", ["14/10/2024"], "decision_date", "header"),  # a merged parent over its child
    ("Sanksi", ["Ringan", "Berat"], "sanction", "header"),  # a sanction column keeps its text (its level is read)
    # headers that name nothing we use: kept raw; Netra's own correction columns: dropped
    ("Nama Pelapor", ["Warga"], None, "none"),
    ("No", ["1", "2"], None, "none"),
    ("Alasan", ["Baris 2, kolom …"], None, "netra"),
    ("Peringatan", ["Baris 2, kolom …"], None, "netra"),
    ("Lembar", ["Pilkada 2024"], "_sheet_name", "header"),
])
def test_column_by_header_and_content(header, values, field, how):
    [choice] = choose(sheet({header: values}))
    assert (choice.field, choice.how) == (field, how)
    assert choice.samples == list(dict.fromkeys(v for v in values if v))[:3]


def test_a_taught_header_wins_over_the_aliases():
    book = Phrasebook([Entry("header", "", "Kab/Kota", "abaikan", "siti", "t"),
                       Entry("header", "", "Kode Wil", "region", "siti", "t")])
    choices = choose(sheet({"Kab/Kota": ["x"], "Kode Wil": ["33.25"]}), book)
    assert [(c.field, c.how) for c in choices] == [(None, "phrasebook"), ("region", "phrasebook")]


def test_a_field_two_columns_claim():
    choices = choose(sheet({"Status": ["Terbukti"], "Tindak Lanjut": ["Sudah"], "Status Kasus": ["Baru"],
                            "Tingkat": ["Berat"], "Tingkat Hukuman": ["Ringan"]}))
    assert [(c.header, c.field) for c in choices] == [
        ("Status", "status"), ("Tindak Lanjut", "status_2"), ("Status Kasus", None),
        ("Tingkat", None), ("Tingkat Hukuman", "severity")]  # the header naming severity wins over content
    assert choices[3].note == "kolom lain sudah memberi severity; nilainya disimpan apa adanya"


def test_unmapped_columns_become_one_json_object_per_row():
    frame = pd.DataFrame({"No": ["1", "", "3"], "Catatan": ['kata "kutip"', "", "-"]}, dtype="str")
    assert extra_json(frame, ["No", "Catatan"]).tolist() == ['{"No": "1", "Catatan": "kata \\"kutip\\""}', None,
                                                            '{"No": "3"}']
