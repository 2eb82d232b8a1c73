"""The cross-agency flow as a funnel: person-cases at each hand (Bawaslu → KASN/BKN → PPK) and what each hand lost.

Pure builder (no Streamlit) of the `cross_agency_funnel` query's rows for one entry path, used by the page, by
Ringkasan's short version and by the briefing pack alike. On a public view a withheld count reads '< 5' and no
share is given of or for it.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui.figures.charts import base_layout
from ui.figures.theme import CROSS_AGENCY_COLORS
from ui.strings import label, t
from ui.views.disclosure import count_text, drawn, withheld
from ui.views.numbers import number, percent

HEIGHT, COMPACT_HEIGHT = 340, 240
HANDOVER_STAGES = ("diteruskan", "rekomendasi")  # KASN's hands until 23 Aug 2024, BKN's since


def cross_agency_chart(funnel: pd.DataFrame, path: str, lang: str, title: str | None = None,
                       compact: bool = False) -> go.Figure:
    """One entry path's stages, each with its person-cases and (after the first) the drop-off at the hand into it
    as a count and a share of the stage before; hover adds the median days from the hand before."""
    rows = funnel[funnel["path"] == path].reset_index(drop=True)
    names = [label("cross_agency_stage", stage, lang) + ("*" if stage in HANDOVER_STAGES else "")
             for stage in rows["stage"]]
    texts = _stage_texts(rows, lang)
    medians = [t("xa_hover_median", lang, days=number(d, lang, 1)) if i and not pd.isna(d) else ""
               for i, d in enumerate(rows["median_days"])]
    fig = go.Figure(go.Funnel(
        y=names, x=drawn(rows["persons"]).tolist(), text=texts, textinfo="text", textposition="inside",
        customdata=medians, hovertemplate="%{y}: %{text}<br>%{customdata}<extra></extra>",
        marker_color=[CROSS_AGENCY_COLORS[stage] for stage in rows["stage"]],
    ))
    fig.add_annotation(text=t("xa_handover_short", lang), xref="paper", yref="paper", x=0, y=-0.02,
                       xanchor="left", yanchor="top", align="left", showarrow=False,
                       font={"size": 11, "color": "#666666"})
    fig = base_layout(fig, lang, title, COMPACT_HEIGHT if compact else HEIGHT)
    return fig.update_layout(margin={"b": 55})  # the footnote's two lines


def _stage_texts(rows: pd.DataFrame, lang: str) -> list[str]:
    """'8' for the first stage, '6<br>−2 (25,0%)' after it; '< 5' where a public view withheld a count."""
    texts, before = [], None
    for persons, dropped in zip(rows["persons"], rows["dropped"], strict=True):
        text = count_text(persons, lang)
        if before is not None:
            share = "" if withheld(dropped) or withheld(before) else f" ({percent(dropped, before, lang)})"
            text += "<br>−" + count_text(dropped, lang) + share
        texts.append(text)
        before = persons
    return texts
