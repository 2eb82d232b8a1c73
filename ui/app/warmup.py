"""What the first visit after a server start would pay, paid at start in a background thread.

The first session used to wait 5-7 s at 1M cases for imports (plotly's figure classes, the page modules), the
warehouse connection and the default view's queries. `start()` runs these once beside the server; a visitor who
comes while it runs waits on the same cache entries (st.cache_data computes a key once, under a lock) instead of
paying twice. Nothing here may stop the server: no warehouse, a broken one or any error is logged and ignored.
"""

from __future__ import annotations

import logging
import threading

_LOG = logging.getLogger(__name__)
PAGE_MODULES = ("ui.figures.charts", "ui.figures.maps", "ui.figures.timeline", "ui.views.kpis",
                "ui.app.export_buttons")
DEFAULT_READS = (  # the frame and Ringkasan with the default filters (pages/overview.py, ui.views.kpis)
    ("warehouse_info", False, {}), ("kpis", True, {}), ("data_extent", True, {}), ("overview_weekly", True, {}),
    ("election_calendar", False, {}), ("top_regions", True, {"limit": 10}), ("top_provinces", True, {"limit": 10}),
    ("case_sources", True, {}),
)


def warm() -> bool:
    """Import the app's modules, open the served generation and fill the cache for the default view.

    Returns False when there is no readable warehouse (nothing to warm), True when the default view is warm.
    """
    import importlib

    import plotly.graph_objects as go

    import settings
    from ui.app import data
    from ui.views import kpis
    from ui.views.default_view import default_elections
    from warehouse.filters import Filters

    for module in PAGE_MODULES:  # imported for their cost, as the pages import them
        importlib.import_module(module)

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
    return True


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
