"""The audit as admins read it, and the export lines the app writes into it. Plain data, no Streamlit.

An export line says who (user, role), what (the chart or table, the format, the size), and the filters twice: in
words, as the caption printed on the file says them, and as codes (the Filters fields that were set), so an
auditor can reproduce the very view that was exported.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date

import pandas as pd

from ui.strings import t
from ui.views.captions import filters_caption
from warehouse import audit
from warehouse.filters import Filters

EVENTS = ("sign_in", "sign_out", "load", "export", "restore")  # the events Netra writes; others are shown as they are
OUTCOMES = ("ok", "refused", "failed")
SHOWN_COLUMNS = ("at", "event", "user", "outcome", "details")


def filter_codes(filters: Filters | None) -> dict:
    """The Filters fields that narrow the view, as codes and ISO dates (the rest are 'all')."""
    if filters is None:
        return {}
    default = Filters()
    chosen = {f.name: getattr(filters, f.name) for f in fields(filters)
              if getattr(filters, f.name) != getattr(default, f.name)}
    return {key: (list(value) if isinstance(value, tuple) else str(value)) for key, value in chosen.items()}


def export_details(what: str, fmt: str, role: str, filters: Filters | None, **details) -> dict:
    """The fields of one export line: what, format, role, the filters in words and as codes, and any other."""
    words = filters_caption(filters, "id") if filters is not None else None
    return {"what": what, "format": fmt, "role": role, "filters": words, "filter_codes": filter_codes(filters),
            **details}


def audited(make: Callable[[], bytes], user: str, what: str, fmt: str, role: str, filters: Filters | None = None,
            **details) -> Callable[[], bytes]:
    """A download's data: `make()` run when the file is asked for, and the export written to the audit then —
    outcome 'ok' with its size, or 'failed' with the error's type (the error still reaches the caller)."""
    line = export_details(what, fmt, role, filters, **details)

    def build() -> bytes:
        try:
            content = make()
        except Exception as error:
            audit.record("export", user, "failed", error=type(error).__name__, **line)
            raise
        audit.record("export", user, "ok", bytes=len(content), **line)
        return content

    return build


@dataclass(frozen=True)
class AuditQuery:
    """What the admin narrowed the audit to; empty means everything."""

    events: Sequence[str] = ()
    outcomes: Sequence[str] = ()
    text: str = ""  # found in the user name or the details, case-insensitive
    start: date | None = None
    end: date | None = None


def select(entries: pd.DataFrame, query: AuditQuery) -> pd.DataFrame:
    """The audit lines (newest first, as audit.entries gives them) that match `query`."""
    keep = pd.Series(True, index=entries.index)
    if query.events:
        keep &= entries["event"].isin(list(query.events))
    if query.outcomes:
        keep &= entries["outcome"].isin(list(query.outcomes))
    days = pd.to_datetime(entries["at"], errors="coerce").dt.date
    if query.start:
        keep &= days >= query.start
    if query.end:
        keep &= days <= query.end
    text = query.text.strip().lower()
    if text:
        haystack = entries["user"].fillna("").astype(str) + " " + entries["details"].fillna("").astype(str)
        keep &= haystack.str.lower().str.contains(text, regex=False)
    return entries[keep].reset_index(drop=True)


def event_label(event, lang: str) -> str:
    """An event in words ('Masuk'); an event this Netra does not know, as written."""
    return t(f"au_event_{event}", lang) if event in EVENTS else str(event)


def display_frame(entries: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The lines as the page and its exports show them: headers and events in the chosen language, details as
    'key: value' pairs (the values exactly as recorded)."""
    shown = entries.assign(
        event=[event_label(e, lang) for e in entries["event"]],
        outcome=[t(f"au_outcome_{o}", lang) if o in OUTCOMES else o for o in entries["outcome"]],
        details=[_details_text(d) for d in entries["details"]],
    )[list(SHOWN_COLUMNS)]
    return shown.rename(columns={c: t(f"au_col_{c}", lang) for c in SHOWN_COLUMNS})


def _details_text(details) -> str:
    """'what: kasus · format: csv · …' from the JSON text audit.entries holds."""
    if not isinstance(details, str) or not details:
        return ""
    try:
        fields_ = json.loads(details)
    except json.JSONDecodeError:
        return details
    if not isinstance(fields_, dict):
        return details
    return " · ".join(f"{key}: {_value_text(value)}" for key, value in fields_.items())


def _value_text(value) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def audit_notes(query: AuditQuery, shown: int, total: int, lang: str) -> list[str]:
    """The lines that head an audit export: what it is, how it was narrowed, how many lines of how many."""
    return [t("au_export_title", lang), t("au_export_rows", lang, shown=shown, total=total),
            t("au_export_query", lang, events=", ".join(query.events) or "—",
              outcomes=", ".join(query.outcomes) or "—", text=query.text or "—", start=query.start or "—",
              end=query.end or "—")]


def recorded(entries: pd.DataFrame) -> list[str]:
    """The events present in the audit, Netra's own first (for the page's event filter)."""
    present = set(entries["event"].dropna())
    return [e for e in EVENTS if e in present] + sorted(present - set(EVENTS))



def query_details(query: AuditQuery) -> dict:
    """How an exported audit was narrowed, for the export's own audit line."""
    return {"events": list(query.events), "outcomes": list(query.outcomes), "text": query.text,
            "start": query.start.isoformat() if query.start else None,
            "end": query.end.isoformat() if query.end else None}
