-- The load that already brought in a file with this sha256 under the same phrasebook (the same file read the same
-- way twice adds nothing; after the steward taught something, the file is read again).
select load_id from load_batches
where sha256 = ? and coalesce(json_extract_string(options, '$.phrasebook'), '') = ?
order by loaded_at limit 1
