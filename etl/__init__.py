"""Loads case registers (CSV/XLSX) and the synthetic demo into the warehouse. Never imports Streamlit."""
