"""Synthetic demo warehouse for the three elections, calibrated to published figures (DESIGN.md §4).

Every share and count comes from data/reference/demo_targets.csv, each with its source key from domain.md; the
modules only turn them into rows, vectorised and deterministic for a seed:
reference (the targets and reference tables) · allocate (exact shares, ordered dates) · timeline (incidents,
receipt dates) · places (only where an election was held) · violations (SKB 2022 matrix, regimes) · people
(positions, names, NIPs, spellings) · cases (person-cases and their chains) · registers (one row per register
that handled a person-case) · build (generations) · calibration (the demo against every published figure).
"""

from etl.demo.allocate import later, spread
from etl.demo.build import build_demo, demo_cases, demo_truth, election_frames
from etl.demo.people import SURNAMES
from etl.demo.reference import load_reference, load_targets, target
from etl.demo.violations import PTDH, skb_matrix

__all__ = [
    "PTDH", "SURNAMES", "build_demo", "demo_cases", "demo_truth", "election_frames", "later", "load_reference",
    "load_targets", "skb_matrix", "spread", "target",
]
