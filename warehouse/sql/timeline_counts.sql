-- one row per election, time bucket and series; buckets are weeks (or days) counted from voting day
with picked as (
    select election, incident_date, report_date, decision_date, violation_type, severity, province_code
    from {cases}
    where {filters}
),

args as (
    select cast($date_basis as varchar) as basis, cast($bucket_days as integer) as bucket_days,
        cast($stack_by as varchar) as stack_by
),

dated as (
    select
        p.election,
        a.bucket_days,
        basis_date(a.basis, p.incident_date, p.report_date, p.decision_date) as day,
        case a.stack_by
            when 'severity' then p.severity
            when 'province_code' then p.province_code
            when 'election' then p.election
            else p.violation_type
        end as series
    from picked p
    cross join args a
),

bucketed as (
    -- floor, not integer division: DuckDB's // truncates towards zero, which would merge H-6..H+6 into one bucket
    select d.election, d.series, cast(floor((d.day - e.voting_day) / d.bucket_days) as integer) * d.bucket_days
        as h_offset, e.voting_day
    from dated d
    join elections e using (election)
    where d.day is not null
)

select election, h_offset, voting_day + h_offset as bucket_start, series, count(*) as n
from bucketed
group by all
order by election, h_offset, series
