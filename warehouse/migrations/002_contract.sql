-- Schema 1 -> 2: the data contract of DESIGN.md §3 beyond the first version.
-- cases: the discipline regime, the person-in-case id the app counts, where a case was forwarded, and the
-- register's unmapped columns kept raw (nothing from a file is dropped).
alter table elections add column regime varchar;               -- pp53_skb2020 | pp94_skb2022 (elections.csv)
alter table cases add column regime varchar;                    -- filled from elections.regime at publish
alter table cases add column person_case_id varchar;            -- shared by one person's records in one case
alter table cases add column forwarded_to varchar;              -- kasn | bkn | lainnya: the register says it was sent on
alter table cases add column extra varchar;                     -- JSON object: unmapped header -> raw value

-- one row per problem in a row that was still loaded (the field is left empty; the steward corrects it)
create table load_warnings (
    load_id varchar not null,
    source_file varchar not null,
    row_number integer not null,       -- as a person sees it in the file (header row counted)
    "column" varchar,
    value varchar,
    reason varchar not null,           -- Indonesian sentence a data steward can act on
    raw varchar                        -- the whole row as JSON
);

alter table load_batches add column rows_warned integer default 0;   -- loaded rows with at least one warning
alter table load_batches add column rows_linked integer default 0;   -- records that joined an existing person-case
alter table load_batches add column loaded_by varchar;               -- who (user name, or the OS user of the CLI)
alter table load_batches add column options varchar;                 -- JSON: the load options (election, agency, …)
