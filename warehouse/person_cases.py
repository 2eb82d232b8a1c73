"""person_cases: one row per election × person_case_id, what the app counts unless asked for records (issue 12).

The same civil servant in one case appears once in each register that holds the case (Bawaslu, KASN/BKN, an
inspektorat); etl.link gives those records one person_case_id. Counting the table instead of `cases` counts
people, not records. It is derived from `cases` alone and made again in every new generation (db.fill_derived),
so it can never disagree with the records it summarises; warehouse/checks.py checks that it does not.
"""

from __future__ import annotations

import duckdb

from warehouse.vocab import STAGE_ORDER

# The record order: the record that entered first (its report date, else incident, else decision date; undated
# last), Bawaslu's before another agency's on the same day (Bawaslu receives a case and hands it on), then agency,
# case number and subject number, so the order never depends on how the rows happen to lie.
ENTRY_ORDER = ("coalesce(report_date, incident_date, decision_date) nulls last, source_agency != 'bawaslu', "
               "source_agency, case_id, subject_no")


class SeveralRecords:
    """The rule's folds over the records of a person-case, `entry` numbering them in the record order."""

    grouped = True  # its folds need the records numbered and grouped per person-case (_insert_sql)

    def first(self, column: str, naming: str | None = None) -> str:
        """The value of the first record that names `naming` (default: the first non-null value of `column`)."""
        return f"arg_min({column}, entry) filter (where {naming or column} is not null)"

    def entering(self, column: str) -> str:
        """The value of the record that entered first, null or not."""
        return f"arg_min({column}, entry)"

    def least(self, expression: str) -> str:
        """The smallest value over the records (the earliest date)."""
        return f"min({expression})"

    def most(self, expression: str) -> str:
        """The largest value over the records."""
        return f"max({expression})"

    def any_value(self, column: str) -> str:
        """Any record's value, for a column all of them share."""
        return f"any_value({column})"

    def distinct_sorted(self, column: str) -> str:
        """Every distinct value, sorted, as a list."""
        return f"list_sort(list(distinct {column}))"

    def count(self) -> str:
        """How many records."""
        return "count(*)"


class OneRecord(SeveralRecords):
    """The same folds over a person-case of one record: what each makes of a single row, with no ordering or
    grouping (most person-cases hold one record; copying them is a fifth of the time of aggregating them)."""

    grouped = False

    def first(self, column: str, naming: str | None = None) -> str:
        return f"case when {naming} is not null then {column} end" if naming else column

    def entering(self, column: str) -> str:
        return column

    def least(self, expression: str) -> str:
        return expression

    def most(self, expression: str) -> str:
        return expression

    def any_value(self, column: str) -> str:
        return column

    def distinct_sorted(self, column: str) -> str:
        return f"[{column}]"

    def count(self) -> str:
        return "1"


def person_case_columns(records: SeveralRecords) -> dict[str, str]:
    """person_cases' columns, in the table's order, each as its expression over a person-case's records.

    One rule for every descriptive column: the first non-null value in the record order. Bawaslu's register, which
    meets the case first, names place, agency and position best; a later hand's record fills only what it left
    empty. Region and province come from the same record (the first that names a kabupaten/kota, else the first
    that names a province), so a person-case never sits in a kabupaten of another province.
    """
    r = records
    return {
        "election": "election",
        "person_case_id": "person_case_id",
        "region_code": r.first("region_code"),
        "province_code": f"coalesce({r.first('province_code', naming='region_code')}, {r.first('province_code')})",
        "agency_name": r.first("agency_name"),
        "agency_level": r.first("agency_level"),
        "position_class": r.first("position_class"),
        "employee_type": r.first("employee_type"),
        "violation_type": r.entering("violation_type"),
        "violation_form": r.first("violation_form"),
        "violation_class": r.first("violation_class"),
        "severity": r.first("severity"),
        "severity_inferred": f"coalesce({r.first('severity_inferred', naming='severity')}, false)",
        "regime": r.any_value("regime"),  # one per election
        "incident_date": r.least("incident_date"),
        "report_date": r.least("report_date"),
        "decision_date": r.least("decision_date"),
        "sanction_date": r.least("sanction_date"),
        "source_kind": r.first("source_kind"),
        "source_agency": r.entering("source_agency"),
        "source_agencies": r.distinct_sorted("source_agency"),
        "records": r.count(),
        # the furthest stage; a status outside the vocabulary has no stage: kept as written, so the vocabulary
        # check on cases names it
        "status": f"coalesce(list_extract($stage_order, {r.most('list_position($stage_order, status)')}), "
                  f"{r.least('status')})",
    }


def _insert_sql(records: SeveralRecords, source: str) -> str:
    """`insert into person_cases` of the columns above over `source`, a constant relation of this module (never
    input); folds over several records number each person-case's records in the record order and group them."""
    columns = person_case_columns(records)
    select = ",\n    ".join(name if expression == name else f"{expression} as {name}"
                            for name, expression in columns.items())
    insert = f"insert into person_cases ({', '.join(columns)})"
    if not records.grouped:
        return f"{insert}\nselect\n    {select}\nfrom {source}"
    return f"""{insert}
with ordered as (
    select *, row_number() over (partition by election, person_case_id order by {ENTRY_ORDER}) as entry
    from {source}
)
select
    {select}
from ordered
group by election, person_case_id"""  # noqa: S608 (constants of this module only)


SHARED_SQL = """
create or replace temp table shared_person_cases as
select election, person_case_id from cases group by all having count(*) > 1
"""
SINGLE_SQL = _insert_sql(OneRecord(), "cases anti join shared_person_cases using (election, person_case_id)")
SHARED_FILL_SQL = _insert_sql(SeveralRecords(),
                              "cases semi join shared_person_cases using (election, person_case_id)")
# every person-case the slow way: what the two statements above must make together (tests/test_person_cases_rule.py)
AGGREGATED_SQL = _insert_sql(SeveralRecords(), "cases")


def fill_person_cases(con: duckdb.DuckDBPyConnection) -> None:
    """Make person_cases again from the generation's cases (inside the caller's transaction)."""
    con.execute("delete from person_cases")
    con.execute(SHARED_SQL)
    con.execute(SINGLE_SQL, {"stage_order": list(STAGE_ORDER)})
    con.execute(SHARED_FILL_SQL, {"stage_order": list(STAGE_ORDER)})
    con.execute("drop table shared_person_cases")
