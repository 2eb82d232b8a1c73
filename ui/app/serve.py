"""`python -m ui.app.serve [streamlit options]` — `streamlit run dashboard.py`, without the legacy pages/ scan, and
with error details kept for the server log.

Streamlit still treats a folder named pages/ beside the entry script as legacy auto-pages until the first
st.navigation call of the process. Until then a deep link (/linimasa) on a fresh server shows "Page not
found" before the frame resolves it. Our pages/ holds st.navigation pages only, so the scan is switched off
before the server starts. (A plain `streamlit run dashboard.py` gets there too: the frame, and any page started
without it, switch the scan off and rerun through the frame — see dashboard.py and ui.app.context.current.)

Visitors see a short message for an unexpected error, never a traceback: `client.showErrorDetails = "none"`
unless the command line sets it; Streamlit writes the traceback to the server's log either way.

What the first visit would pay (imports, the warehouse connection, the default view's queries, the first figures)
is paid at start, before the server listens (at most ui.app.warmup.WAIT_S): a first visitor of any page meets a
warm server.
"""

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

import settings
from ui.app import warmup

ERROR_DETAILS = "--client.showErrorDetails"


def main() -> None:
    """Start the dashboard server with the given extra options (e.g. --server.port 8600)."""
    PagesManager.uses_pages_directory = False
    options = sys.argv[1:]
    if not any(option.startswith(ERROR_DETAILS) for option in options):
        options.append(f"{ERROR_DETAILS}=none")
    sys.argv = ["streamlit", "run", str(settings.ROOT / "dashboard.py"), *options]
    print("Netra: menyiapkan tampilan awal (preparing the first view)…", file=sys.stderr, flush=True)
    warmup.start().ready.wait(timeout=warmup.WAIT_S)  # a slow warm-up goes on beside the server
    cli.main()


if __name__ == "__main__":
    main()
