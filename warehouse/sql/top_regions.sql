-- one row per kabupaten/kota among those with the most filtered cases (at most ? rows), most first
with filtered as (
    select region_code, status from cases where {filters}
)
select
    f.region_code,
    r.name as region_name,
    r.province_name,
    count(*) as n,
    count(*) filter (where f.status in ('terbukti', 'disanksi')) as proven
from filtered f
join regions r on r.code = f.region_code
group by all
order by n desc, f.region_code
limit ?
