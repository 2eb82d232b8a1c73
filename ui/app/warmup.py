"""What the first visit after a server start would pay, paid before the server listens (ui.app.serve).

The first session used to wait 5-7 s at 1M cases for imports (plotly's figure classes, the page modules), the
warehouse connection, the default view's queries and the first build of each kind of figure (plotly loads a trace
type's validators on first use). `start()` runs these once in a thread, and ui.app.serve lets the server listen
only once they are done (or WAIT_S has passed), so the first visitor meets a warm server rather than a cold one,
whichever page a link opens: every page's first-visit reads (ui.views.first_reads) are in the cache by then. At
1M cases all of it takes ~2.0 s (the other pages were read 10 s after the server listened, and a first visit to
Alur in those seconds paid its own queries: 1.4 s of script). A visitor who comes
while a slow warm-up still runs (past WAIT_S) waits on the same cache entries (st.cache_data computes a key once,
under a lock) instead of paying twice. Nothing here may stop the server: no warehouse, a broken one or any error
is logged and ignored.
"""

from __future__ import annotations

import inspect
import logging
import threading
from dataclasses import dataclass

_LOG = logging.getLogger(__name__)
WAIT_S = 30  # the longest a server start waits for the warm-up before it listens anyway
APP_PACKAGES = ("ui", "warehouse", "geo")  # what the frame and the pages import; their __main__ are commands
def warm() -> bool:
    """Import the app's modules, open the served generation and fill the cache for every page's first visit.

    Returns False when there is no readable warehouse (nothing to warm), True when every page is warm.
    """
    import plotly.graph_objects as go

    from ui.app import data
    from ui.views.first_reads import first_reads, read_first

    _import_app_modules()
    inspect.stack()  # Streamlit's first element of a process asks for the stack (env_util.is_repl): 0.15 s spent
    # mapping every loaded module to its file, kept in inspect's cache for every later call

    go.Figure(go.Bar(x=[1], y=[1])).to_json()  # plotly's validators and JSON encoder load on first use
    path = data.generation()
    if path is None:
        return False
    calendar = data.prefetch("election_calendar")
    filters = _default_filters(calendar)
    for page in first_reads(filters, calendar):  # the frame and Ringkasan first (ui.views.first_reads)
        read_first(data.prefetch, page, filters, calendar)
    _first_figures(data.prefetch, filters, calendar)
    return True


def _default_filters(calendar):
    """The sidebar's filters on a first visit: the default election(s), nothing else chosen."""
    import settings
    from ui.views.default_view import default_elections
    from warehouse.filters import Filters

    return Filters(elections=default_elections(settings.default_election(), calendar))


def _import_app_modules() -> None:
    """Every module of APP_PACKAGES, imported for its cost as the frame and the pages would import it."""
    import importlib
    import pkgutil

    for package in APP_PACKAGES:
        path = importlib.import_module(package).__path__
        for module in pkgutil.walk_packages(path, f"{package}."):
            if not module.name.endswith(".__main__"):
                importlib.import_module(module.name)


def _first_figures(read, filters, calendar) -> None:
    """Ringkasan's first charts built once from the warmed reads (their figures are dropped): each trace type's
    validators and the builders' code paths are loaded before a visitor needs them."""
    from ui.figures import charts
    from ui.figures import timeline as timeline_charts

    charts.funnel_chart(read("kpis", filters), "id").to_json()
    timeline_charts.trend_chart(read("overview_weekly", filters), "id", calendar).to_json()
    charts.ranking_chart(read("top_regions", filters, limit=10), "region_name", "id",
                         detail_column="province_name").to_json()


@dataclass(frozen=True)
class Warming:
    """The warm-up under way: `ready` is set once the default view is warm (or the warm-up gave up)."""

    thread: threading.Thread
    ready: threading.Event


def _warm_logged(ready: threading.Event) -> None:
    try:
        warmed = warm()
        _LOG.info("warm-up: %s", "done" if warmed else "no warehouse, nothing to warm")
    except Exception:  # the server must start whatever the warehouse says; the trace goes to the log
        _LOG.exception("warm-up failed")
        warmed = False
    finally:
        ready.set()


def start() -> Warming:
    """Run the warm-up in a daemon thread (the server's start is never failed by it)."""
    ready = threading.Event()
    thread = threading.Thread(target=_warm_logged, args=(ready,), name="netra-warmup", daemon=True)
    thread.start()
    return Warming(thread, ready)
