"""Election time, as the Linimasa page reads it: which election, H-day labels, spikes, incomplete weeks, rates.

Conventions (the SQL in warehouse/sql/timeline_counts.sql and stage_summary.sql follows them too):
- Buckets are counted from voting day: week 0 is H…H+6, week −1 is H−7…H−1, so no week straddles voting day.
- A stage covers its first and last day. A day between two stages belongs to the aftermath of the earlier one
  (`setelah_<stage>`); days before the first stage are `pra_tahapan`, from the election's data window start.
- Before / since voting day: from the first day of the first stage to H−1, and from H to the last stage's end.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from ui.strings import label, t
from ui.views.disclosure import any_withheld, count_text, drawn, published
from ui.views.numbers import number
from warehouse.filters import Filters

# A spike: a week far above the four before it, and not a small number. All three must hold.
SPIKE_HISTORY = 4  # weeks of history; weeks without four earlier weeks are never flagged
SPIKE_MIN_CASES = 5  # low-count rule: fewer cases than this are noise, whatever the history
SPIKE_FACTOR = 2.0  # at least twice the mean of the previous four weeks
SPIKE_SDS = 3.0  # and at least mean + 3 standard deviations (sample sd) of those weeks
PROVINCE_LINES = 8  # one line per province for the largest ones; the rest are summed as 'lainnya'
OTHER = "lainnya"
AXES = ("calendar", "hday")  # calendar dates, or days from voting day
STACKS = ("violation_type", "severity", "province_code")  # what the timeline's series are
MEASURES = ("count", "share")  # the overlay: weekly cases, or each week's share of the election's total
NAMED_PERIODS = ("pra_tahapan", "sebelum_h", "sejak_h")  # stage_summary periods that are not a stage or a gap


@dataclass(frozen=True)
class ElectionCalendar:
    """What the charts need to draw one election's time: its stages, voting day and the data's latest date."""

    election: str
    voting_day: date
    data_until: date | None
    stages: pd.DataFrame  # stage, starts, ends (dates), in calendar order


def calendar_for(calendar: pd.DataFrame, election: str) -> ElectionCalendar:
    """The calendar of one election out of the `election_calendar` query."""
    rows = calendar[calendar["election"] == election]
    first = rows.iloc[0]
    data_until = None if pd.isna(first["data_until"]) else first["data_until"].date()
    stages = pd.DataFrame({
        "stage": rows["stage"].tolist(),
        "starts": [d.date() for d in rows["starts"]],
        "ends": [d.date() for d in rows["ends"]],
    })
    return ElectionCalendar(election, first["voting_day"].date(), data_until, stages)


def election_choices(calendar: pd.DataFrame, chosen: tuple[str, ...]) -> list[str]:
    """Elections the page may show, oldest first: those chosen in the sidebar, or all of them."""
    ordered = calendar.sort_values("voting_day", kind="stable")["election"].drop_duplicates().tolist()
    picked = [e for e in ordered if e in chosen]
    return picked or ordered


def for_election(filters: Filters, election: str) -> Filters:
    """The sidebar filters narrowed to the one election whose stages and voting day the timeline uses."""
    return replace(filters, elections=(election,))


def overlay_filters(filters: Filters) -> Filters:
    """Filters of the elections overlay: the elections chosen in the sidebar when several, else all of them."""
    return filters if len(filters.elections) > 1 else filters.without("elections")


def hday_label(offset: int) -> str:
    """Days from voting day as supervisors write them: 'H−7', 'H', 'H+3'."""
    if offset == 0:
        return "H"
    return f"H−{-offset}" if offset < 0 else f"H+{offset}"


def hday_ticks(low: int, high: int, target: int = 10) -> tuple[list[int], list[str]]:
    """Tick positions (whole weeks, voting day among them) and labels for an H-day axis from `low` to `high`."""
    step = 7 * max(1, -(-(high - low) // (7 * target)))
    first = (low // step) * step
    values = list(range(first, high + step, step))
    return values, [hday_label(v) for v in values]


def period_label(period: str, lang: str) -> str:
    """A period of stage_summary in words: a stage, the days after one, before the stages, before / since H."""
    if period.startswith("setelah_"):
        return t("tl_after_stage", lang, stage=label("stage", period.removeprefix("setelah_"), lang).lower())
    if period in NAMED_PERIODS:
        return t(f"tl_period_{period}", lang)
    return label("stage", period, lang)


def bucket_totals(frame: pd.DataFrame, bucket_days: int) -> pd.DataFrame:
    """Cases per bucket of one election over all series, with empty buckets between the first and last as 0.

    On a public view a withheld series counts as its MIDPOINT here: the totals are estimates, used for spikes and
    the overlay's shape, and are shown only through `shown_count`.
    """
    if frame.empty:
        return pd.DataFrame({"h_offset": [], "bucket_start": [], "n": []})
    estimated = any_withheld(frame["n"])
    totals = frame.assign(n=drawn(frame["n"]).to_numpy() if estimated else frame["n"]).groupby("h_offset")["n"].sum()
    offsets = range(int(totals.index.min()), int(totals.index.max()) + 1, bucket_days)
    voting_day = (frame["bucket_start"].iloc[0] - pd.Timedelta(days=int(frame["h_offset"].iloc[0])))
    filled = totals.reindex(offsets, fill_value=0)
    return pd.DataFrame({
        "h_offset": list(offsets),
        "bucket_start": [voting_day + pd.Timedelta(days=o) for o in offsets],
        "n": filled.astype("float64" if estimated else "int64").tolist(),
    })


def shown_count(value, lang: str) -> str:
    """A count or a total of counts in words: exact as it is, an estimate (public view) published like a count."""
    is_whole = value is None or pd.isna(value) or float(value).is_integer()
    return count_text(value if is_whole else published(round(value)), lang)


def spike_weeks(weekly: pd.DataFrame) -> pd.DataFrame:
    """The weeks of `bucket_totals(…, 7)` that pass the spike rule, with the mean and threshold they beat."""
    history = weekly["n"].shift(1).rolling(SPIKE_HISTORY)
    mean, sd = history.mean(), history.std(ddof=1)
    threshold = pd.concat([SPIKE_FACTOR * mean, mean + SPIKE_SDS * sd], axis=1).max(axis=1, skipna=False)
    threshold = threshold.clip(lower=SPIKE_MIN_CASES)
    flagged = weekly.assign(prev_mean=mean, threshold=threshold)
    return flagged[flagged["n"] >= flagged["threshold"]].reset_index(drop=True)


def overall(summary: pd.DataFrame) -> pd.DataFrame:
    """The one row of stage_summary over the election's whole window: lags and counts of all its dated cases."""
    return summary[summary["period"] == "semua"].reset_index(drop=True)


def lag_days(reporting_lag: pd.DataFrame, date_basis: str) -> int:
    """Days the latest cases may still arrive on this date basis: the 90th percentile incident → report lag for
    incident dates; reports and decisions are on the register the day they happen, so 0 for those."""
    if date_basis != "incident_date" or reporting_lag.empty or pd.isna(reporting_lag["report_lag_p90"].iloc[0]):
        return 0
    return int(reporting_lag["report_lag_p90"].iloc[0])


def incomplete_offsets(totals: pd.DataFrame, bucket_days: int, data_until: date | None, lag: int) -> list[int]:
    """Buckets whose numbers will still grow: their last day plus `lag` days falls after the data's latest date.

    With the 90th percentile lag, at least one case in ten of such a bucket is typically not reported yet.
    """
    if data_until is None or totals.empty:
        return []
    limit = pd.Timestamp(data_until - timedelta(days=lag + bucket_days - 1))
    return [int(o) for o, start in zip(totals["h_offset"], totals["bucket_start"], strict=True) if start > limit]


def fold_small_series(frame: pd.DataFrame, keep: int = PROVINCE_LINES) -> pd.DataFrame:
    """The `keep` series with most cases as they are, the others summed per bucket as 'lainnya'."""
    ranked = frame.groupby("series", dropna=False)["n"].sum().sort_values(ascending=False, kind="stable")
    if len(ranked) <= keep:
        return frame
    kept = set(ranked.index[:keep])
    folded = frame.assign(series=[s if s in kept else OTHER for s in frame["series"]])
    return folded.groupby(["h_offset", "bucket_start", "series"], as_index=False, dropna=False)["n"].sum()


def overlay_frame(frame: pd.DataFrame, bucket_days: int = 7) -> pd.DataFrame:
    """Per election and bucket from voting day: cases (empty buckets as 0) and their share of the election's total."""
    parts = []
    for election, rows in frame.groupby("election", sort=False):
        totals = bucket_totals(rows, bucket_days)
        parts.append(totals.assign(election=election, share=totals["n"] / totals["n"].sum()))
    if not parts:
        return pd.DataFrame({"election": [], "h_offset": [], "bucket_start": [], "n": [], "share": []})
    return pd.concat(parts, ignore_index=True)[["election", "h_offset", "bucket_start", "n", "share"]]


def prepost(summary: pd.DataFrame) -> dict:
    """Weekly rate before voting day and since, the cases and days behind each, and since ÷ before."""
    rows = summary.set_index("period")
    out = {}
    for key, period in (("before", "sebelum_h"), ("since", "sejak_h")):
        row = rows.loc[period] if period in rows.index else None
        out[key] = {name: (None if row is None else row[name].item()) for name in ("cases", "days", "weekly_rate")}
        if pd.isna(out[key]["cases"]):  # withheld on a public view: its rate is not known either
            out[key]["weekly_rate"] = None
    before, since = out["before"]["weekly_rate"], out["since"]["weekly_rate"]
    out["ratio"] = since / before if before and since is not None else None
    return out


def stage_rows(summary: pd.DataFrame) -> pd.DataFrame:
    """The stages and the gaps around them, in time order, with each weekly rate against the pre-stage rate."""
    rows = summary[summary["kind"].isin(("stage", "gap"))].reset_index(drop=True)
    base = rows.loc[rows["period"] == "pra_tahapan", "weekly_rate"]
    baseline = base.iloc[0] if len(base) and base.iloc[0] > 0 else None
    return rows.assign(ratio=[r / baseline if baseline else None for r in rows["weekly_rate"]])


def stage_table(summary: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The stage rows for people: period, dates, days, cases, cases per week and × the pre-stage rate."""
    rows = stage_rows(summary)
    return pd.DataFrame({
        t("tl_col_period", lang): [period_label(p, lang) for p in rows["period"]],
        t("tl_col_dates", lang): [f"{a:%d-%m-%Y} – {b:%d-%m-%Y}" for a, b in zip(
            rows["first_day"], rows["last_day"], strict=True)],
        t("tl_col_days", lang): rows["days"].tolist(),
        t("tl_col_cases", lang): _count_column(rows["cases"], lang),
        t("tl_col_rate", lang): [number(r, lang, 1) for r in rows["weekly_rate"]],
        t("tl_col_ratio", lang): ["—" if r is None or pd.isna(r) else "×" + number(r, lang, 1)
                                  for r in rows["ratio"]],
    })


def spike_table(spikes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The flagged weeks for people: the week's dates and H-days, its cases, and the previous four weeks' mean."""
    return pd.DataFrame({
        t("tl_col_week", lang): [f"{s:%d-%m-%Y} – {s + pd.Timedelta(days=6):%d-%m-%Y}"
                                 for s in spikes["bucket_start"]],
        t("tl_col_hdays", lang): [f"{hday_label(o)} … {hday_label(o + 6)}" for o in spikes["h_offset"]],
        t("tl_col_cases", lang): _count_column(spikes["n"], lang),
        t("tl_col_prev_mean", lang): [number(m, lang, 1) for m in spikes["prev_mean"]],
    })


def _count_column(values: pd.Series, lang: str) -> list:
    """A table's count column: whole numbers as they are; on a public view every count as the public reads it."""
    exact = not any_withheld(values) and all(float(v).is_integer() for v in values)
    return [int(v) for v in values] if exact else [shown_count(v, lang) for v in values]


def prepost_cards(summary: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """(label, value, help) of the three cards: weekly rate before voting day, since, and since ÷ before. The unit
    is in the label: a third of a page cannot show "8.146,2 kasus/minggu" whole."""
    split = prepost(summary)
    cards = []
    for key, title in (("before", "tl_before_rate"), ("since", "tl_since_rate")):
        side = split[key]
        rate = "—" if side["weekly_rate"] is None else number(side["weekly_rate"], lang, 1)
        cases = count_text(0 if side["cases"] is None else side["cases"], lang)
        cards.append((t(title, lang), rate, t("tl_rate_help", lang, n=cases, days=side["days"] or 0)))
    ratio = "—" if split["ratio"] is None else "×" + number(split["ratio"], lang, 2)
    cards.append((t("tl_ratio", lang), ratio, t("tl_prepost_note", lang)))
    return cards


def timeline_note(total_cases: int, dated_cases: int, date_basis: str, lang: str) -> str:
    """How weeks and bands are read, and how many cases lack a date on this basis (so are not drawn)."""
    missing = total_cases - dated_cases  # on a public view: NaN when withheld
    undated = t("tl_undated", lang, n=shown_count(missing, lang), basis=label("date_basis", date_basis, lang)) \
        if missing != 0 else ""
    return t("tl_weeks_note", lang, undated=undated).strip()


def incomplete_note(incomplete: list[int], bucket_days: int, lag: int, data_until: date | None, lang: str) -> str:
    """Why the last buckets are shaded; empty when none are."""
    if not incomplete or data_until is None:
        return ""
    unit = t("tl_unit_week" if bucket_days == 7 else "tl_unit_day", lang)
    return t("tl_incomplete_note", lang, n=len(incomplete), unit=unit, lag=lag, last=f"{data_until:%d-%m-%Y}")


def lag_note(reporting_lag: pd.DataFrame, lang: str) -> str:
    """The overall lags in one sentence (median and 90th percentile, with the cases behind them)."""
    row = reporting_lag.iloc[0]
    values = {key: "—" if pd.isna(row[column]) else number(row[column], lang) for key, column in (
        ("p50", "report_lag_p50"), ("p90", "report_lag_p90"), ("d50", "decision_lag_p50"),
        ("d90", "decision_lag_p90"))}
    values |= {key: count_text(row[column], lang) for key, column in (("n", "reported_n"), ("dn", "decided_n"))}
    return t("tl_lag_note", lang, **values)
