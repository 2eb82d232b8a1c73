"""The briefing pack: the chosen charts for one Filters value, built by the pages' own builders, as PPTX or PDF.

No Streamlit: the page passes `ui.app.data.read` (cached), the command line `plain_reader(path)`; both return the
frames of the Warehouse's named queries, so the pack shows exactly what the pages show for the same filters.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

import settings
from ui.export.images import Reader, caption_for
from ui.export.pack import PACKS, Pack, Progress, Slide
from ui.figures import charts, maps
from ui.figures import timeline as timeline_charts
from ui.figures.cross_agency import cross_agency_chart
from ui.figures.theme import ACCENT, FONT, TEMPLATE
from ui.strings import t
from ui.views import cross_agency as flow
from ui.views import kpis, map_numbers
from ui.views import timeline as timeline_logic
from ui.views.captions import filters_caption
from ui.views.disclosure import protect
from warehouse.filters import Filters
from warehouse.reader import Warehouse, arguments

MAP_HEIGHT = 560
Chart = tuple[go.Figure, Filters]  # a figure and the filters it was built from (its caption names them)


def plain_reader(path: Path | None = None, public: bool = False) -> Reader:
    """Uncached reads of one generation's named queries (the command line; the app uses ui.app.data.read),
    called like ui.app.data.read: `read(name, filters, **arguments)`; with `public`, every result as a public
    view shows it (ui.views.disclosure)."""
    warehouse = Warehouse(path)

    def read(name: str, filters: Filters | None = None, *args, **kwargs) -> pd.DataFrame:
        frame = warehouse.read(name, filters, **dict(arguments(name, *args, **kwargs)))
        return protect(name, frame) if public else frame

    return read


def kpi_chart(cards: list[kpis.Card], lang: str) -> go.Figure:
    """Ringkasan's headline cards as one image: label, value and change against the previous period per card.

    An image has no help tooltip, so each label also says what its percentage is of: 'Disanksi (% terbukti)',
    with the percentage on a second line (four labels of that length do not fit side by side on one).
    """
    fig = go.Figure()
    for i, card in enumerate(cards):
        x = (i + 0.5) / len(cards)
        title = [t(f"bp_kpi_{card.measure}", lang), *([card.share] if card.share else [])]
        for y, lines, size, colour in ((0.8, title, 18, "#555555"), (0.45, [card.value], 40, ACCENT),
                                       (0.15, [card.delta or ""], 17, "#555555")):
            text = "<br>".join(html.escape(line, quote=False) for line in lines)
            # centred: plotly's 'auto' anchors the outer cards by their outer edge, onto their neighbours' text
            fig.add_annotation(text=text, x=x, y=y, xref="paper", yref="paper", xanchor="center", showarrow=False,
                               font={"size": size, "color": colour, "family": FONT})
    fig.update_layout(template=TEMPLATE, height=260, xaxis={"visible": False}, yaxis={"visible": False})
    return fig


def _kpis(read: Reader, filters: Filters, lang: str) -> Chart:
    """As on Ringkasan: this period's numbers against the previous period of the same length."""
    return kpi_chart(kpis.cards_for(read, filters, lang), lang), filters


def _funnel(read: Reader, filters: Filters, lang: str) -> Chart:
    return charts.funnel_chart(read("kpis", filters), lang), filters  # the kpis row holds the funnel's stages


def _cross_agency(read: Reader, filters: Filters, lang: str) -> Chart | None:
    """The cross-agency flow through Bawaslu, as Alur lintas instansi opens (person-cases, drop-off per hand)."""
    funnel = read("cross_agency_funnel", filters, stall_days=settings.stall_days())
    return None if flow.is_empty(funnel) else (cross_agency_chart(funnel, "bawaslu", lang), filters)


def _map(read: Reader, filters: Filters, lang: str) -> Chart:
    """Cases per province, or per kabupaten/kota inside the chosen provinces (as the Peta page opens)."""
    level = "kabupaten" if filters.provinces else "provinsi"
    base = read("cases_by_region" if level == "kabupaten" else "cases_by_province", filters)
    none = base.iloc[:0]  # the count metric needs no comparison period
    frame = map_numbers.region_metrics(base, none, none)
    return maps.best_map(frame, "count", lang, level=level, focus_province=filters.provinces,
                         height=MAP_HEIGHT), filters


def _breakdowns(read: Reader, filters: Filters, lang: str) -> Chart:
    frame = read("breakdowns", filters)
    return charts.heatmap_chart(frame[frame["dimension"] == "type_severity"], lang), filters


def _election(read: Reader, filters: Filters) -> tuple[timeline_logic.ElectionCalendar, Filters]:
    """The one election Linimasa shows by default (the latest chosen) and the filters narrowed to it."""
    calendar = read("election_calendar")
    election = timeline_logic.election_choices(calendar, filters.elections)[-1]
    return timeline_logic.calendar_for(calendar, election), timeline_logic.for_election(filters, election)


def _timeline(read: Reader, filters: Filters, lang: str) -> Chart | None:
    """Linimasa's default view: weekly cases by type on calendar dates, stages as bands, spikes and late weeks."""
    cal, narrowed = _election(read, filters)
    counts = read("timeline_counts", narrowed, bucket_days=7, stack_by="violation_type")
    if counts.empty:
        return None
    weekly = timeline_logic.bucket_totals(counts, 7)
    lag = timeline_logic.lag_days(read("reporting_lag", narrowed), narrowed.date_basis)
    late = timeline_logic.incomplete_offsets(weekly, 7, cal.data_until, lag)
    fig = timeline_charts.timeline_chart(counts, cal.stages, cal.voting_day, "calendar", "violation_type", lang, 7,
                                         timeline_logic.spike_weeks(weekly), late)
    return fig, narrowed


def _prepost(read: Reader, filters: Filters, lang: str) -> Chart | None:
    """Weekly rate per stage and before / since voting day, for the same election as the timeline."""
    _, narrowed = _election(read, filters)
    summary = read("stage_summary", narrowed)
    return (timeline_charts.prepost_chart(summary, lang), narrowed) if summary["cases"].sum() else None


# piece -> (title key, builder); the order is the order of the slides. A builder returns None when its chart
# would be empty for these filters (e.g. no case of the chosen election), and the slide is left out.
PIECES: dict[str, tuple[str, Callable[[Reader, Filters, str], Chart | None]]] = {
    "kpis": ("bp_piece_kpis", _kpis),
    "funnel": ("bp_piece_funnel", _funnel),
    "cross_agency": ("bp_piece_cross_agency", _cross_agency),
    "map": ("bp_piece_map", _map),
    "breakdowns": ("bp_piece_breakdowns", _breakdowns),
    "timeline": ("bp_piece_timeline", _timeline),
    "prepost": ("bp_piece_prepost", _prepost),
}


def build_pack(pieces: list[str], filters: Filters, lang: str, read: Reader, title: str, note: str = "",
               made_at: datetime | None = None) -> Pack:
    """The pack's content: one slide per chosen piece (in slide order), each captioned with `filters`."""
    about = caption_for(title, filters, lang, read)
    slides = []
    for piece, (title_key, builder) in PIECES.items():
        chart = builder(read, filters, lang) if piece in pieces else None
        if chart is not None:
            figure, used = chart
            caption = replace(about, title=t(title_key, lang), filters=filters_caption(used, lang))
            slides.append(Slide(figure, caption))
    return Pack(title, note, about, tuple(slides), made_at or datetime.now())


def briefing(fmt: str, pieces: list[str], filters: Filters, lang: str, read: Reader, title: str, note: str = "",
             progress: Progress | None = None) -> bytes:
    """The pack as PPTX or PDF bytes; `progress(done, total, what)` is told before each slide renders."""
    if fmt not in PACKS:
        raise ValueError(f"format must be one of {tuple(PACKS)}, not {fmt!r}")
    return PACKS[fmt](build_pack(pieces, filters, lang, read, title, note), progress)
