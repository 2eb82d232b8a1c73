-- one row per load, newest first: rows read, loaded, rejected and duplicate, and rejected rows whose place was unknown
-- rejected_rows."column" is the header as the register wrote it, so a place column is told by the words the
-- loader's header aliases use for kabupaten/kota and province (etl/columns.py)
with place_problems as (
    select load_id, count(distinct row_number) as rows
    from rejected_rows
    where regexp_matches(regexp_replace(lower("column"), '[^a-z]+', ' ', 'g'),
        '\b(kab|kabupaten|kota|prov|provinsi|propinsi|wilayah|daerah|region|regency|province|district)\b')
    group by load_id
)
select
    b.load_id, b.source_file, b.loaded_at, b.election, b.rows_read, b.rows_loaded, b.rows_rejected,
    b.rows_duplicate, coalesce(p.rows, 0) as unmatched_regions
from load_batches b
left join place_problems p using (load_id)
order by b.loaded_at desc
