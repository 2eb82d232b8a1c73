-- The accepted case records of one load (registered DataFrame `incoming_cases`), inserted in bulk.
insert into cases by name select * from incoming_cases
