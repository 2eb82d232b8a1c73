"""Filters: the WHERE fragment, its parameters and the caption come from one value and agree."""

from datetime import date

import pytest

from ui.views.captions import filters_caption
from warehouse.filters import Filters


@pytest.mark.parametrize(
    ("filters", "sql", "params"),
    [
        (Filters(), "true", {}),
        (Filters(elections=("pilkada2024",)), "list_contains($f_elections, election)",
         {"f_elections": ["pilkada2024"]}),
        (
            Filters(provinces=("33",), severities=("berat", "sedang")),
            "list_contains($f_provinces, province_code) and list_contains($f_severities, severity)",
            {"f_provinces": ["33"], "f_severities": ["berat", "sedang"]},
        ),
        (
            Filters(date_basis="report_date", date_from=date(2024, 9, 1), date_to=date(2024, 9, 30)),
            "report_date >= $f_date_from and report_date <= $f_date_to",
            {"f_date_from": date(2024, 9, 1), "f_date_to": date(2024, 9, 30)},
        ),
    ],
)
def test_where_builds_fragment_and_named_parameters(filters, sql, params):
    assert filters.where() == (sql, params)


def test_where_prefixes_columns_with_alias():
    assert Filters(regions=("33.25",)).where("c") == ("list_contains($f_regions, c.region_code)",
                                                      {"f_regions": ["33.25"]})


def test_values_never_reach_the_sql_text():
    hostile = "x'); drop table cases; --"
    sql, params = Filters(regions=(hostile,)).where()
    assert hostile not in sql
    assert params == {"f_regions": [hostile]}


def test_the_fragment_may_appear_twice_with_one_set_of_parameters():
    """Named parameters: no order to keep, and a fragment used twice binds each value once."""
    import duckdb

    filters = Filters(provinces=("33",), date_from=date(2024, 9, 1))
    where, params = filters.where()
    with duckdb.connect() as con:
        con.execute("create table cases (province_code varchar, incident_date date)")
        con.execute("insert into cases values ('33', '2024-09-02'), ('33', '2024-08-01'), ('35', '2024-09-03')")
        sql = f"select (select count(*) from cases where {where}), (select count(*) from cases where {where})"  # noqa: S608
        assert con.execute(sql, params).fetchall() == [(1, 1)]


def test_unknown_date_basis_is_refused():
    with pytest.raises(ValueError, match="date_basis"):
        Filters(date_basis="loaded_at; drop table cases")


@pytest.mark.parametrize(
    ("filters", "lang", "caption"),
    [
        (Filters(), "id", "Semua kasus"),
        (Filters(), "en", "All cases"),
        (Filters(elections=("pilkada2024",), provinces=("33",)), "id",
         "Pemilihan: Pilkada 2024 · Provinsi: Jawa Tengah"),
        (Filters(regions=("33.28", "33.76")), "en", "Regency/city: Kabupaten Tegal, Kota Tegal"),
        (
            Filters(provinces=("11", "12", "13", "14", "15")),
            "id",
            "Provinsi: Aceh, Sumatera Utara, Sumatera Barat, +2 lainnya",
        ),
        (
            Filters(date_from=date(2024, 9, 1), date_to=date(2024, 9, 30)),
            "id",
            "Tanggal kejadian: 01-09-2024 s.d. 30-09-2024",
        ),
        (Filters(severities=("berat",), date_basis="decision_date", date_from=date(2024, 1, 2)), "en",
         "Severity: Severe · Decision date: 02-01-2024 to …"),
    ],
)
def test_caption_describes_the_filters(filters, lang, caption):
    assert filters_caption(filters, lang) == caption


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
