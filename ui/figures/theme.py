"""One look for every chart: the plotly template and one colour per severity, violation type and status.

The same category has the same colour on every page and in every export.
"""

import plotly.graph_objects as go
import plotly.io as pio

from warehouse.vocab import CROSS_AGENCY_STAGES, SEVERITIES, STATUSES, VIOLATION_TYPES

FONT = "Source Sans Pro, Segoe UI, Helvetica, Arial, sans-serif"
ACCENT = "#8a1538"  # Netra maroon, as in .streamlit/config.toml
NO_DATA = "#d9d9d9"
NO_ELECTION = "#eeeeee"  # a region that held no election: lighter than "no value", never a colour of a count
SEVERITY_COLORS = dict(zip(SEVERITIES, ("#f2c14e", "#e07a1f", "#b3001b"), strict=True))
SEVERITY_COLORS[None] = NO_DATA
STATUS_COLORS = dict(zip(STATUSES, ("#9fb3c8", "#5b8db8", "#e07a1f", "#8fbf8f", "#b0b0b0", "#b3001b"), strict=True))
FUNNEL_COLORS = {"reported": "#5b8db8", "proven": "#e07a1f", "sanctioned": "#b3001b"}
# the hands of the cross-agency flow: Bawaslu's two in blues, KASN/BKN's two in oranges, the PPK's sanction as above
CROSS_AGENCY_COLORS = dict(zip(CROSS_AGENCY_STAGES, ("#9fb3c8", "#5b8db8", "#f2a65a", "#e07a1f", "#b3001b"),
                               strict=True))
_PALETTE = (  # 14 distinguishable colours (Tableau 20 subset), in VIOLATION_TYPES order
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b", "#17becf", "#7f7f7f",
)
VIOLATION_TYPE_COLORS = dict(zip(VIOLATION_TYPES, _PALETTE, strict=True))
SEQUENTIAL = "OrRd"  # counts and rates on maps
DIVERGING = "RdBu_r"  # change against the previous period, centred on zero

# One lean template, registered once. It carries the parts of plotly_white our charts show (white ground, light
# grid, hover and axis defaults, thin white bar outlines) and nothing else: "plotly_white+netra" was merged anew
# for every figure (~20 ms each) and sent ~7 KB of styling for trace types we never draw with every chart.
_GRID, _INK = "#eeeeee", "#2a3f5f"
_AXIS = dict(gridcolor=_GRID, linecolor="#ebf0f8", zerolinecolor="#cccccc", zerolinewidth=2, ticks="",
             automargin=True, title=dict(standoff=15))
pio.templates["netra"] = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT, size=13, color="#262730"),
        title=dict(font=dict(size=16), x=0, xanchor="left"),
        colorway=list(_PALETTE),
        paper_bgcolor="white",
        plot_bgcolor="white",
        hovermode="closest",
        hoverlabel=dict(align="left"),
        margin=dict(l=10, r=10, t=40, b=10),
        xaxis=_AXIS,
        yaxis=_AXIS,
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
        shapedefaults=dict(line=dict(color=_INK)),
        annotationdefaults=dict(arrowcolor=_INK, arrowhead=0, arrowwidth=1),
        coloraxis=dict(colorbar=dict(outlinewidth=0, ticks="")),
        separators=",.",  # Indonesian: decimal comma, thousands dot
    ),
    data=dict(bar=[go.Bar(marker=dict(line=dict(color="white", width=0.5)))],
              choropleth=[go.Choropleth(colorbar=dict(outlinewidth=0, ticks=""))]),
)
TEMPLATE = "netra"
