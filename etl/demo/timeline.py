"""When things happen: incidents around the stage calendar, and the day each register received a case."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.demo.allocate import cumulative_curve, labelled, spread
from etl.demo.reference import as_of, election_day, stage_day, target
from warehouse.vocab import VIOLATION_TYPES

# modelling assumption: share of a type's incidents before the campaign (scaled to the published split)
PRE_AFFINITY = {
    "media_sosial": 0.5, "kampanye": 0.1, "deklarasi": 0.6, "foto_simbol": 0.4, "alat_peraga": 0.7,
    "kegiatan_keberpihakan": 0.45, "keputusan": 0.4, "fasilitas_negara": 0.2, "mobilisasi_asn": 0.2, "parpol": 0.5,
    "pendekatan_parpol": 0.95, "tim_pemenangan": 0.5, "dukungan_perseorangan": 0.95, "lainnya": 0.5,
}
FIFO_NOISE_DAYS = 10  # registers take cases roughly first come, first served: a fortnight's give in the order


def segments(election: str, targets: pd.DataFrame, ref: dict, rng=None) -> tuple[list, np.ndarray]:
    """(days, weights) of the periods before the campaign, campaign to voting day, after voting day; their shares.

    Before: a build-up from pre_start, higher through pendaftaran/penetapan. Campaign: a plateau, then the
    final_fortnight share in a rising spike over the 14 days before voting. After: a tail decaying over a few
    weeks, cut at the data's as_of date.
    """
    timeline = target(targets, election, "timeline")
    vote, cutoff = election_day(ref, election, "voting_day"), as_of(targets, election)
    start, campaign = np.datetime64(timeline["pre_start"], "D"), stage_day(ref, election, "kampanye", "starts")
    registration = stage_day(ref, election, "pendaftaran", "starts")
    pre = np.arange(start, campaign)
    ramp = 0.3 + 0.7 * np.clip((pre - start).astype(float) / max(1, (registration - start).astype(int)), 0, 1)
    registered = stage_day(ref, election, "pendaftaran", "ends")
    pre_w = np.where(pre < registration, ramp, np.where(pre <= registered, 2.0, 1.5))
    during = np.arange(campaign, vote + 1)
    spike = np.clip((during - (vote - 14)).astype(float), 0, None)
    fortnight = float(timeline["final_fortnight"]) / 100
    before_fortnight = spike == 0
    during_w = np.where(before_fortnight, (1 - fortnight) / before_fortnight.sum(), fortnight * spike / spike.sum())
    after = np.arange(vote + 1, min(cutoff, vote + 120) + 1)
    after_w = np.exp(-(after - vote).astype(float) / 14)
    pre_share, after_share = float(timeline["pre_campaign"]) / 100, float(timeline["after_voting"]) / 100
    shares = np.array([pre_share, 1 - pre_share - after_share, after_share])
    if rng is not None:
        pre_w, after_w = _jittered(rng, pre_w), _jittered(rng, after_w)
        during_w = np.where(before_fortnight, _jittered(rng, during_w * before_fortnight),
                            _jittered(rng, during_w * ~before_fortnight))
    return [(pre, pre_w), (during, during_w), (after, after_w)], shares


def _jittered(rng, weights: np.ndarray) -> np.ndarray:
    """Weights times day-to-day noise, rescaled to the same total."""
    noisy = weights * rng.gamma(6.0, 1 / 6.0, len(weights))
    return noisy * weights.sum() / noisy.sum() if noisy.sum() > 0 else noisy


def types_by_period(shares: pd.Series, pre: float) -> list[np.ndarray]:
    """Type weights per period, keeping every type's overall share while the pre-campaign share stays `pre`.

    PRE_AFFINITY says where each type leans; its odds are scaled by one factor, found by bisection.
    """
    s = shares.to_numpy(dtype=float) / shares.sum()
    lean = np.array([PRE_AFFINITY[t] for t in shares.index])
    low, high = -20.0, 20.0
    for _ in range(60):
        k = np.exp((low + high) / 2)
        scaled = k * lean / (k * lean + 1 - lean)
        low, high = ((low + high) / 2, high) if (s * scaled).sum() < pre else (low, (low + high) / 2)
    return [s * scaled, s * (1 - scaled), s * (1 - scaled)]


def incidents_and_types(rng, election: str, sizes: np.ndarray, targets, ref, incident=None):
    """(incident date, violation type) per case, the types following each period's weights.

    Without `incident`, dates are drawn to the published period split; with it (dates copied from another
    register's cases), each case's period is read off its date and only the types are drawn.
    """
    periods, shares = segments(election, targets, ref, rng)
    if incident is None:
        period = spread(rng, shares, sizes)
        incident = np.empty(len(sizes), dtype="datetime64[D]")
        for p, (days, day_w) in enumerate(periods):
            at = np.flatnonzero(period == p)
            incident[at] = days[spread(rng, day_w, sizes[at])]
    else:
        period = np.searchsorted([periods[1][0][0], periods[2][0][0]], incident, side="right")
    type_weights = target(targets, election, "violation_type").astype(float).reindex(VIOLATION_TYPES, fill_value=0)
    types = np.empty(len(sizes), dtype=np.int64)
    for p, type_w in enumerate(types_by_period(type_weights, shares[0])):
        at = np.flatnonzero(period == p)
        types[at] = spread(rng, type_w, sizes[at])
    return incident, labelled(types, VIOLATION_TYPES)


def received_days(rng, election: str, incident: np.ndarray, sizes: np.ndarray, targets, ref, scale: float):
    """The day KASN/BKN received each case, so persons received by each published date match the snapshot.

    Published `reported_by` counts (persons received by a date) scaled to the build are joined by a curve;
    cases are taken roughly in the order their incidents happened (a backlog builds up during the campaign and
    drains for months after). A case is never received before its incident.
    """
    cutoff = as_of(targets, election)
    points = target(targets, election, "reported_by").astype(float).sort_index() * scale
    points = points[points.index < str(cutoff)]
    points[str(cutoff)] = sizes.sum()  # at the snapshot date: the total the build was made with
    start = np.datetime64(target(targets, election, "timeline")["pre_start"], "D")
    days, weights = cumulative_curve(points, start, cutoff, election_day(ref, election, "voting_day"))
    order = np.argsort(incident + rng.normal(0, FIFO_NOISE_DAYS, len(incident)).astype("timedelta64[D]"),
                       kind="stable")
    received = days[spread(rng, weights, sizes, order=order)]
    return np.maximum(received, incident)
