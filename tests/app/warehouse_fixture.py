"""The fixture warehouse every app and browser test reads: the register in fixtures/, loaded by the real loader.

The register has 13 rows: 12 cases load (headers and values are canonical, so every value is exactly as written)
and row 14 (P24-009, 'Kabupaten Antah Berantah') is rejected for its unknown kabupaten/kota.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REGISTER = Path(__file__).with_name("fixtures") / "register.csv"


def build_fixture_warehouse(folder: Path) -> Path:
    """Load the fixture register into a fresh warehouse under `folder`; returns the published file."""
    from etl.load import load_files
    from warehouse import db

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETRA_DATA_DIR", str(folder))
        (result,) = load_files([REGISTER], progress=False)
        assert (result.rows_loaded, result.rows_rejected) == (12, 1), result.summary()
        return db.current_path()


# Register text that markdown, HTML, KaTeX or an image fetch would turn into something else (issue 9 defect 4)
HOSTILE_TEXT = "# Big ![](http://127.0.0.1:1/track.png) $x^2$ :red[x] <b>b</b>"
HOSTILE_CASE = "MD-001"


def build_hostile_warehouse(folder: Path) -> Path:
    """The fixture register plus case MD-001, whose agency, sanction and description are HOSTILE_TEXT."""
    import csv

    from etl.load import load_files
    from warehouse import db

    with REGISTER.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    hostile = {**rows[0], "case_id": HOSTILE_CASE, "agency_name": HOSTILE_TEXT, "sanction": HOSTILE_TEXT,
               "description": HOSTILE_TEXT, "subject_name": "Nama Uji", "subject_nip": "199001012020011001"}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder.parent / f"{folder.name}-register.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([*rows, hostile])
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETRA_DATA_DIR", str(folder))
        (result,) = load_files([path], progress=False)
        assert (result.rows_loaded, result.rows_rejected) == (13, 1), result.summary()
        return db.current_path()
