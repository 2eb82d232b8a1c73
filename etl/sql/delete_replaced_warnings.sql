-- The warnings of the records a correction replaced: those fields have been corrected.
delete from load_warnings where (load_id, row_number) in (select (load_id, source_row) from replaced_keys)
