"""Link the records of one person in one case across registers, inside a generation being written.

`link_generation(con, elections)` runs in the caller's transaction (a load, the demo build, a steward decision),
re-links every record of those elections from scratch — the records, today's rules and the steward's decisions
decide the person-cases, never the order files came in — and writes `cases.person_case_id`, `link_reviews`
(pairs waiting for a steward) and `link_decisions` (the steward file and what each decision did).

Steps: distinct names and agencies to comparison keys (etl.link.names) → records with keys (etl/sql/link_records)
→ candidate pairs from blocks, cheap features in SQL (link_blocks, link_blocks_typos, link_pair_features) →
name and agency similarity once per distinct pair of spellings, points (etl.link.score) → person-cases
(etl.link.cluster) → ids and tables.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from etl.link import names, score
from etl.link.candidates import best_partner, register_keys, scored_pairs
from etl.link.cluster import person_cases
from etl.link.decisions import CONFIRM, Decision, history, in_force
from etl.sql import statement
from warehouse.vocab import SOURCE_AGENCIES

POINT_NAMES = ("name", "incident", "dates", "agency", "region", "position", "violation", "employee", "unique")
# a register's hand in the chain: KASN's cases went to BKN when it was dissolved (23 Aug 2024), so a KASN and a
# BKN record of one person-case are the same hand twice; they are never joined on a score alone (listed instead)
FAMILY = np.array([SOURCE_AGENCIES.index("kasn") if agency == "bkn" else i
                   for i, agency in enumerate(SOURCE_AGENCIES)], dtype=np.int64)


@dataclass
class LinkReport:
    """What one linking run did, in counts (printed by the load, the demo and `etl links`)."""

    elections: tuple[str, ...] = ()
    records: int = 0
    candidates: int = 0
    linked_nip: int = 0  # pairs joined on the same NIP
    linked_score: int = 0  # pairs joined on a score at or above score.SURE
    confirmed: int = 0  # steward confirmations applied
    split: int = 0  # steward splits in force
    conflicts: list[str] = field(default_factory=list)  # decisions that could not be applied, and why
    pending: int = 0  # pairs waiting for a steward
    person_cases: int = 0
    joined: int | None = None  # records of the load that joined a person-case holding another load's records
    seconds: float = 0.0

    def summary(self) -> str:
        """One Indonesian sentence for the steward."""
        joined = "" if self.joined is None else f"{self.joined} catatan bergabung dengan kasus yang sudah ada; "
        pending = (f"{self.pending} pasangan menunggu keputusan (python -m etl links)" if self.pending
                   else "tidak ada pasangan yang menunggu keputusan")
        return (f"TAUTAN {joined}{self.records} catatan menjadi {self.person_cases} orang-kasus "
                f"({self.linked_nip} pasangan lewat NIP, {self.linked_score} lewat skor, {self.confirmed} "
                f"dikonfirmasi, {self.split} dipisah); {pending}.")


def link_generation(con: duckdb.DuckDBPyConnection, elections=None, load_id: str | None = None,
                    decisions: list[Decision] | None = None) -> LinkReport:
    """Re-link every record of `elections` (default: all) on this connection; see the module docstring.

    `load_id`: count the records of that load that joined an existing person-case (load_batches.rows_linked).
    `decisions`: the steward's history (default: read from the steward file).
    """
    started = time.perf_counter()
    present = [row[0] for row in con.execute(statement("link_elections_present")).fetchall()]
    chosen = tuple(e for e in present if elections is None or e in set(elections))
    report = LinkReport(elections=chosen)
    if not chosen:
        return report
    decisions = history() if decisions is None else decisions
    spellings = register_keys(con, chosen)
    con.execute(statement("nip_macro"))
    con.execute(statement("link_records"), {"elections": list(chosen), **names.nip_rule()})
    columns = con.execute(statement("link_registers"), {"agencies": list(SOURCE_AGENCIES)}).fetchnumpy()
    registers, nips = columns["register"].astype(np.int64), columns["nip"].astype(np.int64)
    hands = FAMILY[registers]
    pairs = scored_pairs(con, spellings, hands)
    report.records, report.candidates = len(registers), len(pairs)
    confirms, splits, outcomes = _decided(con, decisions, chosen)
    sure = pairs[score.is_sure(pairs)]
    sure = sure.sort_values(["nip_match", "score", "a", "b"], ascending=[False, False, True, True])
    clustering = person_cases(hands, nips, [c for c, _ in confirms],
                              sure[["a", "b"]].to_numpy(dtype=np.int64), splits)
    labels = clustering.labels
    report.linked_nip = int((clustering.joined & sure["nip_match"].to_numpy()).sum())
    report.linked_score = int((clustering.joined & ~sure["nip_match"].to_numpy()).sum())
    _settle_confirms(confirms, clustering.confirmed, outcomes, report)
    report.split = len(splits)
    pending = _pending(pairs, labels, registers, splits)
    report.pending, report.person_cases = len(pending), int(len(np.unique(labels)))
    _write(con, labels, pending, outcomes, chosen)
    if load_id is not None:
        report.joined = int(con.execute(statement("link_joined_by_load"), {"load_id": load_id}).fetchall()[0][0])
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def _decided(con, decisions: list[Decision], elections: tuple[str, ...]):
    """(confirms as ((a, b), decision), splits as (a, b), outcome rows) for the decisions about these elections."""
    ours = [d for d in decisions if d.a.election in elections or d.b.election in elections]
    current = {id(d) for d in in_force(ours)}
    frame = pd.DataFrame({
        "rank": np.arange(len(ours)), "a_election": [d.a.election for d in ours],
        "a_source_agency": [d.a.source_agency for d in ours], "a_case_id": [d.a.case_id for d in ours],
        "a_subject_no": [d.a.subject_no for d in ours], "b_election": [d.b.election for d in ours],
        "b_source_agency": [d.b.source_agency for d in ours], "b_case_id": [d.b.case_id for d in ours],
        "b_subject_no": [d.b.subject_no for d in ours]})
    con.register("link_decided", frame.astype({"a_subject_no": "int64", "b_subject_no": "int64"}))
    rids = con.execute(statement("link_decision_rids")).df()
    con.unregister("link_decided")
    confirms, splits, outcomes = [], [], []
    for decision, a, b in zip(ours, rids["a"], rids["b"], strict=True):
        outcome = {"election": decision.a.election, "decision": decision.decision, "record_a": str(decision.a),
                   "record_b": str(decision.b), "decided_by": decision.decided_by,
                   "decided_at": decision.decided_at, "note": decision.note, "in_force": id(decision) in current}
        if not outcome["in_force"]:
            outcome["outcome"] = "superseded"
        elif decision.a.election != decision.b.election:
            outcome["outcome"] = "conflict"
        elif pd.isna(a) or pd.isna(b):
            outcome["outcome"] = "missing"
        elif decision.decision == CONFIRM:
            outcome["outcome"] = "applied"
            confirms.append(((int(a), int(b)), outcome))
        else:
            outcome["outcome"] = "applied"
            splits.append((int(a), int(b)))
        outcomes.append(outcome)
    return confirms, splits, outcomes


def _settle_confirms(confirms, applied: list[bool], outcomes: list[dict], report: LinkReport) -> None:
    """Mark confirmations a split prevented as conflicts, and count the rest."""
    for (_, outcome), done in zip(confirms, applied, strict=True):
        if done:
            report.confirmed += 1
        else:
            outcome["outcome"] = "conflict"
            report.conflicts.append(f"konfirmasi {outcome['record_a']} = {outcome['record_b']} bertentangan dengan "
                                    "keputusan pisah; tidak diterapkan")


def _pending(pairs: pd.DataFrame, labels: np.ndarray, registers: np.ndarray, splits) -> pd.DataFrame:
    """Pairs for a steward: scored between REVIEW and SURE (or one register's two case numbers scoring REVIEW,
    each record's best such pair only, or a KASN and a BKN record, whatever the score), in two person-cases that
    could still be one (no shared register, no split), and never decided."""
    a, b = pairs["a"].to_numpy(), pairs["b"].to_numpy()
    same = pairs["same_register"].to_numpy()
    one_hand = (FAMILY[registers[a]] == FAMILY[registers[b]]) & ~same  # KASN and BKN: never joined on a score
    cand = pairs[~score.is_sure(pairs).to_numpy() | one_hand]  # not linked on their own, or KASN against BKN
    la, lb = labels[cand["a"].to_numpy()], labels[cand["b"].to_numpy()]
    masks = np.zeros(len(labels), dtype=np.int64)
    np.bitwise_or.at(masks, labels, np.left_shift(1, registers.astype(np.int64)))
    cand_same = cand["same_register"].to_numpy()
    free = (la != lb) & (((masks[la] & masks[lb]) == 0) | cand_same)
    apart = {(labels[a], labels[b]) for a, b in splits} | {(labels[b], labels[a]) for a, b in splits}
    if apart:
        free &= np.array([(x, y) not in apart for x, y in zip(la, lb, strict=True)], dtype=bool)
    cand, cand_same = cand[free], cand_same[free]
    if cand_same.any():
        keep = ~cand_same
        keep[cand_same] = best_partner(cand[cand_same])
        cand = cand[keep]
    return cand.assign(points=[json.dumps(dict(zip(POINT_NAMES, row, strict=True)))
                               for row in cand[[f"p_{p}" for p in POINT_NAMES]].round(2).itertuples(index=False)])


def _write(con, labels: np.ndarray, pending: pd.DataFrame, outcomes: list[dict], elections) -> None:
    """Person-case ids into cases, the pending pairs and decision outcomes into their tables, thresholds in meta."""
    params = {"elections": list(elections)}
    con.register("link_labels", pd.DataFrame({"rid": np.arange(len(labels)), "label": labels}))
    con.execute(statement("link_write_ids"))
    con.execute(statement("link_clear_reviews"), params)
    con.execute(statement("link_clear_decisions"), params)
    columns = ["a", "b", "score", "nip_match", "same_register", "name_score", "agency_score", "incident_gap",
               "order_gap", "points"]
    con.register("link_pending", pending[columns])
    con.execute(statement("link_insert_reviews"))
    if outcomes:
        con.register("link_outcomes", pd.DataFrame(outcomes))
        con.execute(statement("link_insert_decisions"))
        con.unregister("link_outcomes")
    con.executemany("insert or replace into meta values (?, ?)",
                    [["link_sure", str(score.SURE)], ["link_review", str(score.REVIEW)],
                     ["link_window_days", str(score.WINDOW_DAYS)]])
    for view in ("link_labels", "link_pending", "link_names", "link_agencies"):
        con.unregister(view)
    con.execute("drop table if exists link_records")


def joined_in_order(con: duckdb.DuckDBPyConnection, election: str, load_ids: list[str]) -> dict[str, int]:
    """Per load of `election`, taken in the order given, how many of its records share their person-case with a
    record of an earlier load in that order (what load_batches.rows_linked says when loads come one by one)."""
    con.register("link_order", pd.DataFrame({"load_id": load_ids, "rank": np.arange(len(load_ids))}))
    rows = con.execute(statement("link_joined_in_order"), {"election": election}).fetchall()
    con.unregister("link_order")
    return {load_id: int(joined) for load_id, joined in rows}
