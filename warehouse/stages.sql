-- one row per person-case of the generation: its entry path, furthest hand, each hand's day, end and wait
-- The stages of the cross-agency flow are written here once, filled into person_case_stages by warehouse/stages.py
-- in every new generation; warehouse/sql/person_stages.sql reads them for the person-cases a view's filters choose.
-- Stage numbers index vocab.CROSS_AGENCY_STAGES: 1 received, 2 found, 3 forwarded, 4 recommended, 5 sanctioned.
-- Its furthest stage is the status of a linked case; the stages before it count as passed.
insert into person_case_stages
with records as (
    select *, source_agency in ('kasn', 'bkn') as at_kasn_bkn
    from cases
),

data_end as (
    -- "today" of the data: its last dated event of any kind, whatever a reader's filters (they never move the clock)
    select greatest(max(incident_date), max(report_date), max(decision_date), max(sanction_date)) as last_day
    from cases
),

hands as (
    select
        person_case_id,
        any_value(election) as election,
        bool_or(source_agency = 'bawaslu') as via_bawaslu,
        bool_or(source_agency = 'bawaslu' and is_proven(status)) as found,
        bool_or(forwarded_to in ('kasn', 'bkn') or at_kasn_bkn) as forwarded,
        bool_or(forwarded_to = 'lainnya') as sent_elsewhere,  -- e.g. a village head's case to the bupati
        bool_or(at_kasn_bkn and is_proven(status)) as recommended,
        bool_or(is_sanctioned(status)) as sanctioned,
        bool_or(not at_kasn_bkn and list_contains($closed, status)) as closed_before_kasn_bkn,
        bool_or(at_kasn_bkn and list_contains($closed, status)) as closed_at_kasn_bkn,
        min(coalesce(report_date, incident_date)) filter (where source_agency = 'bawaslu') as bawaslu_day,
        min(coalesce(report_date, incident_date)) filter (where not at_kasn_bkn) as other_day,
        min(decision_date) filter (where source_agency = 'bawaslu' and is_proven(status)) as found_day,
        min(report_date) filter (where at_kasn_bkn) as forwarded_day,
        min(decision_date) filter (where at_kasn_bkn and is_proven(status)) as recommended_day,
        min(sanction_date) as sanctioned_day,
        min(coalesce(report_date, incident_date, decision_date)) as first_day,
        coalesce(min(province_code) filter (where source_agency = 'bawaslu'), min(province_code)) as province_code,
        coalesce(min(region_code) filter (where source_agency = 'bawaslu'), min(region_code)) as region_code
    from records
    group by person_case_id
),

staged as (
    select
        *,
        case when via_bawaslu then 'bawaslu' else 'tanpa_bawaslu' end as path,
        case when sanctioned then 5 when recommended then 4 when forwarded then 3 when found then 2 else 1 end
            as furthest,
        case when via_bawaslu then bawaslu_day else other_day end as received_day,
        -- the hand before KASN/BKN: Bawaslu's finding, or the other agency's receipt when Bawaslu had no part
        case when via_bawaslu then found_day else other_day end as before_forward_day
    from hands
),

closed as (
    select
        *,
        case furthest
            when 1 then closed_before_kasn_bkn  -- Bawaslu: bukan pelanggaran (or stopped)
            when 2 then sent_elsewhere          -- a violation, but not for KASN/BKN
            when 3 then closed_at_kasn_bkn      -- KASN/BKN: tidak terbukti
            else false                          -- a recommendation waits for the PPK; a sanction is the end
        end as ended,
        -- the day of the last hand: of the furthest stage, else of the latest earlier hand that is dated
        case furthest
            when 5 then coalesce(sanctioned_day, recommended_day, forwarded_day, before_forward_day, first_day)
            when 4 then coalesce(recommended_day, forwarded_day, before_forward_day, first_day)
            when 3 then coalesce(forwarded_day, before_forward_day, received_day, first_day)
            when 2 then coalesce(found_day, received_day, first_day)
            else coalesce(received_day, first_day)
        end as last_hand_day
    from staged
)

select
    c.person_case_id,
    c.election,
    c.path,
    c.furthest,
    c.province_code,
    c.region_code,
    c.received_day,
    c.found_day,
    c.forwarded_day,
    c.recommended_day,
    c.sanctioned_day,
    c.found_day - c.received_day as days_to_found,
    c.forwarded_day - c.before_forward_day as days_to_forwarded,
    c.recommended_day - c.forwarded_day as days_to_recommended,
    c.sanctioned_day - c.recommended_day as days_to_sanctioned,
    c.ended,
    c.last_hand_day,
    d.last_day as data_last_day,
    case when c.furthest < 5 and not c.ended then d.last_day - c.last_hand_day end as days_waiting
from closed c
cross join data_end d
