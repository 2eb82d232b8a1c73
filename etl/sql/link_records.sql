-- link_records: one row per record of the elections being linked, numbered in key order (so the linker's
-- choices never depend on load order), with the blocking keys of its name (link_names) and agency as numbers
create or replace temp table link_records as
with numbered as (  -- the numbers first, on the keys alone (a window over every column would sort them all)
    select rowid as row_id,
           row_number() over (order by election, source_agency, case_id, subject_no) - 1 as rid
    from cases
    where list_contains($elections, election)
),
chosen as (
    select n.rid, n.row_id, c.election, c.source_agency, c.case_id, c.subject_no, c.load_id, c.subject_name,
           c.agency_name, c.subject_nip, c.region_code,
           c.province_code, c.incident_date, c.report_date, c.decision_date, c.position_class, c.violation_type,
           c.employee_type
    from numbered n join cases c on c.rowid = n.row_id
)
select c.rid, c.row_id, c.election, c.source_agency, c.case_id, c.subject_no, c.load_id,
       c.source_agency in ('kasn', 'bkn') as receiver,
       nip_of(c.subject_nip, $nip_born_from, $nip_born_to, $nip_min_age, $nip_hired_by) as nip,  -- nip_macro.sql
       n.name_id, n.outer_key, n.full_key, n.first_word, n.last_word, n.first_initial, n.last_initial, n.short,
       a.agency_id, a.agency_key,
       c.region_code, c.province_code, coalesce(c.region_code, c.province_code) as geo,
       c.incident_date, c.report_date,
       coalesce(c.report_date, c.decision_date) as hand_date,  -- when this register had it (a recap may only
                                                                -- date its recommendation)
       nullif(c.position_class, 'lainnya') as position_class, nullif(c.violation_type, 'lainnya') as violation_type,
       c.employee_type
from chosen c
left join link_names n on n.subject_name = c.subject_name
left join link_agencies a on a.agency_name = c.agency_name
