"""Place and level from an agency's name: table-driven, one row per pattern of the names registers carry."""

import pytest

from etl.normalize.agencies import AgencyPlace, agency_place


@pytest.mark.parametrize(
    ("name", "level", "region", "province"),
    [
        # local governments, written out and abbreviated
        ("Pemerintah Kabupaten Wakatobi", "kabupaten", "74.07", "74"),
        ("Pemkab Bone", "kabupaten", "73.08", "73"),
        ("PEMKAB. BONE", "kabupaten", "73.08", "73"),
        ("Pemkot Banjar", "kota", "32.79", "32"),  # Kota Banjar, Jawa Barat
        ("Pemkab Banjar", "kabupaten", "63.03", "63"),  # Kabupaten Banjar, Kalimantan Selatan
        ("Pemerintah Kota Kotamobagu", "kota", "71.74", "71"),
        ("Pemda Kabupaten Solok", "kabupaten", "13.02", "13"),
        ("Pemda Wakatobi", "kabupaten", "74.07", "74"),
        ("Pemprov Jawa Tengah", "provinsi", None, "33"),
        ("Pemerintah Provinsi Sulawesi Selatan", "provinsi", None, "73"),
        ("Pemprov Sulsel", "provinsi", None, "73"),
        # units of a local government, with Kab./Kota/Provinsi in their names
        ("Dinas Pendidikan Provinsi Jawa Barat", "provinsi", None, "32"),
        ("Dinas Kesehatan Kota Sukabumi", "kota", "32.72", "32"),
        ("Dinas PUPR Kab. Sleman", "kabupaten", "34.04", "34"),
        ("Badan Kesbangpol Kabupaten Batang", "kabupaten", "33.25", "33"),
        ("Sekretariat Daerah Kab. Kep. Selayar", "kabupaten", "73.01", "73"),
        ("Setda Kota Bogor", "kota", "32.71", "32"),
        ("Inspektorat Kota Semarang", "kota", "33.74", "33"),
        ("Dinas Tata Kota Kabupaten Bandung", "kabupaten", "32.04", "32"),  # 'Tata Kota' is not a place
        # kecamatan, puskesmas and schools under a dinas
        ("Kecamatan Ciawi Kabupaten Bogor", "kabupaten", "32.01", "32"),
        ("UPT Puskesmas Cibadak Dinas Kesehatan Kab. Sukabumi", "kabupaten", "32.02", "32"),
        ("SMPN 2 Wonosobo", "kabupaten", "33.07", "33"),
        ("SMAN 1 Kabupaten Bekasi", "provinsi", "32.16", "32"),  # SMA negeri: run by the province since 2017
        ("RSUD Garut", "kabupaten", "32.05", "32"),
        # vertical offices of central agencies: level pusat, place where they sit
        ("Kantor Kementerian Agama Kabupaten Garut", "pusat", "32.05", "32"),
        ("Kemenag Kab. Garut", "pusat", "32.05", "32"),
        ("Kanwil Kemenag Provinsi Jawa Timur", "pusat", None, "35"),
        ("Badan Pusat Statistik Kabupaten Bone", "pusat", "73.08", "73"),
        ("Kantor Regional IV BKN Makassar", "pusat", "73.71", "73"),
        ("BNN Kota Bogor", "pusat", "32.71", "32"),
        ("MTsN 1 Kota Padang", "pusat", "13.71", "13"),
        # central agencies: neither place
        ("Kementerian Dalam Negeri", "pusat", None, None),
        ("Universitas Hasanuddin", "pusat", None, None),
        # former names resolve (the note is checked below)
        ("Pemerintah Kabupaten Pontianak", "kabupaten", "61.02", "61"),
        ("Pemkab Toba Samosir", "kabupaten", "12.12", "12"),
        # a typo in the full name, within the matcher's tolerance
        ("Pemkab Purbalingg", "kabupaten", "33.03", "33"),
        # nothing to place
        ("Dinas Pendidikan", None, None, None),
        ("Kecamatan Ciawi", None, None, None),
        ("SMPN 1", None, None, None),
        ("", None, None, None),
    ],
)
def test_agency_place(name, level, region, province):
    found = agency_place(name)
    assert (found.level, found.region_code, found.province_code, found.problem) == (level, region, province, None)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("Dinas Pendidikan Tegal",
         "'Tegal' dalam nama instansi bisa Kabupaten Tegal (33.28) atau Kota Tegal (33.76)"),
        ("Pemda Solok", "'Solok' dalam nama instansi bisa Kabupaten Solok (13.02) atau Kota Solok (13.72)"),
        ("Dinas Kesehatan Gorontalo",
         "'Gorontalo' dalam nama instansi bisa Kabupaten Gorontalo (75.01) atau Kota Gorontalo (75.71)"),
        ("Dinas Sosial Kabupaten Batang Kota Tegal",
         "nama instansi menyebut dua wilayah: Kabupaten Batang (33.25) dan Kota Tegal (33.76)"),
    ],
)
def test_an_ambiguous_agency_is_never_placed(name, problem):
    found = agency_place(name)
    assert (found.region_code, found.problem) == (None, problem)


def test_the_row_province_settles_a_bare_name():
    assert agency_place("RSUD Kota Baru").region_code == "63.02"  # Kabupaten Kotabaru, as people write it
    assert agency_place("Pemkab Banjar", "63") == AgencyPlace("kabupaten", "63.03", "63")


def test_a_former_name_resolves_with_a_note():
    assert agency_place("Pemerintah Kabupaten Pontianak").note == (
        "'Kabupaten Pontianak' adalah nama lama Kabupaten Mempawah")
