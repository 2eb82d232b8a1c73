"""Pure builders of the election-time charts: stages as labelled bands, voting day as a labelled line.

x is either the calendar date or the number of days from voting day (axis 'hday'); a bucket of `bucket_days`
days starting at H+offset is drawn over [offset, offset + bucket_days), so bands, bars and the voting-day line
share one scale. No Streamlit here: the briefing pack exports the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.figures.charts import base_layout, count_axis, month_ticks, value_label, weekly_chart
from ui.figures.theme import ACCENT, NO_DATA, SEVERITY_COLORS, VIOLATION_TYPE_COLORS
from ui.strings import label, t
from ui.views import timeline as logic
from ui.views.disclosure import any_withheld, count_text, drawn
from ui.views.numbers import number
from warehouse.vocab import ELECTIONS, SEVERITIES, STAGES, VIOLATION_TYPES

STAGE_COLORS = dict(zip(STAGES, (
    "#dbe7f3", "#c6dbef", "#fde5cc", "#e6e6e6", "#f4c7c3", "#e2f0d9", "#efe0f2", "#fff2b3",
), strict=True))
ELECTION_COLORS = dict(zip(ELECTIONS, ("#9c755f", "#4e79a7", ACCENT), strict=True))
SPIKE_COLOR = "#b3001b"
INCOMPLETE_FILL = "rgba(110, 110, 110, 0.22)"
LABEL_ROWS, ROW_PX = 4, 15  # stage labels take one of four rows above the plot, so short stages don't collide


@dataclass(frozen=True)
class Sizing:
    """The timeline laid out for a screen: a stage label's width is guessed from its length (`char_px` a
    character) on a plot about `plot_px` wide; the labels' font, the most ticks of months or of H-days, and
    whether the legend goes below the plot."""

    plot_px: int
    char_px: int
    label_font: int
    months: int
    hdays: int
    legend_below: bool


# On a phone the legend goes below the plot (beside it, it left the bars a strip of a few pixels): the plot takes the
# width and the figure grows by a row of legend per series.
WIDE, PHONE = Sizing(560, 6, 11, 8, 10, legend_below=False), Sizing(300, 5, 9, 4, 5, legend_below=True)
HEIGHT_PX, LEGEND_ROW_PX, TICKS_PX = 460, 20, 40
RIGHT_PART = 0.6  # of the x axis: a voting-day line beyond it has its label on its left
DAY_MS = 86_400_000
SERIES_ORDER = {"violation_type": VIOLATION_TYPES, "severity": SEVERITIES}
SERIES_COLORS = {"violation_type": VIOLATION_TYPE_COLORS, "severity": SEVERITY_COLORS}
LAG_COLORS = {"report_lag": "#5b8db8", "decision_lag": "#e07a1f"}  # incident → report, report → decision


def x_of(offset: float, voting_day: date, axis: str):
    """The x coordinate of a moment `offset` days from the start of voting day."""
    if axis == "hday":
        return offset
    return pd.Timestamp(voting_day) + pd.Timedelta(days=offset)


def bucket_text(offset: int, voting_day: date, axis: str, bucket_days: int) -> str:
    """A bucket in words for hover and tables: '20-11-2024 – 26-11-2024' or 'H−7 … H−1'."""
    last = offset + bucket_days - 1
    if axis == "hday":
        first = logic.hday_label(offset)
        return first if bucket_days == 1 else f"{first} … {logic.hday_label(last)}"
    first_day = voting_day + timedelta(days=offset)
    if bucket_days == 1:
        return f"{first_day:%d-%m-%Y}"
    return f"{first_day:%d-%m-%Y} – {voting_day + timedelta(days=last):%d-%m-%Y}"


def timeline_chart(frame: pd.DataFrame, stages: pd.DataFrame, voting_day: date, axis: str, stack_by: str,
                   lang: str, bucket_days: int = 7, spikes: pd.DataFrame | None = None,
                   incomplete: list[int] | tuple = (), sizing: Sizing = WIDE) -> go.Figure:
    """Cases per bucket stacked by type or severity (or one line per province), on the election's stages; laid out
    for a wide page, or (`sizing=PHONE`) for a phone."""
    fig = go.Figure()
    centre = bucket_days / 2
    withheld = any_withheld(frame["n"])  # a public view: withheld counts drawn at MIDPOINT, hovers say '< 5'
    series = logic.fold_small_series(frame) if stack_by == "province_code" else frame
    for value, rows in _ordered_series(series, stack_by):
        name = t("tl_other_provinces", lang) if stack_by == "province_code" and value == logic.OTHER \
            else value_label(stack_by, value, lang)
        x = [x_of(o + centre, voting_day, axis) for o in rows["h_offset"]]
        hover = [bucket_text(int(o), voting_day, axis, bucket_days) for o in rows["h_offset"]]
        y, cells = (drawn(rows["n"]).tolist(), [[h, count_text(n, lang)] for h, n in zip(hover, rows["n"],
                                                                                          strict=True)]) \
            if withheld else (rows["n"], hover)
        template = "%{fullData.name}<br>" + ("%{customdata[0]}: %{customdata[1]} " if withheld
                                              else "%{customdata}: %{y:,} ") + t("ch_cases", lang) + "<extra></extra>"
        if stack_by == "province_code":
            other = dict(color="#9a9a9a", dash="dot") if value == logic.OTHER else {}
            fig.add_trace(go.Scatter(x=x, y=y, name=name, mode="lines+markers", customdata=cells,
                                     hovertemplate=template, marker_size=5, line=other))
        else:
            width = bucket_days * 0.85 * (1 if axis == "hday" else DAY_MS)
            color = SERIES_COLORS[stack_by].get(None if pd.isna(value) else value, NO_DATA)
            fig.add_trace(go.Bar(x=x, y=y, name=name, width=width, marker_color=color, customdata=cells,
                                 hovertemplate=template))
    sized = series.assign(n=drawn(series["n"]).to_numpy()) if withheld else series
    heights = sized.groupby("h_offset")["n"].max() if stack_by == "province_code" else sized.groupby("h_offset")[
        "n"].sum()
    _draw_spikes(fig, heights, spikes, voting_day, axis, lang)
    _draw_incomplete(fig, incomplete, bucket_days, voting_day, axis, lang)
    _draw_calendar(fig, stages, voting_day, axis, lang, _span(frame, stages, voting_day, bucket_days), sizing)
    fig.update_layout(barmode="stack", bargap=0)
    fig.update_yaxes(title=t("tl_per_week" if bucket_days == 7 else "tl_per_day", lang),
                     **count_axis(heights.max() if len(heights) else 0))
    if not sizing.legend_below:
        fig.update_layout(legend=dict(orientation="v", y=1, yanchor="top", x=1.01))
        return base_layout(fig, lang, None, HEIGHT_PX)
    # below the plot, a row per series (a phone's width holds one name), at the foot of the figure, under the ticks
    legend_px = LEGEND_ROW_PX * len(fig.data)
    fig.update_layout(legend=dict(orientation="h", x=0, y=0, yref="container", yanchor="bottom"),
                      margin=dict(b=legend_px + TICKS_PX))
    return base_layout(fig, lang, None, HEIGHT_PX + legend_px)


def _span(frame: pd.DataFrame, stages: pd.DataFrame, voting_day: date, bucket_days: int) -> tuple[int, int]:
    """First and last day offset the x axis must show: the data, every stage band and voting day."""
    lows = [0, *frame["h_offset"], *[(d - voting_day).days for d in stages["starts"]]]
    highs = [1, *(frame["h_offset"] + bucket_days), *[(d - voting_day).days + 1 for d in stages["ends"]]]
    return int(min(lows)), int(max(highs))


def _ordered_series(frame: pd.DataFrame, stack_by: str):
    """(value, rows) per series: vocabulary order for types and severities (unknown last), else most cases first."""
    groups = dict(list(frame.groupby("series", dropna=False, sort=False)))
    order = SERIES_ORDER.get(stack_by)
    if order is None:
        keys = sorted(groups, key=lambda v: (-groups[v]["n"].sum(), v == logic.OTHER, str(v)))
    else:
        keys = [v for v in order if v in groups] + [v for v in groups if v not in order]
    return [(key, groups[key].sort_values("h_offset")) for key in keys]


def _draw_calendar(fig: go.Figure, stages: pd.DataFrame, voting_day: date, axis: str, lang: str,
                   span: tuple[int, int], sizing: Sizing) -> None:
    """Stages as bands labelled above the plot, voting day as a line labelled above them, and the x axis."""
    starts = [(d - voting_day).days for d in stages["starts"]]
    ends = [(d - voting_day).days + 1 for d in stages["ends"]]
    texts = [label("stage", stage, lang) for stage in stages["stage"]]
    rows = label_rows([(a + b) / 2 for a, b in zip(starts, ends, strict=True)], texts, span, sizing)
    shapes, notes = [], []  # set on the layout at once: plotly's add_shape/add_annotation re-validate per call
    for stage, start, end, text, row in zip(stages["stage"], starts, ends, texts, rows, strict=True):
        shapes.append(dict(type="rect", xref="x", yref="paper", x0=x_of(start, voting_day, axis),
                           x1=x_of(end, voting_day, axis), y0=0, y1=1, fillcolor=STAGE_COLORS.get(stage, NO_DATA),
                           line=dict(width=0), layer="below", name=f"stage-{stage}"))
        notes.append(dict(x=x_of((start + end) / 2, voting_day, axis), y=1, yshift=2 + ROW_PX * row, xref="x",
                          yref="paper", yanchor="bottom", showarrow=False, font=dict(size=sizing.label_font),
                          text=text, name=f"stage-{stage}"))
    # the voting-day label starts at the line, above the rows of stage labels (pixels, whatever the plot's height);
    # it ends at the line instead when the line is in the plot's right part (it ran past a phone's chart)
    top, voting_x = 2 + ROW_PX * LABEL_ROWS, x_of(0, voting_day, axis)
    shapes.append(dict(type="line", xref="x", yref="paper", x0=voting_x, x1=voting_x, y0=0, y1=1,
                       line=dict(color=ACCENT, width=2, dash="dash"), name="voting-day"))
    side = "right" if -span[0] > RIGHT_PART * (span[1] - span[0]) else "left"
    notes.append(dict(x=voting_x, y=1, yshift=top, xref="x", yref="paper", xanchor=side, yanchor="bottom",
                      showarrow=False, font=dict(size=12, color=ACCENT), bgcolor="white",
                      text=t("tl_voting_day", lang, day=f"{voting_day:%d-%m-%Y}"), name="voting-day"))
    fig.update_layout(shapes=[*fig.layout.shapes, *shapes], annotations=[*fig.layout.annotations, *notes])
    _x_axis(fig, axis, span, voting_day, lang, sizing)
    fig.update_layout(margin=dict(t=top + 30))


def label_rows(centres: list[float], texts: list[str], span: tuple[int, int], sizing: Sizing = WIDE) -> list[int]:
    """A row for each label, left to right: the lowest row whose last label ends before this one begins."""
    days_per_char = sizing.char_px * (span[1] - span[0]) / sizing.plot_px
    right_edges = [float("-inf")] * LABEL_ROWS
    rows = []
    for centre, text in zip(centres, texts, strict=True):
        half = len(text) * days_per_char / 2 + days_per_char  # a character's room on either side
        free = [r for r in range(LABEL_ROWS) if right_edges[r] <= centre - half]
        row = free[0] if free else min(range(LABEL_ROWS), key=right_edges.__getitem__)
        right_edges[row] = centre + half
        rows.append(row)
    return rows


def _x_axis(fig: go.Figure, axis: str, span: tuple[int, int], voting_day: date, lang: str,
            sizing: Sizing = WIDE) -> None:
    """H−n / H+n ticks on whole weeks, or month names in the chosen language on calendar dates."""
    if axis == "hday":
        values, texts = logic.hday_ticks(*span, sizing.hdays)
        fig.update_xaxes(tickvals=values, ticktext=texts, title=t("tl_axis_hday_title", lang), zeroline=False)
    else:
        first, last = (x_of(offset, voting_day, axis) for offset in span)
        fig.update_xaxes(type="date", title=None, **month_ticks(first, last, lang, sizing.months))


def _draw_spikes(fig: go.Figure, heights: pd.Series, spikes: pd.DataFrame | None, voting_day: date, axis: str,
                 lang: str) -> None:
    """A marker above each spike week, over the highest bar or line point of that week (daily view included)."""
    if spikes is None or spikes.empty:
        return
    tops = [int(heights[(heights.index >= w) & (heights.index < w + 7)].max()) for w in spikes["h_offset"]]
    fig.add_trace(go.Scatter(
        x=[x_of(w + 3.5, voting_day, axis) for w in spikes["h_offset"]], y=[top * 1.08 + 0.5 for top in tops],
        mode="markers", marker=dict(symbol="triangle-down", size=12, color=SPIKE_COLOR), name=t("tl_spike", lang),
        customdata=[bucket_text(int(w), voting_day, axis, 7) for w in spikes["h_offset"]],
        text=spikes["n"], hovertemplate=t("tl_spike", lang) + "<br>%{customdata}: %{text:,} "
        + t("ch_cases", lang) + "<extra></extra>",
    ))


def _draw_incomplete(fig: go.Figure, offsets, bucket_days: int, voting_day: date, axis: str, lang: str) -> None:
    """The last buckets whose numbers will still grow, shaded as one band and labelled."""
    if not len(offsets):
        return
    start, end = min(offsets), max(offsets) + bucket_days
    fig.add_shape(type="rect", xref="x", yref="paper", x0=x_of(start, voting_day, axis),
                  x1=x_of(end, voting_day, axis), y0=0, y1=1, fillcolor=INCOMPLETE_FILL, line_width=0,
                  name="incomplete")
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=t("tl_incomplete", lang), hoverinfo="skip",
                             marker=dict(symbol="square", size=14, color=INCOMPLETE_FILL)))


def prepost_chart(summary: pd.DataFrame, lang: str) -> go.Figure:
    """Weekly rate in each stage and gap (left) and before vs since voting day (right), with the cases behind."""
    rows = logic.stage_rows(summary)
    fig = make_subplots(rows=1, cols=2, column_widths=[0.74, 0.26], shared_yaxes=True, horizontal_spacing=0.03)
    fig.add_trace(go.Bar(
        x=[logic.period_label(p, lang) for p in rows["period"]], y=rows["weekly_rate"],
        marker_color=[STAGE_COLORS.get(p, NO_DATA) for p in rows["period"]], marker_line=dict(color="#888", width=1),
        text=[t("tl_n_cases", lang, n=_n(n, lang)) for n in rows["cases"]], textposition="outside", showlegend=False,
        hovertemplate="%{x}<br>%{y:.2f} " + t("tl_rate_unit", lang) + " · %{text}<extra></extra>",
    ), row=1, col=1)
    split = logic.prepost(summary)
    sides = [("before", "sebelum_h"), ("since", "sejak_h")]
    fig.add_trace(go.Bar(
        x=[logic.period_label(p, lang) for _, p in sides], y=[split[k]["weekly_rate"] for k, _ in sides],
        marker_color=["#5b8db8", ACCENT], showlegend=False, textposition="outside",
        text=[t("tl_n_cases", lang, n=_n(split[k]["cases"] or 0, lang)) for k, _ in sides],
        hovertemplate="%{x}<br>%{y:.2f} " + t("tl_rate_unit", lang) + " · %{text}<extra></extra>",
    ), row=1, col=2)
    if split["ratio"] is not None:  # ends at the chart's edge: centred over the narrow panel it ran past a phone's
        fig.add_annotation(xref="x2 domain", yref="paper", x=1, xanchor="right", y=1.0, yanchor="bottom",
                           showarrow=False, text=t("tl_ratio_note", lang, ratio=number(split["ratio"], lang, 2)),
                           font_size=12)
    fig.update_yaxes(title=t("tl_rate_unit", lang), rangemode="tozero", row=1, col=1)
    fig.update_xaxes(tickangle=-35)
    return base_layout(fig, lang, None, 420)


def _n(cases, lang: str):
    """The n= of a bar: the count as it is, '< 5' when withheld on a public view."""
    return count_text(cases, lang) if pd.isna(cases) else int(cases)


def overlay_chart(frame: pd.DataFrame, measure: str, lang: str) -> go.Figure:
    """Elections side by side on the H-day axis: weekly cases, or each week's share of the election's total."""
    fig = go.Figure()
    shares = measure == "share"
    for election in [e for e in ELECTIONS if e in set(frame["election"])] + sorted(
            set(frame["election"]) - set(ELECTIONS)):
        rows = frame[frame["election"] == election]
        weeks = [bucket_text(int(o), date(2000, 1, 1), "hday", 7) for o in rows["h_offset"]]
        estimated = not shares and not all(float(n).is_integer() for n in rows["n"])  # a public view's estimates
        fig.add_trace(go.Scatter(
            x=rows["h_offset"] + 3.5, y=rows["share"] if shares else rows["n"], mode="lines",
            name=label("election", election, lang), line=dict(color=ELECTION_COLORS.get(election), width=2),
            customdata=[[w, logic.shown_count(n, lang)] for w, n in zip(weeks, rows["n"], strict=True)]
            if estimated else weeks,
            hovertemplate="%{fullData.name} · " + ("%{customdata[0]}: %{customdata[1]}" if estimated else
                                                   "%{customdata}: %{y" + (":.1%" if shares else ":,") + "}")
            + "<extra></extra>",
        ))
    span = (int(frame["h_offset"].min()), int(frame["h_offset"].max()) + 7) if len(frame) else (-7, 7)
    fig.add_vline(x=0, line=dict(color=ACCENT, width=2, dash="dash"))
    fig.add_annotation(x=0, y=0.98, xref="x", yref="paper", xanchor="left", yanchor="top", showarrow=False,
                       text=t("tl_voting_day_short", lang), font=dict(size=11, color=ACCENT), name="voting-day")
    _x_axis(fig, "hday", span, date(2000, 1, 1), lang)
    peak = frame["n"].max() if len(frame) else 0
    axis = {"tickformat": ".0%", "rangemode": "tozero"} if shares else count_axis(peak)
    fig.update_yaxes(title=t("tl_share_of_election" if shares else "tl_per_week", lang), **axis)
    return base_layout(fig, lang, None, 380)


def lag_chart(summary: pd.DataFrame, lang: str) -> go.Figure:
    """Days from incident to report and from report to decision per period: median bars, whiskers p25–p90."""
    rows = logic.stage_rows(summary)
    rows = rows[rows["cases"] > 0]
    x = [logic.period_label(p, lang) for p in rows["period"]]
    fig = go.Figure()
    for measure, color in LAG_COLORS.items():
        p25, p50, p90 = (rows[f"{measure}_{q}"].astype("Float64") for q in ("p25", "p50", "p90"))
        fig.add_trace(go.Bar(
            x=x, y=p50.tolist(), name=t(f"tl_{measure}", lang), marker_color=color,
            error_y=dict(type="data", symmetric=False, array=(p90 - p50).tolist(), arrayminus=(p50 - p25).tolist(),
                         color="#444", thickness=1.2),
            customdata=list(zip(p25.tolist(), p90.tolist(), strict=True)),
            hovertemplate="%{x}<br>" + t(f"tl_{measure}", lang) + ": " + t("tl_lag_hover", lang) + "<extra></extra>",
        ))
    fig.update_layout(barmode="group", legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0))
    fig.update_yaxes(title=t("tl_days", lang), rangemode="tozero")
    fig.update_xaxes(tickangle=-35)
    return base_layout(fig, lang, None, 380)


def trend_chart(frame: pd.DataFrame, lang: str, calendar: pd.DataFrame | None = None) -> go.Figure:
    """Ringkasan's weekly trend (frame: week, n) with the voting days of the elections it spans as labelled lines."""
    fig = weekly_chart(frame, lang)
    if calendar is None or not len(frame):
        return fig
    first, last = pd.Timestamp(frame["week"].min()), pd.Timestamp(frame["week"].max()) + pd.Timedelta(days=7)
    for election, day in calendar.drop_duplicates("election")[["election", "voting_day"]].itertuples(index=False):
        if first <= day <= last:
            fig.add_shape(type="line", xref="x", yref="paper", x0=day, x1=day, y0=0, y1=1,
                          line=dict(color=ACCENT, width=1, dash="dash"), name="voting-day")
            fig.add_annotation(x=day, y=1, xref="x", yref="paper", yanchor="bottom", showarrow=False, font_size=10,
                               text=label("election", election, lang), name="voting-day")
    fig.update_layout(margin=dict(t=28))
    return fig
