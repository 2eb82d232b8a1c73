"""Cached reads: the only place with st.cache_*. Keys are (query name, Filters, generation path, its arguments).

Pages call `read("kpis", f)` or `read("case_page", f, search=..., limit=...)`: the named queries of
`warehouse.reader.Warehouse`. Reads go to the generation being served: the published one, or — when that file
cannot be read (empty, random bytes, cut short) — the newest older one that can (`serving()`, which the frame
uses to tell admins which generation is broken). Visitors never see DuckDB's error or a path.

On a public view every result passes ui.views.disclosure.protect on its way out (the cache keeps exact results,
shared by every role); that is the one place small counts are withheld for the app and its exports.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from ui.app.context import withholds_small_counts
from ui.views.disclosure import protect
from warehouse import generations
from warehouse.db import current_path
from warehouse.health import GenerationBroken, health
from warehouse.reader import Warehouse, arguments


class NoWarehouse(FileNotFoundError):
    """No generation can be read: none was published, or every kept one is broken (see `serving().broken`)."""


def serving() -> generations.Serving:
    """Which generation reads go to now, and which published ones could not be read; probed once per file state."""
    current = current_path()
    if current is None:
        return generations.Serving(None, None)
    try:
        stat = current.stat()
        state = (stat.st_size, stat.st_mtime_ns)
    except FileNotFoundError:
        state = None
    return _serving(str(current), state)


@st.cache_resource(show_spinner=False, max_entries=4)
def _serving(current: str, state: tuple[int, int] | None) -> generations.Serving:
    """generations.serving(), re-probed whenever the published file changes (another path, size or mtime)."""
    return generations.serving()


def generation() -> Path | None:
    """The generation being served right now; part of every cache key, so a new load is seen at once."""
    return serving().path


@st.cache_resource(show_spinner=False, max_entries=2)
def _warehouse(path: str) -> Warehouse:
    """One Warehouse per generation, holding one idle read-only connection that is never queried: while it is
    open DuckDB keeps the database instance and its buffer cache, so each query's short-lived connection opens in
    ~0.1 ms instead of ~17 ms and reads warm pages (measured at 1M cases)."""
    return Warehouse(path, hold=True)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(name: str, filters, path: str, params: tuple) -> pd.DataFrame:
    return _warehouse(path).read(name, filters, **dict(params))


def prefetch(name: str, filters=None, **kwargs) -> pd.DataFrame | None:
    """Fill the cache for `name` on the served generation, outside any session (ui.app.warmup); nothing is shown,
    so no role applies: what a page later reads still goes through `read` and its protection."""
    path = generation()
    return None if path is None else _cached(name, filters, str(path), arguments(name, **kwargs))


def read(name: str, filters=None, *args, **kwargs) -> pd.DataFrame:
    """The named query `name` of the served generation, cached per (filters, generation, arguments).

    Arguments after the filters may be given by name (preferred) or in the method's order; both make one key.
    """
    params = arguments(name, *args, **kwargs)
    path = generation()
    if path is None:
        raise NoWarehouse("no readable warehouse")
    try:
        frame = _cached(name, filters, str(path), params)
    except (duckdb.Error, GenerationBroken):
        if health(path).ok:  # a real query error: let it surface (the server log has it)
            raise
        _serving.clear()  # the file broke after it was probed: serve the next sound generation
        fallback = generation()
        if fallback is None or fallback == path:
            raise NoWarehouse("no readable warehouse") from None
        frame = _cached(name, filters, str(fallback), params)
    return protect(name, frame) if withholds_small_counts() else frame
