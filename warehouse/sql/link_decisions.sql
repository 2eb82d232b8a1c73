-- one row per steward decision about a pair of records (the steward file as this generation applied it),
-- newest first: confirm or split, who, when, the note, whether it is in force and what it did
select election, decision, record_a, record_b, decided_by, decided_at, note, in_force, outcome
from link_decisions
order by decided_at desc, record_a, record_b
