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
