-- one row per problem found in the rejected rows of the $loads most recent loads (at most $limit rows), newest load first
with recent as (
    select load_id, loaded_at from load_batches order by loaded_at desc limit $loads
)
select
    b.loaded_at, r.source_file, r.row_number, r."column", r.value, r.reason
from rejected_rows r
join recent b using (load_id)
order by b.loaded_at desc, r.source_file, r.row_number, r."column"
limit $limit
