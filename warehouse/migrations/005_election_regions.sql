-- Schema 4 -> 5: which regions held which election (data/reference/election_regions.csv), so a map can draw a
-- region with no election differently from a region with zero cases, and checks can tell the two apart.
-- One row per election and region: a province (level provinsi: the governor's race, code '33') or a
-- kabupaten/kota (its own bupati/wali kota race, code '33.03'). A kabupaten/kota inside a province with a
-- governor's race took part in that race too; the table lists only the races themselves.
create table election_regions (
    election varchar not null,
    level varchar not null check (level in ('provinsi', 'kabupaten', 'kota')),
    code varchar not null,
    name varchar not null,
    source varchar not null,           -- domain.md key or the press item the row was checked against
    primary key (election, code)
);
