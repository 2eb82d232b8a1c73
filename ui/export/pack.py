"""Briefing packs: a 16:9 PPTX and a PDF of the same content — a title slide, one chart per slide with its
caption, and a final slide of sources and method."""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import plotly.graph_objects as go

from ui.export.images import (
    INK,
    PDF_POINTS_PER_PX,
    Caption,
    Line,
    caption_lines,
    figure_image,
    text_figure,
    wrap,
)
from ui.export.renderer import RENDERER
from ui.figures.theme import ACCENT
from ui.strings import t

PAGE_WIDTH, PAGE_HEIGHT = 1280, 720  # px; 16:9, the PDF page is 960 × 540 pt
PICTURE_WIDTH, PICTURE_HEIGHT = 1280, 540  # the chart picture on a PPTX slide (rendered at 2×)
Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what is being done)


@dataclass(frozen=True)
class Slide:
    """One chart of a pack and the caption that names its filters."""

    figure: go.Figure
    caption: Caption


@dataclass(frozen=True)
class Pack:
    """Everything a briefing pack shows; `about` carries the data date, sources and synthetic flag."""

    title: str
    note: str
    about: Caption
    slides: tuple[Slide, ...]
    made_at: datetime

    def cover_lines(self) -> list[Line]:
        """Title slide: title, note, filters, provenance, when it was made, DATA SINTETIS."""
        lang = self.about.lang
        lines = [(self.title, 40, INK, True)]
        lines += [(self.note, 20, INK, False)] if self.note.strip() else []
        lines += [
            (t("bp_filters", lang, filters=self.about.filters), 18, "#444444", False),
            (self.about.provenance(), 18, "#666666", False),
            (t("bp_made", lang, when=self.made_at.strftime("%d-%m-%Y %H:%M")), 18, "#666666", False),
        ]
        return lines + [(t("export_synthetic", lang), 18, ACCENT, True)] if self.about.synthetic else lines

    def closing_lines(self) -> list[Line]:
        """Final slide: sources and method, with the same filters as every chart."""
        about, lang = self.about, self.about.lang
        body = t("bp_sources_body", lang, sources=about.source(), when=about.when(), filters=about.filters)
        lines = [(t("bp_sources_title", lang), 32, INK, True)] + [(p, 17, "#444444", False) for p in body.split("\n")]
        return lines + [(t("export_synthetic", lang), 17, ACCENT, True)] if about.synthetic else lines


def _stepper(pack: Pack, progress: Progress | None) -> Callable[[str], None]:
    """step(what) tells `progress` that `what` starts now; the last call, step(""), says all is done."""
    total, done = len(pack.slides) + 2, itertools.count()
    report = progress or (lambda done, total, what: None)
    return lambda what: report(next(done), total, what)


def pdf_pack(pack: Pack, progress: Progress | None = None) -> bytes:
    """The pack as one PDF: a 16:9 page per slide, charts as vector graphics."""
    from pypdf import PdfReader, PdfWriter

    step = _stepper(pack, progress)
    step(pack.title)
    pages = [_text_page(pack.cover_lines())]
    for slide in pack.slides:
        step(slide.caption.title)
        pages.append(figure_image(slide.figure, "pdf", slide.caption, PAGE_WIDTH, PAGE_HEIGHT))
    step(t("bp_sources_title", pack.about.lang))
    pages.append(_text_page(pack.closing_lines()))
    writer = PdfWriter()
    for page in pages:
        writer.add_page(PdfReader(io.BytesIO(page)).pages[0])
    writer.add_metadata({"/Title": pack.title, "/Producer": "Netra"})
    out = io.BytesIO()
    writer.write(out)
    step("")
    return out.getvalue()


def _text_page(lines: list[Line]) -> bytes:
    pad = 64
    figure = text_figure(wrap(lines, PAGE_WIDTH, pad), PAGE_WIDTH, PAGE_HEIGHT, pad)
    return RENDERER.render(figure.to_dict(), "pdf", PAGE_WIDTH, PAGE_HEIGHT)


def pptx_pack(pack: Pack, progress: Progress | None = None) -> bytes:
    """The pack as a 16:9 PowerPoint: text stays editable, each chart a 2× PNG with its caption under it."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank, step = deck.slide_layouts[6], _stepper(pack, progress)
    step(pack.title)
    _text_box(deck.slides.add_slide(blank), pack.cover_lines(), top=1.6, height=5.2)
    for slide in pack.slides:
        step(slide.caption.title)
        page = deck.slides.add_slide(blank)
        title, *rest = caption_lines(slide.caption)
        _text_box(page, [(title[0], 32, INK, True)], top=0.3, height=0.8)
        picture = figure_image(slide.figure, "png", None, PICTURE_WIDTH, PICTURE_HEIGHT)
        page.shapes.add_picture(io.BytesIO(picture), Inches(0.5), Inches(1.1), width=Inches(12.333))
        _text_box(page, [(text, 16, colour, bold) for text, _, colour, bold in rest], top=6.35, height=1.0)
    step(t("bp_sources_title", pack.about.lang))
    _text_box(deck.slides.add_slide(blank), pack.closing_lines(), top=0.6, height=6.4)
    out = io.BytesIO()
    deck.save(out)
    step("")
    return out.getvalue()


def _text_box(slide, lines: list[Line], top: float, height: float) -> None:
    """One word-wrapped text box across the slide, a paragraph per line, sizes in points."""
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    frame = slide.shapes.add_textbox(Inches(0.6), Inches(top), Inches(12.1), Inches(height)).text_frame
    frame.word_wrap = True
    for i, (text, size, colour, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.font.size, run.font.bold = Pt(size * PDF_POINTS_PER_PX), bold  # sizes are px of a 1280-px slide
        run.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))


PACKS = {"pptx": pptx_pack, "pdf": pdf_pack}
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
