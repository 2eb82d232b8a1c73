"""The case table as people see it, and its exports: columns masked by role, labels in the chosen language,
CSV/XLSX bytes of exactly the rows on screen with a header naming the filters and the data date.

Pure functions (no Streamlit), tested on their own. Spreadsheet formula injection: every cell goes through
`warehouse.spreadsheet` (the one neutralising function and writers every file Netra writes shares).
"""

from __future__ import annotations

import math
from datetime import datetime

import pandas as pd

from ui.strings import label, t
from ui.views.roles import CAN_SEE_PERSONAL, mask_nip
from warehouse import spreadsheet

SORT_KEYS = ("incident_date", "report_date", "decision_date", "region", "violation_type", "status", "case_id")
PAGE_SIZES = (25, 50, 100)
# table column -> vocabulary column whose labels it shows (None: shown as it is)
TABLE_COLUMNS = {
    "case_id": None, "election": "election", "incident_date": None, "report_date": None, "decision_date": None,
    "place": None, "violation_type": "violation_type", "severity": "severity", "status": "status",
    "position_class": "position_class", "agency_name": None, "source_agency": "source_agency",
    "subject_name": None, "subject_nip": None,
}
PERSONAL_COLUMNS = ("subject_name",)  # admins only; analysts see the NIP masked, leadership sees no table
DETAIL_COLUMNS = {
    **{c: v for c, v in TABLE_COLUMNS.items() if c not in ("subject_name", "subject_nip")},
    "source_kind": "source_kind", "sanction_date": None, "province_name": None, "agency_level": "agency_level",
    "employee_type": "employee_type", "violation_form": None, "violation_class": "violation_class",
    "severity_inferred": None, "sanction": None, "description": None, "subject_name": None, "subject_nip": None,
    "load_id": None, "source_row": None,
}


def page_count(total: int, size: int) -> int:
    """Pages needed for `total` rows (at least one, so the pager always has a page to show)."""
    return max(1, math.ceil(total / size))


def _place(row) -> str | None:
    """Kabupaten/kota, else the province (a provincial case), else nothing (a central agency)."""
    for column in ("region_name", "province_name"):
        if column in row and isinstance(row[column], str):
            return row[column]
    return None


def _cell(row, column: str, vocabulary: str | None, role: str, lang: str):
    if column == "place":
        return _place(row)
    value = row.get(column)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if column == "subject_nip" and role not in CAN_SEE_PERSONAL:
        return mask_nip(value)
    if column == "severity_inferred":
        return t("dx_yes" if value else "dx_no", lang)
    if isinstance(value, pd.Timestamp):
        return value.date()
    return label(vocabulary, value, lang) if vocabulary else value


def visible_columns(columns: dict[str, str | None], role: str) -> list[str]:
    """The columns `role` may see: names only for admins."""
    return [c for c in columns if role in CAN_SEE_PERSONAL or c not in PERSONAL_COLUMNS]


def display_frame(rows: pd.DataFrame, role: str, lang: str) -> pd.DataFrame:
    """The page of cases as shown: role-masked columns, labelled values, headers in the chosen language."""
    columns = visible_columns(TABLE_COLUMNS, role)
    records = [[_cell(row, c, TABLE_COLUMNS[c], role, lang) for c in columns] for row in rows.to_dict("records")]
    return pd.DataFrame(records, columns=[t(f"dx_col_{c}", lang) for c in columns], dtype=object)


def case_detail(row: dict, role: str, lang: str) -> pd.DataFrame:
    """One case as (field, value) lines, masked by role like the table."""
    columns = visible_columns(DETAIL_COLUMNS, role)
    values = [_cell(row, c, DETAIL_COLUMNS[c], role, lang) for c in columns]
    return pd.DataFrame({t("dx_field", lang): [t(f"dx_col_{c}", lang) for c in columns],
                         t("dx_value", lang): ["—" if v is None else str(v) for v in values]})


def export_notes(caption: str, data_as_of: datetime | None, first: int, last: int, total: int, lang: str,
                 synthetic: bool = False) -> list[str]:
    """The lines that head an export: what it is, the filters in words, the data date and which rows."""
    when = data_as_of.strftime("%d-%m-%Y %H:%M") if data_as_of else "—"
    notes = [t("dx_export_title", lang), t("dx_export_filters", lang, caption=caption),
             t("dx_export_as_of", lang, when=when), t("dx_export_rows", lang, first=first, last=last, total=total)]
    return notes + ([t("dx_export_synthetic", lang)] if synthetic else [])


def csv_bytes(frame: pd.DataFrame, notes: list[str]) -> bytes:
    """UTF-8 CSV (with BOM, so Excel reads the accents): the notes, one per line, a blank line, then the table."""
    return spreadsheet.csv_bytes(spreadsheet.frame_rows(frame), notes)


def xlsx_bytes(frame: pd.DataFrame, notes: list[str], lang: str) -> bytes:
    """An XLSX with the table on the first sheet and the notes (filters, data date, rows) on a second one."""
    return spreadsheet.xlsx_bytes([(t("dx_sheet_cases", lang), spreadsheet.frame_rows(frame)),
                                   (t("dx_sheet_about", lang), [[note] for note in notes])], header_rows=[1])


def rejections_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rejected rows of recent loads with headers in the chosen language."""
    columns = {"loaded_at": "dx_rej_loaded_at", "source_file": "dx_rej_file", "row_number": "dx_rej_row",
               "column": "dx_rej_column", "value": "dx_rej_value", "reason": "dx_rej_reason"}
    return frame[list(columns)].rename(columns={c: t(key, lang) for c, key in columns.items()})


QUALITY_COLUMNS = ("source_file", "loaded_at", "election", "rows_read", "rows_loaded", "rows_rejected",
                   "rows_duplicate", "unmatched_regions")


def quality_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per load with headers in the chosen language and the election labelled."""
    shown = frame[list(QUALITY_COLUMNS)].assign(
        election=[label("election", e, lang) if isinstance(e, str) else "—" for e in frame["election"]])
    return shown.rename(columns={c: t(f"ab_col_{c}", lang) for c in QUALITY_COLUMNS})


def quality_totals(frame: pd.DataFrame) -> dict[str, int]:
    """Sums over every load, for the sentence above the table."""
    sums = {key: int(frame[column].sum()) for key, column in (
        ("read", "rows_read"), ("loaded", "rows_loaded"), ("rejected", "rows_rejected"),
        ("duplicate", "rows_duplicate"), ("unmatched", "unmatched_regions"))}
    return {"loads": len(frame), **sums}
