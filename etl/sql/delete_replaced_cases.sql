-- Records a warnings correction file replaces (registered `replaced_keys`): the corrected rows take their place.
delete from cases where (election, source_agency, case_id, subject_no) in (
    select (election, source_agency, case_id, subject_no) from replaced_keys)
