"""Rincian: what kind of violations, how severe, by which positions and agency levels, how far the cases got,
and who reported them — as counts or as shares, in the same colours as every other page."""

from functools import partial

import streamlit as st

from ui.app.context import current
from ui.app.data import read
from ui.app.export_buttons import export_buttons
from ui.app.filters import empty_state
from ui.app.sections import open_section
from ui.figures import charts
from ui.strings import t
from ui.views.captions import filters_caption, page_title

# Tabs of the page, each a row of one or two charts (side by side, stacked on a phone). Only the open tab is
# computed and drawn (ui.app.sections): a tab switch reruns this page's fragment, not the frame.
TABS = (("rb_tab_type", ("violation_type",)), ("rb_tab_severity", ("severity", "type_severity")),
        ("rb_tab_position", ("position_class", "agency_level")), ("rb_tab_status", ("status", "source_agency")))

ctx = current()
f, lang = ctx.filters, ctx.lang
caption = filters_caption(f, lang)
st.title(page_title(t("rb_title", lang), f, lang))

frame = read("breakdowns", f)
if frame.empty:
    empty_state(lang)
    st.stop()


def chart(column: str, shares: bool) -> None:
    """One breakdown under its heading, with the caption of the page's filters and its downloads."""
    st.subheader(t(f"rb_{column}", lang))
    figure = charts.breakdown_chart(frame, column, lang, shares)
    st.plotly_chart(figure, config=charts.PLOTLY_CONFIG, key=f"rb_{column}")
    st.caption(caption + (f" {t('rb_severity_note', lang)}" if "severity" in column else ""))
    export_buttons(figure, f"rincian-{column}", t(f"rb_{column}", lang))


def charts_row(row: tuple[str, ...], shares: bool) -> None:
    """One tab's charts side by side."""
    for column, place in zip(row, st.columns(len(row)), strict=True):
        with place:
            chart(column, shares)


@st.fragment
def breakdowns() -> None:
    """Counts or shares, and the open tab's charts: either control reruns only this, on the cached frame."""
    shares = st.segmented_control(t("rb_show", lang), (False, True), default=False, required=True, key="rb_shares",
                                  format_func=lambda s: t("rb_shares" if s else "rb_counts", lang))
    open_section([(key, partial(charts_row, row, shares)) for key, row in TABS], lang)


breakdowns()
