-- one row: first and last day of the filtered cases on the filters' date basis, and the last day of any date they
-- carry (as_of: how far the data reaches, decisions and sanctions included)
-- {date_column} is that basis' column (Filters allows only vocab.DATE_BASES): min/max of a plain column answer
-- from its statistics where they can, measurably faster than min/max over basis_date()
select
    min({date_column}) as first_day,
    max({date_column}) as last_day,
    greatest(max(incident_date), max(report_date), max(decision_date), max(sanction_date)) as as_of
from {cases}
where {filters}
