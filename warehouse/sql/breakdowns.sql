-- one row per value of each breakdown dimension, and per violation type × severity pair, with its case count
with filtered as (
    select violation_type, severity, position_class, agency_level, status, source_agency from {cases} where {filters}
)
select
    case
        when grouping(violation_type) = 0 and grouping(severity) = 0 then 'type_severity'
        when grouping(violation_type) = 0 then 'violation_type'
        when grouping(severity) = 0 then 'severity'
        when grouping(position_class) = 0 then 'position_class'
        when grouping(agency_level) = 0 then 'agency_level'
        when grouping(status) = 0 then 'status'
        else 'source_agency'
    end as dimension,
    violation_type, severity, position_class, agency_level, status, source_agency,
    count(*) as n
from filtered
group by grouping sets (
    (violation_type, severity), (violation_type), (severity), (position_class), (agency_level), (status),
    (source_agency)
)
order by dimension, n desc
