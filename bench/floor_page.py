"""The floor of bench.pages: what any page with the same number of charts costs, with nothing to compute.

`?charts=N` draws N empty plotly charts (the app's chart config) under a title, beside a sidebar with the same
two multiselects the harness uses for its filter change (the second offers "Jawa Tengah"). A page's time divided
by this page's time says how much of it is ours and how much Streamlit, plotly and the browser cost anyway.
"""

import plotly.graph_objects as go
import streamlit as st

from ui.figures.charts import PLOTLY_CONFIG

st.set_page_config(page_title="floor", layout="wide")
st.sidebar.multiselect("Pemilihan", ["Pilkada 2020", "Pemilu 2024", "Pilkada 2024"])
chosen = st.sidebar.multiselect("Provinsi", ["Jawa Barat", "Jawa Tengah", "Jawa Timur"])
st.title("Floor")
st.caption(", ".join(chosen) or "—")
for number in range(int(st.query_params.get("charts", "4"))):
    st.plotly_chart(go.Figure(), config=PLOTLY_CONFIG, key=f"floor_{number}")
