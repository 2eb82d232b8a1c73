"""Named read queries: `warehouse/sql/<name>.sql` ↔ `<name>(filters, path)` returning a small DataFrame.

Each SQL file starts with a comment stating its grain and contains `{filters}` where the Filters' WHERE
fragment goes (column names from an allow-list only); every value is a bound parameter.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from warehouse.db import connect_read_only
from warehouse.filters import Filters

SQL_DIR = Path(__file__).with_name("sql")


@cache
def sql_text(name: str) -> str:
    """The text of one named query (read once per process)."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def run_named(name: str, filters: Filters | None, path: Path | None = None, params: tuple = ()) -> pd.DataFrame:
    """Run a named query with the filters' WHERE fragment; `params` are bound after the filter parameters."""
    where, where_params = (filters or Filters()).where()
    sql = sql_text(name).replace("{filters}", where)
    bound = where_params * sql_text(name).count("{filters}") + list(params)
    with connect_read_only(path) as con:
        return con.execute(sql, bound).df()


def kpis(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """One row: reported, proven, sanctioned and median days from report to decision."""
    return run_named("kpis", filters, path)


def funnel(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """One row per funnel stage (reported → proven → sanctioned) with its count."""
    return run_named("funnel", filters, path)


def data_extent(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """One row: first and last date of the chosen date basis among the filtered cases."""
    return run_named(f"data_extent_{filters.date_basis}", filters, path)


def warehouse_info(path: Path | None = None) -> pd.DataFrame:
    """One row: whether every case is synthetic (demo rows and a demo flag), when the newest load happened."""
    return run_named("warehouse_info", None, path)


def cases_by_region(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """One row per kabupaten/kota (all 514): reported and proven counts, with names and centroid."""
    return run_named("cases_by_region", filters, path)


def cases_by_province(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """One row per province (all 38): reported and proven counts, PNS headcount (rates are province-only)."""
    return run_named("cases_by_province", filters, path)


def cases_unmapped(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """One row: filtered cases without a kabupaten/kota and without a province (a map cannot place them)."""
    return run_named("cases_unmapped", filters, path)


def case_sources(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """One row per source agency among the filtered cases, with its count (the 'source' line of export captions)."""
    return run_named("case_sources", filters, path)


def top_regions(filters: Filters, path: Path | None = None, limit: int = 10) -> pd.DataFrame:
    """The kabupaten/kota with the most filtered cases: code, name, province, reported and proven."""
    return run_named("top_regions", filters, path, params=(limit,))


def top_provinces(filters: Filters, path: Path | None = None, limit: int = 10) -> pd.DataFrame:
    """The provinces with the most filtered cases: code, name, reported and proven."""
    return run_named("top_provinces", filters, path, params=(limit,))


def overview_weekly(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """Filtered cases per week (Monday) of the filters' date basis."""
    return run_named("overview_weekly", filters, path, params=(filters.date_basis,))


def breakdowns(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """Case counts per value of each breakdown (type, severity, type × severity, position, level, status, source)."""
    return run_named("breakdowns", filters, path)


def case_page(filters: Filters, path: Path | None = None, search: str = "", personal: bool = False,
              sort_key: str = "incident_date", descending: bool = True, limit: int = 50,
              offset: int = 0) -> pd.DataFrame:
    """One page of the filtered cases matching `search`; names only when `personal` (otherwise null)."""
    params = (personal, sort_key, sort_key, descending, *_search_params(search, personal), limit, offset)
    return run_named("case_page", filters, path, params=params)


def case_count(filters: Filters, path: Path | None = None, search: str = "", personal: bool = False) -> pd.DataFrame:
    """One row: how many filtered cases match `search` (names and NIPs searched only when `personal`)."""
    return run_named("case_count", filters, path, params=_search_params(search, personal))


def recent_rejections(path: Path | None = None, loads: int = 5, limit: int = 500) -> pd.DataFrame:
    """The problems of the rejected rows of the most recent loads: file, row, column, value and reason."""
    return run_named("recent_rejections", None, path, params=(loads, limit))


def load_quality(path: Path | None = None) -> pd.DataFrame:
    """One row per load: rows read, loaded, rejected, duplicate, and rejected rows with an unknown place."""
    return run_named("load_quality", None, path)


def election_calendar(path: Path | None = None) -> pd.DataFrame:
    """One row per election and stage: stage dates, voting day and its cases' latest date."""
    return run_named("election_calendar", None, path)


def timeline_counts(filters: Filters, path: Path | None = None, bucket_days: int = 7,
                    stack_by: str = "violation_type") -> pd.DataFrame:
    """Filtered cases per election, bucket (weeks or days from voting day: h_offset, bucket_start) and series."""
    return run_named("timeline_counts", filters, path, params=(filters.date_basis, bucket_days, stack_by))


def stage_summary(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """Per election and period (stages, gaps, before/since voting day): days, cases, weekly rate, lag quantiles."""
    return run_named("stage_summary", filters, path, params=(filters.date_basis, filters.date_from, filters.date_to))


def reporting_lag(filters: Filters, path: Path | None = None) -> pd.DataFrame:
    """One row: the cases, and median and 90th percentile of days from incident to report and report to decision."""
    return run_named("reporting_lag", filters, path)


def _search_params(search: str, personal: bool) -> tuple:
    """The search's bound parameters in the order case_count.sql and case_page.sql use them (text 7×, personal 1×)."""
    text = search.strip().lower()
    return (text,) * 5 + (personal,) + (text,) * 2


def loads_by_sha256(path: Path | None = None, checksums: tuple[str, ...] = ()) -> pd.DataFrame:
    """The loads of the files with these sha256 checksums: counts as in load_batches (the Muat data page)."""
    return run_named("loads_by_sha256", None, path, params=(list(checksums),))


def rejections_by_load(path: Path | None = None, load_ids: tuple[str, ...] = ()) -> pd.DataFrame:
    """The problems of the rejected rows of these loads: file, row, column, value, reason and the row as JSON."""
    return run_named("rejections_by_load", None, path, params=(list(load_ids),))
