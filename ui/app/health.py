"""What the frame says when the published generation cannot be read (issue 9 defect 6).

Admins are told which generation is broken, why, which one the dashboard shows instead, and the commands that
mend it; everyone else sees the data of the generation being served, or — when none can be read — a short
sentence without DuckDB's error or any path.
"""

from __future__ import annotations

import streamlit as st

from ui.strings import t
from warehouse import db
from warehouse.generations import Serving


def broken_notice(served: Serving, role: str, lang: str) -> None:
    """The notice for this role: the details for admins; for others only when there is nothing to show."""
    broken = "; ".join(f"{generation} ({reason})" for generation, reason in served.broken)
    if role == "admin" and served.path is not None:
        st.warning(t("gen_broken_admin", lang, broken=broken, serving=db.generation_id(served.path)),
                   icon=":material/warning:")
    elif role == "admin":
        st.error(t("gen_none_admin", lang, broken=broken), icon=":material/error:")
    elif served.path is None:
        st.error(t("gen_unavailable", lang), icon=":material/error:")
