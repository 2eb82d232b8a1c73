"""Downloads that write an export line to the audit when the file is made: who, what, the filters (see
ui.views.audit_trail). The file is built on click, so an export is recorded when it happens, not when its button
is drawn."""

from __future__ import annotations

from collections.abc import Callable

from ui.app.context import current
from ui.views.audit_trail import audited
from warehouse.filters import Filters

MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "png": "image/png",
    "svg": "image/svg+xml",
}


def audited_data(make: Callable[[], bytes], what: str, fmt: str, filters: Filters | None = None,
                 **details) -> Callable[[], bytes]:
    """`make` as a download's data callable that records this session's export (user and role of this run)."""
    ctx = current()
    return audited(make, ctx.who, what, fmt, ctx.role, filters, **details)


def download(place, label: str, make: Callable[[], bytes], what: str, fmt: str, *, file_name: str, key: str,
             filters: Filters | None = None, **details) -> None:
    """A download button in `place` (st, a column, …) whose file is built and audited on click."""
    place.download_button(label, data=audited_data(make, what, fmt, filters, **details), file_name=file_name,
                          mime=MIME[fmt], key=key, on_click="ignore", icon=":material/download:")

