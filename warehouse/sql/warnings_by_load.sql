-- one row per field left empty in the loaded rows of the given loads, with the whole register row as JSON
select w.load_id, b.loaded_at, w.source_file, w.row_number, w."column", w.value, w.reason, w.raw
from load_warnings w
join load_batches b using (load_id)
where list_contains($load_ids, w.load_id)
order by w.source_file, w.row_number, w.rowid
