-- one row: first and last day of the filtered cases on the chosen date basis ($date_basis)
select
    min(basis_date($date_basis, incident_date, report_date, decision_date)) as first_day,
    max(basis_date($date_basis, incident_date, report_date, decision_date)) as last_day
from cases
where {filters}
