"""Region and province matching: codes, names, local names, typos, and the errors for names that stay ambiguous."""

import csv

import pytest

import settings
from etl.normalize import NormalizeError
from etl.normalize.regions import load_matcher, split_kind

MATCHER = load_matcher()


@pytest.mark.parametrize(
    ("text", "province", "expected"),
    [
        ("33.25", None, "33.25"),
        ("3325", None, "33.25"),
        (3325, None, "33.25"),  # Excel turned the code into a number
        (33.25, None, "33.25"),
        (11.1, None, "11.10"),  # ... and dropped the trailing zero of 11.10
        ("33.25.01", None, "33.25"),  # a kecamatan code names its kabupaten
        ("Kabupaten Batang", None, "33.25"),
        ("Kab. Batang", None, "33.25"),
        ("KAB BATANG", None, "33.25"),
        ("  kab.batang ", None, "33.25"),
        ("batang", None, "33.25"),
        ("Pemkab Batang", None, "33.25"),
        ("Pemerintah Kabupaten Batang", None, "33.25"),
        ("Batang, Jawa Tengah", None, "33.25"),
        ("Batang (Jateng)", None, "33.25"),
        ("Kota Tegal", None, "33.76"),
        ("Kabupaten Tegal", None, "33.28"),
        ("Tegal", "33", None),  # both in Jawa Tengah: see the error table
        ("Banjar", "32", "32.79"),  # Kota Banjar is the only Banjar in Jawa Barat
        ("Banjar", "63", "63.03"),
        ("Banjar", "Kalimantan Selatan", "63.03"),  # a province name is accepted too
        ("Kab. Banjar", float("nan"), "63.03"),  # a blank province cell filters nothing
        ("Kab. Bima", None, "52.06"),
        ("Kota Bima", None, "52.72"),
        ("Solo", None, "33.72"),
        ("Kota Solo", None, "33.72"),
        ("Pangkep", None, "73.10"),
        ("Sidrap", None, "73.14"),
        ("Tebing Tinggi", None, "12.76"),
        ("Tojo Una-Una", None, "72.09"),
        ("Tojo Una Una", None, "72.09"),
        ("Tolitoli", None, "72.04"),
        ("Toba Samosir", None, "12.12"),
        ("Kep. Sitaro", None, "71.09"),
        ("Siau Tagulandang Biaro", None, "71.09"),
        ("Kabupaten Kepulauan Siau Tagulandang Biaro", None, "71.09"),
        ("Labura", "12", "12.23"),
        ("Morut", None, "72.12"),
        ("Bolmong", None, "71.01"),
        ("Minut", None, "71.06"),
        ("Minsel", None, "71.05"),
        ("Mitra", None, "71.07"),
        ("Tanjab Barat", None, "15.06"),
        ("Muba", None, "16.06"),
        ("Muratara", None, "16.13"),
        ("Kukar", None, "64.02"),
        ("Kubar", None, "64.07"),
        ("Kutim", None, "64.08"),
        ("Kotim", None, "62.02"),
        ("Kobar", None, "62.01"),
        ("HSU", None, "63.08"),
        ("HST", None, "63.07"),
        ("HSS", None, "63.06"),
        ("Tabalong", None, "63.09"),
        ("Sleman", None, "34.04"),
        ("Jogja", None, "34.71"),
        ("Yogyakarta", None, "34.71"),
        ("Kota Administrasi Jakarta Selatan", None, "31.74"),
        ("Jakarta Selatan", None, "31.74"),
        ("Jaksel", None, "31.74"),
        ("Kep. Seribu", None, "31.01"),
        ("Kabupaten Pontianak", None, "61.02"),  # old name of Mempawah
        ("Pontianak", None, "61.71"),
        ("Kotabaru", None, "63.02"),
        ("Kota Baru", None, "63.02"),
        ("Kab. Kota Baru", None, "63.02"),
        ("Baubau", None, "74.72"),
        ("Palangkaraya", None, "62.71"),
        ("Kab. Bantaneg", None, "73.03"),  # typo: one transposition
        ("Purbalinga", None, "33.03"),
        ("Kabupaten Temangung", None, "33.23"),
        ("Tegall", "33", None),  # a typo of a twin name stays ambiguous
    ],
)
def test_region(text, province, expected):
    if expected is None:
        with pytest.raises(NormalizeError):
            MATCHER.region(text, province)
    else:
        assert MATCHER.region(text, province) == expected


@pytest.mark.parametrize(
    ("text", "province", "message"),
    [
        ("Tegal", None,
         "'Tegal' bisa Kabupaten Tegal (33.28) atau Kota Tegal (33.76); isi kolom Provinsi atau tulis lengkap."),
        ("Bandung", "32",
         "'Bandung' bisa Kabupaten Bandung (32.04) atau Kota Bandung (32.73); "
         "tulis lengkap dengan Kabupaten atau Kota."),
        ("Bima", None,
         "'Bima' bisa Kabupaten Bima (52.06) atau Kota Bima (52.72); isi kolom Provinsi atau tulis lengkap."),
        ("Banjar", "33",
         "'Banjar' bukan wilayah di Jawa Tengah: Kota Banjar (32.79) di Jawa Barat, Kabupaten Banjar (63.03) di "
         "Kalimantan Selatan; periksa kolom Provinsi."),
        ("Batang", "35",
         "'Batang' bukan wilayah di Jawa Timur: Kabupaten Batang (33.25) di Jawa Tengah; periksa kolom Provinsi."),
        ("33.25", "35",
         "Kode 33.25 (Kabupaten Batang) ada di Jawa Tengah, bukan di Jawa Timur; periksa kode atau kolom Provinsi."),
        ("33.99", None, "Kode '33.99' tidak ada dalam daftar kabupaten/kota Kemendagri; periksa kodenya."),
        ("Kota Batang", None,
         "'Kota Batang' tidak ada; yang ada Kabupaten Batang (33.25). Tulis nama itu bila memang yang dimaksud."),
        ("Xyzzy", None,
         "'Xyzzy' tidak dikenali sebagai kabupaten/kota; tulis nama resmi seperti Kabupaten Batang atau kodenya "
         "seperti 33.25."),
        ("Bantaeng Rayaa", None,
         "'Bantaeng Rayaa' tidak dikenali sebagai kabupaten/kota; tulis nama resmi seperti Kabupaten Batang atau "
         "kodenya seperti 33.25. Mungkin maksudnya Kabupaten Bantaeng (73.03)?"),
        ("Pemprov Jateng", None,
         "'Pemprov Jateng' adalah provinsi (Jawa Tengah), bukan kabupaten/kota; isi kolom Provinsi dan kosongkan "
         "kolom Kabupaten/Kota bila kasusnya di tingkat provinsi."),
        ("Kabupaten", None, "'Kabupaten' tidak menyebut nama kabupaten/kota; tulis misalnya Kabupaten Batang."),
        ("", None, "Kabupaten/kota kosong; isi nama atau kode wilayah, misalnya Kabupaten Batang atau 33.25."),
        ("Pose", None,  # names under 5 letters get no typo tolerance, only a hint
         "'Pose' tidak dikenali sebagai kabupaten/kota; tulis nama resmi seperti Kabupaten Batang atau kodenya "
         "seperti 33.25. Mungkin maksudnya Kabupaten Poso (72.02)?"),
    ],
)
def test_region_errors(text, province, message):
    with pytest.raises(NormalizeError) as caught:
        MATCHER.region(text, province)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("33", "33"),
        (33, "33"),
        (33.0, "33"),
        ("Jawa Tengah", "33"),
        ("Prov. Jateng", "33"),
        ("Provinsi Jawa Tengah", "33"),
        ("JATENG", "33"),
        ("Pemprov Jateng", "33"),
        ("DKI", "31"),
        ("DKI Jakarta", "31"),
        ("NTB", "52"),
        ("NTT", "53"),
        ("Sulsel", "73"),
        ("Sul-Sel", "73"),
        ("D.I. Yogyakarta", "34"),
        ("DIY", "34"),
        ("Daerah Istimewa Yogyakarta", "34"),
        ("Papua Barat Daya", "96"),
        ("PBD", "96"),
        ("Kep. Riau", "21"),
        ("Kepri", "21"),
        ("Babel", "19"),
        ("Jawa Tenga", "33"),  # typo
        ("Sulawesi Tengara", "74"),
    ],
)
def test_province(text, expected):
    assert MATCHER.province(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("99", "Kode provinsi '99' tidak ada dalam daftar Kemendagri (11 sampai 96)."),
        ("Jawa", "'Jawa' tidak dikenali sebagai provinsi; tulis nama resmi seperti Jawa Tengah. "
                 "Mungkin maksudnya Jawa Barat, Jawa Tengah atau Jawa Timur?"),
        ("Zzz", "'Zzz' tidak dikenali sebagai provinsi; tulis nama resmi seperti Jawa Tengah."),
        ("", "Provinsi kosong; isi nama provinsi, misalnya Jawa Tengah."),
    ],
)
def test_province_errors(text, message):
    with pytest.raises(NormalizeError) as caught:
        MATCHER.province(text)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Pemprov Jateng", "33"), ("Provinsi Jawa Tengah", "33"), ("Bali", "51"), ("DKI", "31"),
     ("Jambi", None),  # also Kota Jambi
     ("Gorontalo", None), ("Jogja", None), ("Kab. Batang", None), ("Jawa", None)],
)
def test_province_only(text, expected):
    assert MATCHER.province_only(text) == expected


@pytest.mark.parametrize(
    ("code", "name", "province"),
    [("33.25", "Kabupaten Batang", "33"), ("32.79", "Kota Banjar", "32"), ("11.10", "Kabupaten Aceh Singkil", "11")],
)
def test_lookups_by_code(code, name, province):
    assert (MATCHER.region_name(code), MATCHER.province_of(code)) == (name, province)


def _reference(name):
    with (settings.REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_alias_names_a_real_code_and_no_official_name():
    regions = {row["kode"]: row["nama"] for row in _reference("regions.csv")}
    provinces = {row["code"] for row in _reference("provinces.csv")}
    official = {split_kind(name)[1] for name in regions.values()}
    aliases = _reference("region_aliases.csv")
    assert [row["alias"] for row in aliases if row["code"] not in regions and row["code"] not in provinces] == []
    region_aliases = [split_kind(row["alias"]) for row in aliases if "." in row["code"]]
    assert len(region_aliases) == len(set(region_aliases))  # one alias, one code
    assert [key for kind, key in region_aliases if kind is None and key in official] == []


def test_every_region_matches_by_its_own_name():
    regions = _reference("regions.csv")
    assert len(regions) == 514
    assert [row["kode"] for row in regions if MATCHER.region(row["nama"]) != row["kode"]] == []
    assert [row["kode"] for row in regions if MATCHER.region(row["nama"], row["kode_prov"]) != row["kode"]] == []
