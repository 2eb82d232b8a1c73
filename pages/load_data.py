"""Muat data: preview a register, teach the loader what it did not know, then publish — or cancel, which writes
nothing. Admins only (the frame registers this page for them alone); the real loader runs in its own process, so
the app itself never writes."""

import streamlit as st

from ui.app import loading_panels as panels
from ui.app.auth import signed_in_user
from ui.app.context import admin_page
from ui.app.data import generation
from ui.strings import label, t
from ui.views import loading
from ui.views.markup import escape
from warehouse.vocab import ELECTIONS, SOURCE_AGENCIES

STATE = "ld_state"  # {"staged": loading.Staged, "preview": LoaderRun} or {"published": LoaderRun}

ctx = admin_page("ld_title", "ld_admin_only")
lang = ctx.lang
by = signed_in_user() or f"app:{ctx.role}"
st.markdown(t("ld_intro", lang))
st.caption(t("ld_limits", lang, per_file=loading.MAX_FILE_MB, total=loading.MAX_TOTAL_MB))
if ctx.synthetic:
    st.info(t("ld_demo_note", lang), icon=":material/science:")
elif generation() is None:
    st.info(t("ld_first_load", lang), icon=":material/database:")
state = st.session_state.get(STATE, {})


def run_preview(staged: loading.Staged) -> None:
    with st.status(t("ld_previewing", lang, n=len(staged.names)), expanded=True):
        progress = st.empty()
        run = loading.preview(staged, by, on_progress=progress.text)
    st.session_state[STATE] = {"staged": staged, "preview": run}


def teach(kind: str, phrase: str, value: str, field: str) -> None:
    taught, message = loading.teach(kind, phrase, value, field, by)
    st.session_state["ld_message"] = ("success", t("ld_taught", lang)) if taught else (
        "error", t("ld_teach_failed", lang, message=message))
    run_preview(state["staged"])  # read again with what was just taught
    st.rerun()


if "ld_message" in st.session_state:
    kind, text = st.session_state.pop("ld_message")
    getattr(st, kind)(text, icon=panels.ICONS[kind])

if "staged" not in state:
    with st.form("ld_form"):
        uploads = st.file_uploader(t("ld_files", lang), type=[s.lstrip(".") for s in loading.SUFFIXES],
                                   accept_multiple_files=True, key="ld_files")
        left, right = st.columns(2)
        election = left.selectbox(t("ld_election", lang), (None, *ELECTIONS), help=t("ld_election_help", lang),
                                  format_func=lambda e: label("election", e, lang) if e else t("ld_detect", lang))
        agency = right.selectbox(t("ld_agency", lang), (None, *SOURCE_AGENCIES), help=t("ld_agency_help", lang),
                                 format_func=lambda a: label("source_agency", a, lang) if a else t("ld_detect", lang))
        submitted = st.form_submit_button(t("ld_button", lang), type="primary", icon=":material/preview:")
    if submitted:
        problems = loading.upload_problems(uploads or [], lang)
        for problem in problems:
            st.error(escape(problem), icon=":material/error:")  # file names are the uploader's text
        if not problems:
            run_preview(loading.stage_uploads(uploads, election, agency))
            st.rerun()

if "staged" in state:
    if not panels.report_problem(state["preview"], lang):
        panels.preview(state["preview"].report, lang, teach)
        if st.button(t("ld_publish", lang), type="primary", icon=":material/publish:"):
            with st.status(t("ld_publishing", lang, n=len(state["staged"].names)), expanded=True):
                progress = st.empty()
                published = loading.publish(state["staged"], by, on_progress=progress.text)
            st.session_state[STATE] = {"published": published}
            st.rerun()  # the frame, the sidebar and every page now read the new generation
    if st.button(t("ld_cancel", lang), icon=":material/close:"):
        state["staged"].discard()
        st.session_state[STATE] = {}
        st.session_state["ld_message"] = ("info", t("ld_cancelled", lang))
        st.rerun()

if "published" in state and not panels.report_problem(state["published"], lang):
    panels.outcome(state["published"].report, lang)
    with st.expander(t("ld_log", lang)):
        st.code(state["published"].tail(), language=None)
panels.phrasebook(lang)
