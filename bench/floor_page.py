"""The floor of bench.pages: what any page with the same number of charts costs, with nothing to compute.

`?charts=N` draws N empty plotly charts (the app's chart config) under a title, beside a sidebar with the app's
first two filters as the app draws them (labels and options from ui.app.filters and the string catalogue, so the
harness's filter change finds the province picker and its option here too). A page's time divided by this page's
time says how much of it is ours and how much Streamlit, plotly and the browser cost anyway.
"""

import plotly.graph_objects as go
import streamlit as st

from ui.app.filters import MULTI
from ui.figures.charts import PLOTLY_CONFIG
from ui.strings import options, t

st.set_page_config(page_title="floor", layout="wide")
chosen = []
for field in ("elections", "provinces"):
    _, label_key, column, _ = MULTI[field]
    labels = options(column, "id")
    chosen = st.sidebar.multiselect(t(label_key, "id"), list(labels), format_func=labels.get, key=field)
st.title("Floor")
st.caption(", ".join(chosen) or "—")
for number in range(int(st.query_params.get("charts", "4"))):
    st.plotly_chart(go.Figure(), config=PLOTLY_CONFIG, key=f"floor_{number}")
