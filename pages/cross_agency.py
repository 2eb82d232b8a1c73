"""Alur lintas instansi: of the people reported, how many were proven and sanctioned, and at which hand — Bawaslu,
KASN/BKN, the PPK — and where do their cases stall?"""

import streamlit as st

import settings
from ui.app.context import current
from ui.app.data import read
from ui.app.export_buttons import export_buttons
from ui.app.filters import empty_state
from ui.figures.charts import PLOTLY_CONFIG
from ui.figures.cross_agency import cross_agency_chart
from ui.strings import label, t
from ui.views import cross_agency as flow
from ui.views.captions import filters_caption, page_title
from ui.views.disclosure import count_text
from ui.views.roles import CAN_SEE_CASES

ctx = current()
f, lang = ctx.filters, ctx.lang
stall_days = settings.stall_days()
caption = filters_caption(f, lang)
st.title(page_title(t("xa_title", lang), f, lang))
st.caption(t("xa_intro", lang))

funnel = read("cross_agency_funnel", f, stall_days=stall_days)
if flow.is_empty(funnel):
    empty_state(lang)
    st.stop()

left, right = st.columns([3, 2])
with left:
    st.subheader(t("xa_funnel", lang), help=t("xa_handover_help", lang))
    chart = cross_agency_chart(funnel, "bawaslu", lang)
    st.plotly_chart(chart, config=PLOTLY_CONFIG, key="xa_funnel")
    st.caption(f"{t('xa_unit', lang)} {caption}")
    export_buttons(chart, "alur-lintas-instansi", t("xa_funnel", lang))
with right:
    st.subheader(t("xa_direct", lang), help=t("xa_handover_help", lang))
    direct = cross_agency_chart(funnel, "tanpa_bawaslu", lang)
    st.plotly_chart(direct, config=PLOTLY_CONFIG, key="xa_direct")
    st.caption(flow.entry_note(funnel, lang))
    export_buttons(direct, "alur-tanpa-bawaslu", t("xa_direct", lang))

st.subheader(t("xa_hands", lang))
st.dataframe(flow.hand_table(funnel, lang), hide_index=True)
st.caption(f"{caption} · {t('xa_hands_note', lang)}")

st.subheader(t("xa_areas", lang))
provinces = read("cross_agency_by_area", f.without("regions"), level="province", stall_days=stall_days)
known = [code for code in provinces["code"] if isinstance(code, str)]
drill = st.selectbox(t("xa_drill", lang), [None, *known], key="xa_drill",
                     format_func=lambda code: t("xa_drill_none", lang) if code is None else label(
                         "province_code", code, lang))
area_filters, level = flow.area_view(f.without("regions"), drill)
area = read("cross_agency_by_area", area_filters, level=level, stall_days=stall_days)  # cached: no drill, no read
st.dataframe(flow.area_table(area, level, lang), hide_index=True)
st.caption(f"{filters_caption(area_filters, lang)} · {t('xa_area_note', lang)}")

st.subheader(t("xa_stalled", lang))
st.caption(flow.stall_note(funnel, stall_days, lang))
total = flow.stalled_total(funnel)
st.write(t("xa_stalled_total", lang, n=count_text(total, lang)))
st.dataframe(flow.stage_table(funnel, lang), hide_index=True)
if ctx.role not in CAN_SEE_CASES:
    st.info(t("xa_stalled_counts_only", lang), icon=":material/lock:")
elif total:
    stalled = read("stalled_cases", f, stall_days=stall_days, limit=flow.STALLED_SHOWN)
    st.dataframe(flow.stalled_table(stalled, lang), hide_index=True)
    st.caption(t("xa_stalled_shown", lang, shown=len(stalled), total=total))
else:
    st.write(t("xa_none_stalled", lang))
st.caption(caption)
