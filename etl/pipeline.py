"""Reading one register, apart from publishing it: (file, options, data/reference + phrasebook) -> what it holds.

`read_file` never touches the warehouse: it reads the file, decides each column (`etl.mapping`), reads the rows
(`etl.validate`) and says what it found — records, rejected rows, warnings, the column mapping, the phrases
nobody taught yet. `etl.load` publishes that (or, for a preview, only reports it); `etl rebuild` can run the
same function over the raw archive.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from etl.columns import DATE_COLUMNS, column_label
from etl.mapping import ColumnChoice, canonical_frame, choose
from etl.phrasebook import EMPTY, Phrasebook
from etl.readers import Register, RegisterUnusable, read_register
from etl.validate import Defaults, Reading, Validated, _hint, election_code, validate_frame

NO_DATE_NOR_ELECTION = ("tidak ada kolom tanggal dan tidak ada yang menyebut pemilihannya; tambahkan kolom "
                        "'Tanggal Kejadian' atau 'Tanggal Laporan', atau muat dengan --election.")


@dataclass
class FileReading:
    """One register as read: the raw sheets, how each column was read, and the rows' outcome."""

    path: Path
    sha256: str
    register: Register | None = None
    choices: list[list[ColumnChoice]] = field(default_factory=list)
    validated: Validated | None = None
    error: str | None = None  # the one-line reason a file can't be used at all

    @property
    def corrects_warnings(self) -> bool:
        """True for a correction file of warned rows (it has Netra's 'Peringatan' column): its rows replace the
        records they came from instead of counting as duplicates."""
        return any(choice.how == "netra" and choice.header.strip().lower() == "peringatan"
                   for sheet in self.choices for choice in sheet)

    @property
    def name(self) -> str:
        return self.path.name

    def mapped(self, sheet: int) -> dict[str, str]:
        """field -> header of one sheet."""
        return {choice.field: choice.header for choice in self.choices[sheet] if choice.field}


def sha256_of(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def read_file(path: Path, defaults: Defaults = Defaults(), book: Phrasebook = EMPTY,
              on_step: Callable[[str], None] = lambda what: None) -> FileReading:
    """Everything a register holds, as this Netra and this phrasebook read it (no warehouse involved)."""
    reading = FileReading(Path(path), sha256_of(Path(path)))
    try:
        register = read_register(path, book)
    except RegisterUnusable as error:
        reading.error = str(error)
        return reading
    reading.register = register
    reading.choices = [choose(sheet, book) for sheet in register.sheets]
    if not _dated_or_named(register, reading.choices, defaults):
        reading.error = f"{reading.name}: {NO_DATE_NOR_ELECTION}"
        return reading
    on_step("memeriksa baris")
    frame = canonical_frame(register.sheets, reading.choices)
    context = Reading(defaults, tuple(sheet.title for sheet in register.sheets), reading.name, book)
    reading.validated = validate_frame(frame, context, on_step=on_step)
    checked = reading.validated
    accounted = checked.records["_record"].nunique() + checked.rejected["_record"].nunique()
    if accounted != len(frame):  # every register row is loaded, a repeat, or rejected: never lost
        raise RuntimeError(f"{reading.name}: {len(frame)} baris dibaca tetapi {accounted} tercatat")
    return reading


def _dated_or_named(register: Register, choices: list[list[ColumnChoice]], defaults: Defaults) -> bool:
    """False when nothing could ever give a row its election: no date column, no election column or hint."""
    fields = {choice.field for sheet in choices for choice in sheet}
    if fields & {*DATE_COLUMNS, "election", "_sheet_name"} or defaults.election:
        return True
    hints = [sheet.name for sheet in register.sheets] + [sheet.title for sheet in register.sheets]
    return any(_hint(election_code, text) for text in [*hints, register.path.stem])


def problems_frame(reading: FileReading, problems: pd.DataFrame, load_id: str | None) -> pd.DataFrame:
    """rejected_rows / load_warnings rows: the header as the steward wrote it, an Indonesian reason that names
    sheet, row and column, and the whole row as JSON (to correct it in the file it came from)."""
    columns = ["load_id", "source_file", "row_number", "column", "value", "reason", "raw"]
    if problems.empty:
        return pd.DataFrame(columns=columns)
    register = reading.register
    several = len(register.sheets) > 1
    problems = problems.sort_values(["_sheet", "_row"], kind="stable")
    raws = {}
    for number, rows in problems.groupby("_sheet")["_row"]:
        sheet = register.sheets[number]
        unique = rows.unique()
        for row, cells in zip(unique, sheet.frame.loc[unique].to_dict("records"), strict=True):
            cells = {"Lembar": sheet.name, **cells} if several else cells
            raws[number, row] = json.dumps(cells, ensure_ascii=False)
    labels = {number: reading.mapped(number) for number in range(len(register.sheets))}
    rows = []
    for problem in problems.to_dict("records"):
        sheet = register.sheets[problem["_sheet"]]
        label = column_label(labels[problem["_sheet"]], problem["column"])
        where = f"Lembar '{sheet.name}', baris {problem['_row']}" if several else f"Baris {problem['_row']}"
        rows.append((load_id, reading.name, int(problem["_row"]), label, str(problem["value"]),
                     f"{where}, kolom '{label}': {problem['reason']}", raws[problem["_sheet"], problem["_row"]]))
    return pd.DataFrame(rows, columns=columns)
