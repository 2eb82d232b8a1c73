"""Pure figure builders: a small aggregated DataFrame in, a plotly Figure out (names end in `_chart` / `_map`).

One template and colour map (theme.py) for every page and export. Never imports Streamlit or reads the
warehouse: the pages and the briefing pack pass the frames in, and get the same figure.
"""
