-- link_blocked: candidate pairs of records (a before b in key order) from blocks of the same election: the same
-- NIP; the same place and words of the name; within one register only the same person (NIP, or name as written)
-- in the same place under another case number within a week (a double registration?); every pair passes
-- link_may_pair (link_macros). Typos are blocked afterwards, among the records still unpaired (link_blocks_typos).
create or replace temp table link_blocked as
with named as (select * from link_records where full_key is not null),
short as (select * from named where short),  -- two words or fewer once initials are set aside
unplaced as (select * from named where region_code is null)
select a.rid as a, b.rid as b from link_records a join link_records b
    on a.election = b.election and a.nip = b.nip and a.rid < b.rid
   and (a.source_agency <> b.source_agency  -- within one register: a placeholder NIP names thousands of cases
        or link_one_incident(a.geo, b.geo, a.case_id, b.case_id, a.incident_date, b.incident_date))
union
select a.rid, b.rid from named a join named b
    on a.election = b.election and a.geo = b.geo and a.full_key = b.full_key and a.rid < b.rid
   and a.source_agency <> b.source_agency
   and link_may_pair(a.nip, b.nip, a.incident_date, b.incident_date, $max_incident_gap)
union  -- one register, the same name as written, the same place, another case number
select a.rid, b.rid from named a join named b
    on a.election = b.election and a.source_agency = b.source_agency and a.name_id = b.name_id and a.rid < b.rid
   and link_one_incident(a.geo, b.geo, a.case_id, b.case_id, a.incident_date, b.incident_date)
   and link_may_pair(a.nip, b.nip, a.incident_date, b.incident_date, $max_incident_gap)
union  -- initials or a missing middle name: first and last word ('Imam W. Demo', 'Imam Demo' ~ 'Imam Wijaya Demo')
select least(s.rid, o.rid), greatest(s.rid, o.rid) from short s join named o
    on s.election = o.election and s.geo = o.geo and s.outer_key = o.outer_key and s.rid <> o.rid
   and s.source_agency <> o.source_agency
   and link_may_pair(s.nip, o.nip, s.incident_date, o.incident_date, $max_incident_gap)
union  -- no kabupaten/kota on one side (a provincial agency, a recap without places): the same name in the province
select least(u.rid, o.rid), greatest(u.rid, o.rid) from unplaced u join named o
    on u.election = o.election and u.province_code = o.province_code and u.full_key = o.full_key
   and u.rid <> o.rid and u.source_agency <> o.source_agency
   and link_may_pair(u.nip, o.nip, u.incident_date, o.incident_date, $max_incident_gap)
union  -- no province either (a central agency): the same agency, or the same name among the unplaced
select least(u.rid, o.rid), greatest(u.rid, o.rid) from unplaced u join named o
    on u.election = o.election and u.agency_key = o.agency_key and u.outer_key = o.outer_key
   and u.rid <> o.rid and u.source_agency <> o.source_agency and u.province_code is null
   and link_may_pair(u.nip, o.nip, u.incident_date, o.incident_date, $max_incident_gap)
union
select a.rid, b.rid from unplaced a join unplaced b
    on a.election = b.election and a.full_key = b.full_key and a.rid < b.rid
   and a.source_agency <> b.source_agency and a.province_code is null and b.province_code is null
   and link_may_pair(a.nip, b.nip, a.incident_date, b.incident_date, $max_incident_gap)
