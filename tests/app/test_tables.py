"""ui.views.tables without Streamlit: role masking, formula neutralising, CSV/XLSX bytes of exactly the given rows."""

import io
from datetime import date, datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from ui.views import tables
from warehouse import spreadsheet

ROWS = pd.DataFrame([{
    "case_id": "=HYPERLINK(\"http://x\")", "election": "pilkada2024", "incident_date": pd.Timestamp("2024-10-02"),
    "report_date": pd.Timestamp("2024-10-03"), "decision_date": pd.NaT, "region_name": None,
    "province_name": "Jawa Tengah", "violation_type": "media_sosial", "severity": None, "status": "diproses",
    "position_class": "fungsional", "agency_name": "@Dinas", "source_agency": "bawaslu",
    "subject_name": "Agus Wibowo", "subject_nip": "199003032015031003",
}])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"), ("+62 812", "'+62 812"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
        ("\rx", "'\rx"), ("Kabupaten Batang", "Kabupaten Batang"), ("a=b", "a=b"), ("", ""), (-2, -2), (None, None),
        (date(2024, 1, 1), date(2024, 1, 1)),
    ],
)
def test_neutralise(value, expected):
    assert spreadsheet.neutralise(value) == expected  # the one function every export uses


@pytest.mark.parametrize(
    ("role", "columns", "nip"),
    [
        ("analis", 13, "1990••••••••••••03"),
        ("admin", 14, "199003032015031003"),
    ],
)
def test_display_frame_masks_by_role(role, columns, nip):
    shown = tables.display_frame(ROWS, role, "id")
    assert len(shown.columns) == columns
    assert ("Nama" in shown.columns) == (role == "admin")
    row = shown.iloc[0]
    assert (row["NIP"], row["Wilayah"], row["Jenis pelanggaran"], row["Tingkat"], row["Tanggal putusan"]) == (
        nip, "Jawa Tengah", "Media sosial", None, None)
    assert row["Tanggal kejadian"] == date(2024, 10, 2)


@pytest.mark.parametrize(
    ("total", "size", "pages"), [(0, 50, 1), (1, 50, 1), (50, 50, 1), (51, 50, 2), (1158, 50, 24)])
def test_page_count(total, size, pages):
    assert tables.page_count(total, size) == pages


def test_csv_has_the_notes_then_exactly_the_rows_neutralised():
    shown = tables.display_frame(ROWS, "analis", "en")
    notes = tables.export_notes("Province: Jawa Tengah", datetime(2024, 12, 1, 8, 0), 1, 1, 1, "en", synthetic=True)
    text = tables.csv_bytes(shown, notes).decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[:6] == [
        "Netra — civil service neutrality cases", "Filters: Province: Jawa Tengah", "Data as of: 01-12-2024 08:00",
        "Rows 1–1 of 1 cases", "SYNTHETIC DATA — not real cases", "",
    ]
    table = pd.read_csv(io.StringIO("\n".join(lines[6:])), dtype=str, keep_default_na=False)
    assert table.columns.tolist() == shown.columns.tolist()
    assert table.iloc[0].tolist() == [
        "'=HYPERLINK(\"http://x\")", "Pilkada 2024", "2024-10-02", "2024-10-03", "", "Jawa Tengah", "Social media",
        "", "In process", "Functional (teachers, health staff, …)", "'@Dinas", "Bawaslu", "1990••••••••••••03",
    ]


def test_xlsx_holds_the_rows_as_text_and_a_sheet_of_notes():
    shown = tables.display_frame(ROWS, "admin", "id")
    notes = tables.export_notes("Semua kasus", None, 1, 1, 1, "id")
    book = load_workbook(io.BytesIO(tables.xlsx_bytes(shown, notes, "id")))
    assert book.sheetnames == ["Kasus", "Keterangan"]
    cases = list(book["Kasus"].iter_rows(values_only=True))
    assert len(cases) == 2
    assert cases[0][:3] == ("Nomor kasus", "Pemilihan", "Tanggal kejadian")
    assert cases[1][0] == "'=HYPERLINK(\"http://x\")"
    assert book["Kasus"]["A2"].data_type == "s"  # text, never a formula
    assert cases[1][2] == datetime(2024, 10, 2)
    assert cases[1][12:] == ("Agus Wibowo", "199003032015031003")
    assert [row[0] for row in book["Keterangan"].iter_rows(values_only=True)] == [
        "Netra — data kasus netralitas ASN", "Filter: Semua kasus", "Data per: —", "Baris 1–1 dari 1 kasus"]


def test_case_detail_hides_the_name_from_analysts():
    detail = tables.case_detail(ROWS.iloc[0].to_dict(), "analis", "en")
    fields = dict(detail.values.tolist())
    assert "Name" not in fields
    assert (fields["NIP"], fields["Place"], fields["Decision date"]) == ("1990••••••••••••03", "Jawa Tengah", "—")
