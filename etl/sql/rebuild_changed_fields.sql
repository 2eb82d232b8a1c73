-- One row per load and field a rebuild changed: how many records, and the first few (by register row) as examples.
select load_id, field, count(*) as changed,
       list({'case_id': case_id, 'subject_no': subject_no, 'row': source_row, 'before': before, 'after': after}
            order by source_row, case_id, subject_no)[1:?] as examples
from rebuild_changes
group by load_id, field
order by load_id, changed desc, field
