-- Schema 6 -> 7: what the app counts by default (issue 12 item 2): one row per election × person_case_id.
-- Rebuilt from cases in every new generation (warehouse/person_cases.py, called by db.fill_derived); columns are
-- named as in cases so a read query and the Filters' fragment work on either table. No primary key: the table is
-- emptied and filled again inside one transaction (an index would refuse the re-inserted keys and slow the fill);
-- warehouse/checks.py checks one row per key instead.
create table person_cases (
    election varchar not null,
    person_case_id varchar not null,
    region_code varchar,
    province_code varchar,
    agency_name varchar,
    agency_level varchar,
    position_class varchar,
    employee_type varchar,
    violation_type varchar not null,
    violation_form varchar,
    violation_class varchar,
    severity varchar,
    severity_inferred boolean not null,
    regime varchar,
    incident_date date,                -- the earliest of its records
    report_date date,                  -- the earliest of its records
    decision_date date,                -- the earliest: the first hand that decided
    sanction_date date,                -- the earliest
    source_kind varchar,
    source_agency varchar not null,    -- of the record that entered first (Bawaslu first on a tie)
    source_agencies varchar[] not null,  -- every agency holding one of its records, sorted by code (list_sort)
    records integer not null,          -- how many records of cases it joins
    status varchar not null            -- the furthest stage any of its records reached (vocab.STAGE_ORDER)
);
