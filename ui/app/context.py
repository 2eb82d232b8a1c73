"""What every page needs from the frame this run: filters, language, role and facts about the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import streamlit as st

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


def set_context(context: Context) -> None:
    """Called by the frame before the page runs."""
    st.session_state[KEY] = context


def current() -> Context:
    """The context the frame set for this run."""
    return st.session_state[KEY]
