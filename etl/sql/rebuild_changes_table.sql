-- One row per paired record and field whose value a rebuild changed (filled one field at a time).
create or replace temp table rebuild_changes (
    field varchar, load_id varchar, new_row bigint, case_id varchar, subject_no integer, source_row integer,
    before varchar, after varchar
)
