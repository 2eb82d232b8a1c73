"""The domain rules every query shares, as DuckDB macros generated from warehouse/vocab.py (DESIGN.md §3).

*proven* = terbukti + disanksi, *sanctioned* = disanksi, and "the day of a case on the chosen date basis" are
written here once and (re)created in every new generation, so no SQL file spells them out and a change to the
vocabulary reaches the next generation. Queries call `is_proven(status)`, `is_sanctioned(status)` and
`basis_date($date_basis, incident_date, report_date, decision_date)`.
"""

from __future__ import annotations

import duckdb

from warehouse.vocab import DATE_BASES, PROVEN_STATUSES, SANCTIONED_STATUSES

MACROS = ("is_proven", "is_sanctioned", "basis_date")  # what a generation must define for the read queries


def _words(values: tuple[str, ...]) -> tuple[str, ...]:
    """Vocabulary words (or column names) checked to be plain identifiers: they go into SQL text as literals."""
    if not values or not all(value.isidentifier() for value in values):
        raise ValueError(f"vocabulary words must be plain identifiers: {values}")
    return values


def _is_one_of(values: tuple[str, ...]) -> str:
    """`status = 'a'` or `status in ('a', 'b')`: a one-word IN list scans 1.7× slower than = (1M cases)."""
    words = [f"'{value}'" for value in _words(values)]
    return f"status = {words[0]}" if len(words) == 1 else f"status in ({', '.join(words)})"


def rules_sql() -> list[str]:
    """The statements that define the rule macros, generated from the vocabulary."""
    basis_cases = " ".join(f"when '{basis}' then {basis}" for basis in _words(DATE_BASES))  # column names
    return [
        f"create or replace macro is_proven(status) as {_is_one_of(PROVEN_STATUSES)}",
        f"create or replace macro is_sanctioned(status) as {_is_one_of(SANCTIONED_STATUSES)}",
        # null for anything but a date basis (e.g. a sort key that is not a date)
        f"create or replace macro basis_date(basis, {', '.join(DATE_BASES)}) as case basis {basis_cases} end",
    ]


def define_rules(con: duckdb.DuckDBPyConnection) -> None:
    """Create (or replace) the rule macros in the generation `con` writes."""
    for statement in rules_sql():
        con.execute(statement)


def missing_rules(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The rule macros a generation lacks (one made before they existed lacks them all)."""
    found = con.execute(
        "select distinct function_name from duckdb_functions() where function_type = 'macro' "
        "and database_name = current_database() and list_contains($names, function_name)",
        {"names": list(MACROS)},
    ).fetchall()
    return sorted(set(MACROS) - {name for (name,) in found})
