-- one row per entry path and stage: person-cases that reached it, drop-off at the hand into it, median days, stalled
-- Path bawaslu has all five stages; path tanpa_bawaslu (no Bawaslu record: entered at KASN/BKN, or through an
-- inspektorat or the Kemendagri desk) has no "Bawaslu found a violation" stage. A person-case counts at every
-- stage up to its furthest one; stalled and ended count those whose furthest stage is this one.
with stages as (
    {include:person_stages}
),

steps as (
    select path, stage_no
    from unnest($paths) as p(path)
    cross join range(1, len($stages) + 1) as s(stage_no)
    where not (path = 'tanpa_bawaslu' and stage_no = 2)
),

gaps as (
    select
        s.path,
        s.stage_no,
        p.furthest,
        p.ended,
        p.stalled,
        p.data_last_day,
        case s.stage_no
            when 2 then p.days_to_found
            when 3 then p.days_to_forwarded
            when 4 then p.days_to_recommended
            when 5 then p.days_to_sanctioned
        end as days
    from steps s
    left join stages p on p.path = s.path and p.furthest >= s.stage_no
),

counted as (
    select
        path,
        stage_no,
        count(furthest) as persons,
        median(days) as median_days,
        count(days) as timed,
        count(*) filter (where furthest = stage_no and stalled) as stalled,
        count(*) filter (where furthest = stage_no and ended) as ended,
        count(*) filter (where furthest = stage_no and stage_no < len($stages) and not ended and not stalled)
            as waiting,
        max(data_last_day) as data_last_day
    from gaps
    group by path, stage_no
)

select
    path,
    stage_no,
    $stages[stage_no] as stage,
    persons,
    coalesce(lag(persons) over (partition by path order by stage_no) - persons, 0) as dropped,
    median_days,
    timed,
    stalled,
    ended,
    waiting,
    max(data_last_day) over () as data_last_day  -- the day "days waiting" are counted to (the data's last)
from counted
order by list_position($paths, path), stage_no
