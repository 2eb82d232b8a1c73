-- one row: how many filtered cases match the search
-- parameters after the filters: the search text (lower case) 7 times and "personal data allowed" once, in the
-- order warehouse.queries._search_params gives; bound directly (not through a CTE) so '' folds the search away
with filtered as (
    select case_id, agency_name, description, region_code, subject_name, subject_nip from cases where {filters}
)
select count(*) as n
from filtered
where ? = '' or contains(lower(case_id), ?) or contains(lower(coalesce(agency_name, '')), ?)
    or contains(lower(coalesce(description, '')), ?)
    or region_code in (select code from regions where contains(lower(name), ?))
    or (? and (contains(lower(coalesce(subject_name, '')), ?) or contains(coalesce(subject_nip, ''), ?)))
