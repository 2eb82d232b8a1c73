"""Build the demo: person-cases per election, their register rows, and the published synthetic generation."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd

from etl.demo import registers
from etl.demo.cases import person_cases
from etl.demo.reference import TARGETS_CSV, election_day, load_reference, load_targets, number
from etl.link import LinkReport, joined_in_order, link_generation
from warehouse import db
from warehouse.vocab import ELECTIONS, PROVEN_STATUSES, SANCTIONED_STATUSES

POOL_SHARE = 0.2  # of each election's civil servants kept as candidates to be reported again in a later election
# the register rows without the true person-case: the linker finds the person-cases (demo_truth knows them)
INSERT_SQL = "insert into cases by name select * exclude (person_case_id) from (" + registers.ROWS_SQL + ")"  # noqa: S608
TRUTH_COLUMNS = ("election", "source_agency", "case_id", "subject_no", "person_case_id", "group", "imitates",
                 "repeat_of")


def election_frames(seed: int = 2024, scale: float = 1.0, targets=None, reference=None) -> Iterator[tuple]:
    """(election, person-cases, (year, regime)) per election, in order; same seed and scale, same person-cases."""
    targets = load_targets() if targets is None else targets
    ref = load_reference() if reference is None else reference
    pool = None
    for index, election in enumerate(ELECTIONS):
        rng = np.random.default_rng([seed, index])
        pcs = person_cases(rng, election, scale, targets, ref)
        pcs["repeat_of"] = _repeat_people(rng, election, pcs, pool, targets)
        pcs = pcs.join(registers.written_by_kasn(rng, election, pcs, targets))
        pcs["imitates"] = registers.plant_decoys(rng, election, pcs, targets)
        pool = _pool(rng, pcs, pool)
        regime = ref["elections"].set_index("election").regime[election]
        yield election, pcs, (int(str(election_day(ref, election, "voting_day"))[:4]), regime)


def demo_cases(seed: int = 2024, scale: float = 1.0, targets=None, reference=None, progress=None) -> pd.DataFrame:
    """Every register row of every election (what the warehouse gets), as one frame; for small builds and tests."""
    frames, counters = [], {}
    for election, pcs, (year, regime) in election_frames(seed, scale, targets, reference):
        frames.append(registers.records(pcs, counters, year, regime))
        if progress:
            progress(f"demo: {election}: {len(frames[-1]):,} baris dibuat")
    return pd.concat(frames, ignore_index=True)


def demo_truth(seed: int = 2024, scale: float = 1.0, targets=None, reference=None) -> pd.DataFrame:
    """The true person-case of every register row, for a linker's tests: its key, person_case_id, and why.

    `group`: counted (KASN/BKN counted them), bawaslu_only, non_asn; `imitates`: the person-case a same-name
    near-miss imitates (never to be joined); `repeat_of`: the earlier election's person-case of the same
    civil servant (same NIP, another election: never to be joined).
    """
    frames, counters = [], {}
    for election, pcs, (year, regime) in election_frames(seed, scale, targets, reference):
        rows = registers.records(pcs, counters, year, regime)
        extra = pd.DataFrame({"person_case_id": _pc_ids(election, pcs.pc), "group": pcs.group.astype(str),
                              "imitates": _pc_ids(election, pcs.imitates), "repeat_of": pcs.repeat_of})
        frames.append(rows.merge(extra, on="person_case_id", how="left")[list(TRUTH_COLUMNS)])
    return pd.concat(frames, ignore_index=True)


def build_demo(seed: int = 2024, scale: float = 1.0, progress: Callable[[str], None] | None = None) -> dict:
    """Build, check and publish a fresh synthetic generation, one election at a time; return what was written."""
    started = time.perf_counter()
    with db.writer_lock(), db.new_generation(fresh=True) as con:
        summary, link = write_demo(con, seed, scale, progress)
    return {"seed": seed, "scale": scale, "rows": sum(s["rows"] for s in summary.values()),
            "path": str(db.current_path()), "seconds": round(time.perf_counter() - started, 2),
            "elections": summary, "link": link}


def write_demo(con, seed: int = 2024, scale: float = 1.0,
               progress: Callable[[str], None] | None = None) -> tuple[dict, LinkReport]:
    """Write the demo's cases, load batches and meta into a fresh generation, linking its registers as loads do;
    (per election what was written, what the linker did).

    `build_demo` publishes it; `etl rebuild` of a demo generation writes it again from the seed and scale in meta.
    """
    targets = load_targets()
    params = {"seed": seed, "scale": scale, "targets": hashlib.sha256(TARGETS_CSV.read_bytes()).hexdigest()}
    summary, counters, batches = {}, {}, {}
    con.execute("set enable_progress_bar = false")
    for election, pcs, (year, regime) in election_frames(seed, scale, targets):
        batches[election] = registers.numbered(pcs, counters, year)
        registers.register_pcs(con, pcs)
        con.execute(INSERT_SQL, {"year": year, "regime": regime})
        con.unregister("demo_pcs")
        summary[election] = _summary(pcs)
        del pcs
        if progress:
            progress(f"demo: {election}: {summary[election]['rows']:,} baris ditulis ke gudang data")
    if progress:
        progress("demo: menautkan catatan orang yang sama antar-register")
    link = link_generation(con)
    for election, sizes in batches.items():
        _record_batches(con, election, sizes, params)
    if progress:
        progress(f"demo: {link.summary()}")
        progress("demo: memeriksa generasi baru")
    con.executemany("insert into meta values (?, ?)",
                    [["synthetic", "true"], ["demo_seed", str(seed)], ["demo_scale", str(scale)]])
    return summary, link


def _summary(pcs: pd.DataFrame) -> dict:
    """One election in the units the agencies publish: register rows, persons, KASN/BKN persons and funnel."""
    counted = pcs.group.eq("counted").to_numpy()
    bawaslu = pcs.entry_agency.eq("bawaslu").to_numpy() & pcs.group.ne("non_asn").to_numpy()
    status = pcs.status.astype(object).to_numpy()[counted]
    proven, sanctioned = int(np.isin(status, PROVEN_STATUSES).sum()), int(np.isin(status, SANCTIONED_STATUSES).sum())
    persons = max(int(counted.sum()), 1)
    cases = pcs.group.cat.codes.to_numpy(dtype=np.int64)[bawaslu] * 10**9 + pcs.case_no.to_numpy()[bawaslu]
    return {
        "rows": int(pcs.entry_agency.notna().sum() + counted.sum()), "persons": len(pcs),
        "kasn_bkn_persons": int(counted.sum()), "bawaslu_cases": len(np.unique(cases)),
        "proven_pct": round(100 * proven / persons, 1), "sanctioned_pct": round(100 * sanctioned / persons, 1),
        "sanctioned_of_proven_pct": round(100 * sanctioned / max(proven, 1), 1),
    }


def _record_batches(con, election: str, sizes: dict, params: dict) -> None:
    """A load batch per register, in load order, with how many of its rows the linker joined to a person-case
    an earlier register (in load order: entry registers first) holds."""
    order = [f"demo-{election}-{agency}" for agency in registers.LOAD_ORDER if agency in sizes]
    linked = joined_in_order(con, election, order)
    for agency in registers.LOAD_ORDER:
        if agency not in sizes:
            continue
        load_id, rows = f"demo-{election}-{agency}", sizes[agency]
        digest = hashlib.sha256(json.dumps({**params, "load": load_id}).encode()).hexdigest()
        con.execute(
            "insert into load_batches (load_id, source_file, sha256, loaded_at, election, rows_read, rows_loaded, "
            "rows_rejected, rows_duplicate, rows_linked, loaded_by, options) "
            "values (?, 'demo', ?, current_timestamp, ?, ?, ?, 0, 0, ?, 'etl demo', ?)",
            [load_id, digest, election, rows, rows, linked.get(load_id, 0), json.dumps(params)],
        )


def _pc_ids(election: str, numbers: pd.Series) -> pd.Series:
    """Person-case numbers as the ids the rows carry (PC-<election>-0000001); empty stays empty."""
    text = numbers.astype("Int64").astype(str).str.zfill(7)
    return ("PC-" + election + "-" + text).where(numbers.notna(), None)


def _repeat_people(rng, election: str, pcs: pd.DataFrame, pool: pd.DataFrame | None, targets) -> pd.Series:
    """A share of civil servants were reported in an earlier election too: same name and NIP, another case."""
    repeat_of = pd.Series(None, index=pcs.index, dtype=object)
    if pool is None or pool.empty:
        return repeat_of
    candidates = np.flatnonzero(pcs.group.ne("non_asn").to_numpy())
    wanted = min(int(round(len(candidates) * number(targets, election, "linking", "repeats") / 100)), len(pool))
    chosen, earlier = rng.choice(candidates, wanted, replace=False), rng.choice(len(pool), wanted, replace=False)
    names = pd.api.types.union_categoricals([pcs.subject_name, pool.subject_name]).categories
    codes = np.asarray(pd.Categorical(pcs.subject_name, categories=names).codes).astype(np.int64)
    codes[chosen] = np.asarray(pd.Categorical(pool.subject_name, categories=names).codes)[earlier]
    pcs["subject_name"] = pd.Categorical.from_codes(codes, categories=names)
    nip = pcs.subject_nip.to_numpy(dtype="int64", na_value=0)
    nip[chosen] = pool.subject_nip.to_numpy(dtype="int64")[earlier]
    pcs["subject_nip"] = pd.array(np.where(pcs.subject_nip.isna(), None, nip), dtype="Int64")
    female = pcs.female.to_numpy().copy()
    female[chosen] = pool.female.to_numpy()[earlier]
    pcs["female"] = female
    repeat_of.iloc[chosen] = pool.person_case_id.to_numpy()[earlier]
    return repeat_of


def _pool(rng, pcs: pd.DataFrame, pool: pd.DataFrame | None) -> pd.DataFrame:
    """Civil servants a later election may see again (a sample, so memory stays flat at any scale)."""
    asn = np.flatnonzero(pcs.group.ne("non_asn").to_numpy() & pcs.repeat_of.isna().to_numpy())
    picked = asn[rng.random(len(asn)) < POOL_SHARE]
    election = pcs.election.iloc[0]
    sample = pd.DataFrame({"person_case_id": _pc_ids(election, pcs.pc.iloc[picked]).to_numpy(),
                           "subject_name": pcs.subject_name.iloc[picked].to_numpy(),
                           "subject_nip": pcs.subject_nip.iloc[picked].to_numpy(),
                           "female": pcs.female.iloc[picked].to_numpy()})
    pool = sample if pool is None else pd.concat([pool, sample], ignore_index=True)
    pool["subject_name"] = pool.subject_name.astype(object).astype("category")
    return pool
