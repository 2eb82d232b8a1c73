-- Schema 5 -> 6: linking records of one person in one case across registers (etl.link, issue 12).
-- cases.person_case_id (migration 002) is what the linker writes; these tables say why, for the app and etl links.

-- one row per pair of records the linker could not decide: scored between the review and the sure threshold
-- (or one register naming the same person under two case numbers), waiting for a steward's confirm or split
create table link_reviews (
    election varchar not null,
    record_a varchar not null,         -- election:source_agency:case_id#subject_no, as `etl links` prints it
    a_source_agency varchar not null,
    a_case_id varchar not null,
    a_subject_no integer not null,
    record_b varchar not null,
    b_source_agency varchar not null,
    b_case_id varchar not null,
    b_subject_no integer not null,
    score double not null,             -- the sum of the fields' points (etl/link/score.py)
    nip_match boolean not null,        -- both NIPs present and equal (listed only when one register holds both)
    same_register boolean not null,    -- one register, two case numbers: two incidents unless a steward joins them
    name_score double,                 -- name similarity 0-100 after titles and spellings
    agency_score double,               -- agency similarity 0-100 (null when either lacks it)
    incident_gap integer,              -- days between the incident dates
    order_gap integer,                 -- days from the entry register's incident (or report) to KASN/BKN's report
    points varchar not null,           -- JSON: each field's points
    primary key (record_a, record_b)
);

-- one row per steward decision ever recorded (the steward file copied into the generation), with its effect
create table link_decisions (
    election varchar not null,
    decision varchar not null check (decision in ('confirm', 'split')),
    record_a varchar not null,
    record_b varchar not null,
    decided_by varchar,
    decided_at varchar,
    note varchar,
    in_force boolean not null,         -- the latest decision about its pair
    outcome varchar not null           -- applied | superseded | conflict (a confirm against a split) | missing record
);
