"""Map colour classes on skewed inputs: equal values, all zero, one huge outlier, few distinct values, withheld."""

import math

import pytest

from ui.views import bins


@pytest.mark.parametrize(("values", "lows", "labels", "classes"), [
    ([0, 0, 0], (0,), ("0",), [0, 0, 0]),  # all zero: one class, the palest
    ([7, 7, 7, 7], (7,), ("7",), [0, 0, 0, 0]),  # equal values
    ([0, 1, 2, 2], (0, 1, 2), ("0", "1", "2"), [0, 1, 2, 2]),  # fewer distinct values than classes: one each
    ([0, 1, 3, 7], (0, 1, 2, 4), ("0", "1", "2–3", "4–7"), [0, 1, 2, 3]),
    ([1] * 99 + [10_000], (1, 2), ("1", "2–10.000"), [0] * 99 + [1]),  # one huge outlier keeps a class of its own
    (list(range(0, 21)), (0, 1, 5, 9, 13, 17), ("0", "1–4", "5–8", "9–12", "13–16", "17–20"),
     [0] + [1] * 4 + [2] * 4 + [3] * 4 + [4] * 4 + [5] * 4),
    ([0, 0, 0, 1, 1, 2, 3, 5, 8, 40, 150], (0, 1, 2, 4, 6, 41), ("0", "1", "2–3", "4–5", "6–40", "41–150"),
     [0, 0, 0, 1, 1, 2, 2, 3, 4, 4, 5]),  # skewed counts: the pale middle gets its own colours
    ([], (), (), []),
])
def test_count_classes(values, lows, labels, classes):
    found = bins.quantile_bins(values, "id")
    assert (found.lows, found.labels) == (lows, labels)
    assert found.classes(values).tolist() == classes
    assert len(found.anchors) == len(lows) and list(found.anchors) == sorted(found.anchors)


def test_anchors_spread_over_the_scale_and_zero_is_the_palest():
    assert bins.quantile_bins([0, 1, 3, 7], "id").anchors == (0.0, 1 / 3, 2 / 3, 1.0)
    assert bins.quantile_bins([0, 0], "id").anchors == (0.0,)
    assert bins.quantile_bins([7, 7], "id").anchors == (1.0,)


def test_public_counts_reach_to_what_their_rounding_hides_and_withheld_is_a_class():
    published = [0, math.nan, 5, 5, 10, 20, 50]  # '< 5' and counts rounded down to 5s (ui.views.disclosure)
    found = bins.quantile_bins(published, "id", step=5, reach=4, withheld="< 5")
    assert found.labels == ("0", "< 5", "5–9", "10–14", "15–24", "25–54")
    assert found.classes(published).tolist() == [0, 1, 2, 2, 3, 4, 5]


def test_rates_in_tenths_and_english_marks():
    rates = [0.0, 0.4, 1.2, 1.2, 2.5, 3.1, 12.8]
    found = bins.quantile_bins(rates, "en", step=0.1, decimals=1, classes=3)
    assert found.labels == ("0.0", "0.4–1.2", "1.3–2.5", "2.6–12.8")
    assert found.classes([*rates, 1.3]).tolist() == [0, 1, 1, 1, 2, 3, 3, 2]  # 1.3 starts a class exactly
    assert math.isnan(found.classes([math.nan])[0])  # no headcount, no rate: no class (drawn grey)


def test_share_and_change_classes_are_fixed():
    share = bins.share_bins("id")
    assert share.labels == ("0–20%", "20–40%", "40–60%", "60–80%", "80–100%")
    assert share.classes([0, 19.9, 20, 50, 100]).tolist() == [0, 0, 1, 2, 4]
    change = bins.change_bins("en")
    assert change.labels == ("down ≥ 50%", "down 10–50%", "same (±10%)", "up 10–50%", "up 50–100%",
                             "up ≥ 100% or new")
    assert change.classes([-100, -50, -10.5, 0, 10, 60, 100]).tolist() == [0, 1, 1, 2, 3, 4, 5]
