-- Schema 7 -> 8: each person-case's hands in the cross-agency flow, made once per generation (issue 13 item 1).
-- Made again from cases in every new generation (warehouse/stages.py, called by db.fill_derived), like
-- person_cases: the flow's three queries read it instead of grouping every record again on each filter change
-- (at 1M cases that grouping took ~0.5 s per query). Nothing in a row depends on the filters: a person-case is in
-- a filtered view when any of its records passes, and then all its records count (warehouse/sql/person_stages.sql).
create table person_case_stages (
    person_case_id varchar not null,
    election varchar,
    path varchar not null,             -- vocab.CROSS_AGENCY_PATHS: bawaslu | tanpa_bawaslu
    furthest integer not null,         -- 1..5, indexing vocab.CROSS_AGENCY_STAGES
    province_code varchar,             -- of its Bawaslu record, else its first record
    region_code varchar,
    received_day date,
    found_day date,
    forwarded_day date,
    recommended_day date,
    sanctioned_day date,
    days_to_found integer,
    days_to_forwarded integer,
    days_to_recommended integer,
    days_to_sanctioned integer,
    ended boolean,                     -- closed before its next hand (bukan pelanggaran, tidak terbukti, elsewhere)
    last_hand_day date,
    data_last_day date,                -- the data's last dated event, whatever the filters
    days_waiting integer               -- since its last hand, while it is neither sanctioned nor ended
);
