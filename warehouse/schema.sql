-- Netra warehouse schema. One database file per generation; see warehouse/db.py.
-- Grain is stated per table. Values use the Indonesian vocabularies of DESIGN.md §3.

-- one row per kabupaten/kota (514)
create table regions (
    code varchar primary key,          -- Kemendagri code, '33.25'
    name varchar not null,             -- 'Kabupaten Batang'
    kind varchar not null check (kind in ('kabupaten', 'kota')),
    province_code varchar not null,
    province_name varchar not null,
    lat double not null,
    lon double not null
);

-- one row per province (38)
create table provinces (
    code varchar primary key,
    name varchar not null,
    pns_count integer                  -- BPS 2023, denominator for rates per 100k PNS
);

-- one row per election
create table elections (
    election varchar primary key,
    name varchar not null,
    name_en varchar not null,
    voting_day date not null,
    candidates_set date not null,      -- SKB 2022: before = kode etik, after = disiplin
    window_start date not null,        -- case dates outside the window are rejected
    window_end date not null
);

-- one row per election and stage; stages of one election do not overlap
create table election_stages (
    election varchar not null,
    stage varchar not null,
    starts date not null,
    ends date not null,
    note varchar,
    primary key (election, stage)
);

-- one row per reported civil servant per case
create table cases (
    case_id varchar not null,
    subject_no integer not null,
    election varchar not null,
    source_agency varchar not null,
    source_kind varchar,
    incident_date date,
    report_date date,
    decision_date date,
    sanction_date date,
    region_code varchar,
    province_code varchar,
    agency_name varchar,
    agency_level varchar,
    position_class varchar,
    employee_type varchar,
    violation_type varchar not null,
    violation_form varchar,
    violation_class varchar,
    severity varchar,
    severity_inferred boolean not null default false,
    status varchar not null,
    sanction varchar,
    description varchar,
    subject_name varchar,
    subject_nip varchar,
    load_id varchar not null,
    source_row integer,
    primary key (election, source_agency, case_id, subject_no)
);

-- one row per problem found in a rejected source row (rows_rejected in load_batches counts rows, not problems)
create table rejected_rows (
    load_id varchar not null,
    source_file varchar not null,
    row_number integer not null,       -- as a person sees it in the file (header row counted)
    "column" varchar,
    value varchar,
    reason varchar not null,           -- Indonesian sentence a data steward can act on
    raw varchar                        -- the whole row as JSON
);

-- one row per loaded file (or demo build)
create table load_batches (
    load_id varchar primary key,
    source_file varchar not null,
    sha256 varchar not null,
    loaded_at timestamp not null,
    election varchar,
    rows_read integer not null,
    rows_loaded integer not null,
    rows_rejected integer not null,
    rows_duplicate integer not null
);

-- one row per setting of the warehouse itself (e.g. synthetic = 'true')
create table meta (
    key varchar primary key,
    value varchar
);
