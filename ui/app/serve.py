"""`python -m ui.app.serve [streamlit options]` — `streamlit run dashboard.py`, without the legacy pages/ scan.

Streamlit still treats a folder named pages/ beside the entry script as legacy auto-pages until the first
st.navigation call of the process. Until then a deep link (/linimasa) on a fresh server shows "Page not
found" before the frame resolves it. Our pages/ holds st.navigation pages only, so the scan is switched off
before the server starts.
"""

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

import settings


def main() -> None:
    """Start the dashboard server with the given extra options (e.g. --server.port 8600)."""
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(settings.ROOT / "dashboard.py"), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
