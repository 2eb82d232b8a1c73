-- one row per stalled person-case (no next hand $stall_days days after its last one), the longest wait first
-- Case numbers only (source_agency:case_id of each record): never a name or a NIP. They are gathered for the
-- $limit person-cases shown alone (an ordered string_agg over every person-case took 4x the whole query).
with stages as (
    {include:person_stages}
),

longest as (
    select *
    from stages
    where stalled
    order by days_waiting desc, person_case_id
    limit $limit
),

numbers as (
    select person_case_id, string_agg(source_agency || ':' || case_id, ', ' order by source_agency, case_id) as case_ids
    from cases
    semi join longest using (person_case_id)
    group by person_case_id
)

select
    s.person_case_id,
    s.election,
    s.province_code,
    p.name as province_name,
    s.region_code,
    r.name as region_name,
    s.path,
    s.stage,
    s.last_hand_day,
    s.days_waiting,
    n.case_ids
from longest s
join numbers n using (person_case_id)
left join provinces p on p.code = s.province_code
left join regions r on r.code = s.region_code
order by s.days_waiting desc, s.person_case_id
