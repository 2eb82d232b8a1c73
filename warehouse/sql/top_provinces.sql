-- one row per province among those with the most filtered cases (at most $limit rows), most first
with counts as (  -- aggregate first: the names join 38 rows, not every case
    select
        province_code,
        count(*) as n,
        count(*) filter (where is_proven(status)) as proven
    from {cases}
    where {filters} and province_code is not null
    group by province_code
)
select c.province_code, p.name as province_name, c.n, c.proven
from counts c
join provinces p on p.code = c.province_code
order by c.n desc, c.province_code
limit $limit
