-- one row: first and last decision_date of the filtered cases
select min(decision_date) as first_day, max(decision_date) as last_day
from cases
where {filters}
