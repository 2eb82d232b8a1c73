-- one row: first and last day of the filtered cases on the filters' date basis
-- {date_column} is that basis' column (Filters allows only vocab.DATE_BASES): min/max of a plain column answer
-- from its statistics where they can, measurably faster than min/max over basis_date()
select min({date_column}) as first_day, max({date_column}) as last_day
from {cases}
where {filters}
