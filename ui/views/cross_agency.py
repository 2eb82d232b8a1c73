"""The cross-agency flow for people: the tables and sentences of the Alur lintas instansi page (pure, no Streamlit).

Made from the `cross_agency_funnel`, `cross_agency_by_area` and `stalled_cases` queries as the role may read them
(on a public view their counts are already published ones, ui.views.disclosure).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ui.strings import label, t
from ui.views.disclosure import count_text
from ui.views.numbers import number
from warehouse.filters import Filters
from warehouse.vocab import CROSS_AGENCY_PATHS

AREA_STAGES = ("received", "found", "forwarded", "recommended", "sanctioned")  # cross_agency_by_area's columns
STAGE_OF_COLUMN = dict(zip(AREA_STAGES, ("diterima", "pelanggaran", "diteruskan", "rekomendasi", "sanksi"),
                           strict=True))
STALLED_SHOWN = 200  # the longest waits an analyst sees on the page


def is_empty(funnel: pd.DataFrame) -> bool:
    """True when no person-case passes the filters (a withheld count is not zero)."""
    return bool(funnel["persons"].fillna(1).sum() == 0)


def path_total(funnel: pd.DataFrame, path: str):
    """The person-cases that entered by `path` (its first stage's count)."""
    return funnel.loc[funnel["path"] == path, "persons"].iloc[0]


def stalled_total(funnel: pd.DataFrame):
    """All stalled person-cases (NaN when a public view withheld some of them)."""
    return int(funnel["stalled"].sum()) if funnel["stalled"].notna().all() else float("nan")


def _count_column(values, lang: str) -> list:
    """Whole numbers as they are; on a public view every count as the public reads it ('< 5')."""
    series = pd.Series(values, dtype="float64")
    return [int(v) for v in series] if series.notna().all() else [count_text(v, lang) for v in series]


def hand_table(funnel: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per hand (stage after the first) of each path: from, to, median days, how many were timed,
    stalled waiting at the earlier stage and ended there."""
    before = funnel.groupby("path")["stage"].shift(1)
    rows = funnel[before.notna()].assign(before=before[before.notna()])
    medians = ["—" if pd.isna(d) else number(d, lang, 1) for d in rows["median_days"]]
    return pd.DataFrame({
        t("xa_col_path", lang): [label("cross_agency_path", p, lang) for p in rows["path"]],
        t("xa_col_hand", lang): [f"{label('cross_agency_stage', a, lang)} → {label('cross_agency_stage', b, lang)}"
                                 for a, b in zip(rows["before"], rows["stage"], strict=True)],
        t("xa_col_median", lang): medians,
        t("xa_col_timed", lang): _count_column(rows["timed"], lang),
        t("xa_col_dropped", lang): _count_column(rows["dropped"], lang),
    })


def stage_table(funnel: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Where the person-cases stopped: per path and stage, those stalled there, still waiting, and ended there."""
    rows = funnel[funnel["stage"] != funnel["stage"].iloc[-1]] if len(funnel) else funnel  # a sanction is an end
    return pd.DataFrame({
        t("xa_col_path", lang): [label("cross_agency_path", p, lang) for p in rows["path"]],
        t("xa_col_stage", lang): [label("cross_agency_stage", s, lang) for s in rows["stage"]],
        t("xa_col_stalled", lang): _count_column(rows["stalled"], lang),
        t("xa_col_waiting", lang): _count_column(rows["waiting"], lang),
        t("xa_col_ended", lang): _count_column(rows["ended"], lang),
    })


def area_view(filters: Filters, drill: str | None) -> tuple[Filters, str]:
    """(filters, level) of the area table: provinces, or the kabupaten/kota of a drilled (or the one chosen)
    province."""
    if drill:
        return replace(filters, provinces=(drill,), regions=()), "region"
    return filters, "region" if len(filters.provinces) == 1 else "province"


def area_table(area: pd.DataFrame, level: str, lang: str) -> pd.DataFrame:
    """The area rows for people: place, each stage's count (Bawaslu path), entered without Bawaslu, stalled."""
    unknown = t("xa_area_unknown", lang)
    table = {t("xa_col_province" if level == "province" else "xa_col_region", lang):
             [name if isinstance(name, str) else unknown for name in area["name"]]}
    for column in AREA_STAGES:
        table[label("cross_agency_stage", STAGE_OF_COLUMN[column], lang)] = _count_column(area[column], lang)
    table[label("cross_agency_path", "tanpa_bawaslu", lang)] = _count_column(area["without_bawaslu"], lang)
    table[t("xa_col_stalled", lang)] = _count_column(area["stalled"], lang)
    return pd.DataFrame(table)


def stalled_table(stalled: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The stalled person-cases for an analyst: election, place, path, stage reached, since when, days, case ids."""
    return pd.DataFrame({
        t("xa_col_election", lang): [label("election", e, lang) for e in stalled["election"]],
        t("xa_col_province", lang): stalled["province_name"].tolist(),
        t("xa_col_region", lang): stalled["region_name"].tolist(),
        t("xa_col_path", lang): [label("cross_agency_path", p, lang) for p in stalled["path"]],
        t("xa_col_stage", lang): [label("cross_agency_stage", s, lang) for s in stalled["stage"]],
        t("xa_col_since", lang): [f"{d:%d-%m-%Y}" for d in pd.to_datetime(stalled["last_hand_day"])],
        t("xa_col_days", lang): stalled["days_waiting"].astype("int64").tolist(),
        t("xa_col_cases", lang): stalled["case_ids"].tolist(),
    })


def stall_note(funnel: pd.DataFrame, stall_days: int, lang: str) -> str:
    """The rule in words, with N and the data's last day: what "stalled" means on this page."""
    last = funnel["data_last_day"].dropna()
    day = f"{pd.Timestamp(last.iloc[0]):%d-%m-%Y}" if len(last) else "—"
    return t("xa_stall_rule", lang, days=stall_days, day=day)


def entry_note(funnel: pd.DataFrame, lang: str) -> str:
    """How many person-cases entered each way (those without a Bawaslu record are shown apart, never dropped)."""
    counts = {path: count_text(path_total(funnel, path), lang) for path in CROSS_AGENCY_PATHS}
    return t("xa_entry_note", lang, bawaslu=counts["bawaslu"], direct=counts["tanpa_bawaslu"])
