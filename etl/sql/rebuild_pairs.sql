-- One row per record of the published generation (`before`) and its record in the rebuilt one: the same key
-- (election, source_agency, case_id, subject_no), else the only record left on each side from the same load and
-- register row (a case id made from a row's content changes when what the row says is read differently).
create or replace temp table rebuild_pairs as
with by_key as (
    select o.rowid as old_row, n.rowid as new_row
    from before.cases o join cases n using (election, source_agency, case_id, subject_no)
), old_rest as (
    select rowid as old_row, load_id, source_row, count(*) over (partition by load_id, source_row) as records
    from before.cases where rowid not in (select old_row from by_key)
), new_rest as (
    select rowid as new_row, load_id, source_row, count(*) over (partition by load_id, source_row) as records
    from cases where rowid not in (select new_row from by_key)
)
select old_row, new_row from by_key
union all
select o.old_row, n.new_row
from old_rest o join new_rest n using (load_id, source_row)
where o.records = 1 and n.records = 1
