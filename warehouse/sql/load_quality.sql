-- one row per load, newest first: rows read, loaded, rejected and duplicate, and rejected rows whose place was unknown
select
    b.load_id, b.source_file, b.loaded_at, b.election, b.rows_read, b.rows_loaded, b.rows_rejected,
    b.rows_duplicate,
    (select count(distinct r.row_number) from rejected_rows r
     where r.load_id = b.load_id and r."column" in ('region', 'province')) as unmatched_regions
from load_batches b
order by b.loaded_at desc
