-- one row per linked record, in record-number order: its register as a small number (position in $agencies)
-- and its NIP as a number (-1 for none)
select list_position($agencies, source_agency) - 1 as register, coalesce(nip::bigint, -1) as nip
from link_records order by rid
