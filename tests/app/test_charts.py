"""Pure builders without Streamlit: number formats, KPI cards against the previous period, chart frames."""

from datetime import date

import pandas as pd
import pytest

from ui.figures import charts
from ui.figures.theme import ACCENT, NO_DATA, SEVERITY_COLORS
from ui.views import kpis, numbers
from warehouse.filters import Filters


@pytest.mark.parametrize(
    ("func", "args", "expected"),
    [
        (numbers.number, (1234567, "id"), "1.234.567"),
        (numbers.number, (1234567, "en"), "1,234,567"),
        (numbers.number, (14.5, "id", 1), "14,5"),
        (numbers.number, (float("nan"), "id"), "—"),
        (numbers.number, (None, "en"), "—"),
        (numbers.percent, (1, 3, "id"), "33,3%"),
        (numbers.percent, (1, 0, "en"), "—"),
        (numbers.signed, (1200, "id"), "+1.200"),
        (numbers.signed, (-1.5, "en", 1), "-1.5"),
        (numbers.signed, (0, "id"), "0"),
    ],
)
def test_numbers(func, args, expected):
    assert func(*args) == expected


def kpi_row(reported, proven, sanctioned, days):
    return pd.DataFrame([{"reported": reported, "proven": proven, "sanctioned": sanctioned,
                          "median_days_to_decision": days}])


def test_kpi_cards_against_the_previous_period():
    period = (date(2024, 10, 1), date(2024, 10, 31))
    now = kpi_row(1200, 300, 150, 20.0)
    cards = kpis.kpi_cards(now, now, kpi_row(1000, 400, 100, 22.5), period, "id")
    assert [(c.label, c.value, c.delta, c.delta_color) for c in cards] == [
        ("Dilaporkan", "1.200", "+200 (+20,0%)", "off"),
        ("Terbukti · 25,0%", "300", "-100 (-25,0%)", "off"),
        ("Disanksi · 50,0%", "150", "+50 (+50,0%)", "off"),
        ("Median hari sampai putusan", "20,0", "-2,5 hari", "inverse"),
    ]
    assert cards[1].help.endswith(
        "Perubahan: 300 (25,0%) dibanding 400 (40,0%) periode sebelumnya. Periode 01-10-2024 s.d. 31-10-2024 "
        "(31 hari; tanpa rentang tanggal: 90 hari terakhir data) dibandingkan dengan periode sama panjang "
        "sebelumnya, 31-08-2024 s.d. 30-09-2024.")


def test_kpi_values_describe_the_selection_and_the_change_the_recent_period():
    cards = kpis.kpi_cards(kpi_row(5000, 2000, 1000, 30.0), kpi_row(120, 60, 30, 25.0),
                           kpi_row(100, 40, 20, 27.0), (date(2024, 10, 3), date(2024, 12, 31)), "en")
    assert [(c.value, c.delta) for c in cards] == [
        ("5,000", "+20 (+20.0%)"), ("2,000", "+20 (+50.0%)"), ("1,000", "+10 (+50.0%)"), ("30.0", "-2.0 days")]


def test_kpi_cards_without_decisions_or_a_previous_period():
    cards = kpis.kpi_cards(kpi_row(3, 0, 0, float("nan")), None, None, None, "en")
    assert [(c.label, c.value, c.delta) for c in cards] == [
        ("Reported", "3", None), ("Proven · 0.0%", "0", None), ("Sanctioned · —", "0", None),
        ("Median days to decision", "—", None)]


@pytest.mark.parametrize(
    ("filters", "extent", "period"),
    [
        (Filters(), ("2024-01-05", "2024-03-01"), (date(2024, 1, 5), date(2024, 3, 1))),
        (Filters(), ("2023-01-05", "2024-03-01"), (date(2023, 12, 3), date(2024, 3, 1))),
        (Filters(date_from=date(2024, 2, 1)), ("2024-01-05", "2024-03-01"), (date(2024, 2, 1), date(2024, 3, 1))),
        (Filters(date_from=date(2024, 2, 1), date_to=date(2024, 2, 29)), (None, None),
         (date(2024, 2, 1), date(2024, 2, 29))),
        (Filters(), (None, None), None),
    ],
)
def test_comparison_period(filters, extent, period):
    frame = pd.DataFrame([{"first_day": pd.Timestamp(extent[0]) if extent[0] else pd.NaT,
                           "last_day": pd.Timestamp(extent[1]) if extent[1] else pd.NaT}])
    window = kpis.comparison(filters, frame)
    assert (None if window is None else (window[0].date_from, window[0].date_to)) == period


def test_counts_frame_orders_ordinal_values_and_colours_unknown_grey():
    frame = pd.DataFrame({"severity": ["berat", None, "ringan"], "n": [5, 3, 2]})
    rows = charts.counts_frame(frame, "severity", "id")
    assert rows[["label", "n", "color"]].values.tolist() == [
        ["Ringan", 2, SEVERITY_COLORS["ringan"]], ["Berat", 5, SEVERITY_COLORS["berat"]],
        ["Tidak diketahui", 3, NO_DATA]]
    assert rows["share"].round(2).tolist() == [0.2, 0.5, 0.3]


def test_counts_frame_sorts_nominal_values_by_count_then_code():
    frame = pd.DataFrame({"position_class": ["pelaksana", "jpt", "camat", "fungsional"], "n": [2, 5, 2, 1]})
    rows = charts.counts_frame(frame, "position_class", "en")
    assert rows["value"].tolist() == ["jpt", "camat", "pelaksana", "fungsional"]
    assert set(rows["color"]) == {ACCENT}


def test_weekly_chart_counts_empty_weeks_as_zero():
    frame = pd.DataFrame({"week": pd.to_datetime(["2024-09-02", "2024-09-23"]), "n": [3, 1]})
    trace = charts.weekly_chart(frame, "id").data[0]
    assert list(trace.y) == [3, 0, 0, 1]


def test_month_ticks_speak_indonesian():
    ticks = charts.month_ticks(pd.Timestamp("2024-07-15"), pd.Timestamp("2024-12-20"), "id")
    assert ticks["ticktext"] == ["Agu 2024", "Sep 2024", "Okt 2024", "Nov 2024", "Des 2024"]


def test_count_axis_ticks_whole_numbers_when_counts_are_small():
    assert charts.count_axis(3)["dtick"] == 1
    assert charts.count_axis(300)["dtick"] is None
