-- one row per source agency among the filtered cases, largest first
select source_agency, count(*) as cases
from cases
where {filters}
group by source_agency
order by cases desc, source_agency
