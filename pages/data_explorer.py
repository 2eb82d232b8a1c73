"""Data: which cases are behind the numbers? The filtered cases page by page, one case in full, and exports of
exactly the rows on screen. Leadership sees no case table; analysts see no names and masked NIPs."""

import streamlit as st

from ui.app.audited import download
from ui.app.context import current
from ui.app.data import read
from ui.app.filters import empty_state
from ui.strings import t
from ui.views import tables
from ui.views.captions import page_title, records_caption
from ui.views.markup import code_span
from ui.views.roles import CAN_SEE_CASES, CAN_SEE_PERSONAL

ctx = current()
f, lang, role = ctx.filters, ctx.lang, ctx.role
st.title(page_title(t("dx_title", lang), f, lang))
if role not in CAN_SEE_CASES:
    st.info(t("dx_no_access", lang), icon=":material/lock:")
    st.stop()
personal = role in CAN_SEE_PERSONAL

first_page = {"on_change": st.session_state.pop, "args": ("dx_page", None)}  # a new search or order: page 1
search = st.text_input(t("dx_search", lang), key="dx_search", max_chars=200, **first_page,
                       placeholder=t("dx_search_hint_personal" if personal else "dx_search_hint", lang)).strip()
left, middle, right = st.columns(3)
sort_key = left.selectbox(t("dx_sort", lang), tables.SORT_KEYS, key="dx_sort", **first_page,
                          format_func=lambda k: t("dx_sort_region" if k == "region" else f"dx_col_{k}", lang))
descending = middle.segmented_control(t("dx_order", lang), (True, False), default=True, required=True,
                                      key="dx_desc", **first_page,
                                      format_func=lambda d: t("dx_desc" if d else "dx_asc", lang))
size = right.selectbox(t("dx_page_size", lang), tables.PAGE_SIZES, index=1, key="dx_size", **first_page)

total = int(read("case_count", f, search=search, personal=personal)["n"].iloc[0])
if total == 0:
    if search:
        st.info(t("dx_no_match", lang, search=code_span(search)), icon=":material/search_off:")
    else:
        empty_state(lang)
    st.stop()
pages = tables.page_count(total, size)
if st.session_state.get("dx_page", 1) > pages:  # the filters shrank the result under the page we were on
    st.session_state["dx_page"] = pages
page = st.pagination(pages, key="dx_page")
offset = (page - 1) * size
rows = read("case_page", f, search=search, personal=personal, sort_key=sort_key, descending=descending,
            limit=size, offset=offset)
shown = tables.display_frame(rows, role, lang)
event = st.dataframe(shown, hide_index=True, on_select="rerun", selection_mode="single-row", key="dx_table",
                     placeholder="—")
first, last = offset + 1, offset + len(rows)
st.caption(" ".join([t("dx_rows", lang, first=first, last=last, total=total), records_caption(f, lang)]
                    + ([] if personal else [t("dx_masked", lang)])))

notes = tables.export_notes(records_caption(f, lang), ctx.data_as_of, first, last, total, lang, ctx.synthetic)
csv_column, xlsx_column = st.columns(2)
rows_shown = {"rows": [first, last], "search": search}
download(csv_column, t("dx_download_csv", lang), lambda: tables.csv_bytes(shown, notes), "cases", "csv",
         file_name="netra-kasus.csv", key="dx_csv", filters=f, **rows_shown)
download(xlsx_column, t("dx_download_xlsx", lang), lambda: tables.xlsx_bytes(shown, notes, lang), "cases", "xlsx",
         file_name="netra-kasus.xlsx", key="dx_xlsx", filters=f, **rows_shown)

st.subheader(t("dx_detail", lang))
chosen = event["selection"]["rows"]
if chosen:
    st.dataframe(tables.case_detail(rows.iloc[chosen[0]].to_dict(), role, lang), hide_index=True,
                 key="dx_detail_table")  # cells are plain text: register text never renders as markdown
else:
    st.caption(t("dx_detail_hint", lang))

if role == "admin":
    st.subheader(t("dx_rejected", lang))
    rejected = read("recent_rejections", loads=5, limit=500)
    if rejected.empty:
        st.success(t("dx_rejected_none", lang), icon=":material/check_circle:")
    else:
        st.dataframe(tables.rejections_frame(rejected, lang), hide_index=True)
        st.caption(t("dx_rejected_hint", lang))
