-- one row: first and last incident_date of the filtered cases
select min(incident_date) as first_day, max(incident_date) as last_day
from cases
where {filters}
