-- The first few rejected rows of a load, for the summary printed after it.
select reason from rejected_rows where load_id = ? order by row_number limit ?
