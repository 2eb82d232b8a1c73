"""The one read API: a `Warehouse` is one generation opened read-only, with a keyword method per named query.

`warehouse/sql/<name>.sql` ↔ `Warehouse.<name>(...)`, each returning a small DataFrame. A SQL file states its
grain on its first line, writes `{filters}` where the Filters' WHERE fragment goes, `{date_column}` for the
filters' date basis column, `{cases}` for the table its counts read — person_cases or cases, as the filters'
counting unit says (table and column names from allow-lists only) — and `{include:<part>}` where it shares a
piece written once (`sql/parts/<part>.sql`, or another named query's statement such as the cross-agency stages of
person_stages.sql), and takes every value as a
DuckDB named parameter (`$limit`, `$search`; the filters' own are `$f_<field>`), so no query depends on the
order of its parameters. Domain rules (proven, sanctioned, the date basis) are the macros of warehouse/rules.py,
defined in every generation.

Each query opens its own short-lived read-only connection (safe across Streamlit's session threads); `hold=True`
keeps one idle connection besides, so DuckDB keeps the database instance and its buffer cache and each query's
connection opens in ~0.1 ms instead of ~17 ms (measured at 1M cases). Generations are versioned files, so a held
instance never serves stale data.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd

import settings
from warehouse import db
from warehouse.filters import PARAM_PREFIX, Filters
from warehouse.vocab import (
    AREA_LEVELS,
    CROSS_AGENCY_PATHS,
    CROSS_AGENCY_STAGES,
    DATE_BASES,
    ELECTIONS,
)

NON_ASN = "non_asn"  # the employee type ASN totals leave out by default (vocab.ASN_ONLY)

SQL_DIR = Path(__file__).with_name("sql")
FILTERS_SLOT = "{filters}"
DATE_COLUMN_SLOT = "{date_column}"  # the filters' date basis as a column name (allow-listed by Filters)
INCLUDE_SLOT = re.compile(r"\{include:([a-z_]+)\}")  # a shared piece: sql/parts/<name>.sql, else <name>.sql
CASES_SLOT = "{cases}"  # the counting unit's table (Filters.table: person_cases | cases); without it, `cases`
QUERIES: list[str] = []  # the names of Warehouse's query methods, in the order they are defined


@cache
def sql_text(name: str) -> str:
    """The text of one named query (read once per process)."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


@cache
def expanded(name: str) -> str:
    """The text of `name` with every `{include:<part>}` replaced by that part, itself expanded: a CTE shared by
    several queries is written once. Parts are plain words, looked up in sql/parts/ before sql/."""
    return INCLUDE_SLOT.sub(lambda match: expanded(_part(match[1])), sql_text(name))


def _part(word: str) -> str:
    return f"parts/{word}" if (SQL_DIR / "parts" / f"{word}.sql").exists() else word


def statement(name: str, filters: Filters | None, params: dict) -> tuple[str, dict]:
    """The SQL of `name` with the filters' fragment in place, and every named parameter it takes."""
    text = expanded(name)
    if filters is not None and FILTERS_SLOT not in text:
        raise TypeError(f"{name}.sql takes no filters")
    chosen = filters or Filters()
    table = chosen.table if CASES_SLOT in text else "cases"  # a query without the slot reads records
    where, where_params = chosen.where(over=table)
    clash = [key for key in params if key.startswith(PARAM_PREFIX)]
    if clash:
        raise ValueError(f"parameters starting with {PARAM_PREFIX!r} belong to the filters: {clash}")
    bound = {**where_params, **params} if FILTERS_SLOT in text else dict(params)
    basis = chosen.date_basis  # one of DATE_BASES: Filters refuses anything else
    return text.replace(FILTERS_SLOT, where).replace(DATE_COLUMN_SLOT, basis).replace(CASES_SLOT, table), bound


def query(method):
    """Mark a Warehouse method as a named query (its name is its SQL file, or a reshaping of one)."""
    QUERIES.append(method.__name__)
    return method


class Warehouse:
    """One generation, read-only. `Warehouse()` is the published one; use it as a context manager or close()."""

    def __init__(self, path: Path | str | None = None, *, hold: bool = False):
        resolved = Path(path) if path is not None else db.current_path()
        if resolved is None:
            raise FileNotFoundError(
                f"Belum ada gudang data di {settings.warehouse_dir()}: jalankan `python -m etl demo` atau "
                "`python -m etl load FILE`."
            )
        self.path = resolved
        self._held = db.connect_read_only(resolved) if hold else None

    def close(self) -> None:
        """Let go of the idle connection (queries open their own)."""
        if self._held is not None:
            self._held.close()
            self._held = None

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Warehouse({self.path.name!r})"

    def run(self, name: str, filters: Filters | None = None, **params) -> pd.DataFrame:
        """Run the named SQL file with these filters and named parameters; the result as a DataFrame."""
        sql, bound = statement(name, filters, params)
        with db.connect_read_only(self.path) as con:
            return con.execute(sql, bound).df()

    def read(self, name: str, filters: Filters | None = None, **params) -> pd.DataFrame:
        """The named query `name` (one of QUERIES) by name: for the one cached reader that keys on it."""
        if name not in QUERIES:
            raise KeyError(f"no named query {name!r}; known: {', '.join(QUERIES)}")
        method = getattr(self, name)
        return method(filters, **params) if takes_filters(name) else _no_filters(method, name, filters, params)

    # --- Ringkasan, Peta, Rincian ---------------------------------------------------------------------------

    @query
    def kpis(self, filters: Filters | None) -> pd.DataFrame:
        """One row: reported, proven, sanctioned (the enforcement funnel's stages) and median days to decision."""
        return self.run("kpis", filters)

    @query
    def kpis_at_age(self, filters: Filters | None, as_of: date | None = None) -> pd.DataFrame:
        """One row: the kpis of the filtered cases as they stood on `as_of` (None: every dated decision), and how
        many proven or sanctioned cases carry no decision or sanction date (those cannot be aged)."""
        return self.run("kpis_at_age", filters, as_of=as_of)

    @query
    def non_asn_count(self, filters: Filters | None) -> pd.DataFrame:
        """One row: how many non-ASN person-cases (or records) the filters' employee types leave out (0 if none)."""
        chosen = filters or Filters()
        counted = not chosen.employee_types or NON_ASN in chosen.employee_types
        return self.run("non_asn_count", replace(chosen, employee_types=(NON_ASN,)), counted=counted)

    @query
    def data_extent(self, filters: Filters | None) -> pd.DataFrame:
        """One row: first and last day of the chosen date basis among the filtered cases, and the last day of any
        of their dates (as_of)."""
        return self.run("data_extent", filters)

    @query
    def warehouse_info(self) -> pd.DataFrame:
        """One row: whether every case is synthetic (demo rows and a demo flag), the newest load, how many cases."""
        return self.run("warehouse_info")

    @query
    def cases_by_region(self, filters: Filters | None) -> pd.DataFrame:
        """One row per kabupaten/kota (all 514): reported and proven counts, with names and centroid, and whether
        the elections shown held a race there (`held`)."""
        return self.run("cases_by_region", filters, elections=_elections(filters))

    @query
    def cases_by_province(self, filters: Filters | None) -> pd.DataFrame:
        """One row per province (all 38): reported and proven counts, PNS headcount (rates are province-only), and
        whether the elections shown held a race inside it (`held`)."""
        return self.run("cases_by_province", filters, elections=_elections(filters))

    @query
    def cases_unmapped(self, filters: Filters | None) -> pd.DataFrame:
        """One row: filtered cases without a kabupaten/kota and without a province (a map cannot place them)."""
        return self.run("cases_unmapped", filters)

    @query
    def case_sources(self, filters: Filters | None) -> pd.DataFrame:
        """One row per source agency among the filtered cases, with its count (export captions' 'source')."""
        return self.run("case_sources", filters)

    @query
    def top_regions(self, filters: Filters | None, limit: int = 10) -> pd.DataFrame:
        """The kabupaten/kota with the most filtered cases: code, name, province, reported and proven."""
        return self.run("top_regions", filters, limit=limit)

    @query
    def top_provinces(self, filters: Filters | None, limit: int = 10) -> pd.DataFrame:
        """The provinces with the most filtered cases: code, name, reported and proven."""
        return self.run("top_provinces", filters, limit=limit)

    @query
    def overview_weekly(self, filters: Filters | None) -> pd.DataFrame:
        """Filtered cases per week (Monday) of the filters' date basis."""
        return self.run("overview_weekly", filters, date_basis=_basis(filters))

    @query
    def breakdowns(self, filters: Filters | None) -> pd.DataFrame:
        """Case counts per value of each breakdown (type, severity, type × severity, position, level, status, …)."""
        return self.run("breakdowns", filters)

    # --- Alur lintas instansi (the cross-agency flow) ------------------------------------------------------------

    @query
    def person_stages(self, filters: Filters | None, stall_days: int | None = None) -> pd.DataFrame:
        """One row per person-case: entry path, furthest hand, each hand's day, days waiting, ended or stalled."""
        return self.run("person_stages", filters, **_stage_params(stall_days))

    @query
    def cross_agency_funnel(self, filters: Filters | None, stall_days: int | None = None) -> pd.DataFrame:
        """One row per entry path and stage: person-cases, drop-off, median days from the hand before, stalled."""
        return self.run("cross_agency_funnel", filters, paths=list(CROSS_AGENCY_PATHS), **_stage_params(stall_days))

    @query
    def cross_agency_by_area(self, filters: Filters | None, level: str = "province",
                             stall_days: int | None = None) -> pd.DataFrame:
        """One row per province (or kabupaten/kota, `level="region"`) with person-cases: each stage's count of the
        Bawaslu path, those entered without Bawaslu, and the stalled."""
        if level not in AREA_LEVELS:
            raise ValueError(f"level must be one of {AREA_LEVELS}, not {level!r}")
        return self.run("cross_agency_by_area", filters, level=level, **_stage_params(stall_days))

    @query
    def stalled_cases(self, filters: Filters | None, stall_days: int | None = None, limit: int = 200) -> pd.DataFrame:
        """One row per stalled person-case, longest wait first: election, region, stage reached, days waiting and
        its records' case numbers (never names or NIPs)."""
        return self.run("stalled_cases", filters, limit=int(limit), **_stage_params(stall_days))

    # --- Data ------------------------------------------------------------------------------------------------

    @query
    def case_page(self, filters: Filters | None, search: str = "", personal: bool = False,
                  sort_key: str = "incident_date", descending: bool = True, limit: int = 50,
                  offset: int = 0) -> pd.DataFrame:
        """One page of the filtered cases matching `search`; names only when `personal` (otherwise null)."""
        return self.run("case_page", filters, search=_search_text(search), personal=bool(personal),
                        sort_key=sort_key, descending=bool(descending), limit=limit, offset=offset)

    @query
    def case_count(self, filters: Filters | None, search: str = "", personal: bool = False) -> pd.DataFrame:
        """One row: how many filtered cases match `search` (names and NIPs searched only when `personal`)."""
        return self.run("case_count", filters, search=_search_text(search), personal=bool(personal))

    # --- Linimasa --------------------------------------------------------------------------------------------

    @query
    def election_calendar(self) -> pd.DataFrame:
        """One row per election and stage: stage dates, voting day and its cases' latest date."""
        return self.run("election_calendar")

    @query
    def timeline_counts(self, filters: Filters | None, bucket_days: int = 7,
                        stack_by: str = "violation_type") -> pd.DataFrame:
        """Filtered cases per election, bucket (days from voting day: h_offset, bucket_start) and series."""
        return self.run("timeline_counts", filters, date_basis=_basis(filters), bucket_days=bucket_days,
                        stack_by=stack_by)

    @query
    def stage_summary(self, filters: Filters | None) -> pd.DataFrame:
        """Per election and period (stages, gaps, before/since voting day): days, cases, weekly rate, lags."""
        chosen = filters or Filters()
        return self.run("stage_summary", filters, date_basis=chosen.date_basis, date_from=chosen.date_from,
                        date_to=chosen.date_to)

    @query
    def reporting_lag(self, filters: Filters | None) -> pd.DataFrame:
        """One row: the cases, and median and 90th percentile of days incident → report and report → decision."""
        return self.run("reporting_lag", filters)

    # --- loads and data quality (Tentang, Muat data) ---------------------------------------------------------

    @query
    def recent_rejections(self, loads: int = 5, limit: int = 500) -> pd.DataFrame:
        """The problems of the rejected rows of the most recent loads: file, row, column, value and reason."""
        return self.run("recent_rejections", loads=loads, limit=limit)

    @query
    def load_quality(self) -> pd.DataFrame:
        """One row per load: rows read, loaded, rejected, duplicate, and rejected rows with an unknown place."""
        return self.run("load_quality")

    @query
    def loads_by_id(self, load_ids: tuple[str, ...] = ()) -> pd.DataFrame:
        """These loads as load_batches holds them: counts, who, options and column mapping (the Muat data page)."""
        return self.run("loads_by_id", load_ids=list(load_ids))

    @query
    def rejections_by_load(self, load_ids: tuple[str, ...] = ()) -> pd.DataFrame:
        """The problems of the rejected rows of these loads: file, row, column, value, reason and the raw row."""
        return self.run("rejections_by_load", load_ids=list(load_ids))

    @query
    def warnings_by_load(self, load_ids: tuple[str, ...] = ()) -> pd.DataFrame:
        """The warnings of the loaded rows of these loads: file, row, column, value, reason and the raw row."""
        return self.run("warnings_by_load", load_ids=list(load_ids))

    @query
    def phrasebook_entries(self) -> pd.DataFrame:
        """The phrasebook entries the generation was built with and that are in force (the Muat data page)."""
        return self.run("phrasebook_entries")

    # --- linking (Tautan orang-kasus, etl links) -------------------------------------------------------------

    @query
    def link_reviews(self, election: str = "", personal: bool = False, limit: int = 100) -> pd.DataFrame:
        """Pairs of records waiting for a steward, both records side by side (a_*, b_*), highest score first;
        names and NIPs only when `personal`."""
        return self.run("link_reviews", election=election or "", personal=bool(personal), limit=int(limit))

    @query
    def link_decisions(self) -> pd.DataFrame:
        """The steward's confirm/split decisions as this generation applied them, newest first."""
        return self.run("link_decisions")


def takes_filters(name: str) -> bool:
    """Whether the named query's first argument is a Filters value."""
    return "filters" in inspect.signature(getattr(Warehouse, name)).parameters


def arguments(name: str, *args, **kwargs) -> tuple[tuple[str, object], ...]:
    """The query's own arguments (after the filters) by name, defaults filled in: one cache key per meaning.

    `arguments("top_regions", 10)` and `arguments("top_regions", limit=10)` and `arguments("top_regions")` are
    the same key. Lists become tuples so the key is hashable.
    """
    if name not in QUERIES:
        raise KeyError(f"no named query {name!r}; known: {', '.join(QUERIES)}")
    signature = inspect.signature(getattr(Warehouse, name))
    own = [p for p in signature.parameters.values() if p.name not in ("self", "filters")]
    bound = inspect.Signature(own).bind(*args, **kwargs)
    bound.apply_defaults()
    return tuple((key, tuple(value) if isinstance(value, list) else value) for key, value in bound.arguments.items())


def _no_filters(method, name: str, filters: Filters | None, params: dict) -> pd.DataFrame:
    """Call a query about the warehouse itself, which takes no filters."""
    if filters is not None:
        raise TypeError(f"{name} takes no filters")
    return method(**params)


def _basis(filters: Filters | None) -> str:
    """The filters' date basis (the default one without filters)."""
    return filters.date_basis if filters is not None else DATE_BASES[0]


def _stage_params(stall_days: int | None) -> dict:
    """The parameters every cross-agency query takes: the stages' names and N of "stalled" (the closing statuses
    went into person_case_stages when the generation was made: warehouse/stages.py)."""
    days = settings.stall_days() if stall_days is None else int(stall_days)
    return {"stages": list(CROSS_AGENCY_STAGES), "stall_days": days}


def _elections(filters: Filters | None) -> list[str]:
    """The elections a query shows: the filters' ones, or every election of the vocabulary when none is chosen."""
    return list((filters.elections if filters is not None else ()) or ELECTIONS)


def _search_text(search: str) -> str:
    """What case_page and case_count compare with: the search box's text, trimmed, in lower case."""
    return (search or "").strip().lower()
