-- the records a steward names (link_named: election, source_agency, case_id, subject_no) that the published
-- generation holds, with their NIP as written
select n.election, n.source_agency, n.case_id, n.subject_no, c.subject_nip
from link_named n join cases c using (election, source_agency, case_id, subject_no)
