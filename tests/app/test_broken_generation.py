"""A corrupt published generation in the app (issue 9 defect 6): fall back, tell admins, show visitors nothing.

Each test has its own warehouse of two generations holding the fixture register (the load, then a restore of
it), and breaks the published one in place: 0 bytes, random bytes, or cut short.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import DASHBOARD
from tests.app.test_auth import PASSWORD, sign_in
from tests.app.warehouse_fixture import build_fixture_warehouse
from tests.test_generations import CORRUPTIONS, corrupt
from ui.app import data
from ui.views import accounts
from warehouse import db, generations
from warehouse.filters import Filters

LEAKS = ("IOException", "IO Error", "DuckDB", "duckdb", "Traceback", ".duckdb", "Could not read")


@pytest.fixture
def two_generations(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """(sound, published) generation files with the same 12 cases; no users file, so NETRA_ROLE decides."""
    folder = tmp_path / "warehouse"
    first = build_fixture_warehouse(folder)
    monkeypatch.setenv("NETRA_DATA_DIR", str(folder))
    monkeypatch.setenv("NETRA_USERS_FILE", str(tmp_path / "no-users.toml"))
    second = generations.restore(db.generation_id(first), "test")
    return first, second


@pytest.mark.parametrize("kind", CORRUPTIONS)
def test_admins_are_told_which_generation_is_broken_and_see_the_sound_one(two_generations, monkeypatch, page_text,
                                                                          kind):
    first, second = two_generations
    corrupt(second, kind)
    monkeypatch.setenv("NETRA_ROLE", "admin")
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    assert not at.exception
    (notice,) = [w.value for w in at.warning if "tidak dapat dibaca" in w.value]
    assert db.generation_id(second) in notice and {"empty": "kosong", "random": "bukan basis data DuckDB",
                                                   "truncated": "terpotong"}[kind] in notice
    assert f"`python -m etl restore {db.generation_id(first)}`" in notice and "`python -m etl generations`" in notice
    assert at.metric[0].value == "12"  # the dashboard reads the newest sound generation
    assert str(second.parent) not in page_text(at)


@pytest.mark.parametrize("kind", CORRUPTIONS)
def test_visitors_see_the_data_and_no_error_path_or_generation(two_generations, monkeypatch, page_text, kind):
    _, second = two_generations
    corrupt(second, kind)
    monkeypatch.setenv("NETRA_ROLE", "pimpinan")
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    text = page_text(at)
    assert not at.exception and at.metric[0].value == "12"
    assert db.generation_id(second) not in text and str(second.parent) not in text
    assert not any(leak in text for leak in LEAKS)


def test_the_english_notice(two_generations, monkeypatch):
    first, second = two_generations
    corrupt(second, "random")
    monkeypatch.setenv("NETRA_ROLE", "admin")
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    (notice,) = [w.value for w in at.warning if "cannot be read" in w.value]
    assert db.generation_id(second) in notice and f"python -m etl restore {db.generation_id(first)}" in notice


def test_nothing_is_said_before_sign_in_and_the_admin_is_told_after(two_generations, tmp_path, monkeypatch,
                                                                    page_text):
    _, second = two_generations
    users = tmp_path / "users.toml"
    users.write_text(f'[users.ani]\nrole = "admin"\npassword = "{accounts.hash_password(PASSWORD)}"\n')
    monkeypatch.setenv("NETRA_USERS_FILE", str(users))
    corrupt(second, "truncated")
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    before = page_text(at)
    assert at.subheader[0].value == "Masuk" and not at.warning and not at.error
    assert db.generation_id(second) not in before and not any(leak in before for leak in LEAKS)
    at = sign_in(at, "ani", PASSWORD)
    assert any(db.generation_id(second) in w.value for w in at.warning)


def test_with_no_sound_generation_visitors_get_one_plain_sentence(two_generations, monkeypatch, page_text):
    first, second = two_generations
    corrupt(first, "random")
    corrupt(second, "empty")
    monkeypatch.setenv("NETRA_ROLE", "analis")
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    text = page_text(at)
    assert not at.exception
    assert [e.value for e in at.error] == ["Data sedang tidak dapat ditampilkan. Admin sudah diberi tahu; coba lagi "
                                          "nanti."]
    assert not any(leak in text for leak in LEAKS) and db.generation_id(second) not in text


def test_with_no_sound_generation_admins_get_every_broken_one(two_generations, monkeypatch):
    first, second = two_generations
    corrupt(first, "random")
    corrupt(second, "empty")
    monkeypatch.setenv("NETRA_ROLE", "admin")
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    (error,) = [e.value for e in at.error if "Tidak ada generasi" in e.value]
    assert db.generation_id(first) in error and db.generation_id(second) in error and "etl restore ID" in error


def test_a_restore_ends_the_fallback(two_generations, monkeypatch):
    first, second = two_generations
    corrupt(second, "truncated")
    generations.restore(db.generation_id(first), "ani")
    monkeypatch.setenv("NETRA_ROLE", "admin")
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    assert not [w for w in at.warning if "tidak dapat dibaca" in w.value] and at.metric[0].value == "12"


def test_a_file_that_breaks_after_it_was_probed_is_left_for_the_next_sound_one(two_generations):
    """Overwritten in place with the same size and time: the probe's cache cannot tell, the failed read can."""
    first, second = two_generations
    assert data.serving().path == second  # probed and cached while sound
    stat = second.stat()
    second.write_bytes(os.urandom(stat.st_size))
    os.utime(second, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert data.read("kpis", Filters(provinces=("33",))).iloc[0]["reported"] == 5
    assert data.serving().path == first
