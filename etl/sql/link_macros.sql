-- the linker's one pair rule used inside every block join (a temporary macro of the linking connection): two
-- records may be one person-case unless both NIPs are present and differ, or, without a shared NIP, their
-- incident dates are further apart than max_gap days (etl/link/score.py: such a pair cannot reach REVIEW)
create or replace temp macro link_may_pair(a_nip, b_nip, a_day, b_day, max_gap) as
    coalesce(a_nip = b_nip, true)
    and (coalesce(a_nip = b_nip, false) or coalesce(abs(date_diff('day', a_day, b_day)) <= max_gap, true));

-- one register's two case numbers are one incident registered twice only in the same place within a week: the
-- rule of every block that pairs records of one register (a name or a NIP shared across many case numbers
-- otherwise pairs every two of them)
create or replace temp macro link_one_incident(a_geo, b_geo, a_case, b_case, a_day, b_day) as
    a_geo = b_geo and a_case <> b_case and abs(date_diff('day', a_day, b_day)) <= 7;
