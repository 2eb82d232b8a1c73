-- One row per load: records whose values a rebuild changed, records of the published generation with none in the
-- rebuilt one (gone: rejected now, replaced, or read under another key) and records with none before (new).
with changed as (
    select load_id, count(distinct new_row) as changed from rebuild_changes group by load_id
), gone as (
    select o.load_id, count(*) as gone from before.cases o anti join rebuild_pairs p on o.rowid = p.old_row
    group by o.load_id
), new as (
    select n.load_id, count(*) as new from cases n anti join rebuild_pairs p on n.rowid = p.new_row
    group by n.load_id
)
select load_id, coalesce(changed, 0) as changed, coalesce(gone, 0) as gone, coalesce(new, 0) as new
from changed full join gone using (load_id) full join new using (load_id)
