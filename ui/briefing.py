"""The briefing pack: the chosen charts for one Filters value, built by the pages' own builders, as PPTX or PDF.

No Streamlit: the page passes `ui.data.read` (cached), the command line `plain_reader(path)`; both return the
frames of `warehouse.queries` by name, so the pack shows exactly what the pages show for the same filters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from geo import maps
from ui import charts
from ui.export.images import Reader, caption_for
from ui.export.pack import PACKS, Pack, Progress, Slide
from ui.i18n import t
from ui.numbers import SEPARATORS
from ui.theme import ACCENT, FONT, TEMPLATE
from warehouse import queries
from warehouse.filters import Filters

MAP_HEIGHT = 560


def plain_reader(path: Path | None = None) -> Reader:
    """Uncached reads of `warehouse.queries` from one generation (the command line; the app uses ui.data.read)."""

    def read(name: str, filters: Filters | None = None, *params) -> pd.DataFrame:
        query = getattr(queries, name)
        return query(filters, path, *params) if filters is not None else query(path, *params)

    return read


def kpi_chart(frame: pd.DataFrame, lang: str) -> go.Figure:
    """The headline numbers as four tiles: reported, proven share, sanctioned share, median days to decision."""
    row = frame.iloc[0]
    reported = int(row["reported"])
    share = (lambda n: 100 * int(n) / reported if reported else 0.0)
    days = row["median_days_to_decision"]
    tiles = (
        ("bp_kpi_reported", reported, {"valueformat": ",d"}),
        ("bp_kpi_proven", share(row["proven"]), {"valueformat": ".1f", "suffix": " %"}),
        ("bp_kpi_sanctioned", share(row["sanctioned"]), {"valueformat": ".1f", "suffix": " %"}),
        ("bp_kpi_days", None if pd.isna(days) else float(days), {"valueformat": ".0f"}),
    )
    fig = go.Figure()
    for i, (key, value, number) in enumerate(tiles):
        fig.add_trace(go.Indicator(
            mode="number", value=value, title={"text": t(key, lang), "font": {"size": 18}},
            number={**number, "font": {"size": 54, "color": ACCENT, "family": FONT}},
            domain={"x": [i / len(tiles) + 0.01, (i + 1) / len(tiles) - 0.01], "y": [0, 1]},
        ))
    fig.update_layout(template=TEMPLATE, separators=SEPARATORS.get(lang, SEPARATORS["id"]), height=260)
    return fig


def _kpis(read: Reader, filters: Filters, lang: str) -> go.Figure:
    return kpi_chart(read("kpis", filters), lang)


def _funnel(read: Reader, filters: Filters, lang: str) -> go.Figure:
    return charts.funnel_chart(read("funnel", filters), lang)


def _map(read: Reader, filters: Filters, lang: str) -> go.Figure:
    """Cases per province, or per kabupaten/kota inside the chosen provinces (as the Peta page opens)."""
    level = "kabupaten" if filters.provinces else "provinsi"
    base = read("cases_by_region" if level == "kabupaten" else "cases_by_province", filters)
    none = base.iloc[:0]  # the count metric needs no comparison period
    frame = maps.region_metrics(base, none, none)
    return maps.best_map(frame, "count", lang, level=level, focus_province=filters.provinces, height=MAP_HEIGHT)


def _breakdowns(read: Reader, filters: Filters, lang: str) -> go.Figure:
    frame = read("breakdowns", filters)
    return charts.heatmap_chart(frame[frame["dimension"] == "type_severity"], lang)


def _timeline(read: Reader, filters: Filters, lang: str) -> go.Figure:
    return charts.weekly_chart(read("overview_weekly", filters), lang)


# piece -> (title key, builder); the order is the order of the slides
PIECES: dict[str, tuple[str, Callable[[Reader, Filters, str], go.Figure]]] = {
    "kpis": ("bp_piece_kpis", _kpis),
    "funnel": ("bp_piece_funnel", _funnel),
    "map": ("bp_piece_map", _map),
    "breakdowns": ("bp_piece_breakdowns", _breakdowns),
    "timeline": ("bp_piece_timeline", _timeline),
}
PLANNED = ("prepost",)  # listed in issue 6, waiting for its builder (ui/charts_timeline.py)


def build_pack(pieces: list[str], filters: Filters, lang: str, read: Reader, title: str, note: str = "",
               made_at: datetime | None = None) -> Pack:
    """The pack's content: one slide per chosen piece (in slide order), each captioned with `filters`."""
    about = caption_for(title, filters, lang, read)
    slides = []
    for piece, (title_key, builder) in PIECES.items():
        if piece in pieces:
            slides.append(Slide(builder(read, filters, lang), replace(about, title=t(title_key, lang))))
    return Pack(title, note, about, tuple(slides), made_at or datetime.now())


def briefing(fmt: str, pieces: list[str], filters: Filters, lang: str, read: Reader, title: str, note: str = "",
             progress: Progress | None = None) -> bytes:
    """The pack as PPTX or PDF bytes; `progress(done, total, what)` is told before each slide renders."""
    if fmt not in PACKS:
        raise ValueError(f"format must be one of {tuple(PACKS)}, not {fmt!r}")
    return PACKS[fmt](build_pack(pieces, filters, lang, read, title, note), progress)
