-- the pending pairs (link_pending: record numbers and scores) as link_reviews rows, keyed by the printed keys
insert into link_reviews by name
select a.election,
       a.election || ':' || a.source_agency || ':' || a.case_id || '#' || a.subject_no as record_a,
       a.source_agency as a_source_agency, a.case_id as a_case_id, a.subject_no as a_subject_no,
       b.election || ':' || b.source_agency || ':' || b.case_id || '#' || b.subject_no as record_b,
       b.source_agency as b_source_agency, b.case_id as b_case_id, b.subject_no as b_subject_no,
       p.score, p.nip_match, p.same_register, p.name_score, p.agency_score, p.incident_gap::integer as incident_gap,
       p.order_gap::integer as order_gap, p.points
from link_pending p join link_records a on a.rid = p.a join link_records b on b.rid = p.b
