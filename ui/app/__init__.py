"""Streamlit glue: everything that touches `st` — the only cache (data.py), the frame's per-run context, the
sidebar filters and their URL binding, sign-in, the map page's state, download buttons, and the launcher.

Belongs here: code that reads or writes session state, draws widgets, or caches. Keep the logic itself in
`ui.views` (what to show) and `ui.figures` (how it looks), so it can be tested without a script run.
"""
