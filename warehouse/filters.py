"""One Filters value, three outputs: the WHERE fragment and its bound parameters here, and the sentence for people
in `ui.views.captions` (the warehouse speaks no language).

The caption under a chart is made from the same object as the query behind it, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

from warehouse.vocab import ASN_ONLY, DATE_BASES, EMPLOYEE_CHOICES, UNITS, UNKNOWN_EMPLOYEE

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
UNIT_TABLES = {"orang": "person_cases", "catatan": "cases"}  # counting unit -> the table its counts read
RECENT_DAYS = 90  # the "recent" period of a comparison when no date range is chosen
PARAM_PREFIX = "f_"  # the filters' SQL parameters are $f_<field>; a query's own parameters never start so


@dataclass(frozen=True)
class Filters:
    """What the user chose in the sidebar; empty tuples mean 'all'.

    Two choices have defaults that are not 'all', here rather than in the sidebar so that every Filters value —
    a page's, an export's, the briefing pack's, a test's — counts alike: `unit` 'orang' counts persons-in-cases
    (person_cases; 'catatan' counts register records), and `employee_types` ASN_ONLY keeps non-ASN staff (village
    heads, honorer) out of ASN totals; () takes every employee type.
    """

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
    employee_types: tuple[str, ...] = ASN_ONLY  # of EMPLOYEE_CHOICES ('unknown': the record does not say)
    unit: str = UNITS[0]

    def __post_init__(self):
        if self.date_basis not in DATE_BASES:
            raise ValueError(f"date_basis must be one of {DATE_BASES}, not {self.date_basis!r}")
        if self.unit not in UNITS:
            raise ValueError(f"unit must be one of {UNITS}, not {self.unit!r}")
        # one spelling per meaning (equal values share a cache entry): vocabulary order, and every type = ()
        chosen = set(self.employee_types)
        if chosen <= set(EMPLOYEE_CHOICES):
            ordered = tuple(v for v in EMPLOYEE_CHOICES if v in chosen)
            object.__setattr__(self, "employee_types", () if ordered == EMPLOYEE_CHOICES else ordered)

    @property
    def table(self) -> str:
        """The table the counts of this unit read: person_cases or cases."""
        return UNIT_TABLES[self.unit]

    def where(self, alias: str = "", over: str = "cases") -> tuple[str, dict]:
        """SQL boolean expression over `over` (cases or person_cases, optionally aliased) and its named parameters
        (`$f_<field>`).

        Named, so the fragment may appear anywhere and any number of times in a query; column names come only
        from LIST_COLUMNS and DATE_BASES (checked in __post_init__), every value is a parameter. Over
        person_cases a source agency means "a person-case with a record from that agency".
        """
        if over not in UNIT_TABLES.values():
            raise ValueError(f"filters apply to {tuple(UNIT_TABLES.values())}, not {over!r}")
        prefix = f"{alias}." if alias else ""
        clauses, params = [], {}
        for field, column in LIST_COLUMNS.items():
            values = getattr(self, field)
            if values:
                clauses.append(_contains(field, prefix, column, over))
                params[PARAM_PREFIX + field] = list(values)
        if self.employee_types:
            # a record that does not say is 'unknown' (a vocabulary constant, never input)
            clauses.append(f"list_contains(${PARAM_PREFIX}employee_types, "
                           f"coalesce({prefix}employee_type, '{UNKNOWN_EMPLOYEE}'))")
            params[PARAM_PREFIX + "employee_types"] = list(self.employee_types)
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
        """True when nothing narrows the cases beyond the defaults (every ASN case; non-ASN staff out by default),
        in either counting unit."""
        return self == Filters(date_basis=self.date_basis, unit=self.unit)


def _contains(field: str, prefix: str, column: str, over: str) -> str:
    """The clause of one list filter: the column's value is one of the chosen ones."""
    if field == "source_agencies" and over == UNIT_TABLES["orang"]:
        return f"list_has_any(${PARAM_PREFIX}{field}, {prefix}source_agencies)"
    return f"list_contains(${PARAM_PREFIX}{field}, {prefix}{column})"
