-- one row per pair of records waiting for a steward (link_reviews), both records side by side, highest score
-- first; names and NIPs only when $personal; $election ('' for every election); at most $limit rows
with side as (
    select c.election, c.source_agency, c.case_id, c.subject_no, c.person_case_id,
           case when $personal then c.subject_name end as subject_name,
           case when $personal then c.subject_nip end as subject_nip,
           c.agency_name, c.region_code, coalesce(g.name, p.name) as place, c.incident_date, c.report_date,
           c.position_class, c.violation_type, c.employee_type, c.status
    from cases c left join regions g on g.code = c.region_code left join provinces p on p.code = c.province_code
)
select r.election, r.record_a, r.record_b, r.score, r.nip_match, r.same_register, r.name_score, r.agency_score,
       r.incident_gap, r.order_gap, r.points,
       columns(a.* exclude (election)) as "a_\0", columns(b.* exclude (election)) as "b_\0"
from link_reviews r
join side a on a.election = r.election and a.source_agency = r.a_source_agency and a.case_id = r.a_case_id
     and a.subject_no = r.a_subject_no
join side b on b.election = r.election and b.source_agency = r.b_source_agency and b.case_id = r.b_case_id
     and b.subject_no = r.b_subject_no
where $election = '' or r.election = $election
order by r.score desc, r.record_a, r.record_b
limit $limit
