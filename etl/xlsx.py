"""A streaming XLSX reader that never trusts what a workbook says about itself.

An XLSX is a zip of XML parts. A hostile (or broken) one can declare a sheet of 17 billion cells (`A1:XFD1048576`)
or hide a 1.5 GB sharedStrings part in a 1.5 MB zip; openpyxl then allocates for the declaration or inflates the
part into memory. Here the zip's members are checked first (how many, their unpacked sizes and compression
ratios), then each worksheet is parsed as a stream of cells, counting the cells and rows actually present, and
stopping at the first limit passed with a one-line reason (`XlsxTooBig`). Nothing is allocated from a declared
dimension: a sheet is kept as its present rows only, each as long as its last filled cell.

It returns exactly what openpyxl's `load_workbook(data_only=True)` would give the loader (cached formula values,
dates as datetime by their number format, whole numbers as int, merged ranges), about five times faster than
openpyxl's normal mode, which the merged cells used to require.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel, from_ISO8601


@dataclass(frozen=True)
class Limits:
    """What a register workbook may hold; each limit passed refuses the file with its own reason."""

    members: int = 10_000  # parts in the zip (a real workbook has tens)
    unpacked_bytes: int = 1 << 30  # all parts together, as declared by the zip (1 GiB)
    ratio: float = 100.0  # unpacked / packed for one part larger than `ratio_from_bytes` (real sheets: 5-20)
    ratio_from_bytes: int = 20 << 20
    rows: int = 1_048_576  # Excel's own limit; rows actually present
    cells: int = 5_000_000  # filled cells actually present over all sheets (e.g. 250,000 rows x 20 columns)
    columns: int = 1_000  # a filled cell beyond this column is not part of any register
    merges: int = 100_000  # merged ranges per sheet


LIMITS = Limits()


class XlsxError(Exception):
    """The workbook can't be read; the message is the Indonesian reason (without the file name)."""


class XlsxTooBig(XlsxError):
    """The workbook passes one of the limits; the message says which, in one line."""


@dataclass
class RawSheet:
    """One worksheet as present in the file: row number -> cell values (index 0 = column A), merged ranges."""

    name: str
    rows: dict[int, list] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # (min_col, min_row, max_col, max_row)


_COLUMN = re.compile(r"([A-Za-z]{1,3})(\d+)")
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_STRICT_RELATIONSHIP = "{http://purl.oclc.org/ooxml/officeDocument/relationships}id"


def _local(tag) -> str:
    """An XML tag without its namespace (transitional and strict OOXML use different ones); '' for comments."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def read_workbook(path: Path, limits: Limits | None = None) -> list[RawSheet]:
    """Every worksheet of the workbook at `path`; XlsxTooBig or XlsxError (with the reason) when it can't be used."""
    limits = limits or LIMITS
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise XlsxError(f"bukan XLSX yang dapat dibaca ({type(error).__name__})") from error
    with archive:
        check_members(archive, limits)
        try:
            return _Book(archive, limits).sheets()
        except (etree.XMLSyntaxError, KeyError, ValueError, IndexError, AttributeError, zipfile.BadZipFile,
                EOFError) as error:  # each means a damaged or hand-made part
            raise XlsxError(f"bukan XLSX yang dapat dibaca ({type(error).__name__})") from error


def check_members(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse a zip by what its directory declares, before anything is inflated.

    A member whose data inflates beyond its declared size fails zipfile's own check (it stops at the declared
    size and the CRC no longer matches), so the declared sizes are a bound on what parsing can ever read.
    """
    members = archive.infolist()
    if len(members) > limits.members:
        raise XlsxTooBig(f"berisi {_thousands(len(members))} bagian; workbook register paling banyak "
                         f"{_thousands(limits.members)}")
    total = sum(member.file_size for member in members)
    if total > limits.unpacked_bytes:
        raise XlsxTooBig(f"isinya {_thousands(total >> 20)} MB setelah dibuka, melebihi batas "
                         f"{_thousands(limits.unpacked_bytes >> 20)} MB; simpan register sebagai CSV")
    for member in members:
        ratio = member.file_size // max(member.compress_size, 1)
        if member.file_size > limits.ratio_from_bytes and ratio > limits.ratio:
            raise XlsxTooBig(f"bagian {member.filename} mengembang {_thousands(ratio)} kali menjadi "
                             f"{_thousands(member.file_size >> 20)} MB; itu bukan register biasa")


MAIN_NAMESPACES = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",  # transitional OOXML
                   "http://purl.oclc.org/ooxml/spreadsheetml/main")  # strict OOXML
SAFE = {"resolve_entities": False, "no_network": True, "huge_tree": False, "load_dtd": False}  # no entity bombs


def _tags(*names: str) -> list[str]:
    """A tag in both main namespaces, for lxml's tag filter."""
    return [f"{{{namespace}}}{name}" for namespace in MAIN_NAMESPACES for name in names]


def _parts(stream, *names: str):
    """(local tag, element) at the end of each element named `names` in an XML part (lxml, no entities)."""
    for _, element in etree.iterparse(stream, events=("end",), tag=_tags(*names), **SAFE):
        yield _local(element.tag), element


class _Book:
    """The parts of one workbook: sheet names and files, shared strings, date styles, the date system."""

    def __init__(self, archive: zipfile.ZipFile, limits: Limits):
        self.archive, self.limits = archive, limits
        self.names = {name.lower(): name for name in archive.namelist()}
        self.cells = 0  # filled cells so far, over all sheets
        self.sheet_files, self.epoch = self._sheets_of(self._part("xl/workbook.xml"))
        self.strings = self._shared_strings()
        self.date_styles = self._date_styles()

    def _part(self, name: str) -> str:
        """The member name of a part, whatever case the writer used; KeyError when there is none."""
        return self.names[name.lower()]

    def _sheets_of(self, workbook: str) -> tuple[list[tuple[str, str]], dt.datetime]:
        """[(sheet name, part path)] in workbook order, and the date epoch (1900 or 1904)."""
        targets = {}
        rels = posixpath.join(posixpath.dirname(workbook), "_rels", posixpath.basename(workbook) + ".rels")
        if rels.lower() in self.names:
            for _, element in etree.iterparse(self.archive.open(self._part(rels)), events=("end",), **SAFE):
                if _local(element.tag) == "Relationship" and element.get("Type", "").endswith("/worksheet"):
                    target = element.get("Target", "")
                    path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                        posixpath.join(posixpath.dirname(workbook), target))
                    targets[element.get("Id")] = path
        sheets, epoch = [], CALENDAR_WINDOWS_1900
        for tag, element in _parts(self.archive.open(workbook), "workbookPr", "sheet"):
            if tag == "workbookPr" and element.get("date1904", "").lower() in ("1", "true"):
                epoch = CALENDAR_MAC_1904
            elif tag == "sheet":
                rid = element.get(_RELATIONSHIP) or element.get(_STRICT_RELATIONSHIP)
                if rid in targets and targets[rid].lower() in self.names:  # chartsheets, dialog sheets: skipped
                    sheets.append((element.get("name", ""), self._part(targets[rid])))
        return sheets, epoch

    def _shared_strings(self) -> list[str]:
        """The shared string table, counted against the cell limit as it is read (it can't hold more strings)."""
        if "xl/sharedstrings.xml" not in self.names:
            return []
        strings = []
        for _, element in _parts(self.archive.open(self._part("xl/sharedStrings.xml")), "si"):
            strings.append(_text_of(element))
            _forget(element)
            if len(strings) > self.limits.cells:
                raise XlsxTooBig(f"lebih dari {_thousands(self.limits.cells)} teks; simpan register sebagai CSV")
        return strings

    def _date_styles(self) -> set[int]:
        """Indexes of the cell styles whose number format shows a date or time."""
        if "xl/styles.xml" not in self.names:
            return set()
        formats, styles = dict(BUILTIN_FORMATS), []
        for tag, element in _parts(self.archive.open(self._part("xl/styles.xml")), "numFmt", "cellXfs"):
            if tag == "numFmt":
                formats[int(element.get("numFmtId", "0"))] = element.get("formatCode", "")
            else:
                styles = [int(xf.get("numFmtId", "0")) for xf in element if _local(xf.tag) == "xf"]
        return {index for index, number in enumerate(styles) if is_date_format(formats.get(number, "General"))}

    def sheets(self) -> list[RawSheet]:
        return [self._sheet(name, part) for name, part in self.sheet_files]

    def _sheet(self, name: str, part: str) -> RawSheet:
        """One worksheet, streamed row by row: only rows and cells present are kept, the limits checked as they
        come, and each finished row is dropped from the parse tree."""
        sheet, limits = RawSheet(name), self.limits
        row_number = 0
        for tag, element in _parts(self.archive.open(part), "row", "mergeCell"):
            if tag == "mergeCell":
                sheet.merges.append(_bounds(element.get("ref", "")))
                if len(sheet.merges) > limits.merges:
                    raise XlsxTooBig(f"lembar '{name}' punya lebih dari {_thousands(limits.merges)} sel gabungan")
                continue
            row_number = int(element.get("r") or row_number + 1)
            if row_number > limits.rows:
                raise XlsxTooBig(f"lembar '{name}' punya baris ke-{_thousands(row_number)}; Excel sendiri paling "
                                 f"banyak {_thousands(limits.rows)} baris")
            cells = self._row(name, element)
            if cells:
                sheet.rows[row_number] = cells
            _forget(element)
        return sheet

    def _row(self, name: str, row) -> list:
        """The filled cells of one <row> as a list up to its last filled column (the hot loop: kept flat)."""
        cells, column, limits, strings = [], 0, self.limits, self.strings
        for cell in row:
            reference = cell.get("r")
            column = _column_number(reference) if reference else column + 1
            kind = cell.get("t")
            if kind == "inlineStr":
                value = _text_of(cell[0]) if len(cell) and cell[0].tag.endswith("}is") else None
            else:
                last = cell[len(cell) - 1] if len(cell) else None
                raw = last.text if last is not None and last.tag.endswith("}v") else None
                if not raw:
                    continue
                if kind == "s":
                    value = strings[int(raw)]
                elif kind is None or kind == "n":
                    value = self._number(raw, cell.get("s"))
                elif kind == "b":
                    value = bool(int(raw))
                elif kind == "d":
                    value = from_ISO8601(raw)
                else:  # str (a formula's text result), e (an error such as #N/A)
                    value = raw
            if value is None or value == "":
                continue
            if column > limits.columns:
                raise XlsxTooBig(f"lembar '{name}' berisi sel di kolom ke-{_thousands(column)}; register paling "
                                 f"lebar {_thousands(limits.columns)} kolom")
            self.cells += 1
            if self.cells > limits.cells:
                raise XlsxTooBig(f"lebih dari {_thousands(limits.cells)} sel berisi; simpan register sebagai CSV "
                                 "atau bagi menjadi beberapa berkas")
            if len(cells) < column:
                cells.extend([None] * (column - len(cells)))
            cells[column - 1] = value
        return cells

    def _number(self, raw: str, style: str | None):
        """A numeric cell as openpyxl gives it: int or float, or a datetime when its style shows a date."""
        number = float(raw) if ("." in raw or "e" in raw or "E" in raw) else int(raw)
        if style and int(style) in self.date_styles:
            try:
                return from_excel(number, self.epoch)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number


def _forget(element) -> None:
    """Drop a finished element and the siblings before it, so a long part is parsed in constant memory."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


_COLUMN_NUMBERS: dict[str, int] = {}


def _column_number(reference: str) -> int:
    """'A1' -> 1, 'AB12' -> 28, 'XFD1048576' -> 16384 (letters cached: a sheet repeats the same few)."""
    letters = reference.rstrip("0123456789$").lstrip("$").upper()
    number = _COLUMN_NUMBERS.get(letters)
    if number is None:
        if not letters.isalpha() or len(letters) > 3:
            raise ValueError(f"sel '{reference}'")
        number = 0
        for letter in letters:
            number = number * 26 + ord(letter) - 64
        _COLUMN_NUMBERS[letters] = number
    return number


def _bounds(reference: str) -> tuple[int, int, int, int]:
    """'B6:B7' -> (2, 6, 2, 7); a single cell 'C4' -> (3, 4, 3, 4)."""
    corners = [_COLUMN.fullmatch(part.replace("$", "")) for part in reference.split(":")]
    if not corners or any(corner is None for corner in corners):
        raise ValueError(f"sel gabungan '{reference}'")
    (c1, r1), (c2, r2) = ((_column_number(c[1]), int(c[2])) for c in (corners[0], corners[-1]))
    return min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)


def _text_of(element) -> str:
    """The plain text of a shared or inline string: its <t>, or its rich-text runs joined (phonetics skipped)."""
    if len(element) == 1 and element[0].tag.endswith("}t"):  # the usual case: one plain <t>
        return (element[0].text or "").replace("x005F_", "")
    parts = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts += [grand.text or "" for grand in child if _local(grand.tag) == "t"]
    return "".join(parts).replace("x005F_", "")
