"""Peta — where are the cases, relative to what, and where are they rising? Click to drill down and filter."""

import pandas as pd
import streamlit as st

from geo import boundaries
from ui.app import map_state as state
from ui.app.context import current
from ui.app.data import read
from ui.app.export_buttons import export_buttons
from ui.app.screen import on_phone
from ui.figures import maps
from ui.strings import label, t
from ui.views import map_numbers
from ui.views.captions import filters_caption, page_title
from ui.views.disclosure import count_text
from warehouse.filters import RECENT_DAYS

ctx = current()
lang = ctx.lang
st.title(page_title(t("peta_title", lang), ctx.filters, lang))
map_filters = ctx.filters.without("regions")  # every region stays on the map; the chosen one is outlined
extent = read("data_extent", map_filters).iloc[0]
if pd.isna(extent["last_day"]):
    st.info(t("empty_state", lang), icon=":material/filter_alt_off:")
    st.stop()

state.init_state()
level_col, metric_col = st.columns([1, 2], vertical_alignment="bottom")
metric_label = "peta_metric_short_{}" if on_phone() else "peta_metric_{}"
level = level_col.segmented_control(
    t("peta_level", lang), map_numbers.LEVELS, key=state.LEVEL_KEY, required=True,
    format_func=lambda v: t(f"peta_level_{v}", lang), on_change=state.level_changed)
metric = metric_col.segmented_control(
    t("peta_metric", lang), map_numbers.METRICS, key=state.METRIC_KEY, required=True,
    format_func=lambda v: t(metric_label.format(v), lang), on_change=state.metric_changed)
level = "provinsi" if metric in map_numbers.PROVINCE_ONLY else level  # also when state was set without the callbacks
focus = state.focus_provinces(ctx.filters) if level == "kabupaten" else ()
if focus or ctx.filters.regions or ctx.filters.provinces:
    st.button(t("peta_back", lang), on_click=state.back_to_indonesia, icon=":material/arrow_back:")

query = "cases_by_province" if level == "provinsi" else "cases_by_region"
recent, previous = map_filters.recent_and_previous(extent["first_day"].date(), extent["last_day"].date())
periods = (read(query, recent), read(query, previous)) if metric == "change" else ()  # two queries only when shown
frame = map_numbers.region_metrics(read(query, map_filters), *periods)
figure = maps.best_map(frame, metric, lang, level=level, focus_province=focus, selected=ctx.filters.regions,
                       width=state.map_width())

if not boundaries.installed():
    st.warning(t("peta_fallback", lang), icon=":material/warning:")
event = st.plotly_chart(figure, key=state.MAP_KEY, on_select=state.map_clicked, selection_mode="points",
                        theme=None, config=maps.PLOTLY_CONFIG)
if state.apply_unhandled_click(event):
    st.rerun()
table = map_numbers.ranked_table(frame, metric, lang, level, focus)
st.dataframe(table, hide_index=True, column_config=state.table_columns(table, lang), width="stretch")
if map_numbers.not_ranked(frame, level, focus):
    st.caption(t("peta_not_ranked", lang, n=map_numbers.not_ranked(frame, level, focus)))

if focus:
    st.caption(t("peta_focus", lang, where=", ".join(label("province_code", code, lang) for code in focus)))
st.caption(t("peta_click_hint", lang))
st.caption(filters_caption(map_filters, lang))
export_buttons(figure, f"peta-{level}-{metric}", f"{t('peta_title', lang)} — {t(f'peta_metric_{metric}', lang)}",
               filters=map_filters)
if metric == "rate":
    st.caption(t("peta_rate_note", lang))
if metric == "change":
    st.caption(state.change_period_text(recent, previous, lang))
    if not (map_filters.date_from and map_filters.date_to):
        st.caption(t("peta_change_default", lang, days=RECENT_DAYS))
    st.caption(t("peta_change_rule", lang, low=map_numbers.LOW_COUNT, cap=map_numbers.CHANGE_CAP))
unmapped = read("cases_unmapped", map_filters).iloc[0][f"without_{'region' if level == 'kabupaten' else 'province'}"]
if unmapped != 0:  # on a public view a withheld count reads '< 5'
    st.caption(t("peta_unmapped", lang, n=count_text(unmapped, lang), what=t(f"peta_unmapped_{level}", lang)))
st.caption(t("peta_attribution", lang))
