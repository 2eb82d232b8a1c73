-- one row per province ($level = 'province') or kabupaten/kota ('region') with person-cases: stage counts, stalled
-- The five stage counts are of the Bawaslu path (a person-case counts at every stage up to its furthest);
-- without_bawaslu counts those that entered at KASN/BKN or elsewhere, stalled those of both paths. A person-case
-- sits where its Bawaslu record does (else its first record); those known at no such level share a null code.
with stages as (
    {include:person_stages}
),

placed as (
    select *, case when $level = 'region' then region_code else province_code end as code
    from stages
),

counted as (
    select
        code,
        count(*) filter (where path = 'bawaslu') as received,
        count(*) filter (where path = 'bawaslu' and furthest >= 2) as found,
        count(*) filter (where path = 'bawaslu' and furthest >= 3) as forwarded,
        count(*) filter (where path = 'bawaslu' and furthest >= 4) as recommended,
        count(*) filter (where path = 'bawaslu' and furthest >= 5) as sanctioned,
        count(*) filter (where path = 'tanpa_bawaslu') as without_bawaslu,
        count(*) filter (where stalled) as stalled
    from placed
    group by code
)

select
    c.code,
    coalesce(r.name, p.name) as name,
    coalesce(r.province_name, p.name) as province_name,
    c.received,
    c.found,
    c.forwarded,
    c.recommended,
    c.sanctioned,
    c.without_bawaslu,
    c.stalled
from counted c
left join regions r on $level = 'region' and r.code = c.code
left join provinces p on $level = 'province' and p.code = c.code
order by c.received + c.without_bawaslu desc, c.code nulls last
