-- one row per election that has records, in election order
select distinct election from cases order by election
