-- the record numbers of the records the steward's decisions name (link_decided), null where a record is gone
select d.rank, a.rid as a, b.rid as b
from link_decided d
left join link_records a on a.election = d.a_election and a.source_agency = d.a_source_agency
     and a.case_id = d.a_case_id and a.subject_no = d.a_subject_no
left join link_records b on b.election = d.b_election and b.source_agency = d.b_source_agency
     and b.case_id = d.b_case_id and b.subject_no = d.b_subject_no
order by d.rank
