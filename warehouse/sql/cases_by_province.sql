-- one row per province (all 38; zero counts where no case matches the filters); pns_count for rates
with counted as (
    select
        province_code,
        count(*) as reported,
        count(*) filter (where is_proven(status)) as proven
    from {cases}
    where {filters} and province_code is not null
    group by province_code
),

centroids as (
    select province_code, avg(lat) as lat, avg(lon) as lon
    from regions
    group by province_code
)

select
    provinces.code,
    provinces.name,
    provinces.code as province_code,
    provinces.name as province_name,
    centroids.lat,
    centroids.lon,
    provinces.pns_count,
    coalesce(counted.reported, 0) as reported,
    coalesce(counted.proven, 0) as proven
from provinces
left join counted on counted.province_code = provinces.code
left join centroids on centroids.province_code = provinces.code
order by provinces.code
