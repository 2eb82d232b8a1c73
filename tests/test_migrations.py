"""A warehouse built by an older Netra upgrades in place: the committed schema-1 fixture, migrated exactly.

tests/fixtures/warehouse_v1 is the EXPORT DATABASE of the generation the first Netra (schema 1, no versions)
published for tests/app/fixtures/register.csv; here it becomes a generation file again and a new generation is
made from it, as the next load or `etl restore` would.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import duckdb
import pytest

from etl.__main__ import main as etl_main
from warehouse import db, generations
from warehouse.health import health
from warehouse.reader import Warehouse
from warehouse.rules import MACROS, missing_rules
from warehouse.schema import SCHEMA_VERSION, migrations

FIXTURE = Path(__file__).with_name("fixtures") / "warehouse_v1"
OLD_ID = "20241101T090000-000000001"
OLD_LOAD = "20261201T233415-379093ad"
REGIMES = {"pilkada2024": "pp94_skb2022", "pemilu2024": "pp94_skb2022"}


@pytest.fixture
def old_warehouse(warehouse_dir) -> Path:
    """The schema-1 fixture as the published generation of a fresh warehouse folder."""
    warehouse_dir.mkdir(parents=True)
    path = warehouse_dir / f"{db.PREFIX}{OLD_ID}{db.SUFFIX}"
    with duckdb.connect(str(path)) as con:
        con.execute(f"import database '{FIXTURE}'")  # a statement that takes no parameters; our own path
    os.symlink(path.name, warehouse_dir / db.CURRENT)
    return path


def test_the_fixture_is_schema_version_1(old_warehouse):
    with duckdb.connect(str(old_warehouse), read_only=True) as con:
        assert db.schema_version(con) == 1
        assert con.execute("select count(*) from meta").fetchall() == [(0,)]
        columns = {name for (name,) in con.execute(
            "select column_name from duckdb_columns() where table_name = 'cases'").fetchall()}
        assert "person_case_id" not in columns and "regime" not in columns
        assert missing_rules(con) == sorted(MACROS)
    found = health(old_warehouse)
    assert (found.kind, found.schema_version) == ("outdated", 1)


def test_a_new_generation_from_it_migrates_every_table_and_keeps_every_value(old_warehouse):
    with db.new_generation():
        pass
    new = db.current_path()
    assert new != old_warehouse and old_warehouse.exists()  # the old file is left as it was
    with duckdb.connect(str(new), read_only=True) as con:
        assert db.schema_version(con) == SCHEMA_VERSION == max(number for number, _ in migrations())
        assert missing_rules(con) == []
        rows = con.execute("""select case_id, election, regime, person_case_id is not null, forwarded_to, extra,
                                     status, region_code, load_id
                              from cases order by case_id""").fetchall()
        batches = con.execute("""select load_id, source_file, rows_read, rows_loaded, rows_rejected, rows_duplicate,
                                        rows_warned, rows_linked, loaded_by, options from load_batches""").fetchall()
        rejected = con.execute("select row_number, \"column\", value from rejected_rows").fetchall()
        warnings = con.execute("select count(*) from load_warnings").fetchall()
        election_regimes = dict(con.execute("select election, regime from elections").fetchall())
        lineage = dict(con.execute("select key, value from meta where key like 'made%' or key = 'source'").fetchall())
        people = con.execute("select count(*), sum(records) from person_cases").fetchall()
    assert [r[0] for r in rows] == ["P24-001", "P24-002", "P24-003", "P24-004", "P24-005", "P24-006", "P24-007",
                                    "P24-008", "PEM-001", "PEM-002", "PEM-003", "PEM-004"]
    assert all(regime == REGIMES[election] for _, election, regime, *_ in rows)
    assert all(has_person and forwarded is None and extra is None and load_id == OLD_LOAD
               for _, _, _, has_person, forwarded, extra, _, _, load_id in rows)
    assert [r[6] for r in rows[:3]] == ["disanksi", "terbukti", "diproses"]
    assert rows[7][7] is None and rows[0][7] == "33.25"  # P24-008 is provincial, P24-001 in Kabupaten Batang
    assert batches == [(OLD_LOAD, "register.csv", 13, 12, 1, 0, 0, 0, None, None)]
    assert rejected == [(14, "region_code", "Kabupaten Antah Berantah")]
    assert warnings == [(0,)]
    assert people == [(12, 12)]  # person_cases made for the upgraded generation: twelve unlinked records
    assert election_regimes == {"pilkada2020": "pp53_skb2020", "pemilu2024": "pp94_skb2022",
                                "pilkada2024": "pp94_skb2022"}
    assert lineage["made_from"] == OLD_ID and lineage["made_by"] == "lainnya"
    dt.datetime.fromisoformat(lineage["made_at"])


def test_the_read_api_answers_on_the_migrated_generation(old_warehouse):
    with db.new_generation():
        pass
    with Warehouse() as wh:
        assert wh.kpis(None).iloc[0][["reported", "proven", "sanctioned"]].tolist() == [12, 6, 3]
        assert wh.data_extent(None).iloc[0]["first_day"].date().isoformat() == "2023-12-01"


def test_generations_lists_it_as_valid_after_migration_and_restore_upgrades_it(old_warehouse, capsys):
    (info,) = generations.listing()
    assert (info.id, info.health.kind, info.valid, info.inferred) == (OLD_ID, "outdated", True, True)
    assert (info.made_by, info.source, info.cases) == ("load", "register.csv", 12)
    assert etl_main(["restore", OLD_ID]) == 0
    assert f"dari {OLD_ID}" in capsys.readouterr().out
    newest, old = generations.listing()
    assert (newest.made_by, newest.source, newest.health.kind, newest.current) == ("restore", OLD_ID, "ok", True)
    assert not old.current and old.health.kind == "outdated"


def test_etl_upgrade_publishes_the_outdated_current_generation_again_once(old_warehouse, capsys):
    assert etl_main(["upgrade"]) == 0
    upgraded = db.current_path()
    assert upgraded != old_warehouse and health(upgraded).ok
    assert f"dari {OLD_ID}" in capsys.readouterr().out
    assert etl_main(["upgrade"]) == 0 and db.current_path() == upgraded
    assert "sudah mutakhir" in capsys.readouterr().out


def test_the_app_tells_admins_to_upgrade_and_shows_no_error_to_others(old_warehouse, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import DASHBOARD

    monkeypatch.setenv("NETRA_USERS_FILE", str(tmp_path / "no-users.toml"))
    monkeypatch.setenv("NETRA_ROLE", "admin")
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    assert not at.exception
    assert any(OLD_ID in e.value and "python -m etl upgrade" in e.value for e in at.error)
    monkeypatch.setenv("NETRA_ROLE", "pimpinan")
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    assert not at.exception and OLD_ID not in str([e.value for e in at.error])


def test_a_warehouse_from_before_the_archive_is_upgraded_first_then_names_the_files_it_lacks(old_warehouse, capsys):
    assert etl_main(["rebuild"]) == 2
    assert "python -m etl upgrade" in capsys.readouterr().out  # migrate first: its tables lack what a replay reads
    assert etl_main(["upgrade"]) == 0
    current = db.current_path()
    capsys.readouterr()
    assert etl_main(["rebuild", "--json"]) == 2
    report = json.loads(capsys.readouterr().out)
    [entry] = report["files"]
    assert (entry["file"], entry["load_id"], entry["status"]) == ("register.csv", OLD_LOAD, "missing")
    assert report["refused"][-1].startswith("Tidak ada yang dibangun ulang. Muat lagi berkas aslinya")
    assert db.current_path() == current
