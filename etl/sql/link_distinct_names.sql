-- one row per distinct name written in the records of the elections being linked
select distinct subject_name from cases where list_contains($elections, election) and subject_name is not null
