"""Map builders: a geo choropleth by kabupaten/kota or province, and a centroid bubble map when boundaries are absent.

Pure: DataFrames in, go.Figure out, no Streamlit. The boundaries go by URL (the browser fetches them once; a
rerun re-sends only ~20 KB of values), base layers are hidden and the world topojson is local: without it an
offline geo map is silently blank (STACK.md §2, §7).
"""

from __future__ import annotations

import copy
from collections.abc import Collection

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from geo import boundaries
from ui.figures import map_legend
from ui.figures.theme import NO_DATA, NO_ELECTION, TEMPLATE
from ui.strings import t
from ui.views import bins
from ui.views.disclosure import BASE, any_withheld, count_text, drawn
from ui.views.map_numbers import LOW_COUNT, PROVINCE_ONLY, change_text, metric_values, no_election, shown
from ui.views.numbers import number, separators

# No zoom on the mouse wheel: the map spans the page, so the wheel must scroll on to the ranked table below it (a
# map that caught the wheel trapped a laptop's page); the modebar's + and − buttons zoom, a drag pans.
PLOTLY_CONFIG = {"topojsonURL": "app/static/topojson/", "displaylogo": False, "scrollZoom": False}
MAP_TEMPLATE = TEMPLATE  # the lean template of ui.figures.theme: every byte is re-sent on each rerun
NOMINAL_WIDTH, LEGEND_PX, MIN_HEIGHT, MAX_HEIGHT = 1000, 60, 300, 650  # px; the map spans a wide page's width
BUBBLE_PX = 40  # diameter of the biggest bubble
PAD = 0.02  # of the larger side, so border strokes at the edge are not cut
MARGIN_DEG = 1  # around centroids when there are no boundary boxes: roughly where borders reach
BORDER, BORDER_SELECTED = ("#8c8c8c", 0.3), ("#1a1a1a", 2.5)


def _hover_fields(rows: pd.DataFrame, level: str) -> list[str]:
    """What the hover shows: the change only when the frame has it, the rate only for provinces."""
    return ["reported", "proven", "share"] + (["change"] if "change_kind" in rows else []) + (
        ["rate"] if level == "provinsi" else [])


def _hover_values(rows: pd.DataFrame, fields: list[str], lang: str, as_text: bool = False) -> list[list]:
    """customdata rows for `fields`; share, rate and change pre-formatted (hover cannot format a missing number),
    and the counts too when `as_text` (a public view with withheld counts: '< 5')."""
    def counts(column: str) -> list:
        return [count_text(v, lang) for v in rows[column]] if as_text else rows[column].astype(int).tolist()

    makers = {
        "reported": lambda: counts("reported"),
        "proven": lambda: counts("proven"),
        "share": lambda: [number(v, lang, 1) + "%" if pd.notna(v) else "—" for v in rows["proven_share"]],
        "rate": lambda: [number(v, lang, 1) for v in rows["rate"]],
        "change": lambda: [change_text(row, lang) for _, row in rows.iterrows()],
    }
    return [list(values) for values in zip(*(makers[field]() for field in fields), strict=True)]


def _as_text(rows: pd.DataFrame) -> bool:
    """True when some count of the shown regions is withheld, so hovers show every count as text."""
    return any_withheld(rows["reported"]) or any_withheld(rows["proven"])


def _hover(lang: str, level: str, fields: list[str], name: str, province: str, first: int = 0,
           as_text: bool = False) -> str:
    """Hover template over customdata laid out as `fields`, starting at index `first`."""
    whole = "" if as_text else ":,"
    ref = {field: f"%{{customdata[{first + i}]{whole if field in ('reported', 'proven') else ''}}}"
           for i, field in enumerate(fields)}
    lines = [f"<b>{name}</b>"] + ([province] if level == "kabupaten" else [])
    lines += [f"{t('map_cases', lang)}: {ref['reported']}",
              f"{t('map_proven', lang)}: {ref['proven']} ({ref['share']})"]
    lines += [f"{t('map_rate', lang)}: {ref['rate']}"] if "rate" in ref else []
    lines += [f"{t('map_change', lang)}: {ref['change']}"] if "change" in ref else []
    return "<br>".join(lines) + "<extra></extra>"


def class_values(rows: pd.DataFrame, metric: str) -> pd.Series:
    """What the colour classes are made of: counts as published (NaN: withheld), rates in tenths, else the value."""
    if metric == "count":
        return rows["reported"].astype(float)
    return rows["rate"].round(1) if metric == "rate" else metric_values(rows, metric)


def metric_bins(values: pd.Series, metric: str, lang: str) -> bins.Bins:
    """The colour classes of `metric` over these class values (see class_values).

    Counts: quantile classes (on a public view with withheld counts: '< 5', and classes reaching to what the
    rounding down to 5s hides); rates: quantile classes in tenths; the share and the change: fixed classes.
    """
    if metric == "count":
        public = any_withheld(values)
        return bins.quantile_bins(values, lang, step=BASE if public else 1, reach=BASE - 1 if public else 0,
                                  withheld="< 5" if public else None)
    if metric == "rate":
        return bins.quantile_bins(values, lang, step=0.1, decimals=1)
    return bins.share_bins(lang) if metric == "proven_share" else bins.change_bins(lang)


def _borders(codes: pd.Series, selected: Collection[str]) -> dict:
    """Thin grey borders; a thick dark outline around the selected regions."""
    if not selected:
        return {"color": BORDER[0], "width": BORDER[1]}
    chosen = codes.isin(list(selected)).to_numpy()
    return {"color": np.where(chosen, BORDER_SELECTED[0], BORDER[0]).tolist(),
            "width": np.where(chosen, BORDER_SELECTED[1], BORDER[1]).tolist()}


def _compact(values: pd.Series) -> list:
    """Colour values with no more digits than the eye can see (every byte is re-sent on each rerun)."""
    rounded = values.round(1)
    return rounded.astype(int).tolist() if (rounded % 1 == 0).all() else rounded.tolist()


def extent(rows: pd.DataFrame, bounds: dict[str, list[float]] | None = None) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the shown regions: their boundary boxes, else centroids ± MARGIN_DEG."""
    boxes = [bounds[code] for code in rows["code"] if code in bounds] if bounds else []
    if boxes and len(boxes) == len(rows):
        west, south, east, north = np.array(boxes).T
        pad = PAD * max(east.max() - west.min(), north.max() - south.min())
        return west.min() - pad, south.min() - pad, east.max() + pad, north.max() + pad
    return (rows["lon"].min() - MARGIN_DEG, rows["lat"].min() - MARGIN_DEG,
            rows["lon"].max() + MARGIN_DEG, rows["lat"].max() + MARGIN_DEG)


def fitted_height(box: tuple[float, float, float, float], width: int = NOMINAL_WIDTH) -> int:
    """Figure height that shows `box` at `width` px without bands of empty paper (equirectangular)."""
    west, south, east, north = box
    return int(np.clip(width * (north - south) / (east - west) + LEGEND_PX, MIN_HEIGHT, MAX_HEIGHT))


def _layout(fig: go.Figure, box: tuple, metric: str, lang: str, height: int | None, revision: str,
            greyed: bool, withheld: bool = False, width: int = NOMINAL_WIDTH) -> go.Figure:
    """Hidden base layers, framed on the shown regions, zoom kept across reruns of the same view (uirevision).

    plotly.js fits the locations into the box of the lon/lat ranges, which default to the whole world (2:1):
    a tall province never got taller than half the width. Ranges equal to the regions' own box fill the frame.
    Equirectangular: near the equator it is Mercator to within a few percent, and simpler for plotly to fit.
    """
    west, south, east, north = (float(v) for v in box)
    fig.update_geos(visible=False, fitbounds="locations", projection_type="equirectangular",
                    bgcolor="rgba(0,0,0,0)", lonaxis_range=[west, east], lataxis_range=[south, north])
    fig.update_layout(
        template=MAP_TEMPLATE, separators=separators(lang),
        height=height or fitted_height(box, width), margin={"l": 0, "r": 0, "t": 0, "b": LEGEND_PX // 2},
        uirevision=revision,
    )
    if greyed:  # say why some regions are grey
        why = t(f"map_no_value_{metric}", lang, low=LOW_COUNT) + (f"; {t('map_no_value_withheld', lang)}"
                                                                 if withheld and metric != "count" else "")
        fig.add_annotation(text=why, showarrow=False, xref="paper",
                           yref="paper", x=0, y=-0.02, yanchor="top", xanchor="left",
                           font={"size": 11, "color": "#6b6b6b"})
    return fig


def _parts(rows: pd.DataFrame, metric: str, lang: str) -> tuple[list, list[str], bins.Bins]:
    """(rows, class indexes, colour settings) for regions with a value, then (…, None) for those drawn grey, then
    (…, "none") for those that held no election; with the classes and their colours for the legend."""
    absent = no_election(rows)
    values = class_values(rows, metric)
    found = metric_bins(values[~absent], metric, lang)  # a region without an election is no zero of a count
    classes = found.classes(values)
    colours = map_legend.class_colours(found, metric)
    has = ~np.isnan(classes) & ~absent
    kinds = ((has, map_legend.stepped_scale(colours) if colours else None), (~has & ~absent, None), (absent, "none"))
    parts = [(rows[keep], pd.Series(classes[keep], index=rows.index[keep]), setting)
             for keep, setting in kinds if keep.any()]
    return parts, colours, found


def _greyed(parts) -> bool:
    """True when some regions are drawn grey (no value), so the map says why."""
    return any(colours is None for _, _, colours in parts)


def _flat(colour: str) -> dict:
    """Choropleth settings that paint every location one colour."""
    return {"colorscale": [[0, colour], [1, colour]], "showscale": False}


def _legend(fig: go.Figure, parts, colours: list[str], found: bins.Bins, metric: str, lang: str) -> None:
    """The discrete legend: one entry per class, and 'no election here' when a region held none."""
    fig.add_traces(map_legend.legend_traces(found, colours, any(setting == "none" for *_, setting in parts), lang))
    fig.update_layout(**map_legend.legend_layout(metric, lang))


def _revision(kind: str, rows: pd.DataFrame) -> str:
    """uirevision: the same view keeps the user's zoom across reruns; another level or focus starts fitted.

    Streamlit 1.67 remounts a chart whose figure changed (plotly_chart hashes the spec into the element id), so
    a hand zoom survives only reruns that leave the map as it was; the drill-down focus survives every rerun.
    """
    return f"{kind}:{','.join(sorted(set(rows['province_code'])))}"


def region_map(frame: pd.DataFrame, metric: str, lang: str, level: str = "kabupaten", focus_province=None,
               selected: Collection[str] = (), height: int | None = None, width: int = NOMINAL_WIDTH) -> go.Figure:
    """Geo choropleth of `metric` per kabupaten/kota or province; regions without a value drawn grey on purpose."""
    if level == "kabupaten" and metric in PROVINCE_ONLY:
        raise ValueError(f"{metric} exists per province only")
    _, code_key, name_key = boundaries.LEVELS[level]
    rows = shown(frame, level, focus_province)
    fields, as_text = _hover_fields(rows, level), _as_text(rows)
    common = {"geojson": boundaries.url(level), "featureidkey": f"properties.{code_key}",
              "hovertemplate": _hover(lang, level, fields, f"%{{properties.{name_key}}}", "%{properties.nama_prov}",
                                      as_text=as_text),
              "unselected": {"marker": {"opacity": 1}}}  # a click must not dim the other regions
    fig = go.Figure()
    parts, colours, found = _parts(rows, metric, lang)
    for part, classes, setting in parts:
        coloured = isinstance(setting, dict)
        fig.add_trace(go.Choropleth(
            locations=part["code"], z=_compact(classes) if coloured else [0] * len(part),
            customdata=_hover_values(part, fields, lang, as_text), marker_line=_borders(part["code"], selected),
            **(setting if coloured else _flat(NO_ELECTION if setting == "none" else NO_DATA)), **common,
        ))
    _legend(fig, parts, colours, found, metric, lang)
    box = extent(rows, boundaries.installed_bounds(level))
    return _layout(fig, box, metric, lang, height, _revision(level, rows), _greyed(parts), as_text, width)


def bubble_map(frame: pd.DataFrame, metric: str, lang: str, level: str = "kabupaten", focus_province=None,
               selected: Collection[str] = (), height: int | None = None, width: int = NOMINAL_WIDTH) -> go.Figure:
    """Fallback without boundaries: a bubble per centroid (regions.lat/lon), sized by cases, coloured by metric."""
    rows = shown(frame, level, focus_province)
    fields, as_text = _hover_fields(rows, level), _as_text(rows)
    biggest = max(float(drawn(rows["reported"]).max()) if len(rows) else 0.0, 1.0)
    fig = go.Figure()
    parts, colours, found = _parts(rows, metric, lang)
    for part, classes, setting in parts:
        sizes = np.sqrt(drawn(part["reported"]).to_numpy() / biggest) * BUBBLE_PX
        fill = [colours[int(c)] for c in classes] if isinstance(setting, dict) else (
            NO_ELECTION if setting == "none" else NO_DATA)
        marker = {"size": np.maximum(sizes, 5).round(1).tolist(), "line": _borders(part["code"], selected),
                  "color": fill}
        fig.add_trace(go.Scattergeo(
            lat=part["lat"], lon=part["lon"], mode="markers", marker=marker, text=part["name"],
            hovertext=part["province_name"], showlegend=False, unselected={"marker": {"opacity": 1}},
            customdata=[[code, *row] for code, row in zip(part["code"], _hover_values(part, fields, lang, as_text),
                                                          strict=True)],  # [0] is the code
            hovertemplate=_hover(lang, level, fields, "%{text}", "%{hovertext}", first=1, as_text=as_text),
        ))
    _legend(fig, parts, colours, found, metric, lang)
    return _layout(fig, extent(rows), metric, lang, height, _revision(f"bubble:{level}", rows), _greyed(parts),
                   as_text, width)


def best_map(frame: pd.DataFrame, metric: str, lang: str, **options) -> go.Figure:
    """The boundary choropleth when boundaries are installed, else the centroid bubble map."""
    return (region_map if boundaries.installed() else bubble_map)(frame, metric, lang, **options)


def clicked_codes(selection: dict | None) -> list[str]:
    """Region or province codes of the clicked points of a plotly selection event (choropleth or bubbles)."""
    points = (selection or {}).get("points") or []
    return [str(point.get("location") or (point.get("customdata") or [None])[0]) for point in points
            if point.get("location") or point.get("customdata")]


def for_export(fig: go.Figure) -> go.Figure:
    """A copy whose boundary URLs point at the installed files (file://): kaleido cannot fetch app/static/."""
    exported = copy.deepcopy(fig)
    for level, (file_name, _, _) in boundaries.LEVELS.items():
        exported.update_traces(geojson=boundaries.installed_path(level).as_uri(),
                               selector=lambda trace, name=file_name: isinstance(trace.geojson, str)
                               and trace.geojson.endswith(name))
    return exported
