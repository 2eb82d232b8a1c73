"""Tentang: what the data is and is not, where it comes from, whose boundaries and licences, how the numbers are
made, and how clean the loads were. Works before any warehouse exists."""

import streamlit as st

import settings
from ui.app.context import current
from ui.app.data import generation, read
from ui.strings import t
from ui.views import tables
from ui.views.numbers import number
from ui.views.roles import WITHHOLDS_SMALL_COUNTS

ctx = current()
lang = ctx.lang
st.title(t("ab_title", lang))

st.header(t("ab_what_title", lang))
st.markdown(t("ab_what", lang))
if ctx.synthetic:
    st.warning(t("ab_synthetic", lang), icon=":material/science:")

st.header(t("ab_sources_title", lang))
st.markdown(t("ab_sources", lang))

st.header(t("ab_geo_title", lang))
st.markdown(t("ab_geo", lang))

st.header(t("ab_method_title", lang))
st.markdown(t("ab_method", lang))
st.markdown(t("ab_unit", lang))

st.header(t("xa_about_title", lang))
st.markdown(t("xa_about", lang, days=settings.stall_days()))

st.header(t("ab_quality_title", lang))
if generation() is None:
    st.info(t("ab_no_warehouse", lang), icon=":material/database:")
    st.stop()
if ctx.role in WITHHOLDS_SMALL_COUNTS:  # loads name registers and count rows per file: for staff, not the public
    st.info(t("ab_quality_staff_only", lang), icon=":material/lock:")
    st.stop()
loads = read("load_quality")
totals = {key: number(value, lang) for key, value in tables.quality_totals(loads).items()}
st.markdown(t("ab_quality_totals", lang, **totals))
st.dataframe(tables.quality_frame(loads, lang), hide_index=True)
st.caption(t("ab_quality_hint", lang))
