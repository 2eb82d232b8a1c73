-- one row per election and period: each stage, the gaps around the stages, and before / since voting day
with picked as (
    select election, incident_date, report_date, decision_date
    from cases
    where {filters}
),

dated as (
    select
        election,
        report_date - incident_date as report_lag,
        decision_date - report_date as decision_lag,
        case cast(? as varchar)
            when 'report_date' then report_date
            when 'decision_date' then decision_date
            else incident_date
        end as day
    from picked
),

stages as (
    select
        s.election, s.stage, s.starts, s.ends, e.voting_day, e.window_start, e.window_end,
        lead(s.starts) over (partition by s.election order by s.starts) as next_starts,
        row_number() over (partition by s.election order by s.starts) as rank
    from election_stages s
    join elections e using (election)
    where s.election in (select election from picked)
),

data_until as (
    select election, greatest(max(incident_date), max(report_date), max(decision_date)) as data_until
    from cases
    group by election
),

periods as (
    -- stage days are inclusive at both ends; a day between two stages is the aftermath of the earlier one
    select election, 'stage' as kind, stage as period, 2 * rank as sort, starts, ends
    from stages
    union all
    select election, 'gap', 'setelah_' || stage, 2 * rank + 1, ends + 1, coalesce(next_starts - 1, window_end)
    from stages
    where coalesce(next_starts - 1, window_end) > ends
    union all
    select election, 'gap', 'pra_tahapan', 0, any_value(window_start), min(starts) - 1
    from stages
    group by election
    union all
    select election, 'voting', 'sebelum_h', 100, min(starts), any_value(voting_day) - 1
    from stages
    group by election
    union all
    select election, 'voting', 'sejak_h', 101, any_value(voting_day), max(ends)
    from stages
    group by election
),

clipped as (
    -- count days only inside the chosen date range and up to the latest date the election's cases know of
    select
        p.*,
        greatest(p.starts, cast(? as date)) as first_day,
        least(p.ends, cast(? as date), u.data_until) as last_day
    from periods p
    left join data_until u using (election)
)

select
    p.election,
    p.kind,
    p.period,
    p.starts,
    p.ends,
    p.first_day,
    p.last_day,
    p.last_day - p.first_day + 1 as days,
    count(d.day) as cases,
    count(d.day) * 7.0 / (p.last_day - p.first_day + 1) as weekly_rate,
    quantile_disc(d.report_lag, 0.25) as report_lag_p25,
    quantile_disc(d.report_lag, 0.5) as report_lag_p50,
    quantile_disc(d.report_lag, 0.9) as report_lag_p90,
    quantile_disc(d.decision_lag, 0.25) as decision_lag_p25,
    quantile_disc(d.decision_lag, 0.5) as decision_lag_p50,
    quantile_disc(d.decision_lag, 0.9) as decision_lag_p90
from clipped p
left join dated d on d.election = p.election and d.day between p.first_day and p.last_day
where p.last_day >= p.first_day
group by p.election, p.kind, p.period, p.sort, p.starts, p.ends, p.first_day, p.last_day
order by p.election, p.sort
