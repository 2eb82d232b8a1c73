"""From linked pairs to person-cases: join pairs strongest first, never two records of one register, never two
different NIPs, never a split.

Records are numbered 0..n-1 in key order and edges come sorted (steward confirmations, then NIP links, then
scores, ties by record number), so the person-cases are a function of the records and the decisions alone,
whatever order the registers were loaded in. A pair whose two records sit alone (neither has another link,
nor a decision) is joined without looking further: that is most pairs, and it keeps 1M records in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Clustering:
    """labels[i]: the smallest record number of record i's person-case; which confirmations were applied."""

    labels: np.ndarray
    confirmed: list[bool]
    joined: np.ndarray  # per automatic edge: True when it joined two person-cases


def person_cases(registers: np.ndarray, nips: np.ndarray, confirms: list[tuple[int, int]], edges: np.ndarray,
                 splits: list[tuple[int, int]]) -> Clustering:
    """Join records into person-cases.

    `registers`: a small integer per record (its source agency); `nips`: its NIP as a number, -1 for none;
    `confirms`: steward-confirmed pairs, applied first and in order, unless they would put a split pair together;
    `edges`: (k, 2) automatic links, strongest first, applied when the two person-cases share no register, hold
    no two different NIPs and no split; `splits`: pairs kept apart.
    """
    n = len(registers)
    parent = np.arange(n, dtype=np.int64)
    decided = np.zeros(n, dtype=bool)
    for a, b in [*confirms, *splits]:
        decided[[a, b]] = True
    joined = np.zeros(len(edges), dtype=bool)
    alone = _alone(n, edges, decided, registers)
    parent[edges[alone, 1]] = edges[alone, 0]  # a < b: the pair's label is its first record
    joined[alone] = True
    rest = np.flatnonzero(~alone)
    if len(rest) or confirms:
        state = _State(parent, registers, nips, splits)
        confirmed = [state.join(a, b, forced=True) for a, b in confirms]
        for i in rest:
            joined[i] = state.join(int(edges[i, 0]), int(edges[i, 1]))
        parent = state.labels()
    else:
        confirmed = []
    return Clustering(_flattened(parent), confirmed, joined)


def _alone(n: int, edges: np.ndarray, decided: np.ndarray, registers: np.ndarray) -> np.ndarray:
    """Edges of two registers whose two records have no other edge and no decision."""
    if not len(edges):
        return np.zeros(0, dtype=bool)
    degree = np.bincount(edges.ravel(), minlength=n)
    a, b = edges[:, 0], edges[:, 1]
    return (degree[a] == 1) & (degree[b] == 1) & ~decided[a] & ~decided[b] & (registers[a] != registers[b])


def _flattened(parent: np.ndarray) -> np.ndarray:
    """Every record's root, by pointer jumping; roots are the smallest record of their person-case."""
    while True:
        grand = parent[parent]
        if np.array_equal(grand, parent):
            return parent
        parent = grand


class _State:
    """Union-find over Python lists (fast scalar access) with each root's registers, NIP and split partners."""

    def __init__(self, parent: np.ndarray, registers: np.ndarray, nips: np.ndarray, splits: list[tuple[int, int]]):
        parent = _flattened(parent)
        masks = np.left_shift(1, registers.astype(np.int64))
        np.bitwise_or.at(masks, parent, masks.copy())  # each root: the registers of its members
        nips = nips.astype(np.int64)
        np.maximum.at(nips, parent, nips.copy())  # each root: its members' NIP (pairs never hold two)
        self.parent, self.masks, self.nips = parent.tolist(), masks.tolist(), nips.tolist()
        self.apart: dict[int, set[int]] = {}  # root -> records its members were split from
        for a, b in splits:
            self.apart.setdefault(self.find(a), set()).add(b)
            self.apart.setdefault(self.find(b), set()).add(a)

    def find(self, record: int) -> int:
        parent = self.parent
        while parent[record] != record:
            parent[record] = parent[parent[record]]
            record = parent[record]
        return record

    def join(self, a: int, b: int, forced: bool = False) -> bool:
        """Join a's and b's person-cases if allowed; True when they are (or already were) one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return forced
        if not forced and self.masks[ra] & self.masks[rb]:
            return False  # each register holds a person-case once
        if not forced and self.nips[ra] >= 0 and self.nips[rb] >= 0 and self.nips[ra] != self.nips[rb]:
            return False  # two NIPs are two people
        if any(self.find(x) == rb for x in self.apart.get(ra, ())):
            return False
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        self.parent[gone] = keep
        self.masks[keep] |= self.masks[gone]
        self.nips[keep] = max(self.nips[keep], self.nips[gone])
        if gone in self.apart:
            self.apart.setdefault(keep, set()).update(self.apart.pop(gone))
        return True

    def labels(self) -> np.ndarray:
        return _flattened(np.array(self.parent, dtype=np.int64))
