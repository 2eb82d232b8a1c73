-- one row: facts about the warehouse itself (the linker's thresholds are null before anything was linked)
-- synthetic: every case came from the demo (a load_batches row of the demo: source_file 'demo', load_id
-- 'demo-…'), and the warehouse says it is a demo. The flag alone never counts: one case of any other load ends it.
select
    coalesce((select value from meta where key = 'synthetic'), 'false') = 'true'
        and not exists (
            select 1
            from cases
            where load_id not in (
                select load_id from load_batches where source_file = 'demo' and starts_with(load_id, 'demo-')
            )
        ) as synthetic,
    (select max(loaded_at) from load_batches) as last_loaded_at,
    (select count(*) from cases) as cases,
    (select try_cast(value as double) from meta where key = 'link_sure') as link_sure,
    (select try_cast(value as double) from meta where key = 'link_review') as link_review
