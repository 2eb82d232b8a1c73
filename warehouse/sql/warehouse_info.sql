-- one row: facts about the warehouse itself (the linker's thresholds are null before anything was linked)
select
    coalesce((select value from meta where key = 'synthetic'), 'false') = 'true' as synthetic,
    (select max(loaded_at) from load_batches) as last_loaded_at,
    (select count(*) from cases) as cases,
    (select try_cast(value as double) from meta where key = 'link_sure') as link_sure,
    (select try_cast(value as double) from meta where key = 'link_review') as link_review
