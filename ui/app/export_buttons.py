"""PNG, SVG and PDF downloads under a chart, rendered on the server only when a button is clicked (and then
written to the audit: ui.app.audited).

Usage under any chart: `export_buttons(fig, "funnel", t("ov_funnel_title", lang))` — the caption then names the
page's filters; pass `filters=` when the chart was built from other filters (e.g. `ctx.filters.without(...)`).
"""

from __future__ import annotations

import logging
from functools import partial

import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.app import data
from ui.app.audited import audited_data
from ui.app.context import current
from ui.export import FORMATS, Caption, ExportUnavailable, figure_image
from ui.export.renderer import browser_path
from ui.strings import t
from ui.views.captions import filters_caption
from warehouse.filters import Filters

_LOG = logging.getLogger(__name__)
_FAILURES: dict[tuple[str, str], str] = {}  # (session, button key) -> message, shown on the session's next run


def chart_caption(title: str, filters: Filters | None = None) -> Caption:
    """The caption of a chart on this page: its title, the filters in words, data date, sources, synthetic flag."""
    ctx = current()
    filters = filters or ctx.filters
    return Caption(
        title=title,
        filters=filters_caption(filters, ctx.lang),
        data_as_of=ctx.data_as_of.date() if ctx.data_as_of else None,
        sources=tuple(data.read("case_sources", filters)["source_agency"]),
        synthetic=ctx.synthetic,
        lang=ctx.lang,
    )


def export_buttons(fig: go.Figure, name: str, caption: Caption | str, filters: Filters | None = None) -> None:
    """Three download buttons for `fig`; `caption` is a Caption or the chart's title (filters from the page)."""
    lang = current().lang
    if browser_path() is None:
        st.caption(t("export_no_browser", lang))
        return
    caption = chart_caption(caption, filters) if isinstance(caption, str) else caption
    session = getattr(get_script_run_ctx(), "session_id", "")
    shown_filters = filters or current().filters
    with st.container(horizontal=True, gap="small"):
        for fmt, mime in FORMATS.items():
            key = f"export_{name}_{fmt}"
            if (session, key) in _FAILURES:
                st.warning(_FAILURES.pop((session, key)), icon=":material/warning:")
            st.download_button(
                t(f"export_{fmt}", lang), data=audited_data(partial(_render, fig, fmt, caption, (session, key)),
                                                            f"chart:{name}", fmt, shown_filters),
                file_name=f"netra-{name}.{fmt}", mime=mime, key=key, on_click="ignore", icon=":material/download:",
                help=t("export_help", lang, fmt=fmt.upper()), type="tertiary",
            )


def _render(fig: go.Figure, fmt: str, caption: Caption, where: tuple[str, str]) -> bytes:
    """Runs on click, outside the script run: a failure is kept for the session's next run instead of a trace."""
    try:
        return figure_image(fig, fmt, caption)
    except ExportUnavailable as error:
        _FAILURES[where] = error.message(caption.lang)
        _LOG.warning("export %s failed: %s", where[1], error)
        raise
