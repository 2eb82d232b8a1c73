-- one row per person-case with a filtered record: its entry path, furthest hand, each hand's day, end or stall
-- cross_agency_funnel, cross_agency_by_area and stalled_cases include this statement (their stages CTE). The hands
-- are made once per generation (person_case_stages, warehouse/stages.sql); a person-case is in when any of its
-- records passes the filters, and then all its records count (a filter on KASN/BKN still shows the Bawaslu hand
-- before). Stalled: no next hand $stall_days days after its last one (a setting, so it is decided here).
select
    s.person_case_id,
    s.election,
    s.path,
    s.furthest,
    $stages[s.furthest] as stage,
    s.province_code,
    s.region_code,
    s.received_day,
    s.found_day,
    s.forwarded_day,
    s.recommended_day,
    s.sanctioned_day,
    s.days_to_found,
    s.days_to_forwarded,
    s.days_to_recommended,
    s.days_to_sanctioned,
    s.ended,
    s.last_hand_day,
    s.data_last_day,
    s.days_waiting,
    coalesce(s.days_waiting >= $stall_days, false) as stalled
from person_case_stages s
semi join (select person_case_id from cases where {filters}) as chosen using (person_case_id)
