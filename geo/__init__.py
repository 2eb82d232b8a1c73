"""Boundary files (install, check, publish) and map builders; never imports Streamlit."""
