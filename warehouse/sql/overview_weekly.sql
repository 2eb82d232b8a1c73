-- one row per week (starting Monday) of the chosen date basis ($date_basis) with the number of filtered cases
with filtered as (
    select incident_date, report_date, decision_date from {cases} where {filters}
),
days as (
    select basis_date($date_basis, incident_date, report_date, decision_date) as day
    from filtered
)
select cast(date_trunc('week', day) as date) as week, count(*) as n
from days
where day is not null
group by week
order by week
