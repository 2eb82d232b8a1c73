-- one row: the headline numbers of the filtered cases as they stood on $as_of (a decision or sanction counts only
-- once it happened by then; without $as_of every dated one does), so that two periods of cases can be compared
-- at the same age (ui/views/kpis.py)
with aged as (
    select
        status,
        report_date,
        decision_date,
        sanction_date,
        decision_date <= coalesce($as_of::date, decision_date) as decided_by_then,
        sanction_date <= coalesce($as_of::date, sanction_date) as sanctioned_by_then
    from {cases}
    where {filters}
)

select
    count(*) as reported,
    count(*) filter (where is_proven(status) and decided_by_then) as proven,
    count(*) filter (where is_sanctioned(status) and sanctioned_by_then) as sanctioned,
    median(decision_date - report_date) filter (where decided_by_then and report_date is not null)
        as median_days_to_decision,
    count(*) filter (where is_proven(status) and decision_date is null) as proven_undated,
    count(*) filter (where is_sanctioned(status) and sanction_date is null) as sanctioned_undated
from aged
