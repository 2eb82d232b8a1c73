-- one row: how many days the filtered cases took from incident to report and from report to decision
select
    count(*) as cases,
    count(report_date - incident_date) as reported_n,
    quantile_disc(report_date - incident_date, 0.5) as report_lag_p50,
    quantile_disc(report_date - incident_date, 0.9) as report_lag_p90,
    count(decision_date - report_date) as decided_n,
    quantile_disc(decision_date - report_date, 0.5) as decision_lag_p50,
    quantile_disc(decision_date - report_date, 0.9) as decision_lag_p90
from {cases}
where {filters}
