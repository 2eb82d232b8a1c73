"""The parts of the Muat data page: the preview of a load (with the teaching forms), and its published outcome.

Streamlit glue only; what to show comes from ui.views.loading (the loader's JSON report, correction files).
"""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from ui.app.audited import download
from ui.app.data import generation, read
from ui.strings import t
from ui.views import loading
from ui.views.markup import escape

ICONS = {"success": ":material/check_circle:", "warning": ":material/warning:", "info": ":material/info:",
         "error": ":material/error:"}  # per kind of loading.outcome_message


def report_problem(run: loading.LoaderRun, lang: str) -> bool:
    """Say why a loader run gave no report (time limit, crash); True when there is nothing more to show."""
    if run.status is None:
        st.error(t("ld_timeout", lang, seconds=round(run.seconds)), icon=":material/timer_off:")
        return True
    if run.report is None:
        st.error(t("ld_crash", lang, status=run.status) if run.status not in (0, 2, 3)
                 else t("ld_outcome_unknown", lang), icon=ICONS["error"])
        st.code(run.tail(), language=None)
        return True
    return False


def preview(report: dict, lang: str, on_teach) -> None:
    """The preview of every file: what would happen, how each column is read, what can be taught."""
    st.subheader(t("ld_preview_title", lang))
    st.info(t("ld_preview_note", lang), icon=":material/visibility:")
    if report["replaced_demo"]:
        st.warning(t("ld_replaces_demo", lang, n=report["replaced_demo"]["synthetic_cases_removed"]),
                   icon=":material/science:")
    for number, entry in enumerate(report["files"]):
        kind, text = loading.outcome_message(entry, True, lang)
        getattr(st, kind)(text, icon=ICONS[kind])
        if entry["status"] in ("unusable", "already_loaded"):
            continue
        with st.expander(t("ld_columns", lang) + f" — {escape(entry['file'])}", expanded=number == 0,
                         icon=":material/view_column:"):
            st.dataframe(loading.columns_frame(entry, lang), hide_index=True)
        _teach_headers(entry, number, lang, on_teach)
        _teach_phrases(entry, number, lang, on_teach)
        if entry["notes"]:
            st.caption(t("ld_notes", lang) + ": " + "; ".join(f"{escape(n['note'])} ({n['count']}×)"
                                                        for n in entry["notes"]))
        for rows, title in ((entry["rejected"], "ld_would_reject"), (entry["warned"], "ld_would_warn")):
            if rows:
                st.markdown(f"**{t(title, lang)}**")
                st.dataframe(loading.rows_frame(rows, lang), hide_index=True)


def _teach_headers(entry: dict, number: int, lang: str, on_teach) -> None:
    unmapped = entry["unmapped"]
    if not unmapped:
        return
    st.caption(t("ld_unmapped", lang))
    choices = loading.header_choices(lang)
    for index, column in enumerate(unmapped):
        with st.form(f"ld_teach_header_{number}_{index}", border=False):
            left, right = st.columns([3, 1], vertical_alignment="bottom")
            value = left.selectbox(t("ld_teach_header_item", lang, header=escape(column["header"]),
                                     samples=escape(", ".join(column["samples"])) or "—"),
                                   list(choices), format_func=choices.get)
            if right.form_submit_button(t("ld_teach_button", lang), icon=":material/school:"):
                on_teach("header", column["header"], value, "")


def _teach_phrases(entry: dict, number: int, lang: str, on_teach) -> None:
    unknown = [item for item in entry["unknown_phrases"] if item["field"] in loading.TEACHABLE]
    if not unknown:
        return
    st.markdown(f"**{t('ld_unknown', lang)}**")
    for index, item in enumerate(unknown):
        choices = loading.teach_choices(item["field"], lang)
        with st.form(f"ld_teach_phrase_{number}_{index}", border=False):
            left, right = st.columns([3, 1], vertical_alignment="bottom")
            value = left.selectbox(t("ld_unknown_item", lang, field=t(f"ld_field_{item['field']}", lang),
                                     phrase=escape(item["phrase"]), count=item["count"],
                                     rows=", ".join(map(str, item["rows"]))),
                                   list(choices), format_func=choices.get)
            if right.form_submit_button(t("ld_teach_button", lang), icon=":material/school:"):
                on_teach("phrase", item["phrase"], value, item["field"])


def outcome(report: dict, lang: str) -> None:
    """What the real load did, per file, with the counts and the correction files of what went wrong."""
    if report["replaced_demo"]:
        st.warning(t("ld_demo_replaced", lang, n=report["replaced_demo"]["synthetic_cases_removed"]),
                   icon=":material/science:")
    for entry in report["files"]:
        kind, text = loading.outcome_message(entry, False, lang)
        getattr(st, kind)(text, icon=ICONS[kind])
        linked = loading.link_message(entry, lang)
        if linked:
            st.info(linked, icon=":material/join_inner:")
    load_ids = tuple(entry["load_id"] for entry in report["files"] if entry["load_id"])
    if not load_ids or generation() is None:
        return
    batches = read("loads_by_id", load_ids=load_ids)
    st.subheader(t("ld_counts", lang))
    st.dataframe(loading.counts_frame(batches, lang), hide_index=True)
    for kind, query, title, hint in (("rejected", "rejections_by_load", "ld_rejected", "ld_rejected_hint"),
                                     ("warned", "warnings_by_load", "ld_warned", "ld_warned_hint")):
        problems = read(query, load_ids=load_ids)
        st.subheader(t(title, lang))
        if problems.empty:
            if kind == "rejected":
                st.success(t("ld_rejected_none", lang), icon=ICONS["success"])
            continue
        shown = problems[["source_file", "row_number", "column", "value", "reason"]]
        st.dataframe(shown.rename(columns={"source_file": t("ld_col_source_file", lang),
                                           "row_number": t("ld_col_row", lang), "column": t("ld_col_column", lang),
                                           "value": t("ld_col_value", lang), "reason": t("ld_col_reason", lang)}),
                     hide_index=True)
        st.caption(t(hint, lang))
        for file in loading.correction_files(problems, batches, kind, lang):
            csv_column, xlsx_column = st.columns(2)
            for place, fmt, data, key in ((csv_column, "csv", file.csv, "ld_download_csv"),
                                          (xlsx_column, "xlsx", file.xlsx, "ld_download_xlsx")):
                download(place, t(key, lang, name=escape(file.stem)), lambda data=data: data,
                         f"correction:{kind}", fmt, file_name=f"{file.stem}.{fmt}", key=f"ld_{fmt}_{file.stem}",
                         source_file=file.source_file)


def phrasebook(lang: str) -> None:
    """What the steward taught, as the published generation was built with it (read-only)."""
    if generation() is None:
        return
    try:
        entries = read("phrasebook_entries")
    except duckdb.CatalogException:  # a generation made before the phrasebook existed
        entries = pd.DataFrame()
    with st.expander(t("ld_phrasebook", lang), icon=":material/menu_book:"):
        if entries.empty:
            st.caption(t("ld_phrasebook_empty", lang))
            return
        columns = {"kind": "ld_col_kind", "field": "ld_col_field", "phrase": "ld_col_phrase",
                   "value": "ld_col_taught", "taught_by": "ld_col_taught_by", "taught_at": "ld_col_taught_at"}
        st.dataframe(entries[list(columns)].rename(columns={c: t(k, lang) for c, k in columns.items()}),
                     hide_index=True)
