"""Record linkage: the records of one person in one case, across registers, share a `person_case_id`.

names (how a name, an agency and a NIP are compared) · candidates (blocks and scored pairs) · score (each
field's points, the thresholds) · cluster (pairs to person-cases) · decisions (the steward's confirm/split file) ·
linker (`link_generation`, run inside a generation being written by a load, the demo build or a decision) ·
review (a decision applied: checked, kept, re-linked, published) · quality (pair precision/recall); its SQL is
etl/sql/link_*.sql.
"""

from etl.link.decisions import CONFIRM, SPLIT, Decision, DecisionError, RecordKey
from etl.link.linker import LinkReport, joined_in_order, link_generation

__all__ = ["CONFIRM", "SPLIT", "Decision", "DecisionError", "LinkReport", "RecordKey", "joined_in_order",
           "link_generation"]
