-- one row per kabupaten/kota (all 514 of regions; zero counts where no case matches the filters; held: an election was
-- held there, so a zero is a zero, not "no election here")
with {include:election_races},

counted as (
    select
        region_code,
        count(*) as reported,
        count(*) filter (where is_proven(status)) as proven
    from {cases}
    where {filters} and region_code is not null
    group by region_code
)

select
    regions.code,
    regions.name,
    regions.province_code,
    regions.province_name,
    regions.lat,
    regions.lon,
    coalesce(counted.reported, 0) as reported,
    coalesce(counted.proven, 0) as proven,
    exists (select 1 from unknown)
    or regions.code in (select code from races where level <> 'provinsi')
    or regions.province_code in (select code from races where level = 'provinsi') as held
from regions
left join counted on counted.region_code = regions.code
order by regions.code
