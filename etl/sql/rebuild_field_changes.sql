-- The records of rebuild_pairs whose {column} differs between the published generation and the rebuilt one.
-- {column} is a cases column both generations have (read from their catalogues, quoted), never input.
insert into rebuild_changes
select '{column}', n.load_id, p.new_row, n.case_id, n.subject_no, n.source_row,
       cast(o."{column}" as varchar), cast(n."{column}" as varchar)
from rebuild_pairs p
join before.cases o on o.rowid = p.old_row
join cases n on n.rowid = p.new_row
where o."{column}" is distinct from n."{column}"
