-- one row per load of a file whose sha256 is in the given list (a file is loaded once), newest first
select load_id, source_file, sha256, loaded_at, election, rows_read, rows_loaded, rows_rejected, rows_duplicate
from load_batches
where list_contains($checksums, sha256)
order by loaded_at desc, source_file
