"""A page's sections as tabs of which only the open one runs: what is not visible is neither computed nor drawn.

Streamlit runs the content of every tab unless the tabs keep their state (`on_change="rerun"`): then a tab
switch reruns the script (or the fragment the tabs are in) and `tab.open` says which one to run. A page with
seven charts waited for all seven; with its sections as tabs it waits for the open one's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from ui.strings import t


def open_section(sections: Sequence[tuple[str, Callable[[], None]]], key: str, lang: str) -> None:
    """Tabs labelled by the string keys of `sections`; the open tab's function runs inside it, the others not.

    The open tab is kept in st.session_state[key] (its label); the first tab is open on a first visit.
    """
    tabs = st.tabs([t(label_key, lang) for label_key, _ in sections], key=key, on_change="rerun")
    for tab, (_, section) in zip(tabs, sections, strict=True):
        with tab:
            if tab.open:
                section()
