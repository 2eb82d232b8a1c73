-- the linker's one pair rule used inside every block join (a temporary macro of the linking connection): two
-- records may be one person-case unless both NIPs are present and differ, or, without a shared NIP, their
-- incident dates are further apart than max_gap days (etl/link/score.py: such a pair cannot reach REVIEW)
create or replace temp macro link_may_pair(a_nip, b_nip, a_day, b_day, max_gap) as
    coalesce(a_nip = b_nip, true)
    and (coalesce(a_nip = b_nip, false) or coalesce(abs(date_diff('day', a_day, b_day)) <= max_gap, true))
