"""What the public may see (role publik): the one place where counts are protected before anything shows them.

Method: small-cell suppression with rounding down to base 5. Every count the public sees is published(n): 0 stays
0; 1–4 is withheld and shown as "< 5"; 5 and more is rounded down to a multiple of 5 (5–9 shows as 5, 10–14 as
10). Rounding is what keeps a withheld count from being worked out from totals — plain secondary suppression
would not do here, since anyone can filter the dashboard down to the very cell a secondary suppression hid.
Each published count hides up to 4, so a difference of two of them (a total minus the rest of its row, a view
minus a narrower one) is uncertain by up to 4 either way: as wide as the 1–4 it would have to pin down.
Rounding *down* rather than to the nearest multiple closes the gap nearest rounding leaves: two withheld parts
of 4 + 4 = 8 would show a total of 10 and so give both away; rounded down, 8 shows as 5, like 5, 6 and 7.
tests/test_disclosure.py checks every (total, part, rest) combination. What remains: someone who gathers many
overlapping views (every sub-sum of three small groups) can in rare cases narrow a small count further; the
filters are coarse (no free-text search or case list on a public view) to keep that hard.

`protect(name, frame)` applies the rule to the result of a named query, before any share, rate, change, median
or chart is made from it, so everything downstream is computed from published counts only: percentages and
rates are of rounded counts, medians and lags of fewer than 5 cases are withheld, dates are widened to whole
months, and rankings are ordered by published counts. Queries that hold cases, names or loads are refused
outright. Pimpinan and analis read the same queries unprotected and see exact counts.
"""

from __future__ import annotations

import math

import pandas as pd

from ui.strings import t
from ui.views.numbers import number

THRESHOLD = 5  # counts below this (and above zero) are withheld
BASE = 5  # every other count is rounded down to a multiple of this
MIDPOINT = 2.5  # where a withheld count is drawn (bar length, colour, bubble): the middle of 1–4
COUNTS = {  # query -> its count columns
    "kpis": ("reported", "proven", "sanctioned"),
    "kpis_at_age": ("reported", "proven", "sanctioned", "proven_undated", "sanctioned_undated"),
    "breakdowns": ("n",),
    "cases_by_region": ("reported", "proven"),
    "cases_by_province": ("reported", "proven"),
    "top_regions": ("n", "proven"),
    "top_provinces": ("n", "proven"),
    "overview_weekly": ("n",),
    "timeline_counts": ("n",),
    "stage_summary": ("cases", "reported_n", "decided_n", "undated"),
    "reporting_lag": ("cases", "reported_n", "decided_n"),
    "cases_unmapped": ("without_region", "without_province"),
    "case_sources": ("cases",),
    "cross_agency_funnel": ("persons", "dropped", "timed", "stalled", "ended", "waiting"),
    "cross_agency_by_area": ("received", "found", "forwarded", "recommended", "sanctioned", "without_bawaslu",
                             "stalled"),
    "non_asn_count": ("n",),
}
LAGS = {  # quantiles of days, withheld when the cases behind them are fewer than THRESHOLD: column -> its count
    **{f"report_lag_{q}": "reported_n" for q in ("p25", "p50", "p90")},
    **{f"decision_lag_{q}": "decided_n" for q in ("p25", "p50", "p90")},
}
AS_IS = ("warehouse_info", "election_calendar")  # facts about the warehouse and the calendars, no counts of cases
REFUSED = ("case_page", "case_count", "recent_rejections", "rejections_by_load", "warnings_by_load", "loads_by_id",
           "load_quality", "phrasebook_entries", "link_reviews", "link_decisions",
           "person_stages", "stalled_cases")  # one row per person-case: a case list, however it is shown


class NotForThePublic(PermissionError):
    """A query that holds cases, names or loads was asked for on a public view."""


def published(n) -> float:
    """The count the public sees: 0, NaN (withheld: 1–4) or n rounded down to a multiple of BASE."""
    if n is None or pd.isna(n):
        return math.nan
    n = int(n)
    if n == 0:
        return 0.0
    if n < THRESHOLD:
        return math.nan
    return float(BASE * (n // BASE))


def protect(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The result of query `name` as the public may see it (see the module's method)."""
    if name in REFUSED:
        raise NotForThePublic(f"{name} is not shown on a public view")
    if name in AS_IS:
        return frame
    if name == "data_extent":
        return _whole_months(frame)
    if name not in COUNTS:
        raise KeyError(f"no disclosure rule for query {name!r}: add it to ui.views.disclosure")
    exact = frame
    frame = frame.copy()
    for column in COUNTS[name]:
        frame[column] = counts([published(n) for n in exact[column]])
    if name in ("kpis", "kpis_at_age"):  # a median of fewer than THRESHOLD cases is one person's case
        frame["median_days_to_decision"] = exact["median_days_to_decision"].where(exact["reported"] >= THRESHOLD)
    if name == "cross_agency_funnel":  # days between two hands, as a lag: withheld when fewer were timed
        frame["median_days"] = exact["median_days"].where(exact["timed"] >= THRESHOLD)
    for column, behind in LAGS.items():
        if column in frame:
            frame[column] = exact[column].where(exact[behind].fillna(0) >= THRESHOLD)
    if name == "stage_summary":
        frame["weekly_rate"] = frame["cases"] * 7.0 / frame["days"]
    if name in ("top_regions", "top_provinces"):  # exact order would tell which "< 5" is larger
        key = frame.columns[0]
        frame = frame.sort_values(["n", key], ascending=[False, True], na_position="last", kind="stable")
    return frame.reset_index(drop=True)


def _whole_months(extent: pd.DataFrame) -> pd.DataFrame:
    """First and last day widened to whole months: a narrow selection's dates would date its cases."""
    first, last = pd.to_datetime(extent["first_day"]), pd.to_datetime(extent["last_day"])
    widened = extent.assign(first_day=first.dt.to_period("M").dt.start_time,
                            last_day=last.dt.to_period("M").dt.end_time.dt.normalize())
    if "as_of" in extent:
        widened["as_of"] = pd.to_datetime(extent["as_of"]).dt.to_period("M").dt.end_time.dt.normalize()
    return widened


def counts(values) -> pd.Series:
    """Counts as a Series: int64 when none is withheld, float with NaN for the withheld ones otherwise."""
    series = pd.Series(values, dtype="float64") if not isinstance(values, pd.Series) else values
    return series.astype("int64") if series.notna().all() else series.astype("float64")


def withheld(value) -> bool:
    """True for a count that is withheld (NaN in a count column: counts are never missing otherwise)."""
    return value is None or pd.isna(value)


def any_withheld(values) -> bool:
    """True when some count in `values` is withheld."""
    return bool(pd.Series(values, dtype="float64").isna().any())


def drawn(values) -> pd.Series:
    """Counts for geometry (bar lengths, colours, sizes): a withheld count drawn at MIDPOINT."""
    return pd.Series(values, dtype="float64").fillna(MIDPOINT)


def count_text(value, lang: str) -> str:
    """A count in words: '< 5' when withheld, else the number in the language's marks."""
    return t("withheld", lang) if withheld(value) else number(value, lang)


def count_cells(values, lang: str) -> tuple[list, str]:
    """(cells, format) for a plotly text or customdata field: the counts with plotly's ':,' format when none is
    withheld, else every count as text ('< 5', '1.235') with no format."""
    if not any_withheld(values):
        return [int(v) for v in values], ":,"
    return [count_text(v, lang) for v in values], ""


def note(lang: str) -> str:
    """The sentence a public view shows once, saying how its numbers are made."""
    return t("publik_note", lang, threshold=THRESHOLD, base=BASE)
