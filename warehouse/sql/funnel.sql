-- one row per funnel stage, in funnel order
with counts as (
    select
        count(*) as reported,
        count(*) filter (where status in ('terbukti', 'disanksi')) as proven,
        count(*) filter (where status = 'disanksi') as sanctioned
    from cases
    where {filters}
)
select stage, n
from counts
unpivot (n for stage in (reported, proven, sanctioned))
