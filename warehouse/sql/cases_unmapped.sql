-- one row: filtered cases a map cannot place (no kabupaten/kota; no province, i.e. central agencies)
select
    count(*) filter (where region_code is null) as without_region,
    count(*) filter (where province_code is null) as without_province
from {cases}
where {filters}
