-- give every linked record its person-case id: 'R' + the hash of the key of the person-case's first record in key
-- order (a record alone gets the id warehouse.db would give it), writing only the ids that change
update cases set person_case_id = ids.person_case_id
from (
    select r.row_id,
           'R' || substr(md5(concat_ws('|', f.election, f.source_agency, f.case_id, f.subject_no)), 1, 15)
               as person_case_id
    from link_labels l join link_records r on r.rid = l.rid join link_records f on f.rid = l.label
) ids
where cases.rowid = ids.row_id and cases.person_case_id is distinct from ids.person_case_id
