-- one row per problem found in the rejected rows of the given loads, with the whole register row as JSON
select r.load_id, b.loaded_at, r.source_file, r.row_number, r."column", r.value, r.reason, r.raw
from rejected_rows r
join load_batches b using (load_id)
where list_contains($load_ids, r.load_id)
order by r.source_file, r.row_number, r.rowid
