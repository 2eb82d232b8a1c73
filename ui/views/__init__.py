"""View models: what a page shows, computed from query frames — numbers as people read them, headline cards,
case tables and their exports, election time, captions, loading outcomes, and the access policy (roles).

Plain Python and pandas: never imports Streamlit or plotly, never draws. Tested on their own with exact answers.
"""
