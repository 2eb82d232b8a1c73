-- one row: the non-ASN person-cases (or records) under the other filters; 0 when the chosen types count them
-- ({filters} narrows to non-ASN here; $counted says the user's own choice already counts them)
select count(*) as n
from {cases}
where {filters} and not $counted
