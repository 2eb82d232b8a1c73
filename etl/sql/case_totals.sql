-- How many case records the published generation (`before`) and the rebuilt one hold.
select (select count(*) from before.cases) as before, (select count(*) from cases) as after
