"""A chart as PNG/SVG/PDF with its caption block underneath: title, filters in words, data date, source, and
"DATA SINTETIS" on demo data.

The chart and the caption are rendered separately and stacked, so the caption never collides with axis labels,
whatever margins plotly chooses; the requested width × height is the size of the whole image.
"""

from __future__ import annotations

import html
import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from ui.export.renderer import RENDERER
from ui.figures.theme import ACCENT, FONT
from ui.strings import label, t
from ui.views.captions import filters_caption
from warehouse.filters import Filters

FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
PNG_SCALE = 2  # sharp on projectors and retina screens
WIDTH, HEIGHT = 1200, 700
PDF_POINTS_PER_PX = 0.75  # Chromium prints 96 px to 72 pt
MIN_CHART_HEIGHT = 120
PAD, TITLE_SIZE, TEXT_SIZE = 14, 17, 13
INK = "#262730"
EDGE = 24  # px of air left and right of an exported chart (the screen template uses 10)

Reader = Callable[..., "object"]  # ui.app.data.read or briefing.plain_reader(path): (name, filters, **arguments)


@dataclass(frozen=True)
class Caption:
    """What is printed under an exported chart."""

    title: str
    filters: str
    data_as_of: date | None = None
    sources: tuple[str, ...] = ()
    synthetic: bool = False
    lang: str = "id"

    def when(self) -> str:
        """The data date as people write it, '01-12-2024'."""
        return self.data_as_of.strftime("%d-%m-%Y") if self.data_as_of else t("bp_unknown_date", self.lang)

    def source(self) -> str:
        """'Sumber: Bawaslu, KASN (…)'."""
        names = ", ".join(label("source_agency", s, self.lang) for s in self.sources)
        return t("export_source", self.lang, sources=names) if names else t("export_source_none", self.lang)

    def provenance(self) -> str:
        """'Data per 01-12-2024 · Sumber: Bawaslu, KASN (…)'."""
        return f"{t('export_data_as_of', self.lang, when=self.when())} · {self.source()}"

    def lines(self) -> list[str]:
        """The caption as plain lines (PPTX text boxes use these; images draw them)."""
        lines = [self.title, self.filters, self.provenance()]
        return lines + [t("export_synthetic", self.lang)] if self.synthetic else lines


def caption_for(title: str, filters: Filters, lang: str, read: Reader) -> Caption:
    """The caption of a chart built from `filters`, with the data date, sources and synthetic flag of the data."""
    info = read("warehouse_info").iloc[0]
    loaded = info["last_loaded_at"]
    sources = tuple(read("case_sources", filters)["source_agency"])
    return Caption(
        title=title,
        filters=filters_caption(filters, lang),
        data_as_of=None if loaded is None or loaded != loaded else loaded.date(),  # NaT != NaT
        sources=sources,
        synthetic=bool(info["synthetic"]),
        lang=lang,
    )


Line = tuple[str, int, str, bool]  # text, font size, colour, bold


def line_height(size: int) -> int:
    """Pixels one line of text of `size` takes."""
    return round(size * 1.45)


def wrap(lines: list[Line], width: int, pad: int = PAD) -> list[Line]:
    """Long lines broken to fit `width` pixels."""
    drawn = []
    for text, size, colour, bold in lines:
        chars = max(int((width - 2 * pad) / (size * 0.56)), 20)  # average glyph width of a sans-serif font
        drawn += [(part, size, colour, bold) for part in textwrap.wrap(text, chars) or [""]]
    return drawn


def text_figure(lines: list[Line], width: int, height: int, pad: int = PAD) -> go.Figure:
    """Lines of text as a figure, so text renders with the charts' fonts in every format."""
    fig = go.Figure()
    top = pad
    for text, size, colour, bold in lines:
        escaped = html.escape(text, quote=False)
        fig.add_annotation(
            text=f"<b>{escaped}</b>" if bold else escaped, x=0, y=1, xref="paper", yref="paper",
            xanchor="left", yanchor="top", yshift=-top, showarrow=False, align="left",
            font=dict(family=FONT, size=size, color=colour),
        )
        top += line_height(size)
    fig.update_layout(
        width=width, height=height, margin=dict(l=pad, r=pad, t=0, b=0), paper_bgcolor="white",
        plot_bgcolor="white", showlegend=False, xaxis=dict(visible=False), yaxis=dict(visible=False),
    )
    return fig


def caption_lines(caption: Caption) -> list[Line]:
    """The caption's lines with their style: bold title, filters, provenance, DATA SINTETIS in the accent colour."""
    lines = [(caption.title, TITLE_SIZE, INK, True), (caption.filters, TEXT_SIZE, "#444444", False),
             (caption.provenance(), TEXT_SIZE, "#666666", False)]
    return lines + [(t("export_synthetic", caption.lang), TEXT_SIZE, ACCENT, True)] if caption.synthetic else lines


def caption_height(caption: Caption, width: int) -> int:
    """Pixels the caption block takes at `width`."""
    return 2 * PAD + sum(line_height(size) for _, size, _, _ in wrap(caption_lines(caption), width))


def caption_figure(caption: Caption, width: int) -> go.Figure:
    """The caption block as a figure of text only."""
    return text_figure(wrap(caption_lines(caption), width), width, caption_height(caption, width))


def figure_image(fig: go.Figure, fmt: str = "png", caption: Caption | None = None, width: int = WIDTH,
                 height: int = HEIGHT, scale: float | None = None) -> bytes:
    """`fig` as png/svg/pdf bytes of width × height (× scale for PNG), the caption block included."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {tuple(FORMATS)}, not {fmt!r}")
    scale = (scale or PNG_SCALE) if fmt == "png" else 1
    below = caption_height(caption, width) if caption else 0
    if height - below < MIN_CHART_HEIGHT:
        raise ValueError(f"height {height} leaves no room for the chart under a {below}px caption")
    chart = RENDERER.render(for_export(fig, keep_title=caption is None), fmt, width, height - below, scale)
    if caption is None:
        return chart
    block = RENDERER.render(caption_figure(caption, width).to_dict(), fmt, width, below, scale)
    return STACKERS[fmt](chart, block, width, height - below, below)


def for_export(fig: go.Figure, keep_title: bool = True) -> dict:
    """The figure as kaleido needs it: boundaries as local files (kaleido cannot fetch app/static), a little air
    at the edges, and no title when a caption block carries it."""
    from ui.figures.maps import for_export as with_local_boundaries

    by_url = any(isinstance(getattr(trace, "geojson", None), str) for trace in fig.data)
    figure = (with_local_boundaries(fig) if by_url else fig).to_dict()
    layout = figure.setdefault("layout", {})
    if not keep_title:
        layout.pop("title", None)
    inherited = layout.get("template", {}).get("layout", {}).get("margin", {})
    margin = {**inherited, **layout.get("margin", {})}
    layout["margin"] = {**margin, **{side: max(margin.get(side, 80), EDGE) for side in ("l", "r")}}
    return figure


def _stack_png(top: bytes, bottom: bytes, *_sizes) -> bytes:
    from PIL import Image

    upper, lower = Image.open(io.BytesIO(top)), Image.open(io.BytesIO(bottom))
    sheet = Image.new("RGB", (upper.width, upper.height + lower.height), "white")
    sheet.paste(upper, (0, 0))
    sheet.paste(lower, (0, upper.height))
    out = io.BytesIO()
    sheet.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _stack_svg(top: bytes, bottom: bytes, width: int, top_height: int, bottom_height: int) -> bytes:
    # each part is a complete <svg>; nested <svg> elements take x/y, and plotly's ids carry a per-figure uid
    lower = bottom.decode("utf-8").replace("<svg ", f'<svg y="{top_height}" ', 1)
    total = top_height + bottom_height
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{width}" '
        f'height="{total}" viewBox="0 0 {width} {total}">{top.decode("utf-8")}{lower}</svg>'
    ).encode()


def _stack_pdf(top: bytes, bottom: bytes, width: int, top_height: int, bottom_height: int) -> bytes:
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    upper, lower = PdfReader(io.BytesIO(top)).pages[0], PdfReader(io.BytesIO(bottom)).pages[0]
    k = PDF_POINTS_PER_PX
    page = PageObject.create_blank_page(width=width * k, height=(top_height + bottom_height) * k)
    page.merge_transformed_page(upper, Transformation().translate(0, bottom_height * k))
    page.merge_page(lower)
    writer = PdfWriter()
    writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


STACKERS = {"png": _stack_png, "svg": _stack_svg, "pdf": _stack_pdf}
