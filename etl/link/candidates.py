"""Candidate pairs and their scores: comparison keys per distinct name and agency, blocks in SQL, similarity once
per distinct pair of spellings, each field's points (etl.link.score).

`register_keys` registers the keys for etl/sql/link_records.sql; `scored_pairs` runs the blocks (link_blocks,
then link_blocks_typos among the records left without a sure partner) and returns the pairs that reach REVIEW
(within one register: on the score, a shared NIP saying the same person but not the same case); `best_partner`
keeps one register's pairs offered to a steward to one per record.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.link import names, score
from etl.sql import statement

NAME_COLUMNS = ("name_id", "outer_key", "full_key", "first_word", "last_word", "first_initial", "last_initial")


def register_keys(con, elections: tuple[str, ...]) -> dict:
    """Comparison keys of every distinct name and agency, registered as link_names / link_agencies.

    Returns the keys the scorer compares, by id: name (written order), initials form, initialled, one word.
    """
    params = {"elections": list(elections)}
    written = [row[0] for row in con.execute(statement("link_distinct_names"), params).fetchall()]
    tokens = [names.name_tokens(value) for value in written]
    outer, full = [names.outer_key(t) or None for t in tokens], [names.full_key(t) or None for t in tokens]
    first, last = [_word(t, 0) for t in tokens], [_word(t, -1) for t in tokens]
    frame = pd.DataFrame({  # blocking keys as integers: joins on numbers, not on text
        "subject_name": written, "name_id": _codes(range(len(written))), "outer_key": _codes(outer),
        "full_key": _codes(full), "first_word": _codes(first), "last_word": _codes(last),
        "first_initial": _codes([word and word[0] for word in first]),
        "last_initial": _codes([word and word[0] for word in last]),
        "short": [f is not None and f == o for f, o in zip(full, outer, strict=True)]})
    frame.loc[frame["outer_key"].isna(), list(NAME_COLUMNS)] = pd.NA  # a name of titles alone names nobody
    agencies = [row[0] for row in con.execute(statement("link_distinct_agencies"), params).fetchall()]
    agency_keys = [names.agency_key(value) for value in agencies]
    con.register("link_names", frame)
    con.register("link_agencies", pd.DataFrame({"agency_name": agencies, "agency_id": np.arange(len(agencies)),
                                                "agency_key": _codes(key or None for key in agency_keys)}))
    return {"name": np.array([names.name_key(t) for t in tokens], dtype=object),
            "initials": np.array([names.initials_key(t) for t in tokens], dtype=object),
            "initialled": np.array([names.has_initial(t) for t in tokens], dtype=bool),
            "single": np.array([len([w for w in t if len(w) > 1]) <= 1 for t in tokens], dtype=bool),
            "agency": np.array(agency_keys, dtype=object)}


def _codes(values) -> pd.Series:
    """Each distinct value as a number (missing stays missing)."""
    codes, _ = pd.factorize(pd.Series(list(values), dtype=object), use_na_sentinel=True)
    return pd.Series(codes, dtype="Int64").mask(codes < 0)


def _word(tokens: tuple[str, ...], at: int) -> str | None:
    words = [token for token in tokens if len(token) > 1]
    return words[at] if words else None


def scored_pairs(con, spellings: dict, hands: np.ndarray) -> pd.DataFrame:
    """Candidate pairs with their similarity, points and score: those of the first blocks, then those blocked for
    typos among the records the first left without a sure partner; only pairs that reach REVIEW (or share a NIP
    across registers: within one, a NIP says the same person, not the same case).

    `hands`: each record's register, KASN and BKN as one (for the only-candidate points)."""
    gap = {"max_incident_gap": score.MAX_INCIDENT_GAP}
    con.execute(statement("link_macros"))
    con.execute(statement("link_blocks"), gap)
    first = _scored(con, spellings)
    sure = first[score.is_sure(first)]
    unpaired = np.ones(len(hands), dtype=bool)
    unpaired[sure[["a", "b"]].to_numpy().ravel()] = False
    con.register("link_unpaired", pd.DataFrame({"rid": np.flatnonzero(unpaired)}))
    con.execute(statement("link_blocks_typos"), gap)
    con.unregister("link_unpaired")
    typos = _scored(con, spellings)
    con.execute("drop table link_blocked")
    pairs = pd.concat([first, typos], ignore_index=True).drop_duplicates(["a", "b"])
    pairs["unique"] = _only_candidates(pairs, hands)
    points = score.points(pairs)
    pairs[points.columns] = points
    same = pairs["same_register"].to_numpy()
    keep = (pairs["nip_match"].to_numpy() & ~same) | (pairs["score"].to_numpy() >= score.REVIEW)
    return pairs[keep].reset_index(drop=True)


def best_partner(pairs: pd.DataFrame) -> np.ndarray:
    """True for a pair that is the best (highest score, then lowest record numbers) of either of its records.

    One register naming a person under two case numbers is offered at most once per record, so a common name or
    a placeholder NIP under n case numbers gives at most n pairs to review, not n(n-1)/2."""
    order = np.lexsort((pairs["b"].to_numpy(), pairs["a"].to_numpy(), -pairs["score"].to_numpy()))
    ends = np.column_stack([pairs["a"].to_numpy()[order], pairs["b"].to_numpy()[order]]).ravel()
    _, first = np.unique(ends, return_index=True)  # each record's first (best) pair in that order
    best = np.zeros(len(pairs), dtype=bool)
    best[order[first // 2]] = True
    return best


def _only_candidates(pairs: pd.DataFrame, hands: np.ndarray) -> np.ndarray:
    """True for a pair whose two records have no other pair with the other's register (KASN/BKN as one)."""
    a, b = pairs["a"].to_numpy(dtype=np.int64), pairs["b"].to_numpy(dtype=np.int64)
    width = int(hands.max()) + 1 if len(hands) else 1
    slot_a, slot_b = a * width + hands[b], b * width + hands[a]
    slots, counts = np.unique(np.concatenate([slot_a, slot_b]), return_counts=True)
    count = lambda slot: counts[np.searchsorted(slots, slot)]  # noqa: E731
    return (count(slot_a) == 1) & (count(slot_b) == 1)


def _scored(con, spellings: dict) -> pd.DataFrame:
    """The pairs in link_blocked with their features, similarity and points; those reaching REVIEW or a NIP."""
    params = {"max_incident_gap": score.MAX_INCIDENT_GAP, "early_days": score.EARLY_DAYS,
              "window_days": score.WINDOW_DAYS}
    pairs = con.execute(statement("link_pair_features"), params).df()
    for column in ("a_name", "b_name", "a_agency", "b_agency"):
        pairs[column] = pairs[column].to_numpy(dtype=float, na_value=np.nan)
    pairs["name_score"] = _per_distinct(pairs["a_name"], pairs["b_name"], spellings, _name_similarity)
    pairs["agency_score"] = _per_distinct(pairs["a_agency"], pairs["b_agency"], spellings, _agency_similarity)
    a_name, b_name = pairs["a_name"].fillna(0).astype(np.int64), pairs["b_name"].fillna(0).astype(np.int64)
    pairs["single_word"] = spellings["single"][a_name] | spellings["single"][b_name]
    keep = pairs["nip_match"].to_numpy() | (pairs["name_score"].to_numpy() >= score.NAME_MIN)
    pairs = pairs[keep].reset_index(drop=True)
    pairs = pd.concat([pairs, score.points(pairs)], axis=1)
    keep = pairs["nip_match"].to_numpy() | (pairs["score"].to_numpy() >= score.REVIEW - score.UNIQUE)
    return pairs[keep].reset_index(drop=True)


def _per_distinct(a: pd.Series, b: pd.Series, spellings: dict, similarity) -> np.ndarray:
    """similarity(a ids, b ids, spellings) computed once per distinct (a, b) and spread back; NaN ids -> NaN."""
    both = a.notna().to_numpy() & b.notna().to_numpy()
    out = np.full(len(a), np.nan)
    if not both.any():
        return out
    ids_a, ids_b = a[both].to_numpy(dtype=np.int64), b[both].to_numpy(dtype=np.int64)
    width = int(ids_b.max()) + 1
    codes, uniques = pd.factorize(ids_a * width + ids_b)
    out[both] = similarity(uniques // width, uniques % width, spellings)[codes]
    return out


def _name_similarity(a: np.ndarray, b: np.ndarray, spellings: dict) -> np.ndarray:
    initialled = spellings["initialled"][a] | spellings["initialled"][b]
    return score.name_scores(spellings["name"][a], spellings["name"][b], spellings["initials"][a],
                             spellings["initials"][b], initialled)


def _agency_similarity(a: np.ndarray, b: np.ndarray, spellings: dict) -> np.ndarray:
    keys_a, keys_b = spellings["agency"][a], spellings["agency"][b]
    scores = score.agency_scores(keys_a, keys_b)
    return np.where((keys_a == "") | (keys_b == ""), np.nan, scores)
