"""Pure chart builders: a small aggregated DataFrame in, a plotly Figure out — no Streamlit, so exports reuse them.

Every figure uses the one template and colour maps of `ui.figures.theme`, labels vocabulary values in the chosen
language and writes numbers with that language's separators.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui.figures.theme import (
    ACCENT,
    FUNNEL_COLORS,
    NO_DATA,
    SEVERITY_COLORS,
    STATUS_COLORS,
    TEMPLATE,
    VIOLATION_TYPE_COLORS,
)
from ui.strings import label, t
from ui.views.disclosure import MIDPOINT, any_withheld, count_cells, count_text, counts, drawn, withheld
from ui.views.numbers import number, separators
from warehouse.vocab import AGENCY_LEVELS, SEVERITIES, STATUSES

# The modebar keeps the PNG download and zoom reset; nothing in a chart loads from the network (the topojson is
# served locally for geo maps, see STACK.md §2).
PLOTLY_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines", "hoverClosestCartesian",
                               "hoverCompareCartesian", "sendDataToCloud", "editInChartStudio"],
    "topojsonURL": "app/static/topojson/",
    "showLink": False,
}
COLORS = {"violation_type": VIOLATION_TYPE_COLORS, "severity": SEVERITY_COLORS, "status": STATUS_COLORS}
ORDINAL = {"severity": SEVERITIES, "status": STATUSES, "agency_level": AGENCY_LEVELS}  # kept in this order
DIMENSIONS = ("violation_type", "severity", "type_severity", "position_class", "agency_level", "status",
              "source_agency")  # of the `breakdowns` query, each drawn by breakdown_chart
BAR_PX, BASE_PX = 30, 70  # height of one horizontal bar and of the axes around them
SMALL_COUNT = 6  # up to this many, count axes tick every whole number


def base_layout(fig: go.Figure, lang: str, title: str | None = None, height: int | None = None) -> go.Figure:
    """The shared look: template, separators of the language, a title and a height."""
    fig.update_layout(template=TEMPLATE, separators=separators(lang), height=height,
                      title_text=title)
    return fig


def count_axis(largest) -> dict:
    """Axis settings for whole counts: no '0,5' ticks, no repeated rounded ticks when counts are small."""
    return {"tickformat": ",d", "dtick": 1 if largest and largest <= SMALL_COUNT else None, "rangemode": "tozero"}


def month_ticks(first, last, lang: str, most: int = 8) -> dict:
    """Month ticks with month names in the chosen language (plotly.js alone only speaks English)."""
    months = pd.date_range(pd.Timestamp(first), pd.Timestamp(last), freq="MS")  # month starts inside the range
    if months.empty:
        return {}  # less than a month: plotly's own day ticks are fine
    step = max(1, -(-len(months) // most))
    shown = months[::step]
    names = t("ch_months", lang).split()
    return {"tickvals": list(shown), "ticktext": [f"{names[m.month - 1]} {m.year}" for m in shown]}


def value_label(column: str, value, lang: str) -> str:
    """A vocabulary value's display label; a missing value reads 'Tidak diketahui'."""
    return t("ch_unknown", lang) if value is None or pd.isna(value) else label(column, value, lang)


def _dimension(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """The rows of one breakdown when `frame` is the `breakdowns` query result, else `frame` itself."""
    return frame[frame["dimension"] == name] if "dimension" in frame.columns else frame


def counts_frame(frame: pd.DataFrame, column: str, lang: str) -> pd.DataFrame:
    """(value, label, n, share, colour) per value of `column`, ordered for reading: vocabulary or most first.

    `frame` holds `column` and `n`, or is the whole `breakdowns` result (then its rows for `column` are used).
    """
    rows = _dimension(frame, column)[[column, "n"]]
    counted = rows.assign(n=counts(rows["n"]))  # float with NaN when a public view withheld some
    total = int(drawn(counted["n"]).sum())
    if column in ORDINAL:
        rank = {value: i for i, value in enumerate(ORDINAL[column])}
        counted = counted.assign(_rank=counted[column].map(rank).fillna(len(rank)))
        counted = counted.sort_values("_rank", kind="stable")
    else:
        counted = counted.sort_values(["n", column], ascending=[False, True], kind="stable", na_position="last")
    colors = COLORS.get(column, {})
    return pd.DataFrame({
        "value": counted[column].tolist(),
        "label": [value_label(column, v, lang) for v in counted[column]],
        "n": counts(counted["n"].tolist()),
        "share": [n / total if total else 0.0 for n in counted["n"]],
        "color": [colors.get(None if pd.isna(v) else v, NO_DATA if colors else ACCENT) for v in counted[column]],
    })


def bar_chart(frame: pd.DataFrame, column: str, lang: str, shares: bool = False,
              title: str | None = None) -> go.Figure:
    """Horizontal bars of case counts (or shares) per value of a vocabulary column, labelled and coloured."""
    rows = counts_frame(frame, column, lang)
    if any_withheld(rows["n"]):  # a public view: withheld bars drawn small, labelled '< 5', no share of them
        fig = go.Figure(_withheld_bars(rows, shares, lang))
    else:
        x = rows["share"] if shares else rows["n"]
        fig = go.Figure(go.Bar(
            x=x, y=rows["label"], orientation="h", marker_color=rows["color"],
            text=x, texttemplate="%{x:.1%}" if shares else "%{x:,}", textposition="auto", textangle=0,
            customdata=list(zip(rows["n"], rows["share"], strict=True)),
            hovertemplate="%{y}<br>%{customdata[0]:,} " + t("ch_cases", lang)
            + " (%{customdata[1]:.1%})<extra></extra>",
        ))
    fig.update_yaxes(categoryorder="array", categoryarray=rows["label"].tolist()[::-1], title=None)
    fig.update_xaxes(title=t("ch_share" if shares else "ch_count", lang),
                     **({"tickformat": ".0%"} if shares else count_axis(rows["n"].max())))
    return base_layout(fig, lang, title, BASE_PX + BAR_PX * max(len(rows), 1))


def _withheld_bars(rows: pd.DataFrame, shares: bool, lang: str) -> go.Bar:
    """bar_chart's bars when some counts are withheld: every label and hover as text, '< 5' where withheld."""
    total = drawn(rows["n"]).sum()
    x = drawn(rows["n"]) / total if shares and total else drawn(rows["n"])
    share_text = [count_text(n, lang) if pd.isna(n) else percent_text(s, lang)
                  for n, s in zip(rows["n"], rows["share"], strict=True)]
    counts_text = [count_text(n, lang) for n in rows["n"]]
    return go.Bar(
        x=x, y=rows["label"], orientation="h", marker_color=rows["color"], text=share_text if shares else counts_text,
        texttemplate="%{text}", textposition="auto", textangle=0,
        customdata=list(zip(counts_text, share_text, strict=True)),
        hovertemplate="%{y}<br>%{customdata[0]} " + t("ch_cases", lang) + " (%{customdata[1]})<extra></extra>",
    )


def percent_text(share: float, lang: str) -> str:
    """A share (0.454) as the language writes it ('45,4%')."""
    return number(100 * share, lang, 1) + "%"


def ranking_chart(frame: pd.DataFrame, name_column: str, lang: str, title: str | None = None,
                  detail_column: str | None = None) -> go.Figure:
    """Top places as horizontal bars, most first; hover adds proven cases (and e.g. the province)."""
    names = frame[name_column].tolist()
    details = frame[detail_column].tolist() if detail_column else [""] * len(frame)
    n_cells, n_format = count_cells(frame["n"], lang)
    proven_cells, proven_format = count_cells(frame["proven"], lang)
    text = {"text": frame["n"], "texttemplate": "%{x:,}"} if n_format else {"text": n_cells,
                                                                              "texttemplate": "%{text}"}
    fig = go.Figure(go.Bar(
        x=drawn(frame["n"]) if not n_format else frame["n"], y=names, orientation="h", marker_color=ACCENT,
        textposition="auto", textangle=0, customdata=list(zip(proven_cells, details, n_cells, strict=True)), **text,
        hovertemplate="%{y} %{customdata[1]}<br>" + ("%{x:,}" if n_format else "%{customdata[2]}") + " "
        + t("ch_cases", lang)
        + ", %{customdata[0]" + proven_format + "} " + t("ch_proven", lang) + "<extra></extra>",
    ))
    fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], title=None)
    fig.update_xaxes(title=t("ch_count", lang), **count_axis(frame["n"].max() if len(frame) else 0))
    return base_layout(fig, lang, title, BASE_PX + BAR_PX * max(len(names), 1))


def funnel_chart(frame: pd.DataFrame, lang: str, title: str | None = None) -> go.Figure:
    """The enforcement funnel (reported → proven → sanctioned), each stage with its share of the one before.

    `frame` is the one-row `kpis` query: its reported, proven and sanctioned columns are the stages. On a public
    view a withheld stage reads '< 5' and no share is given of or for it.
    """
    stages = frame.iloc[0][list(FUNNEL_COLORS)]
    names = [t(f"ch_stage_{stage}", lang) for stage in stages.index]
    if any_withheld(stages.tolist()):
        shown = {"x": drawn(stages.tolist()).tolist(), "text": _funnel_texts(stages.tolist(), lang),
                 "texttemplate": "%{text}", "hovertemplate": "%{y}: %{text}<extra></extra>"}
    else:
        shown = {"x": stages.astype("int64").tolist(), "texttemplate": "%{value:,}<br>%{percentPrevious:.1%}",
                 "hovertemplate": "%{y}: %{x:,} (%{percentPrevious:.1%})<extra></extra>"}
    fig = go.Figure(go.Funnel(y=names, marker_color=list(FUNNEL_COLORS.values()), **shown))
    return base_layout(fig, lang, title, 260)


def _funnel_texts(values: list, lang: str) -> list[str]:
    """'1.235<br>45,0%' per stage, '< 5' for a withheld one (and no share after it)."""
    texts, before = [], None
    for value in values:
        known = not (withheld(value) or withheld(before)) and before
        share = f"<br>{percent_text(value / before, lang)}" if known else ""
        texts.append(count_text(value, lang) + share)
        before = value
    return texts


def heatmap_chart(frame: pd.DataFrame, lang: str, shares: bool = False, title: str | None = None) -> go.Figure:
    """Violation type × severity: counts (or shares of all cases) in a grid, types by total, severities in order.

    On a public view a withheld cell is coloured as MIDPOINT and reads '< 5' (no share is given for it).
    """
    frame = _dimension(frame, "type_severity")
    cells = frame.assign(severity=frame["severity"].fillna("_unknown"))
    grid = cells.set_index(["violation_type", "severity"])["n"].unstack(fill_value=0)  # a pair no case has is 0
    columns = [s for s in (*SEVERITIES, "_unknown") if s in grid.columns]
    grid = grid[columns].loc[drawn_grid(grid).sum(axis=1).sort_values(ascending=False, kind="stable").index]
    total = int(drawn_grid(grid).to_numpy().sum())
    z = drawn_grid(grid) / total if shares and total else drawn_grid(grid)
    if grid.isna().to_numpy().any():
        words = [[count_text(n, lang) if withheld(n) or not shares else percent_text(n / total, lang) for n in row]
                 for row in grid.to_numpy()]
        text = {"text": words, "texttemplate": "%{text}", "hovertemplate": "%{y} · %{x}: %{text}<extra></extra>"}
    else:
        text = {"texttemplate": "%{z:.1%}" if shares else "%{z:,}",
                "hovertemplate": "%{y} · %{x}: %{z" + (":.1%" if shares else ":,") + "}<extra></extra>"}
    fig = go.Figure(go.Heatmap(
        z=z.to_numpy(), x=[value_label("severity", None if s == "_unknown" else s, lang) for s in columns],
        y=[value_label("violation_type", v, lang) for v in grid.index], colorscale="OrRd", hoverongaps=False,
        showscale=False, **text,
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    return base_layout(fig, lang, title, BASE_PX + BAR_PX * max(len(grid), 1))


def drawn_grid(grid: pd.DataFrame) -> pd.DataFrame:
    """A grid of counts for colour and ordering: withheld cells at MIDPOINT, whole counts as they are."""
    return grid.fillna(MIDPOINT) if grid.isna().to_numpy().any() else grid


def breakdown_chart(frame: pd.DataFrame, dimension: str, lang: str, shares: bool = False,
                    title: str | None = None) -> go.Figure:
    """One breakdown of the `breakdowns` query: the type × severity grid, or bars for any other dimension."""
    if dimension == "type_severity":
        return heatmap_chart(frame, lang, shares, title)
    return bar_chart(frame, dimension, lang, shares, title)


def weekly_chart(frame: pd.DataFrame, lang: str, title: str | None = None) -> go.Figure:
    """Cases per week as a simple line (Ringkasan's short trend); weeks without cases count as zero.

    On a public view a withheld week is drawn at MIDPOINT and its hover reads '< 5'.
    """
    weeks = pd.to_datetime(frame["week"])
    counts = frame.assign(week=weeks).set_index("week")["n"]
    if len(counts):
        counts = counts.reindex(pd.date_range(weeks.min(), weeks.max(), freq="7D"), fill_value=0)
    cells, fmt = count_cells(counts.tolist(), lang)
    fig = go.Figure(go.Scatter(
        x=counts.index, y=counts.to_numpy() if fmt else drawn(counts.tolist()).to_numpy(), mode="lines",
        line_color=ACCENT, line_shape="hv", customdata=None if fmt else cells,
        hovertemplate=t("ch_week_of", lang) + " %{x|%d-%m-%Y}: " + ("%{y:,} " if fmt else "%{customdata} ")
        + t("ch_cases", lang) + "<extra></extra>",
    ))
    fig.update_yaxes(title=t("ch_count", lang), **count_axis(counts.max() if len(counts) else 0))
    fig.update_xaxes(title=None, **(month_ticks(counts.index[0], counts.index[-1], lang) if len(counts) else {}))
    return base_layout(fig, lang, title, 280)
