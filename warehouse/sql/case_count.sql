-- one row: how many filtered cases match the search (parameters after the filters: search text, personal allowed)
with filtered as (
    select case_id, agency_name, description, region_code, subject_name, subject_nip from cases where {filters}
),
args as (
    select lower(cast(? as varchar)) as search, cast(? as boolean) as personal
)
select count(*) as n
from filtered f
cross join args a
left join regions r on r.code = f.region_code
where a.search = '' or contains(lower(concat_ws(' ', f.case_id, f.agency_name, f.description, r.name,
    case when a.personal then concat_ws(' ', f.subject_name, f.subject_nip) end)), a.search)
