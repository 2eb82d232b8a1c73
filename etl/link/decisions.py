"""What stewards decided about pairs of records: the same person in the same case (confirm) or not (split).

One append-only CSV in `settings.steward_dir()` (`link_decisions.csv`: decision, record_a, record_b, decided_by,
decided_at, note), outside the warehouse generations, so every load, rebuild and demo build applies it. A line is
never edited: the latest decision about a pair wins. Records are named by their key as `etl links` prints it,
`election:source_agency:case_id#subject_no` (a case id may hold ':' or '#'; the election and the agency never
do, and the subject number is the digits after the last '#').
"""

from __future__ import annotations

import csv
import datetime as dt
import fcntl
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import settings
from warehouse.vocab import ELECTIONS, SOURCE_AGENCIES

FILE = "link_decisions.csv"
COLUMNS = ("decision", "record_a", "record_b", "decided_by", "decided_at", "note")
CONFIRM, SPLIT = "confirm", "split"
KINDS = (CONFIRM, SPLIT)
_KEY = re.compile(r"^(?P<election>[^:]+):(?P<agency>[^:]+):(?P<case>.+)#(?P<no>\d+)$")


class DecisionError(ValueError):
    """A decision that can't be recorded; the message says why, in Indonesian."""


@dataclass(frozen=True, order=True)
class RecordKey:
    """The key of one cases row, as the steward names it."""

    election: str
    source_agency: str
    case_id: str
    subject_no: int

    def __str__(self) -> str:
        return f"{self.election}:{self.source_agency}:{self.case_id}#{self.subject_no}"

    @classmethod
    def parse(cls, text: str) -> RecordKey:
        """The key from its printed form; DecisionError naming what is wrong otherwise."""
        match = _KEY.match(text.strip())
        if not match:
            raise DecisionError(f"'{text}' bukan kunci catatan; tulis seperti yang dicetak `python -m etl links`: "
                                "pemilihan:lembaga:nomor_kasus#nomor_orang, mis. pilkada2024:bawaslu:001/2024#1.")
        election, agency = match["election"], match["agency"]
        if election not in ELECTIONS:
            raise DecisionError(f"'{text}': pemilihan '{election}' tidak dikenal ({', '.join(ELECTIONS)}).")
        if agency not in SOURCE_AGENCIES:
            raise DecisionError(f"'{text}': lembaga '{agency}' tidak dikenal ({', '.join(SOURCE_AGENCIES)}).")
        return cls(election, agency, match["case"], int(match["no"]))


@dataclass(frozen=True)
class Decision:
    """One line of the steward file."""

    decision: str
    a: RecordKey
    b: RecordKey
    decided_by: str
    decided_at: str
    note: str = ""

    @property
    def pair(self) -> tuple[RecordKey, RecordKey]:
        """The two records in key order: a decision about (A, B) is one about (B, A)."""
        return (self.a, self.b) if self.a <= self.b else (self.b, self.a)


def decisions_path() -> Path:
    """Where the decisions live (NETRA_DATA_DIR moves it with the warehouse)."""
    return settings.steward_dir() / FILE


def history() -> list[Decision]:
    """Every decision ever recorded, oldest first (empty before the first)."""
    path = decisions_path()
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    out = []
    for number, row in enumerate(rows, start=2):
        try:
            out.append(Decision(row["decision"], RecordKey.parse(row["record_a"]), RecordKey.parse(row["record_b"]),
                                row.get("decided_by") or "", row.get("decided_at") or "", row.get("note") or ""))
        except (DecisionError, KeyError, TypeError) as error:  # a hand-edited line: named, never applied
            raise DecisionError(f"{path}, baris {number}: {error}") from None
    return out


def in_force(decisions: list[Decision]) -> list[Decision]:
    """The latest decision about each pair, in the order they were made."""
    latest: dict[tuple[RecordKey, RecordKey], Decision] = {}
    for decision in decisions:
        latest.pop(decision.pair, None)
        latest[decision.pair] = decision
    return list(latest.values())


def record(decision: str, a: RecordKey, b: RecordKey, by: str, note: str = "") -> Decision:
    """Append one decision (under an exclusive lock, flushed to disk) and return it."""
    if decision not in KINDS:
        raise DecisionError(f"keputusan '{decision}' tidak dikenal; pilih {' atau '.join(KINDS)}.")
    if a == b:
        raise DecisionError(f"{a}: kedua catatan sama; pilih dua catatan yang berbeda.")
    if a.election != b.election:
        raise DecisionError(f"{a} dan {b} berasal dari pemilihan berbeda: catatan tidak pernah ditautkan lintas "
                            "pemilihan (orang yang sama di pemilihan lain adalah kasus lain).")
    entry = Decision(decision, a, b, by, dt.datetime.now().isoformat(timespec="seconds"), note.strip())
    path = decisions_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8", newline="") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        text = io.StringIO()
        writer = csv.writer(text)
        if os.fstat(handle.fileno()).st_size == 0:
            writer.writerow(COLUMNS)
        writer.writerow([entry.decision, str(a), str(b), entry.decided_by, entry.decided_at, entry.note])
        handle.write(text.getvalue())
        handle.flush()
        os.fsync(handle.fileno())
    return entry
