"""Ringkasan: how many civil servants were reported, proven and sanctioned, where, and is it rising?

Readable in a minute by leadership, on a laptop or a phone (columns stack on narrow screens).
"""

import streamlit as st

import settings
from ui.app.context import current
from ui.app.data import read
from ui.app.export_buttons import export_buttons
from ui.app.filters import empty_state
from ui.app.map_state import map_width
from ui.app.sections import open_section
from ui.figures import charts, maps
from ui.figures import timeline as timeline_charts
from ui.figures.cross_agency import cross_agency_chart
from ui.strings import label, t
from ui.views import kpis, map_numbers
from ui.views.captions import filters_caption, page_title

ctx = current()
f, lang = ctx.filters, ctx.lang
caption = filters_caption(f, lang)
st.title(page_title(t("ov_title", lang), f, lang))

now = read("kpis", f)
if now["reported"].iloc[0] == 0:
    empty_state(lang)
    st.stop()

for column, card in zip(st.columns(4), kpis.cards_for(read, f, lang), strict=True):
    column.metric(card.label, card.value, card.delta, card.delta_color, help=card.help, border=True)
st.caption(caption)
left_out = kpis.non_asn_note(read("non_asn_count", f), f.unit, lang)
if left_out:
    st.caption(left_out)

left, right = st.columns(2)
with left:
    st.subheader(t("ov_funnel", lang))
    funnel = charts.funnel_chart(now, lang)  # the kpis row holds the three stages: one query less
    st.plotly_chart(funnel, config=charts.PLOTLY_CONFIG, key="ov_funnel")
    st.caption(caption)
    export_buttons(funnel, "alur-penanganan", t("ov_funnel", lang))
with right:
    st.subheader(t("ov_trend", lang))
    trend = timeline_charts.trend_chart(read("overview_weekly", f), lang, read("election_calendar"))  # Linimasa's
    st.plotly_chart(trend, config=charts.PLOTLY_CONFIG, key="ov_trend")
    st.caption(f"{t('ov_trend_basis', lang, basis=label('date_basis', f.date_basis, lang))} {caption}")
    export_buttons(trend, "tren-mingguan", t("ov_trend", lang))


def top_places() -> None:
    """The ten kabupaten/kota and the provinces with the most cases, side by side (stacked on a phone)."""
    left, right = st.columns(2)
    with left:
        st.subheader(t("ov_top_regions", lang))
        regions = read("top_regions", f, limit=10)
        if regions.empty:
            st.info(t("ov_no_region", lang), icon=":material/location_off:")
        else:
            top_regions = charts.ranking_chart(regions, "region_name", lang, detail_column="province_name")
            st.plotly_chart(top_regions, config=charts.PLOTLY_CONFIG, key="ov_top_regions")
            export_buttons(top_regions, "kabupaten-kota-teratas", t("ov_top_regions", lang))
        st.caption(caption)
    with right:
        st.subheader(t("ov_top_provinces", lang))
        top_provinces = charts.ranking_chart(read("top_provinces", f, limit=10), "province_name", lang)
        st.plotly_chart(top_provinces, config=charts.PLOTLY_CONFIG, key="ov_top_provinces")
        st.caption(caption)
        export_buttons(top_provinces, "provinsi-teratas", t("ov_top_provinces", lang))


def case_map() -> None:
    """Cases per kabupaten/kota (ui.figures.maps); Peta adds the other measures and the drill-down."""
    map_filters = f.without("regions")  # every region stays on the map; a chosen one is outlined
    small_map = maps.best_map(map_numbers.region_metrics(read("cases_by_region", map_filters)), "count", lang,
                              focus_province=f.provinces, selected=f.regions, width=map_width())
    st.plotly_chart(small_map, config=maps.PLOTLY_CONFIG, theme=None, key="ov_map_chart")
    st.caption(filters_caption(map_filters, lang))
    export_buttons(small_map, "peta-ringkasan", t("ov_map", lang), filters=map_filters)
    st.page_link("pages/regional_map.py", label=t("ov_map_link", lang), icon=":material/map:")


def cross_agency_flow() -> None:
    """The short cross-agency flow: how far the person-cases got from Bawaslu to the PPK's sanction."""
    st.subheader(t("xa_ov_title", lang), help=t("xa_handover_help", lang))
    flow = cross_agency_chart(read("cross_agency_funnel", f, stall_days=settings.stall_days()), "bawaslu", lang,
                              compact=True)
    st.plotly_chart(flow, config=charts.PLOTLY_CONFIG, key="ov_cross_agency")
    st.caption(f"{t('xa_unit', lang)} {caption}")
    export_buttons(flow, "alur-lintas-instansi", t("xa_ov_title", lang))
    st.page_link("pages/cross_agency.py", label=t("xa_ov_link", lang), icon=":material/account_tree:")


# Below the headline charts, one section at a time (ui.app.sections): the first look waits for four charts instead
# of seven (the map alone draws 514 regions).
open_section((("ov_tab_places", top_places), ("ov_map", case_map), ("xa_ov_title", cross_agency_flow)), lang)
