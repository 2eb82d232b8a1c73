"""Audit: who signed in, loaded, exported or restored what, and when? Admins only (the frame registers this page
for them alone); the audit lives outside the warehouse generations, so this page works before any warehouse."""

from datetime import date

import streamlit as st

from ui.app.audited import download
from ui.app.context import admin_page
from ui.strings import t
from ui.views import audit_trail, tables
from warehouse import audit

ctx = admin_page("au_title", "au_admin_only")
lang = ctx.lang
st.caption(t("au_intro", lang))

entries = audit.entries()
if entries.empty:
    st.info(t("au_empty", lang), icon=":material/history:")
    st.stop()

left, middle, right = st.columns(3)
events = left.multiselect(t("au_events", lang), audit_trail.recorded(entries), key="au_events",
                          format_func=lambda e: audit_trail.event_label(e, lang), placeholder=t("f_all", lang))
outcomes = middle.multiselect(t("au_outcomes", lang), audit_trail.OUTCOMES, key="au_outcomes",
                              format_func=lambda o: t(f"au_outcome_{o}", lang), placeholder=t("f_all", lang))
days = right.date_input(t("au_days", lang), (), key="au_days", format="DD/MM/YYYY", max_value=date.today())
text = st.text_input(t("au_search", lang), key="au_search", placeholder=t("au_search_hint", lang), max_chars=200)
start, end = (list(days) + [None, None])[:2]
query = audit_trail.AuditQuery(tuple(events), tuple(outcomes), text, start, end)

chosen = audit_trail.select(entries, query)
shown = audit_trail.display_frame(chosen, lang)
st.dataframe(shown, hide_index=True, placeholder="—")
st.caption(t("au_rows", lang, shown=len(chosen), total=len(entries)))

notes = audit_trail.audit_notes(query, len(chosen), len(entries), lang)
csv_column, xlsx_column = st.columns(2)
download(csv_column, t("au_download_csv", lang), lambda: tables.csv_bytes(shown, notes), "audit", "csv",
         file_name="netra-audit.csv", key="au_csv", query=audit_trail.query_details(query))
download(xlsx_column, t("au_download_xlsx", lang), lambda: tables.xlsx_bytes(shown, notes, lang), "audit", "xlsx",
         file_name="netra-audit.xlsx", key="au_xlsx", query=audit_trail.query_details(query))
