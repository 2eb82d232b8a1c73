"""The read API: one Warehouse object, a keyword method per named query, named parameters, rules as macros.

Runs on the app's fixture warehouse (tests/app/fixtures/register.csv through the real loader); its headline
numbers are in tests/app/conftest.py: all cases reported 12, proven 6, sanctioned 3.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.app.warehouse_fixture import build_fixture_warehouse
from warehouse import db, rules
from warehouse.filters import LIST_COLUMNS, Filters
from warehouse.reader import QUERIES, Warehouse, arguments, takes_filters

EVERY_FILTER = Filters(  # each filter set, so a query that binds a filter parameter wrongly fails here
    elections=("pilkada2024",), date_basis="report_date", date_from=date(2024, 9, 1), date_to=date(2024, 12, 31),
    provinces=("33",), regions=("33.25",), violation_types=("media_sosial",), severities=("berat",),
    statuses=("disanksi",), positions=("jpt",), agency_levels=("kabupaten",), source_agencies=("bawaslu",),
    employee_types=("pns",),
)


@pytest.fixture(scope="module")
def generation(tmp_path_factory) -> Path:
    return build_fixture_warehouse(tmp_path_factory.mktemp("reader"))


@pytest.fixture
def wh(generation):
    with Warehouse(generation, hold=True) as warehouse:
        yield warehouse


def test_every_filter_field_reaches_sql_through_the_allow_list():
    own_clauses = {"date_basis", "date_from", "date_to", "employee_types", "unit"}  # written out in Filters.where
    assert set(LIST_COLUMNS) | own_clauses == set(Filters.__dataclass_fields__)


@pytest.mark.parametrize("name", QUERIES)
def test_every_named_query_runs_with_defaults_and_with_every_filter(wh, name):
    if takes_filters(name):
        assert isinstance(wh.read(name, None), pd.DataFrame)
        assert isinstance(wh.read(name, EVERY_FILTER), pd.DataFrame)
        assert isinstance(wh.read(name, replace(EVERY_FILTER, unit="catatan")), pd.DataFrame)
    else:
        assert isinstance(wh.read(name), pd.DataFrame)


def test_every_filter_at_once_picks_the_one_case_that_matches_them_all(wh):
    assert wh.kpis(EVERY_FILTER).iloc[0][["reported", "proven", "sanctioned"]].tolist() == [1, 1, 1]
    assert wh.case_page(EVERY_FILTER)["case_id"].tolist() == ["P24-001"]


def test_kpis_hold_the_funnel_and_the_median_days_to_decision(wh):
    row = wh.kpis(None).iloc[0]
    assert row[["reported", "proven", "sanctioned"]].tolist() == [12, 6, 3]
    assert wh.kpis(Filters(provinces=("33",))).iloc[0][["reported", "proven", "sanctioned"]].tolist() == [5, 3, 2]
    assert wh.kpis(Filters(elections=("pilkada2024",))).iloc[0]["median_days_to_decision"] == 14.5


@pytest.mark.parametrize(("basis", "first", "last"), [
    ("incident_date", "2023-12-01", "2024-11-10"),
    ("report_date", "2023-12-05", "2024-11-11"),
    ("decision_date", "2024-01-10", "2024-11-30"),
])
def test_one_data_extent_query_for_every_date_basis(wh, basis, first, last):
    row = wh.data_extent(Filters(date_basis=basis)).iloc[0]
    assert (f"{row['first_day']:%Y-%m-%d}", f"{row['last_day']:%Y-%m-%d}") == (first, last)


def test_the_date_basis_moves_the_weekly_counts(wh):
    by_incident = wh.overview_weekly(Filters(elections=("pemilu2024",)))
    by_decision = wh.overview_weekly(Filters(elections=("pemilu2024",), date_basis="decision_date"))
    assert by_incident["n"].sum() == 4 and by_decision["n"].sum() == 3  # PEM-003 has no decision yet
    assert f"{by_decision['week'].min():%Y-%m-%d}" == "2024-01-08"  # PEM-001 decided 2024-01-10 (a Wednesday)


def test_search_is_bound_once_by_name_and_personal_data_only_when_allowed(wh):
    assert wh.case_count(None, search="batang").iloc[0]["n"] == 3  # the region's name: P24-001, P24-002, PEM-001
    assert wh.case_count(None, search="  BUDI ").iloc[0]["n"] == 0  # names are not searched for everyone
    assert wh.case_count(None, search="budi", personal=True).iloc[0]["n"] == 1
    page = wh.case_page(None, search="budi", personal=True)
    assert page[["case_id", "subject_name"]].values.tolist() == [["P24-001", "Budi Santoso"]]
    assert wh.case_page(None, search="batang")["subject_name"].isna().all()


def test_case_page_sorts_and_pages_with_keywords(wh):
    oldest = wh.case_page(None, sort_key="report_date", descending=False, limit=2)
    assert oldest["case_id"].tolist() == ["PEM-001", "PEM-002"]
    assert wh.case_page(None, sort_key="report_date", descending=False, limit=2, offset=2)["case_id"].tolist() == \
        ["PEM-003", "PEM-004"]
    assert wh.case_page(None, sort_key="case_id", limit=1)["case_id"].tolist() == ["PEM-004"]


def test_top_lists_take_their_limit_by_name(wh):
    assert wh.top_regions(None, limit=2)[["region_code", "n"]].values.tolist() == [["33.25", 3], ["73.72", 2]]
    top = wh.top_provinces(Filters(elections=("pilkada2024",)), 1)  # 33 and 73 hold four each: code breaks the tie
    assert top[["province_code", "n"]].values.tolist() == [["33", 4]]


def test_arguments_give_one_cache_key_per_meaning():
    assert arguments("top_regions", 10) == arguments("top_regions", limit=10) == arguments("top_regions") == \
        (("limit", 10),)
    assert arguments("loads_by_id", ["a"]) == (("load_ids", ("a",)),)
    assert arguments("case_page", "x", limit=5)[0] == ("search", "x")
    with pytest.raises(TypeError):
        arguments("kpis", 3)
    with pytest.raises(KeyError, match="no named query"):
        arguments("drop_cases")


def test_read_refuses_unknown_names_and_filters_on_questions_about_the_warehouse(wh):
    with pytest.raises(KeyError, match="no named query"):
        wh.read("sql_text")
    with pytest.raises(TypeError, match="takes no filters"):
        wh.read("warehouse_info", Filters())
    assert wh.read("warehouse_info").iloc[0]["cases"] == 12


def test_the_warehouse_is_read_only(wh):
    with db.connect_read_only(wh.path) as con, pytest.raises(duckdb.Error):
        con.execute("delete from cases")


def test_the_rules_live_in_the_generation_and_follow_the_vocabulary(warehouse_dir, monkeypatch):
    """Change the definition of proven in one place (vocab, through rules.py): the next generation counts anew."""
    build_fixture_warehouse(warehouse_dir)
    with Warehouse() as wh:
        assert wh.kpis(None).iloc[0]["proven"] == 6
    monkeypatch.setattr(rules, "PROVEN_STATUSES", ("disanksi",))
    with db.new_generation():
        pass
    with Warehouse() as wh:
        assert wh.kpis(None).iloc[0][["reported", "proven"]].tolist() == [12, 3]
        assert wh.cases_by_province(None).set_index("code").loc["33", "proven"] == 2


def test_no_warehouse_is_a_clear_error(warehouse_dir):
    with pytest.raises(FileNotFoundError, match="python -m etl demo"):
        Warehouse()


@pytest.mark.parametrize(("elections", "regions_without", "provinces_without"), [
    ((), 0, ()),  # Pemilu 2024 was held everywhere
    (("pilkada2024",), 0, ()),  # DKI's cities chose no head of their own, but took part in DKI's governor race
    (("pilkada2020",), 205, ("11", "31")),  # 270 daerah: Aceh and DKI held no race at all
    (("pilkada2020", "pemilu2024"), 0, ()),
])
def test_the_map_queries_say_where_the_elections_shown_were_held(wh, elections, regions_without, provinces_without):
    regions = wh.cases_by_region(Filters(elections=elections))
    provinces = wh.cases_by_province(Filters(elections=elections))
    assert (~regions["held"]).sum() == regions_without
    assert tuple(provinces.loc[~provinces["held"], "code"]) == provinces_without
    if elections == ("pilkada2020",):  # Kota Semarang (33.74) chose its mayor; Kabupaten Batang (33.25) did not
        held = regions.set_index("code")["held"]
        assert (held["33.74"], held["33.25"], held["31.71"]) == (True, False, False)
