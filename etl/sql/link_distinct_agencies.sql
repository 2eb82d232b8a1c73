-- one row per distinct agency name written in the records of the elections being linked
select distinct agency_name from cases where list_contains($elections, election) and agency_name is not null
