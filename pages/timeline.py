"""Linimasa: when do violations happen relative to the election's stages and voting day, and are they rising?

The timeline and its own controls form a fragment (a control reruns the chart alone, on cached reads); the
sections below it are tabs of which only the open one is computed and drawn.
"""

import streamlit as st

from ui.app.context import current
from ui.app.data import read
from ui.app.export_buttons import export_buttons
from ui.app.screen import on_phone
from ui.app.sections import open_section
from ui.figures import timeline as charts
from ui.figures.charts import PLOTLY_CONFIG
from ui.strings import label, t
from ui.views import markup
from ui.views import timeline as logic
from ui.views.captions import filters_caption, page_title

ctx = current()
lang = ctx.lang
heading = st.empty()  # the title names the election shown, known once it is picked below
st.caption(t("tl_intro", lang))

calendar = read("election_calendar")
choices = logic.election_choices(calendar, ctx.filters.elections)
election = choices[0] if len(ctx.filters.elections) == 1 else st.selectbox(
    t("tl_pick_election", lang), choices, index=len(choices) - 1, key="tl_election",
    format_func=lambda e: label("election", e, lang))
if len(ctx.filters.elections) != 1:
    st.caption(t("tl_pick_note", lang, election=label("election", election, lang)))
cal = logic.calendar_for(calendar, election)
filters = logic.for_election(ctx.filters, election)
heading.title(page_title(t("tl_title", lang), filters, lang))
weekly = read("timeline_counts", filters, bucket_days=7, stack_by=logic.STACKS[0])  # the default view's read


@st.fragment
def timeline() -> None:
    """The timeline with its granularity, axis and stacking; spike weeks marked, unfinished buckets hatched."""
    choose = st.columns(3)
    bucket_days = choose[0].segmented_control(
        t("tl_granularity", lang), (7, 1), default=7, required=True, key="tl_gran",
        format_func=lambda d: t("tl_gran_week" if d == 7 else "tl_gran_day", lang))
    axis = choose[1].segmented_control(t("tl_axis", lang), logic.AXES, default="calendar", required=True,
                                       key="tl_axis", format_func=lambda a: t(f"tl_axis_{a}", lang))
    stack_by = choose[2].segmented_control(t("tl_stack", lang), logic.STACKS, default=logic.STACKS[0],
                                           required=True, key="tl_stack",
                                           format_func=lambda s: t(f"tl_stack_{s}", lang))
    counts = read("timeline_counts", filters, bucket_days=bucket_days, stack_by=stack_by)
    incomplete = logic.incomplete_offsets(logic.bucket_totals(counts, bucket_days), bucket_days, cal.data_until,
                                          lag_days)
    fig = charts.timeline_chart(counts, cal.stages, cal.voting_day, axis, stack_by, lang, bucket_days, spikes,
                                incomplete, charts.PHONE if on_phone() else charts.WIDE)
    st.plotly_chart(fig, config=PLOTLY_CONFIG, key="tl_timeline")
    st.caption(filters_caption(filters, lang))
    dated = counts["n"].sum()  # on a public view: of the published counts (withheld ones are not in it)
    st.caption(logic.timeline_note(dated + whole["undated"].iloc[0], dated, filters.date_basis, lang) + " "
               + logic.incomplete_note(incomplete, bucket_days, lag_days, cal.data_until, lang))
    export_buttons(fig, "linimasa", t("tl_title", lang), filters=filters)


def prepost() -> None:
    """How fast cases came before and since voting day, per stage (cards, chart and table)."""
    st.subheader(t("tl_prepost_title", lang))
    for column, (title, value, help_text) in zip(st.columns(3), logic.prepost_cards(summary, lang), strict=True):
        column.metric(title, value, help=help_text)
    figure = charts.prepost_chart(summary, lang)
    st.plotly_chart(figure, config=PLOTLY_CONFIG, key="tl_prepost")
    st.markdown(markup.markdown_table(logic.stage_table(summary, lang)))  # a few rows: no data grid to load
    st.caption(filters_caption(filters, lang) + " · " + t("tl_prepost_note", lang))
    export_buttons(figure, "laju-tahapan", t("tl_prepost_title", lang), filters=filters)


def spike_weeks() -> None:
    """The weeks that meet the spike rule, as a table."""
    st.subheader(t("tl_spikes_title", lang))
    st.caption(t("tl_spikes_rule", lang))
    if spikes.empty:
        st.write(t("tl_no_spikes", lang))
    else:
        st.dataframe(logic.spike_table(spikes, lang), hide_index=True)


def lags() -> None:
    """Days from incident to report and from report to decision, per stage."""
    st.subheader(t("tl_lag_title", lang))
    st.plotly_chart(charts.lag_chart(summary, lang), config=PLOTLY_CONFIG, key="tl_lag")
    st.caption(filters_caption(filters, lang) + " · " + logic.lag_note(whole, lang))


@st.fragment
def overlay() -> None:
    """Every election on one H-day axis (the sidebar's filters, any election): counts or a running total."""
    st.subheader(t("tl_overlay_title", lang))
    overlay_filters = logic.overlay_filters(ctx.filters)
    measure = st.segmented_control(t("tl_measure", lang), logic.MEASURES, default="count", required=True,
                                   key="tl_measure", format_func=lambda m: t(f"tl_measure_{m}", lang))
    frame = logic.overlay_frame(read("timeline_counts", overlay_filters, bucket_days=7, stack_by="election"))
    if frame.empty:
        st.info(t("empty_state", lang), icon=":material/filter_alt_off:")
        return
    figure = charts.overlay_chart(frame, measure, lang)
    st.plotly_chart(figure, config=PLOTLY_CONFIG, key="tl_overlay")
    st.caption(filters_caption(overlay_filters, lang))
    export_buttons(figure, "pemilihan-berdampingan", t("tl_overlay_title", lang), filters=overlay_filters)


if weekly.empty:  # nothing of this election to draw: say so, and still set it beside the other elections
    st.info(t("tl_no_election_cases", lang, election=label("election", election, lang)),
            icon=":material/filter_alt_off:")
    overlay()
    st.stop()

summary = read("stage_summary", filters)
whole = logic.overall(summary)
lag_days = logic.lag_days(whole, filters.date_basis)
spikes = logic.spike_weeks(logic.bucket_totals(weekly, 7))
timeline()
open_section((("tl_tab_prepost", prepost), ("tl_tab_spikes", spike_weeks), ("tl_tab_lag", lags),
              ("tl_tab_overlay", overlay)), lang)
