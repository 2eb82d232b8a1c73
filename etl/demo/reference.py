"""What the demo is calibrated to: data/reference/demo_targets.csv and the committed reference tables."""

from __future__ import annotations

import numpy as np
import pandas as pd

import settings
from warehouse import db

TARGETS_CSV = settings.REFERENCE_DIR / "demo_targets.csv"
MATRIX_FILES = {"violation_types": "violation_types.csv", "violation_forms": "violation_forms.csv"}  # SKB 2022


def load_targets(path=TARGETS_CSV) -> pd.DataFrame:
    """The calibration table, read as text so codes like '73.10' stay as written."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_reference() -> dict[str, pd.DataFrame]:
    """The committed reference tables (the same CSVs every generation loads), keyed by table name."""
    files = {table: csv_name for table, (csv_name, _) in db.REFERENCE_TABLES.items()} | MATRIX_FILES
    return {table: pd.read_csv(settings.REFERENCE_DIR / name, dtype=str, keep_default_na=False)
            for table, name in files.items()}


def target(targets: pd.DataFrame, election: str, dimension: str) -> pd.Series:
    """key -> value for one dimension; rows for every election ('*') fill the keys the election leaves out."""
    rows, index = targets.attrs.get("by_dimension", (None, None))
    if rows != len(targets):  # built once per table: the demo asks for targets a few hundred times
        index = {key: dict(zip(group.key, group.value, strict=True))
                 for key, group in targets.groupby(["election", "dimension"], sort=False)}
        targets.attrs["by_dimension"] = (len(targets), index)
    values = index.get(("*", dimension), {}) | index.get((election, dimension), {})
    return pd.Series(list(values.values()), index=list(values.keys()), dtype=object)


def number(targets: pd.DataFrame, election: str, dimension: str, key: str) -> float:
    """One numeric target; a missing one is a clear error naming the row to add."""
    values = target(targets, election, dimension)
    if key not in values.index:
        raise ValueError(f"demo_targets.csv: baris {election},{dimension},{key} tidak ada.")
    return float(values[key])


def election_day(ref: dict, election: str, column: str) -> np.datetime64:
    """One date of an election from elections.csv: voting_day, candidates_set, window_start, window_end."""
    return np.datetime64(ref["elections"].set_index("election").loc[election, column], "D")


def stage_day(ref: dict, election: str, stage: str, edge: str) -> np.datetime64:
    """The first ('starts') or last ('ends') day of one stage of an election's calendar."""
    stages = ref["election_stages"]
    row = stages[(stages.election == election) & (stages.stage == stage)].iloc[0]
    return np.datetime64(row[edge], "D")


def as_of(targets: pd.DataFrame, election: str) -> np.datetime64:
    """The snapshot the published statuses describe: no date of the election's cases comes after it."""
    return np.datetime64(target(targets, election, "as_of")["date"], "D")


def handover_day(targets: pd.DataFrame) -> np.datetime64:
    """The day KASN was dissolved: KASN/BKN records received from then on are BKN's."""
    return np.datetime64(target(targets, "*", "handover")["kasn_to_bkn"], "D")


def election_places(ref: dict, election: str) -> tuple[set[str], set[str]]:
    """(kabupaten/kota codes, province codes) where the election was held, from election_regions.csv.

    A kabupaten/kota counts when it chose its own head or lies in a province choosing its governor; a province
    counts when any race was held inside it (its provincial civil servants could take sides in either).
    """
    rows = ref["election_regions"][ref["election_regions"].election == election]
    governors = set(rows.code[rows.level == "provinsi"])
    own = set(rows.code[rows.level != "provinsi"])
    regions = ref["regions"]
    held = own | set(regions.kode[regions.kode_prov.isin(governors)])
    return held, governors | {code.split(".")[0] for code in own}
