"""A page's sections as tabs of which only the open one runs: what is not visible is neither computed nor drawn.

Streamlit runs the content of every tab unless the tabs keep their state (`on_change="rerun"`): then a tab
switch reruns the script (or the fragment the tabs are in) and `tab.open` says which one to run. A page with
seven charts waited for all seven; with its sections as tabs it waits for the open one's.

The open tab is in the URL (`?tab=Jeda`, bound by Streamlit: a shared link opens the tab it was copied on; the
first tab leaves it out). Every page uses the one key, so another page opens on its own first tab.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui.strings import LANGS, t
from ui.views.links import TAB_KEY


def open_section(sections: Sequence[tuple[str, Callable[[], None]]], lang: str) -> None:
    """Tabs labelled by the string keys of `sections`; the open tab's function runs inside it, the others not.

    The open tab is kept in st.session_state[TAB_KEY] and the URL (its label); the first tab is open on a first
    visit, and a language switch keeps the tab that was open (its label in the new language).
    """
    label_keys = [label_key for label_key, _ in sections]
    labels = [t(label_key, lang) for label_key in label_keys]
    _keep_across_languages(TAB_KEY, labels, label_keys)
    tabs = st.tabs(labels, key=TAB_KEY, on_change="rerun", bind="query-params")
    for tab, (_, section) in zip(tabs, sections, strict=True):
        with tab:
            if tab.open:
                section()


def _keep_across_languages(key: str, labels: list[str], label_keys: list[str]) -> None:
    """The open tab's label, if it is another language's (the language was just switched), in this language's
    words: otherwise Streamlit would find no such tab and open the first."""
    opened = st.session_state.get(key)
    if opened is None or opened in labels:
        return
    for other in LANGS:
        theirs = [t(label_key, other) for label_key in label_keys]
        if opened in theirs:
            st.session_state[key] = labels[theirs.index(opened)]
            return
