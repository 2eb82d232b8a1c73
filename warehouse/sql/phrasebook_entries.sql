-- one row per phrasebook entry in force in this generation (what the steward taught the loader), newest first
select kind, field, phrase, value, taught_by, taught_at
from phrasebook
where active
order by taught_at desc, kind, field, phrase
