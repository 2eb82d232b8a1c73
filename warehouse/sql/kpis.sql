-- one row: the headline numbers of the filtered cases (the funnel's stages are its first three)
select
    count(*) as reported,
    count(*) filter (where is_proven(status)) as proven,
    count(*) filter (where is_sanctioned(status)) as sanctioned,
    median(decision_date - report_date) filter (where decision_date is not null and report_date is not null)
        as median_days_to_decision
from {cases}
where {filters}
