"""Every path Netra uses, in one place, so tests and deployments move them with environment variables."""

import csv
import os
from pathlib import Path

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
