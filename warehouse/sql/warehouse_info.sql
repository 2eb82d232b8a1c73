-- one row: facts about the warehouse itself
select
    coalesce((select value from meta where key = 'synthetic'), 'false') = 'true' as synthetic,
    (select max(loaded_at) from load_batches) as last_loaded_at,
    (select count(*) from cases) as cases
