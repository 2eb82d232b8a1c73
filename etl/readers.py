"""Read a register (CSV or XLSX) into raw strings, keeping the row number a person sees in the file.

Registers arrive as their owners made them: title rows above the header, a two-row merged header ("Tanggal"
over "Kejadian" | "Laporan"), a case number merged over the rows of its persons, several sheets. The reader
finds the header by the aliases of `etl.columns`, fills merged cells, and leaves every value as text for the
normalisers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv
from openpyxl.utils import get_column_letter

from etl.columns import DATE_COLUMNS, canonical_column
from etl.normalize import fold
from etl.phrasebook import EMPTY, IGNORE, Phrasebook
from etl.xlsx import XlsxError, XlsxTooBig, read_workbook
from warehouse import spreadsheet

HEADER_SCAN = 30  # title rows above the header seen in real registers: a handful; 30 leaves room
HEAD_CHARS = 200_000  # the start of a CSV that the header scan and delimiter sniffing read (never the whole file)
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252")
DELIMITERS = (",", ";", "\t")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


class RegisterUnusable(Exception):
    """A file that can't be used at all; the message is one Indonesian line that names the file."""


@dataclass
class Sheet:
    """One table of records: header labels as seen, and raw strings indexed by the row number in the file."""

    name: str | None
    labels: list[str]
    frame: pd.DataFrame  # columns = labels, index = row number as a person sees it
    title: str = ""  # the lines above the header ('REKAPITULASI … BAWASLU PROVINSI JAWA TENGAH … PILKADA 2024')
    header_row: int = 1  # where the header starts, as a person counts rows
    totals_skipped: int = 0  # 'Jumlah'/'Total' rows below the data, not records


@dataclass
class Register:
    """Every table of records in one file."""

    path: Path
    sheets: list[Sheet]

    @property
    def rows_read(self) -> int:
        """How many non-empty data rows the file holds, over all its sheets."""
        return sum(len(sheet.frame) for sheet in self.sheets)


def read_register(path: str | Path, book: Phrasebook = EMPTY) -> Register:
    """Every sheet of records in `path`, or RegisterUnusable saying in one line why the file can't be used.

    `book` adds the headers a steward taught to those the header scan knows.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RegisterUnusable(f"{path.name}: berkas tidak dapat dibuka ({error.strerror}).") from error
    if not data.strip():
        raise RegisterUnusable(f"{path.name}: berkas kosong; isi dengan register kasus (CSV atau XLSX).")
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() in XLSX_SUFFIXES:
        tables = _xlsx_tables(path)
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise RegisterUnusable(f"{path.name}: format Excel lama (.xls) atau berkas berkata sandi; simpan ulang "
                               "tanpa kata sandi sebagai .xlsx atau CSV.")
    elif b"\x00" in data[:4096]:
        raise RegisterUnusable(
            f"{path.name}: bukan CSV atau XLSX (berkas biner); simpan ulang sebagai .xlsx atau CSV."
        )
    else:
        tables = [_csv_table(path, data)]
    return Register(path, _record_sheets(path, tables, book))


@dataclass
class _Table:
    """A sheet before its header is known: the first rows to scan, and a way to read the rows below the header."""

    name: str | None
    head: list[list[str]]
    body: Callable[[int, int], pd.DataFrame]  # (rows above the data, width) -> data rows indexed by row number
    headings: frozenset[int] = frozenset()  # rows that are a section title merged across the table


_WHY_UNUSABLE = {
    "no_columns": "tidak ada kolom yang dikenali; baris judul kolom harus memuat mis. 'Tanggal Kejadian', "
    "'Kabupaten/Kota', 'Nama Terlapor'.",
    "no_rows": "tidak ada baris data di bawah judul kolom.",
}


def _record_sheets(path: Path, tables: list[_Table], book: Phrasebook) -> list[Sheet]:
    """The tables that hold records (a header naming at least two known columns) as Sheets."""
    sheets, why = [], []
    for table in tables:
        found = find_header(table.head, book)
        if found is None:
            continue
        start, depth, labels = found
        frame = table.body(start + depth, len(labels)).set_axis(labels, axis=1)
        frame = _drop_blank_rows(frame, table.headings, book)
        frame, totals = _drop_totals(frame)
        frame = _restored(frame)
        title = "\n".join(" ".join(cell for cell in dict.fromkeys(str(c).strip() for c in row) if cell)
                          for row in table.head[:start])
        if len(frame):
            sheets.append(Sheet(table.name, labels, frame, title.strip(), start + 1, totals))
        else:
            why.append("no_rows")
    if not sheets:
        raise RegisterUnusable(f"{path.name}: {_WHY_UNUSABLE[(why or ['no_columns'])[0]]}")
    return sheets


def find_header(rows: list[list[str]], book: Phrasebook = EMPTY) -> tuple[int, int, list[str]] | None:
    """(first header row, 1 or 2 header rows, labels) of the header naming the most known columns, or None.

    A two-row header wins only when joining the rows names more columns ("Tanggal" + "Kejadian"); at least two
    known columns make a header.
    """
    best, best_score = None, 1
    scan = rows[:HEADER_SCAN + 1]

    def _score(labels: list[str]) -> int:
        """How many distinct known columns a header row names (taught headers count too)."""
        return len({canonical_column(label) or book.header(label) for label in labels} - {None})

    singles = [_score(_labels(row)) for row in scan]
    for start in range(min(len(rows), HEADER_SCAN)):
        candidates = [(1, _labels(rows[start]), singles[start])]
        if start + 1 < len(scan):
            joined = _joined_labels(rows[start], rows[start + 1])
            # a title line over a header adds nothing; a header row over sub-headers ('Rekomendasi' over
            # 'Tanggal' | 'Isi') is read as one, even when the lower row alone names as many columns
            over_subheaders = singles[start] >= 2 and _score(joined) >= singles[start + 1] \
                and _parent_over_children(rows[start], rows[start + 1])
            if _score(joined) > max(singles[start], singles[start + 1]) or over_subheaders:
                candidates.append((2, joined, _score(joined) + (0.5 if over_subheaders else 0)))
        for depth, labels, score in candidates:
            if score > best_score:
                best, best_score = (start, depth, labels), score
    return best


def _parent_over_children(top: list[str], bottom: list[str]) -> bool:
    """True when a cell of `top` spans two columns (repeated, or followed by a blank) over two different cells
    below it: the shape of a merged parent header over its sub-headers."""
    top = [str(cell).strip() for cell in top]
    bottom = [str(cell).strip() for cell in bottom]
    for position in range(min(len(top), len(bottom)) - 1):
        parent, right = top[position], top[position + 1]
        left_child, right_child = bottom[position], bottom[position + 1]
        if parent and right in (parent, "") and left_child and right_child and left_child != right_child \
                and parent not in (left_child, right_child):
            return True
    return False


def _labels(row: list[str]) -> list[str]:
    """Header cells as labels: spaces collapsed, blanks named by their Excel column letter, repeats numbered."""
    labels, seen = [], {}
    for position, cell in enumerate(row, start=1):
        label = " ".join(str(cell).split()) or f"Kolom {get_column_letter(position)}"
        seen[label] = seen.get(label, 0) + 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    while labels and labels[-1].startswith("Kolom ") and not str(row[len(labels) - 1]).strip():
        labels.pop()  # trailing blank header cells carry no column
    return labels


def _joined_labels(top: list[str], bottom: list[str]) -> list[str]:
    """Labels of a two-row header; a parent written once over its children (CSV of a merged cell) spreads right."""
    joined, parent = [], ""
    for position in range(max(len(top), len(bottom))):
        upper = str(top[position]).strip() if position < len(top) else ""
        lower = str(bottom[position]).strip() if position < len(bottom) else ""
        parent = upper or (parent if lower else "")
        joined.append(parent if not lower or lower == parent else f"{parent} {lower}".strip())
    return _labels(joined)


def _drop_blank_rows(frame: pd.DataFrame, headings: frozenset[int], book: Phrasebook = EMPTY) -> pd.DataFrame:
    """Rows with no value in a known column go (empty lines, pre-numbered template rows), as do section titles."""
    known = [label for label in frame.columns if canonical_column(label) or book.header(label) not in (None, IGNORE)]
    filled = sum((frame[label].str.strip() != "").astype(int) for label in known)
    heading = frame.index.isin(list(headings)) & (filled <= 1)
    return frame[(filled > 0) & ~heading]


TOTAL_WORDS = {"jumlah", "total", "jumlah total", "grand total", "sub total", "subtotal", "total keseluruhan",
               "jumlah keseluruhan", "jumlah seluruhnya", "total kasus", "jumlah kasus", "jumlah asn"}


def _drop_totals(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Without the summary rows a recap ends with ('JUMLAH', 'Total'): the first filled cell says so and no
    date column is filled. They are sums, not records; the load report counts them."""
    if frame.empty:
        return frame, 0
    candidates = np.zeros(len(frame), dtype=bool)
    for label in frame.columns[:4]:  # a total's label sits in one of the first columns (cheap test first)
        values = frame[label]
        candidates |= ((values.str.len() < 30) & values.str.contains("(?i)jumlah|total", regex=True)).to_numpy()
    if not candidates.any():
        return frame, 0
    dates = [label for label in frame.columns if canonical_column(label) in DATE_COLUMNS]
    total = np.zeros(len(frame), dtype=bool)
    for position in np.flatnonzero(candidates):
        row = frame.iloc[position]
        filled = [str(cell) for cell in row if str(cell).strip()]
        no_date = all(not str(row[label]).strip() for label in dates)
        total[position] = bool(filled) and fold(filled[0]) in TOTAL_WORDS and no_date
    return frame[~total], int(total.sum())


def _restored(frame: pd.DataFrame) -> pd.DataFrame:
    """Cells a Netra correction file neutralised ('=… written as \'=…) as the steward first sent them."""
    for label in frame.columns:
        marked = frame[label].str.startswith(spreadsheet.PREFIX)
        if marked.any():
            frame = frame.copy()
            frame.loc[marked, label] = frame.loc[marked, label].map(spreadsheet.restore)
    return frame


# --- CSV -------------------------------------------------------------------------------------------------------


def _csv_table(path: Path, data: bytes) -> _Table:
    """A CSV decoded and split as sniffed; its body is parsed by pyarrow (1M rows in about a second)."""
    text, encoding = _decode(path, data)
    delimiter = sniff_delimiter(text[:HEAD_CHARS])
    head = list(csv.reader(io.StringIO("\n".join(text[:HEAD_CHARS].splitlines()[: HEADER_SCAN + 2])),
                           delimiter=delimiter))

    def body(skip: int, width: int) -> pd.DataFrame:
        frame = _arrow_body(data, encoding, delimiter, skip, width)
        if frame is None:  # ragged rows: pandas' C parser pads and cuts them instead
            frame = pd.read_csv(
                io.StringIO(text), sep=delimiter, header=None, skiprows=skip, names=range(width),
                usecols=range(width), index_col=False, dtype="str", keep_default_na=False, skip_blank_lines=False,
            )
        return frame.set_axis(range(skip + 1, skip + 1 + len(frame)))  # a record is a row in Excel's numbering

    return _Table(None, head, body)


def _arrow_body(data: bytes, encoding: str, delimiter: str, skip: int, width: int) -> pd.DataFrame | None:
    """The records below the header as text columns, or None when a row has more or fewer fields than the header.

    Blank lines come back as rows of empty strings, so the row numbers stay those a person sees.
    """
    names = [str(position) for position in range(width)]
    ragged = []
    table = pa_csv.read_csv(
        io.BytesIO(data),
        read_options=pa_csv.ReadOptions(skip_rows=skip, column_names=names,
                                        encoding="utf8" if encoding.startswith("utf-8") else encoding),
        parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False,
                                          invalid_row_handler=lambda row: ragged.append(row) or "skip"),
        convert_options=pa_csv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                              strings_can_be_null=False, quoted_strings_can_be_null=False),
    )
    return None if ragged else table.to_pandas()


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """(text, encoding) of a CSV in the first encoding that fits: UTF-8, UTF-8 with BOM, then Windows cp1252."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding
        except UnicodeDecodeError:
            continue
    raise RegisterUnusable(
        f"{path.name}: teks tidak dapat dibaca (bukan UTF-8 atau cp1252); simpan ulang sebagai CSV UTF-8."
    )


def sniff_delimiter(text: str) -> str:
    """The delimiter (comma, semicolon or tab) that splits the first lines into the most same-width rows."""
    sample = "\n".join(text.splitlines()[:50])
    best, best_score = ",", 0
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(io.StringIO(sample), delimiter=delimiter) if len(row) > 1]
        score = max((widths.count(width) * width for width in set(widths)), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# --- XLSX ------------------------------------------------------------------------------------------------------


def _xlsx_tables(path: Path) -> list[_Table]:
    """Every worksheet as a table, merged cells filled: across and down in the header, down in the data.

    The workbook is read by `etl.xlsx` (checked against its limits, streamed, only present cells kept), so a
    declared dimension or an inflating part never decides how much is allocated.
    """
    try:
        workbook = read_workbook(path)
    except XlsxTooBig as error:
        raise RegisterUnusable(f"{path.name}: ditolak, {error}.") from error
    except XlsxError as error:
        raise RegisterUnusable(f"{path.name}: {error}; buka di Excel lalu simpan ulang sebagai .xlsx atau CSV.") \
            from error
    tables = []
    for worksheet in workbook:
        rows = {number: [cell_text(value) for value in cells] for number, cells in worksheet.rows.items()}
        merges = worksheet.merges
        head = _filled({number: rows.get(number, []) for number in range(1, HEADER_SCAN + 3)}, merges, across=True)
        head = [head[number] for number in range(1, HEADER_SCAN + 3)]
        headings = frozenset(r for c1, r, c2, r2 in merges if r == r2 and c2 - c1 >= 2)

        def body(skip: int, width: int, rows=rows, merges=merges) -> pd.DataFrame:
            below = _filled({number: cells for number, cells in rows.items() if number > skip}, merges, across=False)
            numbers = sorted(below)
            cells = [(below[number] + [""] * width)[:width] for number in numbers]
            return pd.DataFrame(cells, index=numbers, columns=range(width), dtype="str")

        tables.append(_Table(worksheet.name, head, body, headings))
    return tables


def _filled(rows: dict[int, list[str]], merges: list[tuple[int, int, int, int]],
            across: bool) -> dict[int, list[str]]:
    """A copy of `rows` (row number -> cells) with each merged range's value copied down its first column (and
    across, if asked) into the rows present; a merge never creates a row, so a merged range can't inflate a sheet."""
    rows = {number: list(cells) for number, cells in rows.items()}
    for min_col, min_row, max_col, max_row in merges:
        top = rows.get(min_row)
        if top is None or len(top) < min_col:
            continue
        value = top[min_col - 1]
        last = max_col if across else min_col
        for number in (range(min_row, max_row + 1) if max_row - min_row < len(rows) else sorted(rows)):
            cells = rows.get(number)
            if cells is None or not min_row <= number <= max_row:
                continue
            if len(cells) < last:
                cells.extend([""] * (last - len(cells)))
            for c in range(min_col, last + 1):
                cells[c - 1] = value
    return rows


def cell_text(value) -> str:
    """An Excel cell as the text the normalisers read: dates in ISO form, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
