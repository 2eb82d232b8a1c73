-- one row per province among those with the most filtered cases (at most ? rows), most first
with filtered as (
    select province_code, status from cases where {filters}
)
select
    f.province_code,
    p.name as province_name,
    count(*) as n,
    count(*) filter (where f.status in ('terbukti', 'disanksi')) as proven
from filtered f
join provinces p on p.code = f.province_code
group by all
order by n desc, f.province_code
limit ?
