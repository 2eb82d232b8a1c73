"""What every page needs from the frame this run: filters, language, who is looking, and facts about the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ui.strings import t
from ui.views.roles import ANONYMOUS, WITHHOLDS_SMALL_COUNTS
from warehouse.filters import Filters

KEY = "_netra_context"


@dataclass(frozen=True)
class Context:
    """Set once per run by dashboard.py, read by pages."""

    filters: Filters
    lang: str
    role: str
    synthetic: bool
    data_as_of: datetime | None
    user: str | None = None  # the signed-in user; None for a visitor without sign-in (no users file)

    @property
    def who(self) -> str:
        """The user name the audit records (ANONYMOUS without sign-in)."""
        return self.user or ANONYMOUS


def set_context(context: Context) -> None:
    """Called by the frame before the page runs."""
    st.session_state[KEY] = context


def clear_context() -> None:
    """Called by the frame first thing: until it knows the role again, no read may use the last run's."""
    st.session_state.pop(KEY, None)


def current() -> Context:
    """The context the frame set for this run.

    A page script started without the frame (plain `streamlit run dashboard.py` on a fresh server scans pages/
    as legacy pages) has none: it switches Streamlit to the frame's navigation and reruns, so the visitor gets
    the frame — its role, its sign-in — never a page on its own.
    """
    context = st.session_state.get(KEY)
    if context is None:
        PagesManager.uses_pages_directory = False
        st.rerun()
    return context


def admin_page(title_key: str, refusal_key: str) -> Context:
    """The context of an admin-only page: its title, then — for anyone else — the refusal, and the page stops.

    The frame registers these pages for admins alone; this is the second lock, should a page ever be reached.
    """
    context = current()
    st.title(t(title_key, context.lang))
    if context.role != "admin":
        st.error(t(refusal_key, context.lang), icon=":material/lock:")
        st.stop()
    return context


def withholds_small_counts() -> bool:
    """True when this run's counts must go through ui.views.disclosure (publik, or no role known yet)."""
    context = st.session_state.get(KEY)
    return context is None or context.role in WITHHOLDS_SMALL_COUNTS
