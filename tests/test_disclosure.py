"""The public's numbers (ui.views.disclosure): small counts withheld, the rest rounded down to base 5, applied to
every named query before anything is made from it — and no withheld count recoverable from a total."""

import math
from datetime import date
from itertools import product

import pandas as pd
import pytest

from ui.views import disclosure
from ui.views.disclosure import NotForThePublic, protect, published
from warehouse.reader import QUERIES


@pytest.mark.parametrize(("n", "shown"), [(0, 0), (1, None), (4, None), (5, 5), (7, 5), (9, 5), (10, 10), (14, 10),
                                          (1234, 1230), (None, None)])
def test_published_counts(n, shown):
    value = published(n)
    assert (None if math.isnan(value) else value) == shown


def test_no_withheld_part_can_be_worked_out_from_its_total_and_the_rest():
    """For every total T, withheld part c (1–4) and rest T − c, the public sees (T, c, T − c) published; whatever
    it sees, at least two values of c fit it. (Rounding to the nearest 5 fails here: 4 + 4 shows as 10.)"""
    fits: dict[tuple, set[int]] = {}
    for total, part in product(range(1, 300), range(1, disclosure.THRESHOLD)):
        if part <= total:
            seen = tuple(published(n) for n in (total, part, total - part))
            fits.setdefault(tuple("w" if math.isnan(v) else v for v in seen), set()).add(part)
    assert fits and all(len(parts) >= 2 for parts in fits.values())


def test_every_named_query_has_a_rule():
    names = set(QUERIES)
    ruled = {*disclosure.COUNTS, *disclosure.AS_IS, *disclosure.REFUSED, "data_extent"}
    assert names == ruled


@pytest.mark.parametrize("name", disclosure.REFUSED)
def test_cases_names_and_loads_are_refused(name):
    with pytest.raises(NotForThePublic):
        protect(name, pd.DataFrame())


def test_an_unknown_query_is_an_error_not_a_leak():
    with pytest.raises(KeyError, match="no disclosure rule for query 'new_query'"):
        protect("new_query", pd.DataFrame({"n": [1]}))


def test_the_headline_numbers_and_the_median_of_few_cases():
    exact = pd.DataFrame({"reported": [12, 4], "proven": [6, 2], "sanctioned": [3, 0],
                          "median_days_to_decision": [14.5, 9.0]})
    shown = protect("kpis", exact)
    assert shown["reported"].tolist() == [10, pytest.approx(math.nan, nan_ok=True)]
    assert shown["proven"].tolist()[0] == 5 and math.isnan(shown["sanctioned"][0]) and shown["sanctioned"][1] == 0
    assert shown["median_days_to_decision"][0] == 14.5 and math.isnan(shown["median_days_to_decision"][1])
    assert exact["reported"].tolist() == [12, 4]  # the exact frame (the cache's) is left as it was


def test_rates_and_lags_are_made_from_published_counts():
    exact = pd.DataFrame({"period": ["a", "b"], "days": [14, 7], "cases": [12, 3], "weekly_rate": [6.0, 3.0],
                          "reported_n": [12, 3], "decided_n": [12, 3], "undated": [0, 0],
                          **{column: [5, 2] for column in disclosure.LAGS}})
    shown = protect("stage_summary", exact)
    assert shown["weekly_rate"][0] == 5.0 and math.isnan(shown["weekly_rate"][1])  # 10 cases in 14 days
    assert shown["report_lag_p50"][0] == 5 and math.isnan(shown["report_lag_p50"][1])


def test_rankings_are_ordered_by_published_counts():
    exact = pd.DataFrame({"region_code": ["33.01", "33.02", "33.03"], "n": [4, 1, 12], "proven": [0, 0, 9]})
    shown = protect("top_regions", exact)
    assert shown["region_code"].tolist() == ["33.03", "33.01", "33.02"]  # the two "< 5" by code, not by size
    assert shown["n"].tolist()[0] == 10 and shown["proven"].tolist()[0] == 5


def test_dates_of_a_selection_widen_to_whole_months():
    extent = pd.DataFrame({"first_day": [pd.Timestamp("2024-10-05")], "last_day": [pd.Timestamp("2024-11-11")]})
    shown = protect("data_extent", extent).iloc[0]
    assert (shown["first_day"].date(), shown["last_day"].date()) == (date(2024, 10, 1), date(2024, 11, 30))


def test_counts_keep_whole_numbers_when_nothing_is_withheld():
    assert protect("breakdowns", pd.DataFrame({"dimension": ["severity"], "n": [12]}))["n"].dtype == "int64"
    assert disclosure.count_cells([10, 5], "id") == ([10, 5], ":,")
    assert disclosure.count_cells([10, math.nan], "id") == (["10", "< 5"], "")
