-- per load of one election, in the given load order (link_order), how many of its records share their person-case
-- with a record of a load earlier in that order (the demo's registers, entry registers first)
with ranked as (
    select c.load_id, c.person_case_id, o.rank from cases c join link_order o using (load_id)
    where c.election = $election
),
first_at as (select person_case_id, min(rank) as rank from ranked group by person_case_id)
select r.load_id, count(*) filter (where r.rank > f.rank) as joined
from ranked r join first_at f using (person_case_id)
group by r.load_id
