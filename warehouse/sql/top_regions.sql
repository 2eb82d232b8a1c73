-- one row per kabupaten/kota among those with the most filtered cases (at most $limit rows), most first
with counts as (  -- aggregate first: the names join 514 rows, not every case
    select
        region_code,
        count(*) as n,
        count(*) filter (where is_proven(status)) as proven
    from {cases}
    where {filters} and region_code is not null
    group by region_code
)
select c.region_code, r.name as region_name, r.province_name, c.n, c.proven
from counts c
join regions r on r.code = c.region_code
order by c.n desc, c.region_code
limit $limit
