"""What the first visit after a server start would pay, paid before the server listens (ui.app.serve).

The first session used to wait 5-7 s at 1M cases for imports (plotly's figure classes, the page modules), the
warehouse connection, the default view's queries and the first build of each kind of figure (plotly loads a trace
type's validators on first use). `start()` runs these once in a thread, and ui.app.serve lets the server listen
only once it is done (or WAIT_S has passed), so the first visitor meets a warm server rather than a cold one. A
visitor who comes while it still runs waits on the same cache entries (st.cache_data computes a key once, under a
lock) instead of paying twice. Nothing here may stop the server: no warehouse, a broken one or any error is logged
and ignored.
"""

from __future__ import annotations

import inspect
import logging
import threading

_LOG = logging.getLogger(__name__)
WAIT_S = 30  # the longest a server start waits for the warm-up before it listens anyway
APP_PACKAGES = ("ui", "warehouse", "geo")  # what the frame and the pages import; their __main__ are commands
DEFAULT_READS = (  # the frame and Ringkasan with the default filters (pages/overview.py, ui.views.kpis)
    ("warehouse_info", False, {}), ("kpis", True, {}), ("data_extent", True, {}), ("overview_weekly", True, {}),
    ("election_calendar", False, {}), ("top_regions", True, {"limit": 10}), ("top_provinces", True, {"limit": 10}),
    ("case_sources", True, {}),
)


def warm() -> bool:
    """Import the app's modules, open the served generation and fill the cache for the default view.

    Returns False when there is no readable warehouse (nothing to warm), True when the default view is warm.
    """
    import plotly.graph_objects as go

    import settings
    from ui.app import data
    from ui.views import kpis
    from ui.views.default_view import default_elections
    from warehouse.filters import Filters

    _import_app_modules()
    inspect.stack()  # Streamlit's first element of a process asks for the stack (env_util.is_repl): 0.15 s spent
    # mapping every loaded module to its file, kept in inspect's cache for every later call

    go.Figure(go.Bar(x=[1], y=[1])).to_json()  # plotly's validators and JSON encoder load on first use
    path = data.generation()
    if path is None:
        return False
    calendar = data.prefetch("election_calendar")
    filters = Filters(elections=default_elections(settings.default_election(), calendar))  # the sidebar's default
    for name, filtered, kwargs in DEFAULT_READS:
        data.prefetch(name, filters if filtered else None, **kwargs)
    data.prefetch("cases_by_region", filters.without("regions"))
    kpis.cards_for(data.prefetch, filters, "id")  # the cards' periods (kpis_at_age), as Ringkasan reads them
    _first_figures(data.prefetch, filters, calendar)
    return True


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


def _warm_logged() -> None:
    try:
        _LOG.info("warm-up: %s", "done" if warm() else "no warehouse, nothing to warm")
    except Exception:  # the server must start whatever the warehouse says; the trace goes to the log
        _LOG.exception("warm-up failed")


def start() -> threading.Thread:
    """Run the warm-up in a daemon thread (the server's start is never blocked or failed by it)."""
    thread = threading.Thread(target=_warm_logged, name="netra-warmup", daemon=True)
    thread.start()
    return thread
