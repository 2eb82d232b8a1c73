"""Transitional: the old module functions `<name>(filters, path, *params)` on top of `warehouse.reader.Warehouse`.

Kept only until ui/ and bench/ call the Warehouse object (after the ui/ restructure lands); then removed.
"""

from __future__ import annotations

from warehouse.reader import QUERIES, SQL_DIR, Warehouse, arguments, sql_text, takes_filters  # noqa: F401


def _legacy(name: str):
    def call(*args):
        rest = list(args)
        filters = rest.pop(0) if takes_filters(name) and rest else None
        path = rest.pop(0) if rest else None
        return Warehouse(path).read(name, filters, **dict(arguments(name, *rest)))

    call.__name__ = name
    return call


def __getattr__(name: str):
    if name in QUERIES:
        return _legacy(name)
    raise AttributeError(name)
