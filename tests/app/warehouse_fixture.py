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
