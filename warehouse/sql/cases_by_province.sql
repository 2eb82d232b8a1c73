-- one row per province (all 38; zero counts where no case matches the filters); pns_count for rates; held: any race
-- of the elections shown was held inside it (its provincial civil servants could take sides in either)
with {include:election_races},

counted as (
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
    coalesce(counted.proven, 0) as proven,
    exists (select 1 from unknown)
    or provinces.code in (select code from races where level = 'provinsi')
    or provinces.code in (select split_part(code, '.', 1) from races where level <> 'provinsi') as held
from provinces
left join counted on counted.province_code = provinces.code
left join centroids on centroids.province_code = provinces.code
order by provinces.code
