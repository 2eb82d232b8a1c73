-- One load_batches row per loaded file: its lineage (sha256, who, options, column mapping) and its counts.
insert into load_batches (load_id, source_file, sha256, loaded_at, election, rows_read, rows_loaded, rows_rejected,
                          rows_duplicate, rows_warned, rows_linked, loaded_by, options, mapping)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
