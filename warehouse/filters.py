"""One Filters value, three outputs: the WHERE fragment and its bound parameters here, and the sentence for people
in `ui.views.captions` (the warehouse speaks no language).

The caption under a chart is made from the same object as the query behind it, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

from warehouse.vocab import DATE_BASES

# filter field -> cases column; only these column names ever reach SQL text
LIST_COLUMNS = {
    "elections": "election",
    "provinces": "province_code",
    "regions": "region_code",
    "violation_types": "violation_type",
    "severities": "severity",
    "statuses": "status",
    "positions": "position_class",
    "agency_levels": "agency_level",
    "source_agencies": "source_agency",
}
RECENT_DAYS = 90  # the "recent" period of a comparison when no date range is chosen
PARAM_PREFIX = "f_"  # the filters' SQL parameters are $f_<field>; a query's own parameters never start so


@dataclass(frozen=True)
class Filters:
    """What the user chose in the sidebar; empty tuples mean 'all'."""

    elections: tuple[str, ...] = ()
    date_basis: str = "incident_date"
    date_from: date | None = None
    date_to: date | None = None
    provinces: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    violation_types: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    agency_levels: tuple[str, ...] = ()
    source_agencies: tuple[str, ...] = ()

    def __post_init__(self):
        if self.date_basis not in DATE_BASES:
            raise ValueError(f"date_basis must be one of {DATE_BASES}, not {self.date_basis!r}")

    def where(self, alias: str = "") -> tuple[str, dict]:
        """SQL boolean expression over `cases` (optionally aliased) and its named parameters (`$f_<field>`).

        Named, so the fragment may appear anywhere and any number of times in a query; column names come only
        from LIST_COLUMNS and DATE_BASES (checked in __post_init__), every value is a parameter.
        """
        prefix = f"{alias}." if alias else ""
        clauses, params = [], {}
        for field, column in LIST_COLUMNS.items():
            values = getattr(self, field)
            if values:
                clauses.append(f"list_contains(${PARAM_PREFIX}{field}, {prefix}{column})")
                params[PARAM_PREFIX + field] = list(values)
        for field, operator in (("date_from", ">="), ("date_to", "<=")):
            if getattr(self, field) is not None:
                clauses.append(f"{prefix}{self.date_basis} {operator} ${PARAM_PREFIX}{field}")
                params[PARAM_PREFIX + field] = getattr(self, field)
        return (" and ".join(clauses) or "true"), params

    def previous_period(self, start: date, end: date) -> Filters:
        """The same filters over the period of equal length that ends the day before `start`."""
        length = (end - start).days + 1
        return replace(self, date_from=start - timedelta(days=length), date_to=start - timedelta(days=1))

    def recent_and_previous(self, first_day: date, last_day: date) -> tuple[Filters, Filters]:
        """(recent, previous) for "change against the previous period", on every page alike.

        Recent is the chosen date range, filled from the data's first and last day; with no range chosen, the
        last RECENT_DAYS days of data (a whole election against the time before it would compare with nothing).
        Previous is the period of equal length that ends the day before.
        """
        end = self.date_to or last_day
        start = self.date_from or max(first_day, end - timedelta(days=RECENT_DAYS - 1))
        recent = replace(self, date_from=start, date_to=end)
        return recent, recent.previous_period(start, end)

    def without(self, *field_names: str) -> Filters:
        """A copy with the named filters cleared (e.g. a map that shows every region while one is chosen)."""
        defaults = {f.name: f.default for f in fields(self) if f.name in field_names}
        return replace(self, **defaults)

    def is_empty(self) -> bool:
        """True when nothing narrows the cases."""
        return self == Filters(date_basis=self.date_basis)
