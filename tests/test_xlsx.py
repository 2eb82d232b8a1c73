"""The streaming XLSX reader: hostile workbooks refused fast with one line, real ones read as openpyxl reads them."""

from __future__ import annotations

import datetime as dt
import os
import resource
import subprocess
import sys
import time
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

import settings
from etl.readers import RegisterUnusable, read_register
from etl.xlsx import Limits, XlsxError, XlsxTooBig, read_workbook
from tests.fixtures import hostile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def handmade(path, sheet_xml: str, strings: list[str] = (), styles: str = "", date1904=False, namespace=MAIN):
    """A minimal workbook written part by part, as Excel and other exporters lay them out."""
    shared = "".join(f"<si>{text}</si>" for text in strings)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", hostile.CONTENT_TYPES)
        book.writestr("xl/workbook.xml", f'<workbook xmlns="{namespace}" xmlns:r="{REL}">'
                      f'<workbookPr date1904="{int(date1904)}"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/>'
                      "</sheets></workbook>")
        book.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                      'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                      'officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
                      "</Relationships>")
        book.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{namespace}">{sheet_xml}</worksheet>')
        if strings:
            book.writestr("xl/sharedStrings.xml", f'<sst xmlns="{namespace}">{shared}</sst>')
        if styles:
            book.writestr("xl/styles.xml", f'<styleSheet xmlns="{namespace}">{styles}</styleSheet>')
    return path


DATE_STYLES = ('<numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
               '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs>')


@pytest.mark.parametrize("namespace", [MAIN, STRICT])
def test_cells_of_every_kind(tmp_path, namespace):
    sheet = ('<dimension ref="A1:XFD1048576"/><sheetData>'  # a lying dimension changes nothing
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>'
             '<row r="3"><c r="A3" s="1"><v>45553</v></c><c r="B3" s="2"><v>45553.5</v></c><c r="C3"><v>33.25</v></c>'
             '<c r="D3"><v>3325</v></c><c r="E3" t="b"><v>1</v></c><c r="F3" t="str"><f>A1&amp;"x"</f><v>Nox</v></c>'
             '<c r="G3" t="e"><v>#N/A</v></c><c r="H3" t="inlineStr"><is><t>Kab. Batang</t></is></c>'
             '<c r="I3"><f>1+1</f></c><c r="J3" s="3"><v>1.5E3</v></c><c r="K3" t="d"><v>2024-09-18T00:00:00</v></c>'
             "</row><row><c><v>7</v></c><c t=\"s\"><v>2</v></c></row></sheetData>"
             '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>')
    strings = ["<t>No</t>", "<r><t>Nama </t></r><r><rPr><b/></rPr><t>Terlapor</t></r><rPh><t>x</t></rPh>",
               "<t>AT&amp;T _x005F_x000D_</t>"]
    [data] = read_workbook(handmade(tmp_path / "b.xlsx", sheet, strings, DATE_STYLES, namespace=namespace))
    assert data.name == "Data" and data.merges == [(1, 1, 2, 2)]
    assert data.rows == {
        1: ["No", None, "Nama Terlapor"],
        3: [dt.datetime(2024, 9, 18), dt.datetime(2024, 9, 18, 12), 33.25, 3325, True, "Nox", "#N/A", "Kab. Batang",
            None, 1500.0, dt.datetime(2024, 9, 18)],
        4: [7, "AT&T _x000D_"],  # a row and cells without references follow the previous ones
    }


def test_the_1904_date_system(tmp_path):
    sheet = '<sheetData><row r="1"><c r="A1" s="1"><v>44091</v></c></row></sheetData>'
    [data] = read_workbook(handmade(tmp_path / "mac.xlsx", sheet, styles=DATE_STYLES, date1904=True))
    assert data.rows == {1: [dt.datetime(2024, 9, 18)]}


def test_reads_what_openpyxl_reads(registers):
    path = registers["bawaslu.xlsx"]
    book = load_workbook(path, data_only=True)
    for sheet, ours in zip(book.worksheets, read_workbook(path), strict=True):
        theirs = {}
        for row in sheet.iter_rows():
            cells = [cell.value for cell in row]
            while cells and cells[-1] is None:
                cells.pop()
            if cells:
                theirs[row[0].row] = cells
        assert (ours.name, ours.rows) == (sheet.title, theirs)
        assert sorted(ours.merges) == sorted(m.bounds for m in sheet.merged_cells.ranges)


# --- limits ----------------------------------------------------------------------------------------------------


def small_book(path, rows=3, columns=3, merges=0):
    book = Workbook()
    sheet = book.active
    for r in range(1, rows + 1):
        sheet.append([f"r{r}c{c}" for c in range(1, columns + 1)])
    for m in range(merges):
        sheet.merge_cells(start_row=m + 1, start_column=1, end_row=m + 1, end_column=2)
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("limits", "shape", "reason"),
    [
        (Limits(cells=20), {"rows": 5, "columns": 5},
         "lebih dari 20 sel berisi; simpan register sebagai CSV atau bagi menjadi beberapa berkas"),
        (Limits(rows=2), {"rows": 3}, "lembar 'Sheet' punya baris ke-3; Excel sendiri paling banyak 2 baris"),
        (Limits(columns=2), {"columns": 3}, "lembar 'Sheet' berisi sel di kolom ke-3; register paling lebar 2 kolom"),
        (Limits(merges=1), {"merges": 2}, "lembar 'Sheet' punya lebih dari 1 sel gabungan"),
        (Limits(members=3), {}, "berisi 9 bagian; workbook register paling banyak 3"),
        (Limits(unpacked_bytes=1000), {},
         "isinya 0 MB setelah dibuka, melebihi batas 0 MB; simpan register sebagai CSV"),
        (Limits(ratio=1.5, ratio_from_bytes=100), {}, "mengembang"),
    ],
)
def test_each_limit_refuses_with_its_reason(tmp_path, limits, shape, reason):
    with pytest.raises(XlsxTooBig) as refused:
        read_workbook(small_book(tmp_path / "x.xlsx", **shape), limits)
    assert reason in str(refused.value)


def test_a_shared_string_table_longer_than_the_cell_limit_is_refused_while_read(tmp_path):
    path = handmade(tmp_path / "teks.xlsx", "<sheetData/>", [f"<t>{n}</t>" for n in range(9)])
    with pytest.raises(XlsxTooBig, match="^lebih dari 8 teks; simpan register sebagai CSV$"):
        read_workbook(path, Limits(cells=8))


def test_a_damaged_part_is_unreadable(tmp_path):
    with pytest.raises(XlsxError, match="bukan XLSX yang dapat dibaca"):
        read_workbook(handmade(tmp_path / "rusak.xlsx", "<sheetData><row><c><v>1</v></sheetData>"))


# --- the hostile workbooks of issue 9: refused in seconds, in little memory ------------------------------------


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory):
    return hostile.write_all(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize(("name", "reason"), [
    ("sel_jauh.xlsx", "sel_jauh.xlsx: ditolak, lembar 'Sheet' berisi sel di kolom ke-16.384; register paling lebar "
                      "1.000 kolom."),
    ("mengembang.xlsx", "mengembang.xlsx: ditolak, isinya 1.430 MB setelah dibuka, melebihi batas 1.024 MB; simpan "
                        "register sebagai CSV."),
    ("berbohong.xlsx", "berbohong.xlsx: bukan XLSX yang dapat dibaca (BadZipFile); buka di Excel lalu simpan ulang "
                       "sebagai .xlsx atau CSV."),
])
def test_hostile_workbooks_are_refused_with_one_line(hostile_files, name, reason):
    with pytest.raises(RegisterUnusable) as refused:
        read_register(hostile_files[name])
    assert str(refused.value) == reason


def test_refusing_them_takes_seconds_and_little_memory(hostile_files, tmp_path):
    """The whole loader as a process: exit 2 for each, within 10 s and 1 GB peak memory (issue 9's target)."""
    env = {**os.environ, "NETRA_DATA_DIR": str(tmp_path / "wh")}
    for name in ("sel_jauh.xlsx", "mengembang.xlsx"):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "etl", "load", str(hostile_files[name])], cwd=settings.ROOT,
                              env=env, capture_output=True, text=True, timeout=60)
        assert (done.returncode, time.perf_counter() - started < 10) == (2, True), done.stdout
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert peak_kb < 1_000_000
    assert not (tmp_path / "wh" / "current.duckdb").exists()
