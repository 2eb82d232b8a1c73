"""What each page reads on a first visit, written once: the server's warm-up fills the cache with it
(ui.app.warmup) and bench.pages times it; tests/app/test_warmup.py opens every page after the warm-up and fails on
any query, so this list cannot drift from the pages.

A read is (query name, Filters or None, arguments), as `ui.app.data.read` and `Warehouse.read` take it.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

import settings
from ui.views import kpis, tables
from ui.views import timeline as election_time
from ui.views.cross_agency import STALLED_SHOWN
from warehouse.filters import Filters

Read = tuple[str, Filters | None, dict]
DEFAULT_PAGE = "ringkasan"


def first_reads(filters: Filters, calendar: pd.DataFrame) -> dict[str, list[Read]]:
    """Per page (its url path), the reads of a first visit with the sidebar's `filters` and the first tab open.

    Ringkasan's list also holds the frame's reads and its map tab's; Linimasa reads the election it picks; Data
    reads with and without personal columns (the visitor's role decides which)."""
    stall = {"stall_days": settings.stall_days()}
    whole_map = filters.without("regions")  # maps keep every region while one is chosen
    choices = election_time.election_choices(calendar, filters.elections)
    election = election_time.for_election(filters, choices[0] if len(filters.elections) == 1 else choices[-1])
    first_page = {"search": "", "sort_key": tables.SORT_KEYS[0], "descending": True, "limit": tables.PAGE_SIZES[1],
                  "offset": 0}
    return {
        DEFAULT_PAGE: [("warehouse_info", None, {}), ("kpis", filters, {}), ("data_extent", filters, {}),
                       ("overview_weekly", filters, {}), ("election_calendar", None, {}),
                       ("top_regions", filters, {"limit": 10}), ("top_provinces", filters, {"limit": 10}),
                       ("case_sources", filters, {}), ("non_asn_count", filters, {}),
                       ("cases_by_region", whole_map, {})],
        "alur": [("cross_agency_funnel", filters, stall),
                 ("cross_agency_by_area", whole_map, {"level": "province", **stall}),
                 ("stalled_cases", filters, {**stall, "limit": STALLED_SHOWN})],
        "peta": [("data_extent", whole_map, {}), ("cases_by_region", whole_map, {}),
                 ("cases_unmapped", whole_map, {})],
        "rincian": [("breakdowns", filters, {})],
        "linimasa": [("election_calendar", None, {}),
                     ("timeline_counts", election, {"bucket_days": 7, "stack_by": election_time.STACKS[0]}),
                     ("stage_summary", election, {}), ("case_sources", election, {})],  # its export captions
        "data": [*(("case_count", filters, {"search": "", "personal": personal}) for personal in (False, True)),
                 *(("case_page", filters, {**first_page, "personal": personal}) for personal in (False, True)),
                 ("recent_rejections", None, {"loads": 5, "limit": 500})],
        "tentang": [("load_quality", None, {})],
    }


def read_first(read: Callable[..., pd.DataFrame], page: str, filters: Filters, calendar: pd.DataFrame) -> None:
    """Make `page`'s first-visit reads through `read` (the app's cache, or a bare Warehouse's read); Ringkasan's
    cards also read the periods their changes compare, which depend on the data (ui.views.kpis)."""
    for name, chosen, kwargs in first_reads(filters, calendar)[page]:
        read(name, chosen, **kwargs)
    if page == DEFAULT_PAGE:
        kpis.cards_for(read, filters, "id")
