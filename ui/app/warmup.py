"""What the first visit after a server start would pay, paid before the server listens (ui.app.serve).

The first session used to wait 5-7 s at 1M cases for imports (plotly's figure classes, the page modules), the
warehouse connection, the default view's queries and the first build of each kind of figure (plotly loads a trace
type's validators on first use). `start()` runs these once in a thread, and ui.app.serve lets the server listen
only once they are done (or WAIT_S has passed), so the first visitor meets a warm server rather than a cold one.
The same thread then reads what the other pages show first (`page_reads`), PAGES_AFTER_S later, while the server
already serves: a first visit to Alur or Linimasa some seconds after the start finds its reads cached too. A
visitor who comes while it still runs waits on the same cache entries (st.cache_data computes a key once, under a
lock) instead of paying twice. Nothing here may stop the server: no warehouse, a broken one or any error is
logged and ignored.
"""

from __future__ import annotations

import inspect
import logging
import threading
import time
from dataclasses import dataclass

_LOG = logging.getLogger(__name__)
WAIT_S = 30  # the longest a server start waits for the warm-up before it listens anyway
# The other pages' reads wait this long after the server listens: read at once, they took the two cores from the
# first visitor of the default view (Ringkasan's first visit at 1M cases 2.2 -> 2.8 s).
PAGES_AFTER_S = 10
APP_PACKAGES = ("ui", "warehouse", "geo")  # what the frame and the pages import; their __main__ are commands
DEFAULT_READS = (  # the frame and Ringkasan with the default filters (pages/overview.py, ui.views.kpis)
    ("warehouse_info", False, {}), ("kpis", True, {}), ("data_extent", True, {}), ("overview_weekly", True, {}),
    ("election_calendar", False, {}), ("top_regions", True, {"limit": 10}), ("top_provinces", True, {"limit": 10}),
    ("case_sources", True, {}), ("non_asn_count", True, {}),
)


def warm() -> bool:
    """Import the app's modules, open the served generation and fill the cache for the default view.

    Returns False when there is no readable warehouse (nothing to warm), True when the default view is warm.
    """
    import plotly.graph_objects as go

    from ui.app import data
    from ui.views import kpis

    _import_app_modules()
    inspect.stack()  # Streamlit's first element of a process asks for the stack (env_util.is_repl): 0.15 s spent
    # mapping every loaded module to its file, kept in inspect's cache for every later call

    go.Figure(go.Bar(x=[1], y=[1])).to_json()  # plotly's validators and JSON encoder load on first use
    path = data.generation()
    if path is None:
        return False
    calendar = data.prefetch("election_calendar")
    filters = _default_filters(calendar)
    for name, filtered, kwargs in DEFAULT_READS:
        data.prefetch(name, filters if filtered else None, **kwargs)
    data.prefetch("cases_by_region", filters.without("regions"))
    kpis.cards_for(data.prefetch, filters, "id")  # the cards' periods (kpis_at_age), as Ringkasan reads them
    _first_figures(data.prefetch, filters, calendar)
    return True


def _default_filters(calendar):
    """The sidebar's filters on a first visit: the default election(s), nothing else chosen."""
    import settings
    from ui.views.default_view import default_elections
    from warehouse.filters import Filters

    return Filters(elections=default_elections(settings.default_election(), calendar))


def page_reads(filters, calendar) -> list[tuple[str, object, dict]]:
    """(query, filters, arguments) that the other pages read on a first visit with `filters`, their first tab open:
    Alur, Peta (cases per kabupaten/kota), Rincian, Linimasa (the election it picks), Data (with and without
    personal columns: the role decides) and Tentang. tests/app/test_warmup.py holds it to the pages."""
    import settings
    from ui.views import tables
    from ui.views import timeline as election_time
    from ui.views.cross_agency import STALLED_SHOWN

    stall = {"stall_days": settings.stall_days()}
    whole_map = filters.without("regions")
    choices = election_time.election_choices(calendar, filters.elections)
    election = election_time.for_election(filters, choices[0] if len(filters.elections) == 1 else choices[-1])
    first_page = {"search": "", "sort_key": tables.SORT_KEYS[0], "descending": True, "limit": tables.PAGE_SIZES[1],
                  "offset": 0}
    return [
        ("cross_agency_funnel", filters, stall), ("cross_agency_by_area", whole_map, {"level": "province", **stall}),
        ("stalled_cases", filters, {**stall, "limit": STALLED_SHOWN}),
        ("data_extent", whole_map, {}), ("cases_by_region", whole_map, {}), ("cases_unmapped", whole_map, {}),
        ("breakdowns", filters, {}),
        ("timeline_counts", election, {"bucket_days": 7, "stack_by": election_time.STACKS[0]}),
        ("stage_summary", election, {}), ("case_sources", election, {}),  # its charts' export captions
        *(("case_count", filters, {"search": "", "personal": personal}) for personal in (False, True)),
        *(("case_page", filters, {**first_page, "personal": personal}) for personal in (False, True)),
        ("recent_rejections", None, {"loads": 5, "limit": 500}), ("load_quality", None, {}),
    ]


def warm_pages() -> None:
    """Fill the cache for what the other pages read first (page_reads); nothing when there is no warehouse."""
    from ui.app import data

    if data.generation() is None:
        return
    calendar = data.prefetch("election_calendar")
    for name, filters, kwargs in page_reads(_default_filters(calendar), calendar):
        data.prefetch(name, filters, **kwargs)


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
    if warmed:
        try:
            time.sleep(PAGES_AFTER_S)
            warm_pages()
        except Exception:
            _LOG.exception("warm-up of the other pages failed")


def start() -> Warming:
    """Run the warm-up in a daemon thread (the server's start is never failed by it)."""
    ready = threading.Event()
    thread = threading.Thread(target=_warm_logged, args=(ready,), name="netra-warmup", daemon=True)
    thread.start()
    return Warming(thread, ready)
