-- one row per reported person on one page of the filtered cases that match the search, in the chosen order
-- $search as in case_count.sql; names only when $personal; $sort_key is a date basis or region, status,
-- violation_type, case_id; $descending; $limit rows from $offset
with filtered as (
    select * from cases where {filters}
),
found as (
    select *,
        cast($personal as boolean) as personal,
        basis_date($sort_key, incident_date, report_date, decision_date) as date_key,
        case $sort_key when 'region' then region_code when 'status' then status
            when 'violation_type' then violation_type when 'case_id' then case_id end as text_key,
        cast($descending as boolean) as descending
    from filtered
    where $search = '' or contains(lower(case_id), $search) or contains(lower(coalesce(agency_name, '')), $search)
        or contains(lower(coalesce(description, '')), $search)
        or region_code in (select code from regions where contains(lower(name), $search))
        or ($personal and (contains(lower(coalesce(subject_name, '')), $search)
            or contains(coalesce(subject_nip, ''), $search)))
),
page as (  -- the top-N first; names are joined to these rows only
    select * from found
    order by
        case when descending then date_key end desc nulls last,
        case when not descending then date_key end asc nulls last,
        case when descending then text_key end desc nulls last,
        case when not descending then text_key end asc nulls last,
        election, source_agency, case_id, subject_no
    limit $limit offset $offset
)
select
    p.election, p.source_agency, p.case_id, p.subject_no, p.source_kind, p.incident_date, p.report_date,
    p.decision_date, p.sanction_date, p.region_code, r.name as region_name, p.province_code,
    v.name as province_name, p.agency_name, p.agency_level, p.position_class, p.employee_type, p.violation_type,
    p.violation_form, p.violation_class, p.severity, p.severity_inferred, p.status, p.sanction, p.description,
    case when p.personal then p.subject_name end as subject_name,
    p.subject_nip, p.load_id, p.source_row
from page p
left join regions r on r.code = p.region_code
left join provinces v on v.code = p.province_code
order by
    case when p.descending then p.date_key end desc nulls last,
    case when not p.descending then p.date_key end asc nulls last,
    case when p.descending then p.text_key end desc nulls last,
    case when not p.descending then p.text_key end asc nulls last,
    p.election, p.source_agency, p.case_id, p.subject_no
