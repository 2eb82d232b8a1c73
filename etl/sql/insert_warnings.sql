-- One load_warnings row per field left empty in a loaded row (registered DataFrame `incoming_problems`).
insert into load_warnings by name select * from incoming_problems
