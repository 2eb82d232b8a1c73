"""Region reference and name matching, boundary files and map builders; never imports Streamlit."""
