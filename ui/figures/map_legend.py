"""The map's colour classes drawn: one colour per class of ui.views.bins, a stepped colour scale for the
choropleth, and a discrete legend in real numbers (plus "no election here").

The legend is made of empty geo traces, one per class: a choropleth trace has no legend swatch of its own, and a
continuous colour bar cannot say "1–2". The polygons stay in one coloured trace, so their order (and a click's
point) does not depend on the classes.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from ui.figures.theme import DIVERGING, NO_ELECTION, SEQUENTIAL
from ui.strings import t
from ui.views.bins import Bins

SWATCH_PX = 12


def class_colours(found: Bins, metric: str) -> list[str]:
    """The colour of each class: the diverging scale for the change, the sequential one otherwise."""
    if not found.anchors:
        return []
    return sample_colorscale(DIVERGING if metric == "change" else SEQUENTIAL, list(found.anchors))


def stepped_scale(colours: list[str]) -> dict:
    """Choropleth colour settings for z = class index: each class one flat band, no colour bar."""
    n = len(colours)
    scale = [[edge / n, colour] for i, colour in enumerate(colours) for edge in (i, i + 1)]
    return {"colorscale": scale, "zmin": -0.5, "zmax": n - 0.5, "showscale": False}


def legend_traces(found: Bins, colours: list[str], no_election: bool, lang: str) -> list[go.Scattergeo]:
    """One legend entry per class, then 'no election here' when some region held none; they draw nothing."""
    entries = list(zip(found.labels, colours, strict=True))
    entries += [(t("map_no_election", lang), NO_ELECTION)] if no_election else []
    return [go.Scattergeo(lat=[None], lon=[None], mode="markers", name=label, showlegend=True, hoverinfo="skip",
                          marker={"symbol": "square", "size": SWATCH_PX, "color": colour,
                                  "line": {"color": "#8c8c8c", "width": 0.5}})
            for label, colour in entries]


def legend_layout(metric: str, lang: str) -> dict:
    """A horizontal legend above the map, titled by the measure; clicks on it do nothing (nothing to hide)."""
    return {"showlegend": True, "legend": {
        "orientation": "h", "x": 0, "xanchor": "left", "y": 1, "yanchor": "bottom", "itemclick": False,
        "itemdoubleclick": False, "title": {"text": t(f"map_colorbar_{metric}", lang), "side": "top"},
        "font": {"size": 12}}}  # the title above its items ("top left" set them after it: a phone cut the last off)
