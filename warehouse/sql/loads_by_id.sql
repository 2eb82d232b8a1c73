-- one row per load whose load_id is in the given list: counts, lineage and how its register was read
select load_id, source_file, sha256, loaded_at, election, rows_read, rows_loaded, rows_rejected, rows_duplicate,
       coalesce(rows_warned, 0) as rows_warned, coalesce(rows_linked, 0) as rows_linked, loaded_by, options,
       mapping
from load_batches
where list_contains($load_ids, load_id)
order by loaded_at desc, source_file
