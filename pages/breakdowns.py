"""Rincian: what kind of violations, how severe, by which positions and agency levels, how far the cases got,
and who reported them — as counts or as shares, in the same colours as every other page."""

import streamlit as st

from ui.app.context import current
from ui.app.data import read
from ui.app.export_buttons import export_buttons
from ui.app.filters import empty_state
from ui.figures import charts
from ui.strings import t
from ui.views.captions import filters_caption, page_title

LAYOUT = (("violation_type",), ("severity", "type_severity"), ("position_class", "agency_level"),
          ("status", "source_agency"))  # rows of the page; two charts side by side stack on a phone

ctx = current()
f, lang = ctx.filters, ctx.lang
caption = filters_caption(f, lang)
st.title(page_title(t("rb_title", lang), f, lang))

frame = read("breakdowns", f)
if frame.empty:
    empty_state(lang)
    st.stop()

shares = st.segmented_control(t("rb_show", lang), (False, True), default=False, required=True, key="rb_shares",
                              format_func=lambda s: t("rb_shares" if s else "rb_counts", lang))

for row in LAYOUT:
    for column, place in zip(row, st.columns(len(row)), strict=True):
        with place:
            st.subheader(t(f"rb_{column}", lang))
            figure = charts.breakdown_chart(frame, column, lang, shares)
            st.plotly_chart(figure, config=charts.PLOTLY_CONFIG, key=f"rb_{column}")
            st.caption(caption + (f" {t('rb_severity_note', lang)}" if "severity" in column else ""))
            export_buttons(figure, f"rincian-{column}", t(f"rb_{column}", lang))
