-- The load that already brought in a file with this sha256 read the same way (same phrasebook, same --election and
-- --source-agency): loading it again adds nothing. Read another way, the file is read anew.
select load_id, loaded_at, loaded_by, options from load_batches
where sha256 = ? and coalesce(json_extract_string(options, '$.reading'), '') = ?
order by loaded_at limit 1
