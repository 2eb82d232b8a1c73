-- link_blocked: candidate pairs among the records the first blocks left without a sure partner (link_unpaired),
-- for a typo in the first or the last word: the same place and one word, the other word's initial
create or replace temp table link_blocked as
with open as (select r.* from link_records r semi join link_unpaired u using (rid) where r.full_key is not null)
select a.rid as a, b.rid as b from open a join open b
    on a.election = b.election and a.geo = b.geo and a.first_word = b.first_word
   and a.last_initial = b.last_initial and a.rid < b.rid and a.source_agency <> b.source_agency
   and link_may_pair(a.nip, b.nip, a.incident_date, b.incident_date, $max_incident_gap)
union
select a.rid, b.rid from open a join open b
    on a.election = b.election and a.geo = b.geo and a.last_word = b.last_word
   and a.first_initial = b.first_initial and a.rid < b.rid and a.source_agency <> b.source_agency
   and link_may_pair(a.nip, b.nip, a.incident_date, b.incident_date, $max_incident_gap)
