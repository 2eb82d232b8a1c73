-- how many records of one load share their person-case with a record of another load (joined an existing case)
select count(*) from cases c
where c.load_id = $load_id
  and exists (select 1 from cases o where o.person_case_id = c.person_case_id and o.load_id <> $load_id)
