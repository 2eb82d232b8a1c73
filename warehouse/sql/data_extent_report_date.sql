-- one row: first and last report_date of the filtered cases
select min(report_date) as first_day, max(report_date) as last_day
from cases
where {filters}
