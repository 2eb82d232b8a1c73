"""The app counts persons-in-cases unless asked for records, and ASN unless asked for everyone (issue 12 items 2
and 4): the sidebar's controls, their URL parameters, the caption and the note, on the two-register fixture of
tests/fixtures/person_registers.py (six people, nine records; one of them a village head)."""

from __future__ import annotations

import pytest

from tests.app.conftest import serve_warehouse
from tests.test_person_cases import build_persons_warehouse

OVERVIEW, DATA = "pages/overview.py", "pages/data_explorer.py"
DEFAULT_WORDS = "Orang dalam kasus · ASN (tanpa non-ASN)"


@pytest.fixture(scope="module")
def persons_warehouse(tmp_path_factory, load_register):
    folder = tmp_path_factory.mktemp("persons_app")
    build_persons_warehouse(folder, load_register)
    return folder


@pytest.fixture
def warehouse_env(persons_warehouse, tmp_path, monkeypatch):
    """conftest's warehouse_env, pointed at the two-register warehouse."""
    return serve_warehouse(persons_warehouse, tmp_path, monkeypatch)


def counts(at) -> list[str]:
    return [m.value for m in at.metric[:3]]


def main_captions(at) -> list[str]:
    return [c.value for c in at.main.caption]


def test_by_default_persons_in_cases_of_asn_with_a_note_on_the_non_asn_left_out(make_app):
    at = make_app(page=OVERVIEW)
    assert counts(at) == ["5", "3", "1"]
    assert at.sidebar.segmented_control(key="satuan").value == "orang"
    assert at.sidebar.multiselect(key="pegawai").value == ["pns", "pppk", "unknown"]
    captions = main_captions(at)
    assert captions[0] == DEFAULT_WORDS  # no filter chosen: no "Filter aktif" line, the caption says the unit
    assert captions[1] == ("Angka ini hanya ASN: 1 orang-kasus non-ASN (kepala desa, honorer) tidak dihitung; pilih "
                           "mereka di filter jenis pegawai.")
    assert dict(at.query_params) == {}  # defaults stay out of the URL


def test_records_round_trip_through_the_url_and_the_caption_says_so(make_app):
    at = make_app(page=OVERVIEW)
    at.sidebar.segmented_control(key="satuan").set_value("catatan").run()
    assert counts(at) == ["8", "4", "1"]
    assert at.query_params["satuan"] == "catatan"
    assert main_captions(at)[:2] == [  # the unit is how to count, not a filter: no "Filter aktif" line
        "Catatan register · ASN (tanpa non-ASN)",
        "Angka ini hanya ASN: 1 catatan non-ASN (kepala desa, honorer) tidak dihitung; pilih mereka di filter jenis "
        "pegawai."]
    again = make_app(page=OVERVIEW, query={"satuan": "catatan"})
    assert again.sidebar.segmented_control(key="satuan").value == "catatan" and counts(again) == ["8", "4", "1"]


def test_employee_types_round_trip_through_the_url(make_app):
    at = make_app(page=OVERVIEW)
    at.sidebar.multiselect(key="pegawai").select("non_asn").run()  # everyone: non-ASN added to the default
    assert counts(at) == ["6", "4", "1"]
    assert at.query_params["pegawai"] == ["pns", "pppk", "non_asn", "unknown"]  # 'all': every code
    assert not any(c.startswith("Angka ini hanya ASN") for c in main_captions(at))
    assert "Orang dalam kasus · Semua pegawai, termasuk non-ASN" in main_captions(at)[0]
    again = make_app(page=OVERVIEW, query={"pegawai": ["pns", "pppk", "non_asn", "unknown"]})
    assert counts(again) == ["6", "4", "1"]
    only = make_app(page=OVERVIEW, query={"pegawai": "non_asn", "satuan": "catatan"})
    assert counts(only) == ["1", "1", "0"]
    assert only.sidebar.multiselect(key="pegawai").value == ["non_asn"]


@pytest.mark.parametrize(("query", "ignored"), [
    ({"satuan": "baris"}, "`satuan=baris`"), ({"pegawai": "honorer"}, "`pegawai=honorer`"),
])
def test_an_unknown_unit_or_employee_type_in_a_link_is_ignored_and_named(make_app, query, ignored):
    at = make_app(query=query)  # Ringkasan, the default page: the notice shows on the run that read the link
    assert counts(at) == ["5", "3", "1"]  # the defaults apply
    assert any(ignored in w.value for w in at.warning)


def test_the_case_table_stays_one_row_per_record(make_app):
    at = make_app(page=DATA)
    assert len(at.dataframe[0].value) == 8  # eight ASN records of five people
    assert "Catatan register · ASN (tanpa non-ASN)" in at.main.caption[0].value
    assert "satu baris per catatan register" in at.main.caption[0].value


def test_reset_brings_the_asn_default_back_and_keeps_the_unit(make_app):
    at = make_app(page=OVERVIEW, query={"pegawai": "non_asn", "satuan": "catatan"})
    next(b for b in at.sidebar.button if b.label == "Atur ulang filter").click().run()
    assert at.sidebar.multiselect(key="pegawai").value == ["pns", "pppk", "unknown"]
    assert counts(at) == ["8", "4", "1"]
