"""The map's numbers, with no figure: each metric per region, the change in words, the ranked table under the map.

Pure pandas (ui.figures.maps draws these numbers; pages/regional_map.py shows the table). A region where the
elections shown held no race and no case is recorded is not a zero: it is left out of the ranking.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ui.strings import t
from ui.views.disclosure import count_cells, drawn
from ui.views.numbers import signed

METRICS = ("count", "rate", "proven_share", "change")
LEVELS = ("kabupaten", "provinsi")
PROVINCE_ONLY = ("rate",)  # PNS headcounts are published per province only (domain.md §4)
LOW_COUNT = 5  # both periods below this: absolute change only, no percentage (1 → 3 is not "+200%")
CHANGE_CAP = 100  # % at which the diverging scale stops; bigger rises (and rises from zero) get the top colour
PER = 100_000


def region_metrics(base: pd.DataFrame, recent: pd.DataFrame | None = None,
                   previous: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every map metric per region from query frames (cases_by_region or cases_by_province) keyed on `code`.

    The change metric needs the counts of the recent and the previous period; without them it is left out. On a
    public view a withheld count (NaN) makes its share, rate and change unknown: they are withheld too.
    """
    frame = base.copy()
    reported = frame["reported"].astype(float)
    frame["proven_share"] = (frame["proven"] / reported.where(reported > 0) * 100).astype(float)
    pns = frame["pns_count"].astype(float) if "pns_count" in frame else pd.Series(np.nan, index=frame.index)
    frame["rate"] = reported / pns.where(pns > 0) * PER
    if recent is None or previous is None:
        return frame
    now = recent.set_index("code")["reported"].reindex(frame["code"], fill_value=0).to_numpy(dtype=float)
    before = previous.set_index("code")["reported"].reindex(frame["code"], fill_value=0).to_numpy(dtype=float)
    hidden = np.isnan(now) | np.isnan(before)
    low = (now < LOW_COUNT) & (before < LOW_COUNT)
    frame["recent"], frame["previous"], frame["change_abs"] = now, before, now - before
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["change_pct"] = np.where(low | hidden | (before == 0), np.nan, (now - before) / before * 100)
    frame["change_kind"] = np.select([hidden, low, before == 0], ["withheld", "low", "new"], "pct")
    return frame


def metric_values(frame: pd.DataFrame, metric: str) -> pd.Series:
    """The number each region is coloured by; NaN means 'no value' (drawn grey, explained under the map)."""
    if metric == "count":  # a withheld count (public view) is coloured as the middle of 1–4
        return drawn(frame["reported"]).set_axis(frame.index)
    if metric in ("rate", "proven_share"):
        return frame[metric]
    if metric == "change":
        capped = frame["change_pct"].clip(-CHANGE_CAP, CHANGE_CAP)
        return capped.where(frame["change_kind"] != "new", float(CHANGE_CAP))
    raise ValueError(f"unknown metric {metric!r}; expected one of {METRICS}")


def change_text(row, lang: str) -> str:
    """'+3 (+60,0%)', '+2 (kasus sedikit)' or '+7 (baru)': the change in words for hover and table."""
    if row["change_kind"] == "withheld":
        return t("map_change_withheld", lang)
    absolute = signed(row["change_abs"], lang)
    if row["change_kind"] == "low":
        return f"{absolute} ({t('map_change_low', lang)})"
    if row["change_kind"] == "new":
        return f"{absolute} ({t('map_change_new', lang)})"
    return f"{absolute} ({signed(row['change_pct'], lang, 1)}%)"


def no_election(rows: pd.DataFrame) -> np.ndarray:
    """Regions where the elections shown held no race and no case is recorded: not zero, but nothing to count."""
    held = rows["held"].to_numpy(dtype=bool) if "held" in rows else np.ones(len(rows), dtype=bool)
    return ~held & (rows["reported"].fillna(1).to_numpy() == 0)


def shown(frame: pd.DataFrame, level: str, focus_province) -> pd.DataFrame:
    """The rows a map draws: the focus province(s)' kabupaten/kota, or everything (provinces are never focused)."""
    return focused(frame, focus_province if level == "kabupaten" else None)


def focused(frame: pd.DataFrame, focus_province) -> pd.DataFrame:
    """Rows inside the focus province(s); all rows when there is no focus."""
    if not focus_province:
        return frame
    wanted = [focus_province] if isinstance(focus_province, str) else list(focus_province)
    return frame[frame["province_code"].isin(wanted)]


def ranked_table(frame: pd.DataFrame, metric: str, lang: str, level: str = "kabupaten",
                 focus_province=None) -> pd.DataFrame:
    """The map's numbers as a table, best first by `metric` (regions without a value last); regions that held no
    election are left out (they are not zero: see `not_ranked`)."""
    rows = shown(frame, level, focus_province)
    rows = rows[~no_election(rows)].copy()
    rows["_value"] = metric_values(rows, metric)
    rows = rows.sort_values(["_value", "reported", "name"], ascending=[False, False, True], na_position="last")
    table = pd.DataFrame({
        t("map_col_rank", lang): range(1, len(rows) + 1),
        t("map_col_region", lang): rows["name"].to_numpy(),
        t("map_col_province", lang): rows["province_name"].to_numpy(),
        t("map_cases", lang): _table_counts(rows["reported"], lang),
        t("map_proven", lang): _table_counts(rows["proven"], lang),
        t("map_col_share", lang): rows["proven_share"].round(1).to_numpy(),
        t("map_rate", lang): rows["rate"].round(1).to_numpy(),
    })
    if "change_kind" in rows:
        table[t("map_change", lang)] = [change_text(row, lang) for _, row in rows.iterrows()]
    return table.drop(columns=[t("map_col_province", lang)] if level == "provinsi" else [t("map_rate", lang)])


def not_ranked(frame: pd.DataFrame, level: str = "kabupaten", focus_province=None) -> int:
    """How many shown regions the ranked table leaves out because they held no election."""
    return int(no_election(shown(frame, level, focus_province)).sum())


def _table_counts(values: pd.Series, lang: str):
    """A count column of the map's table: whole numbers, or on a public view with withheld counts, text ('< 5')."""
    cells, whole = count_cells(values, lang)
    return values.to_numpy(int) if whole else np.array(cells, dtype=object)
