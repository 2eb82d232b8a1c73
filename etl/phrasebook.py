"""What data stewards taught the loader: headers it did not know and phrases it could not read.

One append-only CSV in `settings.steward_dir()` (`phrasebook.csv`: kind, field, phrase, value, taught_by,
taught_at), outside the warehouse generations, so every later load and every rebuild reads it. An entry is
never edited: the latest entry for a (kind, field, phrase) wins, and an entry with an empty value withdraws it.

- kind `header`: a register header (`phrase`, compared as headers are: case, punctuation and abbreviations
  ignored) is the column `value` of the cases table, or `abaikan` (keep it raw, map it to nothing). `field` is
  empty.
- kind `phrase`: a whole cell of column `field` (compared folded: case, accents, punctuation and spacing
  ignored) means the vocabulary value `value` ('Rekom ke BKN' in `status` is `terbukti`). Regions and provinces
  take a code ('Kab. Pontianak Lama' -> 61.02).

Taught entries win over the built-in rules; nothing else in Netra needs to change to accept a new register shape.
"""

from __future__ import annotations

import csv
import datetime as dt
import fcntl
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

import settings
from etl.columns import ALIASES, header_key
from etl.normalize import NormalizeError, fold
from etl.normalize.regions import load_matcher
from warehouse.vocab import ALLOWED_VALUES, ELECTIONS

FILE = "phrasebook.csv"
COLUMNS = ("kind", "field", "phrase", "value", "taught_by", "taught_at")
KINDS = ("header", "phrase")
IGNORE = "abaikan"  # a header taught to map to nothing: its values stay raw in cases.extra
# fields a phrase can be taught for -> the values it may take (regions/provinces: a Kemendagri code)
PHRASE_FIELDS = {
    "status": ALLOWED_VALUES["status"], "severity": ALLOWED_VALUES["severity"],
    "violation_type": ALLOWED_VALUES["violation_type"], "violation_form": ALLOWED_VALUES["violation_form"],
    "violation_class": ALLOWED_VALUES["violation_class"], "source_kind": ALLOWED_VALUES["source_kind"],
    "source_agency": ALLOWED_VALUES["source_agency"], "position": ALLOWED_VALUES["position_class"],
    "employee_type": ALLOWED_VALUES["employee_type"], "agency_level": ALLOWED_VALUES["agency_level"],
    "forwarded_to": ALLOWED_VALUES["forwarded_to"], "election": ELECTIONS, "region": (), "province": (),
}
HEADER_TARGETS = (*ALIASES, IGNORE)


class TeachError(ValueError):
    """An entry that can't be taught; the message says why and what is accepted (Indonesian)."""


def phrasebook_path() -> Path:
    return settings.steward_dir() / FILE


@dataclass(frozen=True)
class Entry:
    kind: str
    field: str
    phrase: str
    value: str
    taught_by: str
    taught_at: str

    @property
    def key(self) -> tuple[str, str, str]:
        return self.kind, self.field, header_key(self.phrase) if self.kind == "header" else fold(self.phrase)


class Phrasebook:
    """The phrasebook as read at one moment: the full history, and the entries in force."""

    def __init__(self, history: list[Entry]):
        self.history = history
        latest: dict[tuple[str, str, str], Entry] = {}
        for entry in history:
            latest[entry.key] = entry
        self.active = {key: entry for key, entry in latest.items() if entry.value != ""}
        self._headers = {key[2]: entry.value for key, entry in self.active.items() if key[0] == "header"}
        self._phrases = {(key[1], key[2]): entry.value for key, entry in self.active.items() if key[0] == "phrase"}

    def header(self, label) -> str | None:
        """The column a steward taught for this header ('abaikan' for none), or None when nobody did."""
        return self._headers.get(header_key(label)) if self._headers else None

    def phrase(self, field: str, text) -> str | None:
        """The value a steward taught for this whole cell of `field`, or None."""
        if not self._phrases or text is None:
            return None
        return self._phrases.get((field, fold(text)))

    def knows(self, field: str) -> bool:
        """True when anything was taught for `field` (lets the loader skip lookups that can't hit)."""
        return any(key[0] == field for key in self._phrases)

    def fingerprint(self) -> str:
        """A short hash of the entries in force ('' when none): a load records it, so loading the same file
        again after something was taught reads it anew."""
        if not self.active:
            return ""
        text = "\n".join(sorted("\t".join((*key, entry.value)) for key, entry in self.active.items()))
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def rows(self) -> list[dict]:
        """The history as rows for the warehouse's `phrasebook` table, each with whether it is in force."""
        in_force = {id(entry) for entry in self.active.values()}
        return [{**entry.__dict__, "active": id(entry) in in_force} for entry in self.history]


EMPTY = Phrasebook([])


def load(path: Path | None = None) -> Phrasebook:
    """The phrasebook in the steward folder (empty when nothing was taught yet)."""
    path = path or phrasebook_path()
    if not path.exists():
        return EMPTY
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return Phrasebook([Entry(*(row.get(column) or "" for column in COLUMNS)) for row in rows])


def checked(kind: str, field: str, phrase: str, value: str) -> tuple[str, str, str, str]:
    """(kind, field, phrase, value) as stored, or TeachError saying what is accepted."""
    phrase = " ".join(str(phrase or "").split())
    value = str(value or "").strip()
    if kind not in KINDS:
        raise TeachError(f"jenis '{kind}' tidak dikenal; pilih header atau phrase.")
    if not phrase or not (header_key(phrase) if kind == "header" else fold(phrase)):
        raise TeachError("ungkapan kosong; tulis judul kolom atau isi sel persis seperti di register.")
    if kind == "header":
        value = value or field  # `teach header "Tingkat" severity`: the column is the value
        if value and value not in HEADER_TARGETS:
            raise TeachError(f"'{value}' bukan kolom gudang data; pilih salah satu: {', '.join(HEADER_TARGETS)}.")
        return kind, "", phrase, value
    if field not in PHRASE_FIELDS:
        raise TeachError(f"kolom '{field}' tidak bisa diajari ungkapan; pilih salah satu: "
                         f"{', '.join(PHRASE_FIELDS)}.")
    if value and field in ("region", "province"):
        try:
            matcher = load_matcher()
            value = matcher.province(value) if field == "province" else matcher.region(value)
        except NormalizeError as error:
            raise TeachError(f"{error} Untuk {field} tulis kodenya, mis. 33.25 atau 33.") from None
    elif value and value not in PHRASE_FIELDS[field]:
        raise TeachError(f"'{value}' bukan nilai {field}; pilih salah satu: {', '.join(PHRASE_FIELDS[field])}.")
    return kind, field, phrase, value


def teach(kind: str, field: str, phrase: str, value: str, by: str, path: Path | None = None) -> Entry:
    """Append one checked entry (an empty value withdraws what was taught) and return it as written."""
    entry = Entry(*checked(kind, field, phrase, value), by, dt.datetime.now().isoformat(timespec="seconds"))
    path = path or phrasebook_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8", newline="") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if handle.tell() == 0:
            writer.writerow(COLUMNS)
        writer.writerow([getattr(entry, column) for column in COLUMNS])
        handle.write(buffer.getvalue())
        handle.flush()
        os.fsync(handle.fileno())
    return entry
