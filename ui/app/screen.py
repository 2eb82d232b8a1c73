"""What the server knows of the visitor's screen: only whether the browser says it is a phone.

The server cannot measure the browser. A figure sized for a wide page (a legend beside the plot, a desktop-high
map) left a phone a thin strip of chart; the builders take a phone layout when this says so.
"""

import streamlit as st


def on_phone() -> bool:
    """True when the browser calls itself 'Mobile' in its User-Agent (phones; tablets mostly do not)."""
    return "Mobile" in (st.context.headers or {}).get("User-Agent", "")
