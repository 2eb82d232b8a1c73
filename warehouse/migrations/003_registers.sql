-- Schema 2 -> 3: what a load learned from the steward and how it read each register (issue 10).
-- One row per phrasebook entry as the steward wrote it (history kept; `active` marks the entries in force).
create table phrasebook (
    kind varchar not null,             -- header | phrase
    field varchar,                     -- the column a phrase belongs to (empty for a header)
    phrase varchar not null,           -- the header or cell as written in the register
    value varchar,                     -- the column / vocabulary value taught; empty withdraws the entry
    taught_by varchar,
    taught_at varchar,
    active boolean not null            -- the latest entry for its phrase and not withdrawn
);

alter table load_batches add column mapping varchar;   -- JSON: each register column, the field it fed, how decided
