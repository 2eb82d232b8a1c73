-- nip_of(written, born_from, born_to, min_age, hired_by): a written NIP as its 18 digits, or null when it is not a
-- NIP: not 18 digits once spaces, dots and dashes go, or not a birth date (a real day, born in born_from..born_to)
-- followed by an appointment year at least min_age years later and no later than hired_by (a placeholder such
-- as 000000000000000000). The one rule: etl.link.names.nips runs it on a load's values, link_records on records.
create or replace temp macro nip_shaped(digits, born_from, born_to, min_age, hired_by) as
    case when length(digits) = 18
          and try_strptime(substr(digits, 1, 8), '%Y%m%d') is not null
          and substr(digits, 1, 4)::integer between born_from and born_to
          and substr(digits, 9, 4)::integer between substr(digits, 1, 4)::integer + min_age and hired_by
         then digits end;
create or replace temp macro nip_of(written, born_from, born_to, min_age, hired_by) as
    nip_shaped(regexp_replace(written, '[^0-9]', '', 'g'), born_from, born_to, min_age, hired_by);
