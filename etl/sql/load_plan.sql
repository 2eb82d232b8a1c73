-- Every load a generation holds, in the order they were made: what a rebuild needs to replay it, and its counts.
select load_id, source_file, sha256, loaded_at, coalesce(loaded_by, '') as loaded_by, options, rows_read,
       rows_loaded, rows_rejected, rows_duplicate, coalesce(rows_warned, 0) as rows_warned
from load_batches
order by loaded_at, load_id
