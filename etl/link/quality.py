"""How well person-cases found match the true ones: precision and recall over pairs of records.

A pair is two records put in one person-case. Precision: of the pairs found, the share that are true; recall: of
the true pairs, the share found. Used against the demo's truth (`etl.demo.demo_truth`) by the tests and bench.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class PairQuality:
    found: int  # pairs in the person-cases found
    true: int  # pairs in the true person-cases
    both: int  # pairs in both

    @property
    def precision(self) -> float:
        return self.both / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.both / self.true if self.true else 1.0


def pair_quality(found: pd.Series, truth: pd.Series) -> PairQuality:
    """Pair counts of two labellings of the same records (aligned Series of person-case ids)."""
    frame = pd.DataFrame({"found": found.to_numpy(), "truth": truth.to_numpy()})
    return PairQuality(_pairs(frame.groupby("found").size()), _pairs(frame.groupby("truth").size()),
                       _pairs(frame.groupby(["found", "truth"]).size()))


def _pairs(sizes: pd.Series) -> int:
    return int((sizes * (sizes - 1) // 2).sum())
