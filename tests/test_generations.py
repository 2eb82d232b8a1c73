"""Generations you can see and restore, and a corrupt published generation survived (issue 9 defect 6).

Two real loads make two generations: the app's fixture register (12 cases), then the timeline register
(25 more). The tests list them, restore the first as a new generation, and break the published one in the three
ways files break (0 bytes, random bytes, cut short) to see every command refuse clearly and readers fall back.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import settings
from etl.__main__ import main as etl_main
from tests.app.warehouse_fixture import REGISTER
from warehouse import audit, db, generations
from warehouse.health import HEADER_BYTES, health

TIMELINE = Path(__file__).with_name("fixtures") / "timeline_register.csv"
CORRUPTIONS = ("empty", "random", "truncated")


@pytest.fixture
def two_loads(warehouse_dir, load_register, monkeypatch) -> tuple[Path, Path]:
    """(first, second) generation: the fixture register by 'siti', then the timeline register by 'budi'."""
    monkeypatch.setenv("NETRA_USER", "siti")
    load_register(REGISTER)
    first = db.current_path()
    monkeypatch.setenv("NETRA_USER", "budi")
    load_register(TIMELINE)
    return first, db.current_path()


def corrupt(path: Path, kind: str) -> None:
    """Break a generation file in place as disks, copies and editors do."""
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "random":
        path.write_bytes(os.urandom(300_000))
    else:  # cut in the middle of its blocks, as an interrupted copy leaves it
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2 + 1000])


def test_each_generation_records_what_made_it_who_and_when(two_loads):
    first, second = two_loads
    newest, oldest = generations.listing()
    assert (newest.path, newest.current, oldest.path, oldest.current) == (second, True, first, False)
    assert (oldest.made_by, oldest.source, oldest.made_by_user, oldest.cases, oldest.loads) == \
        ("load", "register.csv", "siti", 12, 1)
    assert (newest.made_by, newest.source, newest.made_by_user, newest.cases, newest.loads) == \
        ("load", "timeline_register.csv", "budi", 37, 2)
    assert all(info.valid and info.health.kind == "ok" and not info.inferred for info in (newest, oldest))
    with db.connect_read_only(second) as con:
        meta = dict(con.execute("select key, value from meta").fetchall())
    assert meta["made_from"] == db.generation_id(first)


def test_etl_generations_lists_them_newest_first_and_marks_the_current(two_loads, capsys):
    first, second = two_loads
    assert etl_main(["generations"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if db.generation_id(first)[:8] in line]
    assert lines[0].startswith(f"* {db.generation_id(second)}") and "37" in lines[0]
    assert "muat timeline_register.csv (budi)" in lines[0] and " ya " in lines[0]
    assert lines[1].startswith(f"  {db.generation_id(first)}") and "muat register.csv (siti)" in lines[1]
    assert etl_main(["generations", "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["current"], r["cases"], r["valid"], r["schema_version"]) for r in records] == [
        (db.generation_id(second), True, 37, True, db.SCHEMA_VERSION),
        (db.generation_id(first), False, 12, True, db.SCHEMA_VERSION),
    ]


def test_a_generation_that_fails_the_checks_is_listed_as_not_valid(two_loads):
    first, _ = two_loads
    with duckdb.connect(str(first)) as con:  # as a hand edit would leave it
        con.execute("update cases set status = 'selesai' where case_id = 'P24-001'")
    (_, oldest) = generations.listing()
    assert not oldest.valid and oldest.health.ok
    assert oldest.problems == ["status di luar kosakata: 1 baris, mis. P24-001#1 (muatan "
                               f"{oldest_load(first)}, baris 2)"]


def oldest_load(path: Path) -> str:
    with db.connect_read_only(path) as con:
        return con.execute("select load_id from load_batches").fetchall()[0][0]


def test_restore_publishes_a_new_generation_copied_from_the_old_one_and_audits_it(two_loads, capsys):
    first, second = two_loads
    before = set(db.generation_files())
    assert etl_main(["restore", first.name]) == 0  # the file name is understood as well as the id
    restored = db.current_path()
    assert restored not in before and set(db.generation_files()) == before | {restored}  # history only grows
    assert f"Diterbitkan: generasi baru {db.generation_id(restored)} dari {db.generation_id(first)}" in \
        capsys.readouterr().out
    newest = generations.describe(restored, restored)
    assert (newest.made_by, newest.source, newest.made_by_user, newest.cases) == \
        ("restore", db.generation_id(first), "budi", 12)
    with db.connect_read_only(first) as old, db.connect_read_only(restored) as new:
        query = "select * exclude (person_case_id) from cases order by all"
        assert old.execute(query).fetchall() == new.execute(query).fetchall()
    line = audit.entries().iloc[0]
    assert (line["event"], line["user"], line["outcome"]) == ("restore", "budi", "ok")
    assert json.loads(line["details"]) == {"generation": db.generation_id(first),
                                           "published": db.generation_id(restored)}


@pytest.mark.parametrize("wanted", ["nope", "2"])
def test_restore_of_an_unknown_or_ambiguous_id_is_refused_and_audited(two_loads, capsys, wanted):
    current = db.current_path()
    assert etl_main(["restore", wanted]) == 2
    out = capsys.readouterr().out
    assert ("Tidak ada generasi 'nope'" in out) if wanted == "nope" else ("cocok dengan 2 generasi" in out)
    assert db.current_path() == current
    assert audit.entries().iloc[0][["event", "outcome"]].tolist() == ["restore", "failed"]


def test_restore_of_a_broken_generation_is_refused(two_loads, capsys):
    first, second = two_loads
    corrupt(first, "random")
    assert etl_main(["restore", db.generation_id(first)]) == 2
    assert f"Generasi {db.generation_id(first)} tidak dapat dipakai: isinya bukan basis data DuckDB" in \
        capsys.readouterr().out
    assert db.current_path() == second and len(db.generation_files()) == 2


def test_pruning_keeps_the_configured_number_for_restore(warehouse_dir, load_register, monkeypatch):
    monkeypatch.setenv("NETRA_KEEP_GENERATIONS", "2")
    load_register(REGISTER)
    for _ in range(3):
        assert etl_main(["restore", db.generation_id(db.current_path())]) == 0
    files = db.generation_files()
    for old in files:
        os.utime(old, (1, 1))  # older than the grace period a running writer gets
    assert db.prune_generations(warehouse_dir, settings.keep_generations()) == files[2:]
    assert db.generation_files() == files[:2] and db.current_path() == files[0]


@pytest.mark.parametrize("value", ["1", "tiga", "-5"])
def test_a_bad_keep_setting_is_refused_before_anything_is_built(warehouse_dir, monkeypatch, capsys, value):
    monkeypatch.setenv("NETRA_KEEP_GENERATIONS", value)
    assert etl_main(["demo", "--scale", "0.01"]) == 2
    assert f"NETRA_KEEP_GENERATIONS='{value}'" in capsys.readouterr().err
    assert db.generation_files() == []


def test_the_default_keeps_ten(monkeypatch):
    monkeypatch.delenv("NETRA_KEEP_GENERATIONS", raising=False)
    assert settings.keep_generations() == settings.KEEP_GENERATIONS == 10


# --- a corrupt published generation ----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", CORRUPTIONS)
def test_health_names_each_kind_of_corruption(two_loads, kind):
    _, second = two_loads
    corrupt(second, kind)
    found = health(second)
    assert found.kind == "broken" and not found.readable
    assert {"empty": "kosong (0 bita)", "random": "bukan basis data DuckDB", "truncated": "terpotong"}[kind] in \
        found.reason
    assert str(second.parent) not in found.reason


def test_a_file_cut_at_a_block_boundary_is_broken_when_a_used_block_is_gone(two_loads):
    """A cut at a block boundary leaves a file DuckDB opens; the probe still finds the missing block."""
    _, second = two_loads
    with db.connect_read_only(second) as con:
        block_size = con.execute("select block_size from pragma_database_size()").fetchall()[0][0]
        highest = con.execute("select max(block_id) from pragma_storage_info('regions')").fetchall()[0][0]
    data = second.read_bytes()
    second.write_bytes(data[: HEADER_BYTES + highest * block_size])  # regions' last block and all after it
    with duckdb.connect(str(second), read_only=True) as con:  # it opens, and would fail half way through a page
        with pytest.raises(duckdb.Error, match="Could not read enough bytes"):
            con.execute("select max(name) from regions").fetchall()
    assert health(second).kind == "broken" and "terpotong" in health(second).reason


@pytest.mark.parametrize("kind", CORRUPTIONS)
def test_readers_fall_back_to_the_newest_sound_generation(two_loads, kind):
    first, second = two_loads
    corrupt(second, kind)
    serving = generations.serving()
    assert (serving.path, serving.current, serving.fallback) == (first, second, True)
    assert [generation for generation, _ in serving.broken] == [db.generation_id(second)]


@pytest.mark.parametrize("kind", CORRUPTIONS)
@pytest.mark.parametrize("command", [["status"], ["rejected"], ["load", str(TIMELINE)]])
def test_commands_name_the_broken_generation_and_the_one_to_restore(two_loads, capsys, kind, command):
    first, second = two_loads
    corrupt(second, kind)
    assert etl_main(command) == 2
    err = capsys.readouterr().err
    assert f"Generasi {db.generation_id(second)} tidak dapat dipakai" in err
    assert f"python -m etl restore {db.generation_id(first)}" in err and "python -m etl generations" in err
    assert db.current_path() == second and len(db.generation_files()) == 2  # nothing built on the fallback


@pytest.mark.parametrize("kind", CORRUPTIONS)
def test_etl_load_in_its_own_process_refuses_with_exit_2_and_no_traceback(two_loads, kind):
    first, second = two_loads
    corrupt(second, kind)
    done = subprocess.run([sys.executable, "-m", "etl", "load", str(REGISTER)], cwd=settings.ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr and "Error" not in done.stderr
    assert f"python -m etl restore {db.generation_id(first)}" in done.stderr


def test_generations_lists_the_broken_one_and_restore_mends_the_warehouse(two_loads, capsys):
    first, second = two_loads
    corrupt(second, "truncated")
    assert etl_main(["generations"]) == 0
    out = capsys.readouterr().out
    assert f"* {db.generation_id(second)}" in out and "TIDAK" in out and "terpotong" in out
    assert f"aplikasi memakai {db.generation_id(first)}" in out
    assert etl_main(["restore", db.generation_id(first)]) == 0
    assert generations.serving().fallback is False and health(db.current_path()).ok
    capsys.readouterr()
    assert etl_main(["status"]) == 0
    assert f"pulihkan {db.generation_id(first)} (budi)" in capsys.readouterr().out  # status says what made it


def test_a_published_file_that_is_gone_is_broken_too(two_loads, capsys):
    first, second = two_loads
    second.unlink()
    assert etl_main(["status"]) == 2
    assert "berkasnya tidak ada" in capsys.readouterr().err
    assert generations.serving().path == first


def test_no_sound_generation_at_all_says_what_to_do(warehouse_dir, load_register, capsys):
    load_register(REGISTER)
    only = db.current_path()
    shutil.copyfile(only, warehouse_dir / "backup.bin")
    corrupt(only, "empty")
    assert etl_main(["status"]) == 2
    err = capsys.readouterr().err
    assert "Tidak ada generasi lain yang sah" in err and "python -m etl demo" in err
    assert generations.serving().path is None
