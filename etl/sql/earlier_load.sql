-- The load that already brought in a file with this sha256 (the same file twice adds nothing).
select load_id from load_batches where sha256 = ? order by loaded_at limit 1
