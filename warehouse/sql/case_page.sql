-- one row per reported person on one page of the filtered cases that match the search, in the chosen order
-- parameters after the filters: search text, personal data allowed, sort key, descending, page size, offset
with filtered as (
    select * from cases where {filters}
),
args as (
    select lower(cast(? as varchar)) as search, cast(? as boolean) as personal, cast(? as varchar) as sort_key,
        cast(? as boolean) as descending
),
found as (
    select f.*, r.name as region_name, p.name as province_name, a.*
    from filtered f
    cross join args a
    left join regions r on r.code = f.region_code
    left join provinces p on p.code = f.province_code
    where a.search = '' or contains(lower(concat_ws(' ', f.case_id, f.agency_name, f.description, r.name,
        case when a.personal then concat_ws(' ', f.subject_name, f.subject_nip) end)), a.search)
),
keyed as (
    select *,
        case sort_key when 'report_date' then report_date when 'decision_date' then decision_date
            when 'incident_date' then incident_date end as date_key,
        case sort_key when 'region' then region_name when 'status' then status
            when 'violation_type' then violation_type when 'case_id' then case_id end as text_key
    from found
)
select
    election, source_agency, case_id, subject_no, source_kind, incident_date, report_date, decision_date,
    sanction_date, region_code, region_name, province_code, province_name, agency_name, agency_level,
    position_class, employee_type, violation_type, violation_form, violation_class, severity, severity_inferred,
    status, sanction, description,
    case when personal then subject_name end as subject_name,
    subject_nip, load_id, source_row
from keyed
order by
    case when descending then date_key end desc nulls last,
    case when not descending then date_key end asc nulls last,
    case when descending then text_key end desc nulls last,
    case when not descending then text_key end asc nulls last,
    election, source_agency, case_id, subject_no
limit ? offset ?
