-- one row per election and period: each stage, the gaps around them, before / since voting day, and the whole window
with picked as (
    select election, incident_date, report_date, decision_date
    from {cases}
    where {filters}
),

dated as (
    select
        election,
        report_date - incident_date as report_lag,
        decision_date - report_date as decision_lag,
        basis_date($date_basis, incident_date, report_date, decision_date) as day
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
    union all
    select election, 'all', 'semua', 102, any_value(window_start), any_value(window_end)
    from stages
    group by election
),

days as (
    -- every day of every period, so days find their periods by an equality join
    select election, kind, period, starts + cast(unnest(range(0, ends - starts + 1)) as integer) as day
    from periods
),

daily as (
    -- the per-case work happens once, here and in lag_counts; everything after joins small counts
    select election, day, count(*) as n
    from dated
    where day is not null
    group by election, day
),

lag_counts as (
    select election, day, 'report' as measure, report_lag as lag, count(*) as n
    from dated
    where day is not null and report_lag is not null
    group by election, day, report_lag
    union all
    select election, day, 'decision', decision_lag, count(*)
    from dated
    where day is not null and decision_lag is not null
    group by election, day, decision_lag
),

period_counts as (
    select y.election, y.period, sum(d.n) as cases
    from daily d
    join days y using (election, day)
    group by y.election, y.period
),

cumulated as (
    select
        y.election, y.period, l.measure, l.lag,
        sum(sum(l.n)) over (partition by y.election, y.period, l.measure order by l.lag) as upto,
        sum(sum(l.n)) over (partition by y.election, y.period, l.measure) as total
    from lag_counts l
    join days y using (election, day)
    where y.kind != 'voting'  -- before / since voting day need the count alone
    group by y.election, y.period, l.measure, l.lag
),

lags as (
    -- quantile_disc's definition on counts: the smallest lag with at least that share of the cases at or below it
    select
        election,
        period,
        min(lag) filter (where measure = 'report' and upto >= 0.25 * total) as report_lag_p25,
        min(lag) filter (where measure = 'report' and upto >= 0.5 * total) as report_lag_p50,
        min(lag) filter (where measure = 'report' and upto >= 0.9 * total) as report_lag_p90,
        min(lag) filter (where measure = 'decision' and upto >= 0.25 * total) as decision_lag_p25,
        min(lag) filter (where measure = 'decision' and upto >= 0.5 * total) as decision_lag_p50,
        min(lag) filter (where measure = 'decision' and upto >= 0.9 * total) as decision_lag_p90,
        cast(max(total) filter (where measure = 'report') as bigint) as reported_n,
        cast(max(total) filter (where measure = 'decision') as bigint) as decided_n
    from cumulated
    group by election, period
),

data_until as (  -- the latest date any record of the election knows of, whatever the counting unit
    select election, greatest(max(incident_date), max(report_date), max(decision_date)) as data_until
    from cases
    where election in (select election from picked)
    group by election
),

clipped as (
    -- count days only inside the chosen date range and up to the latest date the election's cases know of
    select
        p.*,
        greatest(p.starts, cast($date_from as date)) as first_day,
        least(p.ends, cast($date_to as date), u.data_until) as last_day
    from periods p
    join data_until u using (election)
)

-- the filters keep every case inside the chosen date range, and no case is dated after data_until
select
    p.election,
    p.kind,
    p.period,
    p.starts,
    p.ends,
    p.first_day,
    p.last_day,
    p.last_day - p.first_day + 1 as days,
    cast(coalesce(c.cases, 0) as bigint) as cases,
    coalesce(c.cases, 0) * 7.0 / (p.last_day - p.first_day + 1) as weekly_rate,
    l.* exclude (election, period),
    (select count(*) from dated where day is null) as undated
from clipped p
left join period_counts c using (election, period)
left join lags l using (election, period)
where p.last_day >= p.first_day
order by p.election, p.sort
