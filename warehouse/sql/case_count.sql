-- one row: how many filtered cases match the search
-- $search is the search text in lower case ('' = everything); names and NIPs are searched only when $personal
with filtered as (
    select case_id, agency_name, description, region_code, subject_name, subject_nip from cases where {filters}
)
select count(*) as n
from filtered
where $search = '' or contains(lower(case_id), $search) or contains(lower(coalesce(agency_name, '')), $search)
    or contains(lower(coalesce(description, '')), $search)
    or region_code in (select code from regions where contains(lower(name), $search))
    or ($personal and (contains(lower(coalesce(subject_name, '')), $search)
        or contains(coalesce(subject_nip, ''), $search)))
