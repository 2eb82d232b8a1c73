"""Server-side export: charts to PNG/SVG/PDF with a caption block (images.py, rendered by renderer.py), and
briefing packs (PPTX/PDF): briefing.py builds the pages' own figures for one Filters value, pack.py lays them out.

No Streamlit here: the command line (`python -m ui.export briefing …`) uses the same code as the app.
"""

from ui.export.images import FORMATS, Caption, caption_for, figure_image
from ui.export.renderer import RENDERER, ExportUnavailable

__all__ = ["FORMATS", "RENDERER", "Caption", "ExportUnavailable", "caption_for", "figure_image"]
