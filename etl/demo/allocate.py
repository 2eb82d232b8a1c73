"""Exact, noise-free allocation helpers the demo builds on: shares hit to within one unit, dates stay in order."""

from __future__ import annotations

import numpy as np
import pandas as pd


def spread(rng: np.random.Generator, weights, sizes: np.ndarray, order: np.ndarray | None = None) -> np.ndarray:
    """Category index per unit so each category's share of the summed sizes follows `weights` to within one unit.

    Units are taken in a random order (or the given one) and cut into consecutive blocks: exact shares with no
    sampling noise, yet no pattern in which unit lands where. With an `order`, the first block takes the first
    units of that order (e.g. the earliest cases go to the register that saw them first).
    """
    weights = np.asarray(weights, dtype=float)
    order = rng.permutation(len(sizes)) if order is None else order
    ordered = sizes[order]
    middle = np.cumsum(ordered) - ordered / 2
    bounds = np.cumsum(weights) / weights.sum() * ordered.sum()
    codes = np.empty(len(sizes), dtype=np.int64)
    codes[order] = np.minimum(np.searchsorted(bounds, middle), len(weights) - 1)
    return codes


def later(rng: np.random.Generator, start: np.ndarray, lag_days: np.ndarray, limit) -> np.ndarray:
    """start + lag, squeezed into the days left before `limit` (a date or one per row) where it would pass it.

    A squeezed lag is drawn uniformly over the room left, so nothing piles up on the limit itself.
    """
    room = (limit - start).astype(np.int64)
    lag = np.where(lag_days > room, np.floor(rng.random(len(start)) * (room + 1)), lag_days)
    return start + lag.astype("timedelta64[D]")


def case_sizes(rng: np.random.Generator, n: int, weights: pd.Series) -> np.ndarray:
    """Persons per case, summing to exactly n (most cases name one person)."""
    values, p = weights.index.astype(int).to_numpy(), weights.astype(float).to_numpy()
    draw = rng.choice(values, size=n, p=p / p.sum())
    total = np.cumsum(draw)
    m = int(np.searchsorted(total, n)) + 1
    sizes = draw[:m].copy()
    sizes[-1] -= total[m - 1] - n
    return sizes


def sizes_of_cases(rng: np.random.Generator, cases: int, weights: pd.Series) -> np.ndarray:
    """Persons per case for a given number of cases (registers that count cases, like Bawaslu's)."""
    values, p = weights.index.astype(int).to_numpy(), weights.astype(float).to_numpy()
    return rng.choice(values, size=cases, p=p / p.sum())


def cumulative_curve(points: pd.Series, start: np.datetime64, end: np.datetime64,
                     decay_after: np.datetime64 | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(days, weights) whose running sum passes through every (date -> cumulative count) point exactly.

    Between two published snapshots the count grows at an even daily rate; before the first it rises from
    nothing (a register's intake starts slowly); after `decay_after` (voting day) each interval's growth
    front-loads and tails off: the backlog of a finished election drains. Days run from `start` to `end`.
    """
    days = np.arange(start, end + np.timedelta64(1, "D"))
    dates = np.array([np.datetime64(d, "D") for d in points.index])
    counts = points.to_numpy(dtype=float)
    weights = np.zeros(len(days))
    previous_day, previous_count = start - np.timedelta64(1, "D"), 0.0
    for date, count in zip(dates, counts, strict=True):
        inside = (days > previous_day) & (days <= date)
        shape = np.ones(inside.sum()) if previous_count else np.arange(1, inside.sum() + 1, dtype=float)
        if decay_after is not None and previous_day >= decay_after:
            shape = np.exp(-np.arange(inside.sum()) / max(inside.sum() / 4, 1.0))
        if inside.any():
            weights[inside] = (count - previous_count) * shape / shape.sum()
        previous_day, previous_count = date, count
    return days, np.clip(weights, 0, None)


def labelled(codes: np.ndarray, labels) -> pd.Categorical:
    """Integer codes (-1 for none) as a categorical of the given labels: cheap to copy, repeat and compare."""
    return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int64), categories=list(labels))


def as_labels(values, labels) -> pd.Categorical:
    """Values (None allowed) as a categorical over a fixed label set."""
    return pd.Categorical(values, categories=list(labels))
