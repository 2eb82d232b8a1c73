"""person_case_stages: each person-case's hands in the cross-agency flow, made once per generation (issue 13).

The flow's queries (cross_agency_funnel, cross_agency_by_area, stalled_cases) need every person-case's furthest
hand, its days and whether it ended; grouping a million records for that on every filter change took ~0.5 s per
query. The hands depend on the records alone (a filter chooses which person-cases are shown, never what their
hands are), so they are derived here with person_cases, in every new generation (db.fill_derived), and can never
disagree with the records; warehouse/checks.py checks one row per person-case.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from warehouse.vocab import CLOSED_STATUSES

FILL_SQL = Path(__file__).with_name("stages.sql")


def fill_person_case_stages(con: duckdb.DuckDBPyConnection) -> None:
    """Make person_case_stages again from the generation's cases (inside the caller's transaction)."""
    con.execute("delete from person_case_stages")
    con.execute(FILL_SQL.read_text(encoding="utf-8"), {"closed": list(CLOSED_STATUSES)})
