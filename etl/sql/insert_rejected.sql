-- One rejected_rows row per problem of a row that could not be counted (registered DataFrame `incoming_problems`).
insert into rejected_rows by name select * from incoming_problems
