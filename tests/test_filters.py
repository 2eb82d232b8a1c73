"""Filters: the WHERE fragment, its parameters and the caption come from one value and agree."""

from datetime import date

import pytest

from ui.views.captions import filters_caption, records_caption
from warehouse.filters import Filters

EVERYONE = {"employee_types": ()}  # every employee type: the fragments below without the default ASN-only clause
ASN_CLAUSE = "list_contains($f_employee_types, coalesce(employee_type, 'unknown'))"


@pytest.mark.parametrize(
    ("filters", "sql", "params"),
    [
        (Filters(**EVERYONE), "true", {}),
        (Filters(), ASN_CLAUSE, {"f_employee_types": ["pns", "pppk", "unknown"]}),
        (Filters(elections=("pilkada2024",), **EVERYONE), "list_contains($f_elections, election)",
         {"f_elections": ["pilkada2024"]}),
        (
            Filters(provinces=("33",), severities=("berat", "sedang"), **EVERYONE),
            "list_contains($f_provinces, province_code) and list_contains($f_severities, severity)",
            {"f_provinces": ["33"], "f_severities": ["berat", "sedang"]},
        ),
        (
            Filters(date_basis="report_date", date_from=date(2024, 9, 1), date_to=date(2024, 9, 30), **EVERYONE),
            "report_date >= $f_date_from and report_date <= $f_date_to",
            {"f_date_from": date(2024, 9, 1), "f_date_to": date(2024, 9, 30)},
        ),
        (Filters(employee_types=("non_asn",)), "list_contains($f_employee_types, coalesce(employee_type, 'unknown'))",
         {"f_employee_types": ["non_asn"]}),
    ],
)
def test_where_builds_fragment_and_named_parameters(filters, sql, params):
    assert filters.where() == (sql, params)


def test_where_prefixes_columns_with_alias():
    assert Filters(regions=("33.25",), **EVERYONE).where("c") == ("list_contains($f_regions, c.region_code)",
                                                                  {"f_regions": ["33.25"]})


def test_over_person_cases_a_source_agency_is_a_person_case_with_a_record_from_it():
    filters = Filters(source_agencies=("kasn", "bkn"), **EVERYONE)
    assert filters.where(over="person_cases") == ("list_has_any($f_source_agencies, source_agencies)",
                                                  {"f_source_agencies": ["kasn", "bkn"]})
    assert filters.where() == ("list_contains($f_source_agencies, source_agency)",
                               {"f_source_agencies": ["kasn", "bkn"]})
    with pytest.raises(ValueError, match="filters apply to"):
        filters.where(over="regions; drop table cases")


def test_counting_unit_names_its_table_and_is_checked():
    assert (Filters().unit, Filters().table, Filters(unit="catatan").table) == ("orang", "person_cases", "cases")
    with pytest.raises(ValueError, match="unit"):
        Filters(unit="baris")


def test_employee_types_have_one_spelling_per_meaning():
    assert Filters(employee_types=("unknown", "pppk", "pns")) == Filters()  # the default, in any order
    assert Filters(employee_types=("non_asn", "unknown", "pns", "pppk")).employee_types == ()  # every type = all
    assert Filters().is_empty() and Filters(unit="catatan").is_empty()
    assert not Filters(employee_types=()).is_empty() and not Filters(employee_types=("pns",)).is_empty()


def test_values_never_reach_the_sql_text():
    hostile = "x'); drop table cases; --"
    sql, params = Filters(regions=(hostile,), employee_types=(hostile,)).where()
    assert hostile not in sql
    assert params == {"f_regions": [hostile], "f_employee_types": [hostile]}


def test_the_fragment_may_appear_twice_with_one_set_of_parameters():
    """Named parameters: no order to keep, and a fragment used twice binds each value once."""
    import duckdb

    filters = Filters(provinces=("33",), date_from=date(2024, 9, 1))
    where, params = filters.where()
    with duckdb.connect() as con:
        con.execute("create table cases (province_code varchar, incident_date date, employee_type varchar)")
        con.execute("""insert into cases values ('33', '2024-09-02', null), ('33', '2024-08-01', 'pns'),
                       ('35', '2024-09-03', 'pns'), ('33', '2024-09-04', 'non_asn')""")  # non-ASN: out by default
        sql = f"select (select count(*) from cases where {where}), (select count(*) from cases where {where})"  # noqa: S608
        assert con.execute(sql, params).fetchall() == [(1, 1)]


def test_unknown_date_basis_is_refused():
    with pytest.raises(ValueError, match="date_basis"):
        Filters(date_basis="loaded_at; drop table cases")


ID_DEFAULT, EN_DEFAULT = "Orang dalam kasus · ASN (tanpa non-ASN)", "Persons in cases · ASN (non-ASN left out)"


@pytest.mark.parametrize(
    ("filters", "lang", "caption"),
    [
        (Filters(), "id", ID_DEFAULT),
        (Filters(), "en", EN_DEFAULT),
        (Filters(unit="catatan"), "id", "Catatan register · ASN (tanpa non-ASN)"),
        (Filters(unit="catatan", employee_types=()), "en", "Register records · All staff, non-ASN included"),
        (Filters(employee_types=("non_asn",)), "id",
         "Orang dalam kasus · Pegawai: Non-ASN (kepala desa, honorer)"),
        (Filters(employee_types=("pns", "unknown")), "en", "Persons in cases · Staff: Civil servant, Not stated"),
        (Filters(elections=("pilkada2024",), provinces=("33",)), "id",
         f"{ID_DEFAULT} · Pemilihan: Pilkada 2024 · Provinsi: Jawa Tengah"),
        (Filters(regions=("33.28", "33.76")), "en", f"{EN_DEFAULT} · Regency/city: Kabupaten Tegal, Kota Tegal"),
        (
            Filters(provinces=("11", "12", "13", "14", "15")),
            "id",
            f"{ID_DEFAULT} · Provinsi: Aceh, Sumatera Utara, Sumatera Barat, +2 lainnya",
        ),
        (
            Filters(date_from=date(2024, 9, 1), date_to=date(2024, 9, 30)),
            "id",
            f"{ID_DEFAULT} · Tanggal kejadian: 01-09-2024 s.d. 30-09-2024",
        ),
        (Filters(severities=("berat",), date_basis="decision_date", date_from=date(2024, 1, 2)), "en",
         f"{EN_DEFAULT} · Severity: Severe · Decision date: 02-01-2024 to …"),
    ],
)
def test_caption_describes_the_filters(filters, lang, caption):
    assert filters_caption(filters, lang) == caption


def test_the_case_table_caption_says_it_holds_records_whatever_the_unit():
    assert records_caption(Filters(elections=("pemilu2024",)), "id") == (
        "Catatan register · ASN (tanpa non-ASN) · Pemilihan: Pemilu 2024 · satu baris per catatan register: orang "
        "yang tercatat di beberapa register muncul sekali per register")


def test_previous_period_has_equal_length_and_ends_the_day_before():
    previous = Filters(provinces=("33",)).previous_period(date(2024, 9, 1), date(2024, 9, 30))
    assert (previous.date_from, previous.date_to) == (date(2024, 8, 2), date(2024, 8, 31))
    assert previous.provinces == ("33",)


def test_without_clears_only_the_named_filters():
    filters = Filters(provinces=("33",), regions=("33.25",), statuses=("disanksi",))
    assert filters.without("regions", "statuses") == Filters(provinces=("33",))
    assert Filters(date_basis="report_date").is_empty()
    assert not filters.is_empty()


def test_recent_and_previous_use_the_chosen_dates_or_the_last_90_days_of_data():
    chosen = Filters(elections=("pilkada2024",), date_from=date(2024, 10, 1), date_to=date(2024, 10, 31))
    recent, previous = chosen.recent_and_previous(date(2024, 1, 1), date(2024, 12, 31))
    assert recent == chosen
    assert (previous.date_from, previous.date_to, previous.elections) == (
        date(2024, 8, 31), date(2024, 9, 30), ("pilkada2024",))
    recent, previous = Filters().recent_and_previous(date(2024, 1, 1), date(2024, 12, 31))
    assert (recent.date_from, recent.date_to, previous.date_from, previous.date_to) == (
        date(2024, 10, 3), date(2024, 12, 31), date(2024, 7, 5), date(2024, 10, 2))
    recent, _ = Filters().recent_and_previous(date(2024, 12, 1), date(2024, 12, 31))  # less data than 90 days
    assert (recent.date_from, recent.date_to) == (date(2024, 12, 1), date(2024, 12, 31))
