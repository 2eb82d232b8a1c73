"""Briefing: which charts, for the filters in the sidebar, go into a 16:9 PPTX or a PDF for the next meeting?"""

import time

import streamlit as st

from ui.app import data
from ui.app.audited import audited_data
from ui.app.context import current
from ui.export import ExportUnavailable
from ui.export.briefing import PIECES, briefing
from ui.export.pack import MIME, PACKS
from ui.export.renderer import browser_path
from ui.strings import t
from ui.views.captions import filters_caption, page_title

ctx = current()
lang = ctx.lang
st.title(page_title(t("bp_title", lang), ctx.filters, lang))
st.caption(t("bp_intro", lang))
if data.read("kpis", ctx.filters).iloc[0]["reported"] == 0:
    st.info(t("empty_state", lang), icon=":material/filter_alt_off:")
    st.stop()
can_render = browser_path() is not None
if not can_render:
    st.warning(t("export_no_browser", lang), icon=":material/warning:")

with st.form("bp_form", border=False):
    chosen = st.pills(t("bp_charts", lang), list(PIECES), selection_mode="multi", default=list(PIECES),
                      format_func=lambda piece: t(PIECES[piece][0], lang), key="bp_charts")
    title = st.text_input(t("bp_pack_title", lang), t("bp_default_title", lang), key="bp_pack_title")
    note = st.text_area(t("bp_note", lang), key="bp_note", height=80)
    fmt = st.segmented_control(t("bp_format", lang), list(PACKS), default="pptx", format_func=str.upper,
                               required=True, key="bp_format")
    build = st.form_submit_button(t("bp_build", lang), type="primary", disabled=not can_render,
                                  icon=":material/slideshow:")

wanted = (ctx.filters, tuple(chosen), title, note, fmt)  # a pack is offered only for what it was built from
if build and not chosen:
    st.warning(t("bp_none_chosen", lang), icon=":material/warning:")
elif build:
    with st.status(t("bp_building", lang), expanded=True) as status:
        bar = st.progress(0.0)

        def show(done: int, total: int, what: str) -> None:
            bar.progress(done / total, t("bp_step", lang, done=done, total=total, what=what))

        started = time.perf_counter()
        try:
            content = briefing(fmt, list(chosen), ctx.filters, lang, data.read, title, note, progress=show)
            st.session_state["bp_result"] = (wanted, content)
            status.update(label=t("bp_done", lang, seconds=f"{time.perf_counter() - started:.1f}"), state="complete")
        except ExportUnavailable as error:
            status.update(label=t("bp_failed", lang), state="error")
            st.error(error.message(lang), icon=":material/error:")

built_for, content = st.session_state.get("bp_result", (None, None))
if built_for == wanted:
    pack = audited_data(lambda: content, "briefing", fmt, ctx.filters, pieces=list(chosen))
    st.download_button(t("bp_download", lang, fmt=fmt.upper()), pack, file_name=f"netra-briefing.{fmt}",
                       mime=MIME[fmt], type="primary", on_click="ignore", icon=":material/download:",
                       key="bp_download")
st.caption(filters_caption(ctx.filters, lang))
