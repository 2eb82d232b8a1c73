"""Muat data: load this register and tell me exactly what was rejected and why. Admins only (the frame registers
this page for them alone); the real loader runs in its own process, so the app itself never writes."""

import streamlit as st

from ui.app.audited import audited_data
from ui.app.context import current
from ui.app.data import generation, read
from ui.strings import label, t
from ui.views import loading
from ui.views.markup import escape
from ui.views.tables import rejections_frame
from warehouse.vocab import ELECTIONS, SOURCE_AGENCIES

OUTCOME_ICONS = {"success": ":material/check_circle:", "warning": ":material/warning:", "info": ":material/info:",
                 "error": ":material/error:"}  # per kind of loading.outcome_message

ctx = current()
lang = ctx.lang
st.title(t("ld_title", lang))
if ctx.role != "admin":
    st.error(t("ld_admin_only", lang), icon=":material/lock:")
    st.stop()
st.markdown(t("ld_intro", lang))
if ctx.synthetic:
    st.info(t("ld_demo_note", lang), icon=":material/science:")
elif generation() is None:
    st.info(t("ld_first_load", lang), icon=":material/database:")

with st.form("ld_form"):
    uploads = st.file_uploader(t("ld_files", lang), type=[s.lstrip(".") for s in loading.SUFFIXES],
                               accept_multiple_files=True, key="ld_files")
    left, right = st.columns(2)
    election = left.selectbox(t("ld_election", lang), (None, *ELECTIONS), help=t("ld_election_help", lang),
                              format_func=lambda e: label("election", e, lang) if e else t("ld_detect", lang))
    agency = right.selectbox(t("ld_agency", lang), (None, *SOURCE_AGENCIES), help=t("ld_agency_help", lang),
                             format_func=lambda a: label("source_agency", a, lang) if a else t("ld_detect", lang))
    submitted = st.form_submit_button(t("ld_button", lang), type="primary", icon=":material/upload:")

if submitted:
    problems = loading.upload_problems([upload.name for upload in uploads or []], lang)
    for problem in problems:
        st.error(escape(problem), icon=":material/error:")  # file names are the uploader's text
    if not problems:
        with st.status(t("ld_running", lang, n=len(uploads)), expanded=True):
            progress = st.empty()
            st.session_state["ld_last"] = loading.load_uploads(uploads, election, agency, on_progress=progress.text)
        st.rerun()  # the frame, the sidebar and every page now read the new generation

attempt = st.session_state.get("ld_last")
if attempt is None:
    st.stop()
run = attempt.run
if run.status is None:
    st.error(t("ld_timeout", lang, seconds=round(run.seconds)), icon=":material/timer_off:")
elif run.status not in (0, 2, 3):
    st.error(t("ld_crash", lang, status=run.status), icon=":material/error:")
    st.code(run.tail(), language=None)
batches = read("loads_by_sha256", None, attempt.checksums) if generation() else loading.NO_LOADS
for outcome in loading.file_outcomes(attempt, batches):
    kind, text = loading.outcome_message(outcome, lang)
    getattr(st, kind)(escape(text), icon=OUTCOME_ICONS[kind])  # names and quoted cells: never markdown
if batches.empty:
    st.stop()

st.subheader(t("ld_counts", lang))
st.dataframe(loading.counts_frame(batches, lang), hide_index=True)
st.subheader(t("ld_rejected", lang))
rejected = read("rejections_by_load", None, tuple(batches["load_id"].tolist()))
if rejected.empty:
    st.success(t("ld_rejected_none", lang), icon=":material/check_circle:")
else:
    st.dataframe(rejections_frame(rejected, lang), hide_index=True)
    st.caption(t("ld_rejected_hint", lang))
    for file in loading.correction_files(rejected, lang):
        csv_column, xlsx_column = st.columns(2)
        corrections = {"what": "corrections", "source_file": file.source_file}
        csv_column.download_button(t("ld_download_csv", lang, name=escape(file.source_file)), on_click="ignore",
                                   data=audited_data(lambda f=file: f.csv, fmt="csv", **corrections),
                                   file_name=f"{file.stem}.csv", mime="text/csv", key=f"ld_csv_{file.stem}",
                                   icon=":material/download:")
        xlsx_column.download_button(t("ld_download_xlsx", lang, name=escape(file.source_file)),
                                    data=audited_data(lambda f=file: f.xlsx, fmt="xlsx", **corrections),
                                    on_click="ignore", file_name=f"{file.stem}.xlsx", mime=loading.XLSX_MIME,
                                    key=f"ld_xlsx_{file.stem}", icon=":material/download:")
with st.expander(t("ld_log", lang)):
    st.code("\n".join(filter(None, (run.stdout.strip(), run.tail()))), language=None)
