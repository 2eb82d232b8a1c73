-- one row: the headline numbers of the filtered cases
select
    count(*) as reported,
    count(*) filter (where status in ('terbukti', 'disanksi')) as proven,
    count(*) filter (where status = 'disanksi') as sanctioned,
    median(decision_date - report_date) filter (where decision_date is not null and report_date is not null)
        as median_days_to_decision
from cases
where {filters}
