-- How many cases a warehouse marked synthetic (the demo) holds: the demo a real load replaces.
select count(*) from cases where exists (select 1 from meta where key = 'synthetic' and value = 'true')
