-- one row per stalled person-case (no next hand $stall_days days after its last one), the longest wait first
-- Case numbers only (source_agency:case_id of each record): never a name or a NIP.
with stages as (
    {person_stages}
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
    s.case_ids
from stages s
left join provinces p on p.code = s.province_code
left join regions r on r.code = s.region_code
where s.stalled
order by s.days_waiting desc, s.person_case_id
limit $limit
