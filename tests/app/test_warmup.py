"""The warm-up at server start (ui.app.warmup): fills what every page reads first before the server listens, and
never fails the server."""

from __future__ import annotations

import pytest
import streamlit as st

from ui.app import data, warmup
from ui.views.first_reads import DEFAULT_PAGE, read_first
from warehouse.filters import Filters
from warehouse.reader import Warehouse


def test_warm_up_without_a_warehouse_does_nothing_and_does_not_fail(tmp_path, monkeypatch):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "none"))
    st.cache_resource.clear()
    assert warmup.warm() is False
    warming = warmup.start()  # the server's path: a daemon thread that logs instead of raising
    warming.thread.join(timeout=60)
    assert warming.ready.is_set() and not warming.thread.is_alive()


def test_warm_up_fills_the_cache_of_the_default_view(warehouse_env, monkeypatch):
    st.cache_data.clear()
    st.cache_resource.clear()
    assert warmup.warm() is True
    path = str(data.generation())
    expected = Warehouse(path).read("kpis", Filters())

    def no_query(*args, **kwargs):
        raise AssertionError("a warmed read must come from the cache")

    monkeypatch.setattr(Warehouse, "read", no_query)
    read_first(data.prefetch, DEFAULT_PAGE, Filters(), data.prefetch("election_calendar"))
    assert data._cached("kpis", Filters(), path, ()).equals(expected)
    assert int(expected["reported"].iloc[0]) == 12


def test_the_server_listens_only_once_the_warm_up_is_done(monkeypatch):
    import time

    from ui.app import serve

    done = []
    monkeypatch.setattr(warmup, "warm", lambda: time.sleep(0.3) or done.append("warm") or True)
    monkeypatch.setattr(serve.cli, "main", lambda: done.append("listen"))
    monkeypatch.setattr(serve.sys, "argv", ["serve"])
    serve.main()
    assert done == ["warm", "listen"]


@pytest.mark.parametrize("page", ["pages/overview.py", "pages/cross_agency.py", "pages/regional_map.py",
                                  "pages/breakdowns.py", "pages/timeline.py", "pages/data_explorer.py",
                                  "pages/about.py"])
def test_after_the_warm_up_a_first_visit_runs_no_query(make_app, page, monkeypatch):
    st.cache_data.clear()
    st.cache_resource.clear()
    assert warmup.warm() is True  # every page's reads, before the server listens
    queries = []
    real_run = Warehouse.run
    monkeypatch.setattr(Warehouse, "run", lambda self, name, *a, **k: queries.append(name) or real_run(
        self, name, *a, **k))
    at = make_app(page=page)  # admin: every part of every page is shown
    assert not at.exception
    assert queries == []
