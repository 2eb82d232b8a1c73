"""How alike two records are: points for each field both records have, summed into one score.

Every field adds points when the two records agree and takes points away when they disagree; a field either
record lacks adds nothing. The score is what a steward reads beside a pair (`python -m etl links`), so each
field's points are stated here once, with why.

| field | agree | disagree |
|---|---|---|
| name (similarity 90–100 once titles and spellings are set aside) | +1 to +5 (one word 0.6×) | <90: no pair |
| incident date | ≤3 days +3, ≤14 +2, ≤30 +0.5 | ≤60 days −1.5, more −5 |
| KASN/BKN's report (or recommendation) after the entry register's incident | in WINDOW_DAYS +1 | before, later −4 |
| agency (similarity of the normalised names) | ≥90 +1.5, ≥70 +0.5 | below 70 −1 |
| kabupaten/kota | +1 | −1.5 (another province −4) |
| position class | +1 | −2 |
| violation type | +0.5 | −1 |
| employee type | | ASN against non-ASN −5 (KASN/BKN handle ASN only), PNS against PPPK −1 |
| the only candidate: neither record has another pair (REVIEW−1 or more) with the other's register | +1 | |

A pair scoring SURE or more is linked; REVIEW to SURE is listed for a steward and never joined silently; below
REVIEW the records stay apart. Both NIPs present and equal: linked whatever the score (the score still orders
two candidates of one record), unless both records name someone and the names disagree (below NAME_MIN): one
NIP under two names is a typo or a reused number, listed for a steward; both present and different: never a
pair at all.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

SURE = 10.0  # e.g. the same name, agency, place, position and type, the only candidate, even with no dates
REVIEW = 7.0  # below: a same-name neighbour of another case (incidents months apart) scores at most 6
UNIQUE = 1.0  # the pair is the only candidate of both records: a name nobody else there shares
NAME_MIN = 90.0  # below: another word, not a typo ('Joko Ramadhan Contoh' ~ 'Joko Pratama Contoh' is 84)
INITIALS_CAP = 96.0  # 'Imam W. Demo' may be Imam Wijaya or Imam Wahyu: an initial is weaker than the word
SUBSET_CAP = 93.0  # 'Budi Santoso' against 'Budi Hartono Santoso': a missing middle name, weaker still
SINGLE_WORD = 0.6  # a one-word name ('Sutrisno') is shared by many: its points count 0.6
WINDOW_DAYS = 540  # KASN/BKN kept receiving Pilkada 2020 cases for more than a year after the vote (domain §1.1)
EARLY_DAYS = 7  # a KASN/BKN report date may precede the entry register's date by a week (dates written loosely)
MAX_INCIDENT_GAP = 60  # more than this apart, the incident dates cost 5 points: the pair cannot reach REVIEW

FEATURES = ("name_score", "agency_score", "incident_gap", "order_gap", "report_gap", "same_region",
            "same_province", "same_position", "same_violation", "employee_clash", "single_word")


def is_sure(pairs: pd.DataFrame) -> pd.Series:
    """Whether each pair is linked without a steward: across registers, a shared NIP under names that do not
    disagree (one may be missing), or a score of SURE or more. Within one register two case numbers are two cases
    (a NIP there says the same person, not the same case)."""
    names_disagree = pairs["name_score"] < NAME_MIN  # NaN (a record names nobody) does not disagree
    return ~pairs["same_register"] & ((pairs["nip_match"] & ~names_disagree) | (pairs["score"] >= SURE))


def name_scores(a_full, b_full, a_initials, b_initials, initialled) -> np.ndarray:
    """Similarity 0-100 of name pairs (comparison keys of etl.link.names): the best of word order ignored,
    initials matched to words (capped), and one name's words inside the other's (capped)."""
    full = _cpdist(a_full, b_full, fuzz.token_sort_ratio)
    initials = np.where(initialled, np.minimum(_cpdist(a_initials, b_initials, fuzz.token_sort_ratio),
                                               INITIALS_CAP), 0)
    several = np.array([" " in a and " " in b for a, b in zip(a_full, b_full, strict=True)], dtype=bool)
    subset = np.where(several, np.minimum(_cpdist(a_full, b_full, fuzz.token_set_ratio), SUBSET_CAP), 0)
    return np.maximum.reduce([full, initials, subset])


def agency_scores(a_keys, b_keys) -> np.ndarray:
    """Similarity 0-100 of normalised agency names ('dinas pendidikan kab batang' holds 'kab batang': 100)."""
    return _cpdist(a_keys, b_keys, fuzz.token_set_ratio)


def _cpdist(a, b, scorer) -> np.ndarray:
    if len(a) == 0:
        return np.zeros(0, dtype=np.float64)
    return process.cpdist(list(a), list(b), scorer=scorer, workers=-1, dtype=np.float32).astype(np.float64)


def points(pairs: pd.DataFrame) -> pd.DataFrame:
    """Each field's points for every pair (columns p_<field>) and their sum `score`; NaN features add nothing."""
    out = pd.DataFrame(index=pairs.index)
    name = pairs["name_score"].to_numpy(dtype=float)
    single = pairs["single_word"].to_numpy(dtype=bool)
    out["p_name"] = np.clip(1 + (name - NAME_MIN) * 0.4, 0, 5) * np.where(single, SINGLE_WORD, 1)
    out["p_incident"] = _steps(pairs["incident_gap"], [(3, 3), (14, 2), (30, 0.5), (MAX_INCIDENT_GAP, -1.5)], -5)
    order = pairs["order_gap"].to_numpy(dtype=float)
    report = pairs["report_gap"].to_numpy(dtype=float)
    in_order = np.where((order >= -EARLY_DAYS) & (order <= WINDOW_DAYS), 1.0, -4.0)
    out["p_dates"] = np.where(np.isnan(order), np.where(report > WINDOW_DAYS, -4.0, 0.0), in_order)
    agency = pairs["agency_score"].to_numpy(dtype=float)
    out["p_agency"] = np.where(np.isnan(agency), 0.0, np.where(agency >= 90, 1.5, np.where(agency >= 70, 0.5, -1.0)))
    region, province = _agree(pairs["same_region"]), _agree(pairs["same_province"])
    out["p_region"] = np.where(province == -1, -4.0, np.where(region == 1, 1.0, np.where(region == -1, -1.5, 0.0)))
    position, violation = _agree(pairs["same_position"]), _agree(pairs["same_violation"])
    out["p_position"] = np.where(position < 0, -2.0, position * 1.0)
    out["p_violation"] = np.where(violation < 0, -1.0, violation * 0.5)
    clash = pairs["employee_clash"].astype("float64").to_numpy()
    out["p_employee"] = np.where(clash == 2, -5.0, np.where(clash == 1, -1.0, 0.0))
    out["p_unique"] = np.where(pairs["unique"].to_numpy(dtype=bool), UNIQUE, 0.0) if "unique" in pairs else 0.0
    out["score"] = out.sum(axis=1).round(2)
    return out


def _steps(values: pd.Series, steps: list[tuple[float, float]], beyond: float) -> np.ndarray:
    """Points by the first step whose limit the value does not exceed; `beyond` past the last; 0 for NaN."""
    values = values.to_numpy(dtype=float)
    out = np.full(len(values), beyond, dtype=float)
    for limit, worth in reversed(steps):
        out = np.where(values <= limit, worth, out)
    return np.where(np.isnan(values), 0.0, out)


def _agree(values: pd.Series) -> np.ndarray:
    """+1 where the field agrees, -1 where it disagrees, 0 where either record lacks it."""
    values = values.astype("float64").to_numpy()
    return np.where(np.isnan(values), 0, np.where(values > 0, 1, -1))
