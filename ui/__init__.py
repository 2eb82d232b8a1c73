"""The Streamlit read side: filters, cached reads, chart builders, strings and exports."""
