-- The steward's phrasebook as this generation was built with it (registered DataFrame `incoming_phrasebook`).
insert into phrasebook by name select * from incoming_phrasebook
