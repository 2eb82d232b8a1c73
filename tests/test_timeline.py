"""Election time: weekly/daily buckets from voting day, stage assignment at every stage boundary, pre/post rates,
the spike rule, incomplete weeks and the elections overlay — exact values on a register with known dates.

tests/fixtures/timeline_register.csv (loaded through the real loader) holds, for Pilkada 2024 (voting day
2024-11-27), one case on each side of every stage boundary, each in its own kabupaten so a region filter picks
one case; plus four Pemilu 2024 cases (H−8, H−1, H, H+6) and two Pilkada 2020 cases (H−7, H+1).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from etl.load import load_files
from ui.figures import timeline as charts
from ui.views import timeline as logic
from warehouse.db import current_path
from warehouse.filters import Filters
from warehouse.reader import Warehouse

REGISTER = Path(__file__).with_name("fixtures") / "timeline_register.csv"
P24 = Filters(elections=("pilkada2024",))


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Warehouse:
    """The published generation holding the timeline register."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETRA_DATA_DIR", str(tmp_path_factory.mktemp("timeline")))
        (result,) = load_files([REGISTER], progress=False)
        assert (result.rows_loaded, result.rows_rejected) == (25, 0)
        return Warehouse(current_path())


def buckets(frame: pd.DataFrame) -> list[tuple[int, str, int]]:
    """(h_offset, bucket start, cases) per row, for exact comparison."""
    return [(int(o), f"{s:%Y-%m-%d}", int(n)) for o, s, n in zip(
        frame["h_offset"], frame["bucket_start"], frame["n"], strict=True)]


# --- buckets counted from voting day ----------------------------------------------------------------------------

def test_weekly_counts_start_on_voting_day(warehouse):
    frame = warehouse.timeline_counts(P24, bucket_days=7, stack_by="election")
    assert buckets(frame) == [
        (-98, "2024-08-21", 2), (-91, "2024-08-28", 2), (-70, "2024-09-18", 3), (-63, "2024-09-25", 1),
        (-7, "2024-11-20", 3), (0, "2024-11-27", 2), (14, "2024-12-11", 2), (35, "2025-01-01", 1),
        (84, "2025-02-19", 3),
    ]


@pytest.mark.parametrize(("basis", "offsets"), [
    ("incident_date", [-93, -92, -90, -89, -67, -66, -65, -63, -4, -3, -1, 0, 1, 19, 20, 37, 84, 85, 86]),
    ("report_date", [-92, -91, -89, -86, -66, -66, -60, -61, -3, -3, 0, 0, 5, 21, 30, 38, 85, 85, 90]),
    ("decision_date", [-78, -51, 8, 58]),
])
def test_daily_offsets_are_days_from_voting_day(warehouse, basis, offsets):
    frame = warehouse.timeline_counts(Filters(elections=("pilkada2024",), date_basis=basis), bucket_days=1,
                                      stack_by="election")
    expected = pd.Series(offsets).value_counts().sort_index()
    assert dict(zip(frame["h_offset"], frame["n"], strict=True)) == expected.to_dict()


def test_weeks_never_straddle_voting_day(warehouse):
    """H−1 and H fall in different weeks: integer division towards zero would have merged them."""
    frame = warehouse.timeline_counts(Filters(elections=("pemilu2024",)), bucket_days=7, stack_by="election")
    assert buckets(frame) == [(-14, "2024-01-31", 1), (-7, "2024-02-07", 1), (0, "2024-02-14", 2)]


def test_counts_are_split_by_the_chosen_series(warehouse):
    frame = warehouse.timeline_counts(Filters(elections=("pilkada2024",), regions=("33.08", "33.09", "33.10")),
                                      bucket_days=7, stack_by="violation_type")
    assert list(zip(frame["h_offset"], frame["series"], frame["n"], strict=True)) == [
        (-63, "kampanye", 1), (-7, "kampanye", 1), (-7, "media_sosial", 1)]


# --- stages: first and last day inclusive, gaps named after the earlier stage ------------------------------------

BOUNDARY_CASES = [  # (kabupaten, incident date, period by incident date, period by report date)
    ("33.01", "2024-08-26", "pra_tahapan", "pendaftaran"),
    ("33.02", "2024-08-27", "pendaftaran", "pendaftaran"),
    ("33.03", "2024-08-29", "pendaftaran", "setelah_pendaftaran"),
    ("33.04", "2024-08-30", "setelah_pendaftaran", "setelah_pendaftaran"),
    ("33.05", "2024-09-21", "setelah_pendaftaran", "penetapan"),
    ("33.06", "2024-09-22", "penetapan", "penetapan"),
    ("33.07", "2024-09-23", "setelah_penetapan", "kampanye"),
    ("33.08", "2024-09-25", "kampanye", "kampanye"),
    ("33.09", "2024-11-23", "kampanye", "masa_tenang"),
    ("33.10", "2024-11-24", "masa_tenang", "masa_tenang"),
    ("33.11", "2024-11-26", "masa_tenang", "pemungutan"),
    ("33.12", "2024-11-27", "pemungutan", "pemungutan"),
    ("33.13", "2024-11-28", "rekapitulasi", "rekapitulasi"),
    ("33.14", "2024-12-16", "rekapitulasi", "setelah_rekapitulasi"),
    ("33.15", "2024-12-17", "setelah_rekapitulasi", "setelah_rekapitulasi"),
    ("33.16", "2025-01-03", "sengketa", "sengketa"),
    ("33.17", "2025-02-19", "sengketa", "pelantikan"),
    ("33.18", "2025-02-20", "pelantikan", "pelantikan"),
    ("33.19", "2025-02-21", "setelah_pelantikan", "setelah_pelantikan"),
]


@pytest.mark.parametrize(("region", "day", "by_incident", "by_report"), BOUNDARY_CASES)
def test_each_case_falls_in_one_stage_at_the_boundaries(warehouse, region, day, by_incident, by_report):
    for basis, expected in (("incident_date", by_incident), ("report_date", by_report)):
        summary = warehouse.stage_summary(Filters(regions=(region,), date_basis=basis))
        periods = summary[summary["kind"].isin(("stage", "gap")) & (summary["cases"] > 0)]
        assert periods["period"].tolist() == [expected], (day, basis)
        assert periods["cases"].tolist() == [1]


def test_stage_summary_days_cases_and_rates(warehouse):
    summary = warehouse.stage_summary(P24)
    rows = [(r.period, f"{r.first_day:%Y-%m-%d}", f"{r.last_day:%Y-%m-%d}", r.days, r.cases)
            for r in summary.itertuples()]
    assert rows == [
        ("pra_tahapan", "2024-01-01", "2024-08-26", 239, 1),
        ("pendaftaran", "2024-08-27", "2024-08-29", 3, 2),
        ("setelah_pendaftaran", "2024-08-30", "2024-09-21", 23, 2),
        ("penetapan", "2024-09-22", "2024-09-22", 1, 1),
        ("setelah_penetapan", "2024-09-23", "2024-09-24", 2, 1),
        ("kampanye", "2024-09-25", "2024-11-23", 60, 2),
        ("masa_tenang", "2024-11-24", "2024-11-26", 3, 2),
        ("pemungutan", "2024-11-27", "2024-11-27", 1, 1),
        ("rekapitulasi", "2024-11-28", "2024-12-16", 19, 2),
        ("setelah_rekapitulasi", "2024-12-17", "2025-01-02", 17, 1),
        ("sengketa", "2025-01-03", "2025-02-19", 48, 2),
        ("pelantikan", "2025-02-20", "2025-02-20", 1, 1),
        ("setelah_pelantikan", "2025-02-21", "2025-02-25", 5, 1),  # cut at the latest date in the data
        ("sebelum_h", "2024-08-27", "2024-11-26", 92, 10),
        ("sejak_h", "2024-11-27", "2025-02-20", 86, 7),
        ("semua", "2024-01-01", "2025-02-25", 422, 19),  # the election's data window, up to the latest date
    ]
    assert summary["weekly_rate"].tolist() == pytest.approx([7 * c / d for *_, d, c in rows])


def test_stage_lags_are_lower_quantiles_of_the_cases_in_the_period(warehouse):
    summary = warehouse.stage_summary(P24).set_index("period")
    assert summary.loc["kampanye", ["report_lag_p25", "report_lag_p50", "report_lag_p90"]].tolist() == [1, 1, 2]
    assert summary.loc["kampanye", "decision_lag_p50"] == 10  # T24-08: reported 27-09, decided 07-10
    assert summary.loc["rekapitulasi", ["report_lag_p25", "report_lag_p50", "report_lag_p90"]].tolist() == [2, 2, 4]
    assert summary.loc["sebelum_h", ["report_lag_p50", "decision_lag_p50"]].isna().all()  # counts only


def test_pre_post_rates_and_ratio(warehouse):
    split = logic.prepost(warehouse.stage_summary(P24))
    assert split["before"] == {"cases": 10, "days": 92, "weekly_rate": pytest.approx(70 / 92)}
    assert split["since"] == {"cases": 7, "days": 86, "weekly_rate": pytest.approx(49 / 86)}
    assert split["ratio"] == pytest.approx((49 / 86) / (70 / 92))


def test_a_date_range_shortens_the_periods_it_cuts(warehouse):
    filters = Filters(elections=("pilkada2024",), date_from=date(2024, 11, 1), date_to=date(2024, 12, 31))
    summary = warehouse.stage_summary(filters).set_index("period")
    assert summary.index.tolist() == ["kampanye", "masa_tenang", "pemungutan", "rekapitulasi",
                                      "setelah_rekapitulasi", "sebelum_h", "sejak_h", "semua"]
    assert summary.loc["semua", ["days", "cases"]].tolist() == [61, 7]
    assert summary.loc["kampanye", ["days", "cases"]].tolist() == [23, 1]
    assert summary.loc["setelah_rekapitulasi", ["days", "cases"]].tolist() == [15, 1]
    assert summary.loc["sejak_h", ["days", "cases"]].tolist() == [35, 4]
    assert logic.prepost(summary.reset_index())["ratio"] == pytest.approx((4 / 35) / (3 / 26))


def test_stage_rows_compare_with_the_pre_stage_rate(warehouse):
    rows = logic.stage_rows(warehouse.stage_summary(P24))
    assert rows["period"].tolist()[:3] == ["pra_tahapan", "pendaftaran", "setelah_pendaftaran"]
    assert rows["ratio"].tolist()[:3] == pytest.approx([1.0, (2 / 3) / (1 / 239), (2 / 23) / (1 / 239)])


def test_stage_table_reads_in_indonesian():
    summary = pd.DataFrame({
        "kind": ["gap", "stage", "voting"], "period": ["pra_tahapan", "kampanye", "sebelum_h"],
        "first_day": pd.to_datetime(["2024-01-01", "2024-09-25", "2024-08-27"]),
        "last_day": pd.to_datetime(["2024-08-26", "2024-11-23", "2024-11-26"]),
        "days": [239, 60, 92], "cases": [12, 30, 40], "weekly_rate": [12 * 7 / 239, 3.5, 40 * 7 / 92],
    })
    table = logic.stage_table(summary, "id")
    assert table.to_dict("list") == {
        "Periode": ["Pra-tahapan", "Kampanye"],
        "Tanggal": ["01-01-2024 – 26-08-2024", "25-09-2024 – 23-11-2024"],
        "Hari": [239, 60],
        "Kasus": [12, 30],
        "Kasus/minggu": ["0,4", "3,5"],
        "× laju pra-tahapan": ["×1,0", "×10,0"],  # 3,5 ÷ (12 × 7 ÷ 239) = 9,96
    }


def test_reporting_lag_and_incomplete_weeks(warehouse):
    lag = warehouse.reporting_lag(P24)
    assert lag.iloc[0].tolist() == [19, 19, 1, 5, 4, 10, 20]
    assert logic.lag_days(lag, "incident_date") == 5
    assert logic.lag_days(lag, "report_date") == 0
    whole = logic.overall(warehouse.stage_summary(P24))  # the page reads the same from stage_summary
    columns = ["reported_n", "report_lag_p50", "report_lag_p90", "decided_n", "decision_lag_p50", "decision_lag_p90"]
    assert whole[columns].iloc[0].tolist() == lag[columns].iloc[0].tolist()
    assert logic.lag_days(whole, "incident_date") == 5
    assert logic.lag_note(whole, "id").endswith(
        "Median kejadian → laporan 1 hari, 90% dalam 5 hari (19 kasus); laporan → putusan median 10 hari, 90% dalam "
        "20 hari (4 kasus).")
    decided = Filters(elections=("pilkada2024",), date_basis="decision_date")
    by_decision = logic.overall(warehouse.stage_summary(decided))
    assert by_decision[["cases", "undated"]].iloc[0].tolist() == [4, 15]
    weekly = logic.bucket_totals(warehouse.timeline_counts(P24, bucket_days=7, stack_by="election"), 7)
    data_until = date(2025, 2, 25)
    assert logic.incomplete_offsets(weekly, 7, data_until, 5) == [84]  # 19-02 … 25-02, plus 5 days > 25-02
    assert logic.incomplete_offsets(weekly, 7, data_until, 0) == []  # its last day is the data's last: complete
    assert logic.incomplete_offsets(weekly, 7, date(2025, 2, 24), 0) == [84]  # a week not over yet
    assert logic.incomplete_offsets(weekly, 7, None, 5) == []


# --- weekly totals and the spike rule ------------------------------------------------------------------------------

def test_bucket_totals_fill_empty_weeks_with_zero(warehouse):
    weekly = logic.bucket_totals(warehouse.timeline_counts(Filters(elections=("pemilu2024",))), 7)
    assert buckets(weekly) == [(-14, "2024-01-31", 1), (-7, "2024-02-07", 1), (0, "2024-02-14", 2)]
    p24 = logic.bucket_totals(warehouse.timeline_counts(P24, bucket_days=7, stack_by="severity"), 7)
    assert len(p24) == 27 and p24["n"].sum() == 19
    assert buckets(p24)[:4] == [(-98, "2024-08-21", 2), (-91, "2024-08-28", 2), (-84, "2024-09-04", 0),
                                (-77, "2024-09-11", 0)]


def weeks(counts: list[int]) -> pd.DataFrame:
    offsets = [7 * (i - len(counts)) for i in range(len(counts))]
    return pd.DataFrame({"h_offset": offsets, "bucket_start": [pd.Timestamp("2024-11-27") + pd.Timedelta(days=o)
                                                               for o in offsets], "n": counts})


@pytest.mark.parametrize(("counts", "flagged"), [
    ([2, 4, 2, 4, 6], []),  # 2 × mean (6) reached, but mean + 3 sd = 6,46 is not
    ([2, 4, 2, 4, 7], [7]),  # above all three thresholds
    ([0, 0, 1, 0, 4], []),  # far above the history, but under the low-count floor of 5
    ([0, 0, 1, 0, 5], [5]),
    ([9, 30, 0, 0, 0], []),  # no four earlier weeks: never flagged
    ([10, 10, 10, 10, 19], []),  # sd 0, yet under twice the mean
    ([10, 10, 10, 10, 20, 9], [20]),  # the week after a spike is judged against a history that holds the spike
])
def test_spike_rule(counts, flagged):
    assert logic.spike_weeks(weeks(counts))["n"].tolist() == flagged


def test_spike_reports_the_mean_and_threshold_it_beat():
    spike = logic.spike_weeks(weeks([2, 4, 2, 4, 7])).iloc[0]
    assert (spike["h_offset"], spike["prev_mean"]) == (-7, 3.0)
    assert spike["threshold"] == pytest.approx(3 + 3 * (4 / 3) ** 0.5)


# --- the elections overlay -----------------------------------------------------------------------------------------

def test_overlay_counts_and_shares_per_election(warehouse):
    overlay = logic.overlay_frame(warehouse.timeline_counts(Filters(), bucket_days=7, stack_by="election"))
    small = overlay[overlay["election"] != "pilkada2024"]
    assert list(zip(small["election"], small["h_offset"], small["n"], small["share"], strict=True)) == [
        ("pemilu2024", -14, 1, 0.25), ("pemilu2024", -7, 1, 0.25), ("pemilu2024", 0, 2, 0.5),
        ("pilkada2020", -7, 1, 0.5), ("pilkada2020", 0, 1, 0.5),
    ]
    p24 = overlay[overlay["election"] == "pilkada2024"]
    assert (len(p24), p24["n"].sum(), p24["share"].sum()) == (27, 19, pytest.approx(1.0))


def test_overlay_uses_the_sidebar_elections_only_when_several():
    assert logic.overlay_filters(Filters(elections=("pilkada2024",), provinces=("33",))) == Filters(provinces=("33",))
    several = Filters(elections=("pilkada2020", "pilkada2024"))
    assert logic.overlay_filters(several) == several


# --- picking the election, labels ------------------------------------------------------------------------------

def test_calendar_and_election_choice(warehouse):
    calendar = warehouse.election_calendar()
    assert logic.election_choices(calendar, ()) == ["pilkada2020", "pemilu2024", "pilkada2024"]
    assert logic.election_choices(calendar, ("pilkada2024", "pilkada2020")) == ["pilkada2020", "pilkada2024"]
    cal = logic.calendar_for(calendar, "pemilu2024")
    assert (cal.voting_day, cal.data_until) == (date(2024, 2, 14), date(2024, 2, 21))
    assert cal.stages["stage"].tolist() == ["pendaftaran", "kampanye", "masa_tenang", "pemungutan", "rekapitulasi",
                                            "sengketa", "pelantikan"]
    assert logic.for_election(Filters(provinces=("33",)), "pemilu2024") == Filters(
        elections=("pemilu2024",), provinces=("33",))


@pytest.mark.parametrize(("offset", "text"), [(-7, "H−7"), (0, "H"), (3, "H+3")])
def test_hday_label(offset, text):
    assert logic.hday_label(offset) == text


def test_hday_ticks_are_whole_weeks_through_voting_day():
    assert logic.hday_ticks(-30, 12) == ([-35, -28, -21, -14, -7, 0, 7, 14],
                                         ["H−35", "H−28", "H−21", "H−14", "H−7", "H", "H+7", "H+14"])
    values, _ = logic.hday_ticks(-273, 14)
    assert values[0] == -280 and 0 in values and values[1] - values[0] == 35


@pytest.mark.parametrize(("period", "lang", "text"), [
    ("setelah_penetapan", "id", "Setelah penetapan calon"),
    ("setelah_penetapan", "en", "After candidates set"),
    ("pra_tahapan", "id", "Pra-tahapan"),
    ("sejak_h", "en", "Since voting day"),
    ("masa_tenang", "id", "Masa tenang"),
])
def test_period_label(period, lang, text):
    assert logic.period_label(period, lang) == text


def test_small_provinces_are_folded_into_one_line():
    frame = pd.DataFrame({"h_offset": [0, 0, 0, 7],
                          "bucket_start": pd.to_datetime(["2024-11-27"] * 3 + ["2024-12-04"]),
                          "series": ["33", "73", "11", "11"], "n": [5, 1, 2, 2]})
    folded = logic.fold_small_series(frame, keep=2)
    assert list(zip(folded["h_offset"], folded["series"], folded["n"], strict=True)) == [
        (0, "11", 2), (0, "33", 5), (0, "lainnya", 1), (7, "11", 2)]


# --- the charts ---------------------------------------------------------------------------------------------------

def test_timeline_chart_draws_stage_bands_and_the_voting_day_line(warehouse):
    calendar = logic.calendar_for(warehouse.election_calendar(), "pilkada2024")
    frame = warehouse.timeline_counts(P24, bucket_days=7, stack_by="severity")
    spikes = pd.DataFrame({"h_offset": [-7], "n": [3]})
    fig = charts.timeline_chart(frame, calendar.stages, calendar.voting_day, "hday", "severity", "id", 7, spikes,
                                [84])
    texts = [a.text for a in fig.layout.annotations]
    assert texts == ["Pendaftaran", "Penetapan calon", "Kampanye", "Masa tenang", "Pemungutan suara", "Rekapitulasi",
                     "Sengketa", "Pelantikan", "Hari pemungutan suara 27-11-2024"]
    bands = [s for s in fig.layout.shapes if s.name.startswith("stage-")]
    assert [(s.x0, s.x1) for s in bands][:3] == [(-92, -89), (-66, -65), (-63, -3)]  # ends inclusive: +1 day
    assert [(s.x0, s.x1) for s in fig.layout.shapes if s.name == "voting-day"] == [(0, 0)]
    assert [(s.x0, s.x1) for s in fig.layout.shapes if s.name == "incomplete"] == [(84, 91)]
    assert [t.name for t in fig.data] == ["Ringan", "Sedang", "Berat", "Tidak diketahui", "Lonjakan", "Belum lengkap"]
    assert list(fig.data[-2].y) == [3 * 1.08 + 0.5]  # the spike marker sits over its week's bar
    assert fig.layout.xaxis.ticktext[list(fig.layout.xaxis.tickvals).index(0)] == "H"


def test_timeline_chart_on_calendar_dates(warehouse):
    calendar = logic.calendar_for(warehouse.election_calendar(), "pemilu2024")
    frame = warehouse.timeline_counts(Filters(elections=("pemilu2024",)), bucket_days=1,
                                      stack_by="province_code")
    fig = charts.timeline_chart(frame, calendar.stages, calendar.voting_day, "calendar", "province_code", "en", 1)
    voting = [s for s in fig.layout.shapes if s.name == "voting-day"][0]
    assert pd.Timestamp(voting.x0) == pd.Timestamp("2024-02-14")
    assert fig.layout.annotations[-1].text == "Voting day 14-02-2024"
    assert [(t.name, t.mode) for t in fig.data] == [("Daerah Khusus Ibukota Jakarta", "lines+markers")]
    assert pd.Timestamp(fig.data[0].x[0]) == pd.Timestamp("2024-02-06 12:00")  # a day's point sits at its noon


def test_on_a_phone_the_legend_goes_below_the_plot_and_the_figure_grows_to_hold_it(warehouse):
    """Beside the plot, the series' names left a phone's bars a strip of a few pixels (tests/e2e/test_timeline.py)."""
    calendar = logic.calendar_for(warehouse.election_calendar(), "pilkada2024")
    frame = warehouse.timeline_counts(P24, bucket_days=7, stack_by="violation_type")
    wide, phone = (charts.timeline_chart(frame, calendar.stages, calendar.voting_day, "calendar", "violation_type",
                                         "id", sizing=sizing) for sizing in (charts.WIDE, charts.PHONE))
    assert (wide.layout.legend.orientation, wide.layout.legend.x) == ("v", 1.01)  # beside, on a wide page
    assert (phone.layout.legend.orientation, phone.layout.legend.yref, phone.layout.legend.y) == ("h", "container", 0)
    rows = len(phone.data) * charts.LEGEND_ROW_PX  # a row per series: a phone's width holds one name
    assert phone.layout.height == wide.layout.height + rows and phone.layout.margin.b == rows + charts.TICKS_PX
    assert len(phone.layout.xaxis.tickvals) <= charts.PHONE.months < len(wide.layout.xaxis.tickvals)
    assert {a.font.size for a in phone.layout.annotations[:-1]} == {charts.PHONE.label_font}


def test_overlay_prepost_and_lag_charts(warehouse):
    overlay = logic.overlay_frame(warehouse.timeline_counts(Filters(), bucket_days=7, stack_by="election"))
    fig = charts.overlay_chart(overlay, "share", "id")
    assert [t.name for t in fig.data] == ["Pilkada 2020", "Pemilu 2024", "Pilkada 2024"]
    assert list(fig.data[1].y) == [0.25, 0.25, 0.5] and list(fig.data[1].x) == [-10.5, -3.5, 3.5]
    summary = warehouse.stage_summary(P24)
    prepost = charts.prepost_chart(summary, "id")
    assert list(prepost.data[1].text) == ["n=10", "n=7"]
    assert prepost.layout.annotations[-1].text == "sejak ÷ sebelum = ×0,75"
    lag = charts.lag_chart(summary, "id")
    assert [t.name for t in lag.data] == ["Kejadian → laporan", "Laporan → putusan"]
    assert list(lag.data[0].x)[:2] == ["Pra-tahapan", "Pendaftaran"]


def test_trend_chart_marks_voting_days_in_range(warehouse):
    frame = pd.DataFrame({"week": pd.to_datetime(["2024-11-18", "2024-11-25", "2024-12-02"]), "n": [4, 9, 2]})
    fig = charts.trend_chart(frame, "id", warehouse.election_calendar())
    assert [a.text for a in fig.layout.annotations] == ["Pilkada 2024"]
    assert [pd.Timestamp(s.x0) for s in fig.layout.shapes] == [pd.Timestamp("2024-11-27")]
    assert list(fig.data[0].y) == [4, 9, 2]


def test_notes_say_what_is_not_drawn_and_what_is_still_moving():
    assert logic.timeline_note(19, 4, "decision_date", "id").endswith(
        "15 kasus tanpa tanggal putusan tidak tampil di linimasa.")
    assert logic.timeline_note(19, 19, "incident_date", "id").endswith("(hari pertama dan terakhir termasuk).")
    assert logic.incomplete_note([77, 84], 7, 5, date(2025, 2, 25), "en") == (
        "Grey area: the last 2 weeks are incomplete — 90% of cases are reported within 5 days of the incident, and "
        "the latest date in the data is 25-02-2025.")
    assert logic.incomplete_note([], 7, 5, date(2025, 2, 25), "en") == ""


def test_stage_labels_take_the_lowest_row_where_they_fit():
    """Pemilu 2024 on a 600-day axis: neighbours near voting day go up a row, a far stage comes back down."""
    centres = [-96, -40, -2, 0.5, 19, 53, 239]  # pendaftaran … pelantikan, days from voting day
    texts = ["Pendaftaran", "Kampanye", "Masa tenang", "Pemungutan suara", "Rekapitulasi", "Sengketa", "Pelantikan"]
    assert charts.label_rows(centres, texts, (-400, 200)) == [0, 1, 0, 2, 3, 1, 0]
    assert charts.label_rows([0, 10, 20, 30, 40], ["Aaaaaaaaaa"] * 5, (-400, 200)) == [0, 1, 2, 3, 0]  # all full
