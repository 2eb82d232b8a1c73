"""The read side people see, in five kinds of parts (dependencies point down this list, never up):

- `ui.app`     Streamlit glue: cached reads, the frame's context, sidebar filters and the URL, sign-in, map state,
               download buttons, the server launcher. The only subpackage that imports Streamlit.
- `ui.export`  server-side images and briefing packs (PNG/SVG/PDF, PPTX), and `python -m ui.export`.
- `ui.figures` pure figure builders: frames in, plotly Figures out, one theme.
- `ui.views`   view models: numbers, cards, tables, election time, access policy — plain data in, plain data out.
- `ui.strings` the one string catalogue: every word shown to people, in Bahasa Indonesia and English.
"""
