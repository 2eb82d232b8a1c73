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
# One rule for every descriptive column: the first non-null value in that order. Bawaslu's register, which meets
# the case first, names place, agency and position best; a later hand's record fills only what it left empty.
# Region and province come from the same record (the first that names a kabupaten/kota, else the first that names
# a province), so a person-case never sits in a kabupaten of another province.
# Most person-cases hold one record: those are copied as the rule above makes them (first non-null of one record
# is its value), and only the person-cases of several records are ordered and aggregated (a third of the time).
SHARED_SQL = """
create or replace temp table shared_person_cases as
select election, person_case_id from cases group by all having count(*) > 1
"""
SINGLE_SQL = """
insert into person_cases
select
    election, person_case_id, region_code, province_code, agency_name, agency_level, position_class,
    employee_type, violation_type, violation_form, violation_class, severity,
    coalesce(severity_inferred and severity is not null, false) as severity_inferred,
    regime, incident_date, report_date, decision_date, sanction_date, source_kind, source_agency,
    [source_agency] as source_agencies,
    1 as records,
    coalesce(list_extract($stage_order, list_position($stage_order, status)), status) as status
from cases anti join shared_person_cases using (election, person_case_id)
"""
FILL_SQL = """
insert into person_cases
with ordered as (
    select
        *,
        row_number() over (
            partition by election, person_case_id
            order by coalesce(report_date, incident_date, decision_date) nulls last,
                source_agency != 'bawaslu', source_agency, case_id, subject_no
        ) as entry
    from cases semi join shared_person_cases using (election, person_case_id)
)

select
    election,
    person_case_id,
    arg_min(region_code, entry) filter (where region_code is not null) as region_code,
    coalesce(
        arg_min(province_code, entry) filter (where region_code is not null),
        arg_min(province_code, entry) filter (where province_code is not null)
    ) as province_code,
    arg_min(agency_name, entry) filter (where agency_name is not null) as agency_name,
    arg_min(agency_level, entry) filter (where agency_level is not null) as agency_level,
    arg_min(position_class, entry) filter (where position_class is not null) as position_class,
    arg_min(employee_type, entry) filter (where employee_type is not null) as employee_type,
    arg_min(violation_type, entry) as violation_type,
    arg_min(violation_form, entry) filter (where violation_form is not null) as violation_form,
    arg_min(violation_class, entry) filter (where violation_class is not null) as violation_class,
    arg_min(severity, entry) filter (where severity is not null) as severity,
    coalesce(arg_min(severity_inferred, entry) filter (where severity is not null), false) as severity_inferred,
    any_value(regime) as regime,
    min(incident_date) as incident_date,
    min(report_date) as report_date,
    min(decision_date) as decision_date,
    min(sanction_date) as sanction_date,
    arg_min(source_kind, entry) filter (where source_kind is not null) as source_kind,
    arg_min(source_agency, entry) as source_agency,
    list_sort(list(distinct source_agency)) as source_agencies,
    count(*) as records,
    -- a status outside the vocabulary has no stage: kept as written, so the vocabulary check on cases names it
    coalesce(list_extract($stage_order, max(list_position($stage_order, status))), min(status)) as status
from ordered
group by election, person_case_id
"""


def fill_person_cases(con: duckdb.DuckDBPyConnection) -> None:
    """Make person_cases again from the generation's cases (inside the caller's transaction)."""
    con.execute("delete from person_cases")
    con.execute(SHARED_SQL)
    con.execute(SINGLE_SQL, {"stage_order": list(STAGE_ORDER)})
    con.execute(FILL_SQL, {"stage_order": list(STAGE_ORDER)})
    con.execute("drop table shared_person_cases")
