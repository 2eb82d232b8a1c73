"""Linking review from the app: pending pairs side by side, and a steward's decision run as `python -m etl links`.

A subprocess, not an import, as Muat data runs `etl load`: only etl writes the warehouse and the steward file, and
the app stays read-only. The page reads the command's JSON answer (`--json`), never its prose. No Streamlit here.
"""

from __future__ import annotations

import json
import sys

import pandas as pd

from ui.strings import label, t
from ui.views.loading import run_loader

FIELDS = ("subject_name", "subject_nip", "agency_name", "place", "incident_date", "report_date", "position_class",
          "violation_type", "employee_type", "status")
POINTS = {"subject_name": "name", "agency_name": "agency", "place": "region", "incident_date": "incident",
          "report_date": "dates", "position_class": "position", "violation_type": "violation",
          "employee_type": "employee"}  # which of the score's points each field earned (etl/link/score.py)
LABELLED = ("position_class", "violation_type", "employee_type", "status")  # vocabulary codes shown as labels
DECISION_COLUMNS = ("decided_at", "decision", "record_a", "record_b", "decided_by", "note", "outcome")
KINDS = ("confirm", "split")
OUTCOMES = ("applied", "superseded", "conflict", "missing")
TIMEOUT_S = 300  # re-linking one election of 1M records takes seconds; minutes means it is stuck


def thresholds(info: pd.DataFrame) -> dict[str, str]:
    """{'sure': '10', 'review': '7'} from warehouse_info, or {} for a warehouse nothing has linked yet."""
    row = info.iloc[0]
    if pd.isna(row["link_sure"]) or pd.isna(row["link_review"]):
        return {}
    return {"sure": f"{row['link_sure']:g}", "review": f"{row['link_review']:g}"}


def pair_frame(pair: dict, lang: str) -> pd.DataFrame:
    """One pending pair as a table: a row per field, record A and record B side by side, the points it earned."""
    points = json.loads(pair["points"])
    rows = []
    for field in FIELDS:
        point = points.get(POINTS.get(field, ""))
        rows.append({t("lk_field", lang): t(f"lk_field_{field}", lang),
                     "A": _shown(field, pair[f"a_{field}"], lang), "B": _shown(field, pair[f"b_{field}"], lang),
                     t("lk_points", lang): f"{point:+.1f}" if point else ""})
    if points.get("unique"):
        rows.append({t("lk_field", lang): t("lk_unique", lang), "A": "", "B": "",
                     t("lk_points", lang): f"{points['unique']:+.1f}"})
    return pd.DataFrame(rows)


def _shown(field: str, value, lang: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    if field in LABELLED:
        return label(field, value, lang)
    return value.strftime("%d-%m-%Y") if hasattr(value, "strftime") else str(value)


def pair_heading(number: int, pair: dict, lang: str) -> str:
    """'1 · Pilkada 2024 · skor 8.5' (and why a pair of one register is here)."""
    text = t("lk_heading", lang, n=number, election=label("election", pair["election"], lang),
             score=f"{pair['score']:.1f}")
    return text + (t("lk_same_register", lang) if pair["same_register"] else "")


def decide_command(kind: str, record_a: str, record_b: str, by: str | None = None, note: str = "") -> list[str]:
    """`python -m etl links confirm|split A B --json [--by USER] [--note TEXT]` with this interpreter."""
    command = [sys.executable, "-m", "etl", "links", kind, record_a, record_b, "--json"]
    if by:
        command += ["--by", by]
    if note.strip():
        command += ["--note", note.strip()]
    return command


def decide(kind: str, record_a: str, record_b: str, by: str | None, note: str, lang: str,
           timeout_s: float = TIMEOUT_S) -> tuple[str, str]:
    """Run one decision; (success | error, one sentence for the page) from the command's JSON answer."""
    run = run_loader(decide_command(kind, record_a, record_b, by, note), timeout_s)
    try:
        answer = json.loads(run.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return "error", t("lk_failed", lang, message=run.tail() or t("lk_no_answer", lang))
    if not answer.get("ok"):
        return "error", t("lk_failed", lang, message=answer.get("error", ""))
    return "success", t(f"lk_done_{kind}", lang, a=record_a, b=record_b, pending=answer["pending"])


def decisions_frame(decided: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The steward's decisions, newest first, headers and values in the chosen language."""
    shown = decided[list(DECISION_COLUMNS)].assign(
        decision=[t(f"lk_decision_{kind}", lang) for kind in decided["decision"]],
        outcome=[t(f"lk_outcome_{outcome}", lang) for outcome in decided["outcome"]],
        decided_at=[str(at).replace("T", " ") for at in decided["decided_at"]])
    return shown.rename(columns={column: t(f"lk_col_{column}", lang) for column in DECISION_COLUMNS})
