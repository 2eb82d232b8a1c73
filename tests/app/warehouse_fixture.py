"""The fixture warehouse every app and browser test reads: the register in fixtures/, published for real."""

from __future__ import annotations

from pathlib import Path

import pytest

REGISTER = Path(__file__).with_name("fixtures") / "register.csv"


def build_fixture_warehouse(folder: Path) -> Path:
    """Publish the fixture register into a fresh warehouse under `folder`; returns the published file."""
    from warehouse import db

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETRA_DATA_DIR", str(folder))
        _load_register(REGISTER)
        return db.current_path()


def _load_register(path: Path) -> None:
    """The fixture register into the warehouse (canonical columns, so every value is exactly as written).

    Written straight through a checked generation until `etl.load.load_files` lands; the register's headers and
    values are canonical so the loader will read it to the same rows.
    """
    from warehouse import db

    with db.new_generation(fresh=True) as con:
        con.execute(
            """insert into cases by name
               select *, 1 as subject_no, 'fixture' as load_id,
                      row_number() over () + 1 as source_row
               from read_csv(?, header = true, all_varchar = false, dateformat = '%Y-%m-%d',
                             types = {'region_code': 'varchar', 'province_code': 'varchar', 'subject_nip': 'varchar'})""",
            [str(path)],
        )
        con.execute(
            """insert into load_batches values ('fixture', ?, 'fixture', timestamp '2024-12-01 08:00:00', null,
               12, 12, 0, 0)""",
            [path.name],
        )
