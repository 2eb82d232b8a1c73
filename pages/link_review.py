"""Tautan orang-kasus: which pairs of records could be one person in one case, and is each pair one? Admins only
(the frame registers this page for them alone: it shows names and NIPs); a decision runs `python -m etl links` in
its own process, so the app itself never writes."""

import streamlit as st

from ui.app.auth import signed_in_user
from ui.app.context import admin_page
from ui.app.data import read
from ui.strings import label, t
from ui.views import linking
from warehouse.vocab import ELECTIONS

SHOWN = 20  # pairs on the page at once, highest score first
ICONS = {"success": ":material/check_circle:", "error": ":material/error:"}

ctx = admin_page("lk_title", "lk_admin_only")
lang = ctx.lang
by = signed_in_user() or f"app:{ctx.role}"
st.markdown(t("lk_intro", lang))
thresholds = linking.thresholds(read("warehouse_info"))
if thresholds:
    st.caption(t("lk_thresholds", lang, **thresholds))
if "lk_message" in st.session_state:
    kind, text = st.session_state.pop("lk_message")
    getattr(st, kind)(text, icon=ICONS[kind])

election = st.selectbox(t("lk_election", lang), ("", *ELECTIONS), key="lk_election",
                        format_func=lambda e: label("election", e, lang) if e else t("lk_all_elections", lang))
pairs = read("link_reviews", None, election=election, personal=True, limit=10**6)
if pairs.empty:
    st.success(t("lk_none", lang), icon=":material/check_circle:")
else:
    st.subheader(t("lk_count", lang, n=len(pairs)))
    st.caption(t("lk_shown", lang, shown=min(SHOWN, len(pairs)), n=len(pairs)))
for number, pair in enumerate(pairs.head(SHOWN).to_dict("records"), start=1):
    with st.container(border=True):
        st.markdown(f"**{linking.pair_heading(number, pair, lang)}**")
        st.caption(f"A: `{pair['record_a']}` · B: `{pair['record_b']}`")
        st.dataframe(linking.pair_frame(pair, lang), hide_index=True)
        note = st.text_input(t("lk_note", lang), key=f"lk_note_{number}_{pair['record_a']}_{pair['record_b']}")
        left, right = st.columns(2)
        chosen = None
        if left.button(t("lk_confirm", lang), key=f"lk_confirm_{number}", icon=":material/link:", type="primary"):
            chosen = "confirm"
        if right.button(t("lk_split", lang), key=f"lk_split_{number}", icon=":material/link_off:"):
            chosen = "split"
        if chosen:
            with st.spinner(t("lk_running", lang)):
                st.session_state["lk_message"] = linking.decide(chosen, pair["record_a"], pair["record_b"], by,
                                                                note, lang)
            st.rerun()  # the new generation: the pair is gone, the person-cases changed everywhere

with st.expander(t("lk_decisions", lang)):
    decided = read("link_decisions")
    if decided.empty:
        st.caption(t("lk_no_decisions", lang))
    else:
        st.dataframe(linking.decisions_frame(decided, lang), hide_index=True)
st.caption(t("lk_cli", lang))
