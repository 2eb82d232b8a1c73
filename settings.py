"""Every path Netra uses, in one place, so tests and deployments move them with environment variables."""

import csv
import os
from pathlib import Path

from warehouse.vocab import ELECTIONS

ROOT = Path(__file__).resolve().parent
REFERENCE_DIR = ROOT / "data" / "reference"
STATIC_DIR = ROOT / "static"  # served by Streamlit at app/static/ (enableStaticServing)


def read_reference(name: str) -> list[dict[str, str]]:
    """Rows of one data/reference CSV as dicts of strings (codes like '11.10' stay text)."""
    with (REFERENCE_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def warehouse_dir() -> Path:
    """Folder of warehouse generations; NETRA_DATA_DIR moves it (read at call time so tests can redirect it)."""
    return Path(os.environ.get("NETRA_DATA_DIR") or ROOT / "data" / "warehouse")


KEEP_GENERATIONS = 10  # published generations kept for `etl restore` (NETRA_KEEP_GENERATIONS changes it)
MIN_KEEP_GENERATIONS = 2  # the current one and at least one to go back to


class SettingError(ValueError):
    """An environment setting Netra cannot use; the message names the variable and what it accepts."""


def keep_generations() -> int:
    """How many published generations a publish keeps (the newest ones; older are pruned after 10 minutes).

    Each generation is a whole copy of the warehouse (about 120 MB at 1M cases, a few MB at real volumes), and
    every loaded file makes one: the default keeps the last ten loads restorable.
    """
    text = os.environ.get("NETRA_KEEP_GENERATIONS", "").strip()
    if not text:
        return KEEP_GENERATIONS
    if not text.isdigit() or int(text) < MIN_KEEP_GENERATIONS:
        raise SettingError(f"NETRA_KEEP_GENERATIONS={text!r}: tulis bilangan bulat {MIN_KEEP_GENERATIONS} atau "
                           f"lebih (bawaan {KEEP_GENERATIONS}).")
    return int(text)


STALL_DAYS = 90  # a person-case with no next hand this many days after its last one is "stalled" (NETRA_STALL_DAYS)
MAX_STALL_DAYS = 730  # two years: longer than any election's handling, so a larger value is a typo


def stall_days() -> int:
    """After how many days without a next step a person-case counts as stalled on the cross-agency flow page.

    Counted from the day of its last hand up to the data's last day; the page states the number it used.
    """
    text = os.environ.get("NETRA_STALL_DAYS", "").strip()
    if not text:
        return STALL_DAYS
    if not text.isdigit() or not 1 <= int(text) <= MAX_STALL_DAYS:
        raise SettingError(f"NETRA_STALL_DAYS={text!r}: tulis jumlah hari, bilangan bulat 1 sampai {MAX_STALL_DAYS} "
                           f"(bawaan {STALL_DAYS}).")
    return int(text)


DEFAULT_ELECTION_VAR = "NETRA_DEFAULT_ELECTION"
DEFAULT_ELECTION_CHOICES = ("latest", "all", *ELECTIONS)


def default_election_text() -> str:
    """What NETRA_DEFAULT_ELECTION says, trimmed and in lower case; 'latest' when it is unset or empty."""
    return os.environ.get(DEFAULT_ELECTION_VAR, "").strip().lower() or "latest"


def default_election() -> str:
    """Which election a visit shows when its link names none: 'latest' (the election with the latest voting day
    that has cases), 'all', or one election id. Summing three elections by default hid which one a number meant.
    """
    text = default_election_text()
    if text not in DEFAULT_ELECTION_CHOICES:
        raise SettingError(f"{DEFAULT_ELECTION_VAR}={text!r}: tulis {', '.join(DEFAULT_ELECTION_CHOICES)} "
                           "(bawaan latest).")
    return text


def _data_subdir(name: str) -> Path:
    """A folder beside the warehouse generations: data/<name>, or <NETRA_DATA_DIR>/<name> when that is set."""
    configured = os.environ.get("NETRA_DATA_DIR")
    return Path(configured) / name if configured else ROOT / "data" / name


def raw_dir() -> Path:
    """The immutable archive of every register a load accepted, one file per sha256 (never committed)."""
    return _data_subdir("raw")


def audit_dir() -> Path:
    """The append-only audit (sign-ins, loads, exports); outside the generations, so a publish never loses a line."""
    return _data_subdir("audit")


def steward_dir() -> Path:
    """What data stewards taught Netra (phrasebook, link decisions): kept outside generations, used by every build."""
    return _data_subdir("steward")


def geo_dir() -> Path:
    """Folder holding the installed boundary files (never committed; filled by `python -m geo install`)."""
    return Path(os.environ.get("NETRA_GEO_DIR") or ROOT / "data" / "geo")


def geo_source() -> Path | None:
    """Where setup copies boundaries from: NETRA_GEO_SOURCE, else ../shared/geo when it exists."""
    configured = os.environ.get("NETRA_GEO_SOURCE")
    if configured:
        return Path(configured)
    default = ROOT.parent / "shared" / "geo"
    return default if default.is_dir() else None
