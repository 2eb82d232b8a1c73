"""A steward's decision about a pair of records, applied at once: checked, kept, re-linked, published, audited.

`decide` is what `python -m etl links confirm|split A B` runs (and the admin page, through that command): the
decision goes to the steward file first (so it is kept even if publishing fails; the next load applies it),
then the records' election is re-linked in a new generation. `relink` re-links without a new decision.
"""

from __future__ import annotations

import pandas as pd

from etl.link import decisions, names
from etl.link.decisions import CONFIRM, SPLIT, Decision, DecisionError, RecordKey
from etl.link.linker import LinkReport, link_generation
from etl.sql import statement
from warehouse import audit, db


def decide(kind: str, record_a: str, record_b: str, by: str, note: str = "",
           force: bool = False) -> tuple[Decision, LinkReport]:
    """Record and apply one decision; DecisionError (nothing written) when it can't be made, saying why."""
    a, b = RecordKey.parse(record_a), RecordKey.parse(record_b)
    if kind not in decisions.KINDS:
        raise DecisionError(f"keputusan '{kind}' tidak dikenal; pilih {CONFIRM} atau {SPLIT}.")
    if a.election != b.election:
        raise DecisionError(f"{a} dan {b} berasal dari pemilihan berbeda: catatan tidak pernah ditautkan lintas "
                            "pemilihan (orang yang sama di pemilihan lain adalah kasus lain).")
    with db.writer_lock():
        nip_a, nip_b = _nips(a, b)
        if kind == CONFIRM and nip_a and nip_b and nip_a != nip_b and not force:
            raise DecisionError(f"NIP berbeda ({nip_a} dan {nip_b}): dua NIP adalah dua orang. Bila salah satu NIP "
                                "salah tulis, ulangi dengan --force.")
        if kind == SPLIT and nip_a and nip_a == nip_b and not force:
            raise DecisionError(f"Kedua catatan ber-NIP sama ({nip_a}): orang yang sama. Bila memang dua kasus "
                                "berbeda, ulangi dengan --force.")
        entry = decisions.record(kind, a, b, by, note)
        with db.new_generation(made_by="link", source=f"{kind} {a} {b}") as con:
            report = link_generation(con, elections=[a.election])
    audit.record("link_decision", by, decision=kind, record_a=str(a), record_b=str(b), note=entry.note,
                 forced=force, pending=report.pending, generation=db.generation_id(db.current_path()))
    return entry, report


def relink(by: str, elections: list[str] | None = None) -> LinkReport:
    """Re-link these elections (default: all) in a new published generation, with today's rules and decisions."""
    with db.writer_lock(), db.new_generation(made_by="link", source="relink") as con:
        report = link_generation(con, elections=elections)
    audit.record("relink", by, elections=list(report.elections), pending=report.pending,
                 person_cases=report.person_cases)
    return report


def _nips(a: RecordKey, b: RecordKey) -> tuple[str | None, str | None]:
    """Both records' NIPs (18 digits or None) in the published generation; DecisionError if either is absent."""
    named = pd.DataFrame([vars(key) for key in (a, b)]).astype({"subject_no": "int64"})
    with db.connect_read_only() as con:
        con.register("link_named", named)
        found = con.execute(statement("link_record_nips")).df()
    by_key = {RecordKey(r.election, r.source_agency, r.case_id, int(r.subject_no)): r.subject_nip
              for r in found.itertuples(index=False)}
    missing = [str(key) for key in (a, b) if key not in by_key]
    if missing:
        raise DecisionError(f"Catatan {' dan '.join(missing)} tidak ada di gudang data yang terbit; salin kunci "
                            "persis seperti yang dicetak `python -m etl links`.")
    return names.nip(by_key[a]), names.nip(by_key[b])
