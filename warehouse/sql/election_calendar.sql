-- one row per election and stage, with the election's voting day and the latest date its cases know of
select
    e.election,
    e.voting_day,
    e.candidates_set,
    (
        select greatest(max(c.incident_date), max(c.report_date), max(c.decision_date))
        from cases c
        where c.election = e.election
    ) as data_until,
    s.stage,
    s.starts,
    s.ends
from elections e
join election_stages s using (election)
order by e.voting_day, s.starts
