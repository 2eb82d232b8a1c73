-- The warehouse records of the incoming case ids (registered `incoming_keys`), with what tells their people apart.
select c.election, c.source_agency, c.case_id, c.subject_no, c.subject_name, c.subject_nip, c.incident_date,
       c.report_date, c.region_code, c.province_code, c.agency_name, c.violation_type, c.description,
       c.load_id, c.source_row, '' as _people
from cases c semi join incoming_keys k using (election, source_agency, case_id)
