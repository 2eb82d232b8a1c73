-- one row per election and stage, with the election's voting day and the latest date its cases know of
with until as (
    select election, greatest(max(incident_date), max(report_date), max(decision_date)) as data_until
    from cases
    group by election
)

select e.election, e.voting_day, e.candidates_set, u.data_until, s.stage, s.starts, s.ends
from elections e
join election_stages s using (election)
left join until u using (election)
order by e.voting_day, s.starts
