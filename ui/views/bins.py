"""Colour classes for map values that are skewed: most regions have a few cases, a handful very many.

A linear scale spends all its colours on the outliers and paints every other region the same pale shade. Counts
and rates get quantile classes over the regions that have some (zero is a class of its own, a value never shares
a class boundary), the proven share fixed 20-point classes, the change fixed classes around "about the same".
Each class has a legend label in real numbers ("0", "1–2", "3–7", …) and a place (anchor, 0–1) on the metric's
colour scale. Pure: numbers in, numbers and labels out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ui.strings import t
from ui.views.numbers import number

CLASSES = 5  # classes of the non-zero values at most: more than the eye tells apart on a map is noise
SHARE_LOWS = (0, 20, 40, 60, 80)  # % proven: fixed, so 40% is the same colour in every view
CHANGE_LOWS = (-np.inf, -50, -10, 10, 50, 100)  # %, as capped by ui.figures.maps (≥ +100 holds "new" too)
CHANGE_ANCHORS = (0.125, 0.35, 0.5, 0.65, 0.875, 1.0)  # each class's middle on the diverging scale (−100..+100)


@dataclass(frozen=True)
class Bins:
    """Colour classes: inclusive lower edges (ascending), legend labels, places on the colour scale; the class of
    a missing value (a withheld count on a public view), or None when a missing value has no class."""

    lows: tuple[float, ...]
    labels: tuple[str, ...]
    anchors: tuple[float, ...]
    missing: int | None = None

    def classes(self, values) -> np.ndarray:
        """The class of each value (float array; NaN where a value is missing and has no class)."""
        v = np.asarray(values, dtype=float)
        found = (np.searchsorted(np.asarray(self.lows, dtype=float), v, side="right") - 1).astype(float)
        return np.where(np.isnan(v), np.nan if self.missing is None else self.missing, found)


def quantile_bins(values, lang: str, step: float = 1, decimals: int = 0, reach: float = 0,
                  withheld: str | None = None, classes: int = CLASSES) -> Bins:
    """Classes of non-negative values that are multiples of `step`: '0', then up to `classes` quantile classes of
    the positive values, each from the value after the last class's top to its own top value.

    `reach`: how far above a value the true numbers it stands for go (4 for a public count rounded down to 5s, so
    the class of 5 and 10 reads '5–14'). `withheld`: the label of missing values (a public '< 5'), else they have
    no class. Fewer distinct values than classes: one class each.
    """
    v = np.asarray(values, dtype=float)
    known = v[~np.isnan(v)]
    lows, labels = [], []
    if (known == 0).any():
        lows.append(0.0)
        labels.append(number(0, lang, decimals))
    missing = None
    if withheld is not None and np.isnan(v).any():
        missing = len(lows)
        lows.append(step / 2)  # never reached by a value: missing values are classed by `missing`
        labels.append(withheld)
    positive = np.sort(known[known > 0])
    if len(positive):
        distinct = np.unique(positive)
        tops = distinct if len(distinct) <= classes else np.unique(
            np.quantile(positive, np.arange(1, classes + 1) / classes, method="inverted_cdf"))
        starts = [positive[0], *np.round(tops[:-1] + step, 9)]  # 1.2 + 0.1 is 1.3000000000000003
        lows += [float(s) for s in starts]
        labels += [_range(start, top + reach, lang, decimals) for start, top in zip(starts, tops, strict=True)]
    anchors = tuple(np.linspace(0, 1, len(lows))) if len(lows) > 1 else ((0.0 if lows == [0.0] else 1.0,) if lows
                                                                         else ())
    return Bins(tuple(lows), tuple(labels), tuple(float(a) for a in anchors), missing)


def share_bins(lang: str) -> Bins:
    """Fixed classes of a share in %: '0–20%' … '80–100%'."""
    tops = (*SHARE_LOWS[1:], 100)
    labels = tuple(f"{_range(low, top, lang, 0)}%" for low, top in zip(SHARE_LOWS, tops, strict=True))
    return Bins(tuple(float(x) for x in SHARE_LOWS), labels, tuple(np.linspace(0, 1, len(SHARE_LOWS))))


def change_bins(lang: str) -> Bins:
    """Fixed classes of the change in % against the previous period, from 'down 50% or more' to '+100% or new'."""
    labels = tuple(t(f"bin_change_{i}", lang) for i in range(len(CHANGE_LOWS)))
    return Bins(tuple(float(x) for x in CHANGE_LOWS), labels, CHANGE_ANCHORS)


def _range(start: float, top: float, lang: str, decimals: int) -> str:
    """'3–7', or '7' when the class holds one value."""
    low, high = number(start, lang, decimals), number(top, lang, decimals)
    return low if low == high else f"{low}–{high}"
