"""Every CSV/XLSX file Netra writes goes through here, so no cell from a register ever runs as a formula.

Register text is hostile by default: a cell like `=HYPERLINK("http://…")`, `@SUM(…)`, `-2+3` or a DDE call
`cmd|' /C calc'!A0` is run by Excel or LibreOffice when the file is opened. `neutralise` prefixes such text with
an apostrophe (the spreadsheet convention for "this is text"); the XLSX writer also stores every text cell as a
string cell, never a formula. `restore` undoes the prefix when a correction file comes back to the loader, so a
file Netra wrote loads again as the steward sent it.

No Streamlit and no language here: etl (`etl rejected`) and ui (Data page, Muat data, briefing tables) share it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@")  # what makes a spreadsheet read a cell as a formula
CONTROL_STARTS = ("\t", "\r", "\n")  # a leading tab/CR/LF hides a formula behind it in some importers
LEADING_SPACE = " \xa0\u2007\u202f\u3000"  # spaces a spreadsheet skips before it sees '='
DDE = re.compile(r"^\s*[A-Za-z0-9_.\-]+\s*\|.*!")  # cmd|' /C calc'!A0, DDEAUTO-style links without '='
PREFIX = "'"


def dangerous(text: str) -> bool:
    """True when a spreadsheet opening this text could run it as a formula or a DDE link."""
    return (text.startswith(CONTROL_STARTS) or text.lstrip(LEADING_SPACE).startswith(FORMULA_STARTS)
            or bool(DDE.match(text)))


def neutralise(value):
    """A text cell that a spreadsheet would run, made plain text with a leading apostrophe; anything else as is."""
    if isinstance(value, str) and dangerous(value):
        return PREFIX + value
    return value


def restore(value):
    """The text `neutralise` was given: a leading apostrophe is dropped only where neutralise would have put it."""
    if isinstance(value, str) and value.startswith(PREFIX) and dangerous(value[1:]):
        return value[1:]
    return value


def plain_rows(header: Sequence, rows: Iterable[Sequence]) -> list[list]:
    """Header and rows with every text cell neutralised (headers too: they are cells like any other)."""
    return [[neutralise(str(cell)) for cell in header]] + [[neutralise(cell) for cell in row] for row in rows]


def frame_rows(frame) -> list[list]:
    """A pandas DataFrame as neutralised header + rows; missing values (None, NaN, NaT) become empty cells."""
    cells = frame.astype(object).where(frame.notna(), None)
    return plain_rows(list(frame.columns), cells.itertuples(index=False, name=None))


def csv_bytes(rows: list[list], notes: Sequence[str] = ()) -> bytes:
    """UTF-8 CSV with a BOM (Excel then reads the accents): the notes one per line and a blank line, then rows.

    `rows` come from `plain_rows`/`frame_rows` (already neutralised); None is written as an empty cell.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if notes:
        writer.writerows([[neutralise(note)] for note in notes] + [[]])
    writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(sheets: Sequence[tuple[str, list[list]]], header_rows: Sequence[int | None] = ()) -> bytes:
    """An XLSX with one sheet per (title, rows); every text cell is a string cell, never a formula.

    `header_rows[i]` (1-based) is the row of sheet i that heads a table: bold, and the view frozen below it;
    sheets without one are plain lines.
    """
    book = Workbook()
    book.remove(book.active)
    for number, (title, rows) in enumerate(sheets):
        sheet = book.create_sheet(title[:31])  # Excel's limit on sheet names
        for row in rows:
            sheet.append([neutralise(cell) for cell in row])
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING  # openpyxl would store a '=…' string as a formula
        header = header_rows[number] if number < len(header_rows) else None
        if header and sheet.max_row >= header:
            for cell in sheet[header]:
                cell.font = Font(bold=True)
            sheet.freeze_panes = f"A{header + 1}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
