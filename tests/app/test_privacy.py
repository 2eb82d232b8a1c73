"""Issue 9 defect 1, the app half: roles never depend on what the data claims about itself.

"Everyone is admin (with the preview switch)" holds only with no users file and a warehouse whose every case is
synthetic — judged from the rows (every case from a demo load), never from `meta.synthetic` alone. The first
real row ends it: the banner goes, the role is NETRA_ROLE (default pimpinan), names and NIPs stay hidden and
Muat data is out of reach. A users file, when present, always applies, on demo data too.
"""

from __future__ import annotations

import io

import pytest
from streamlit.testing.v1 import AppTest

from etl.demo import build_demo
from etl.load import load_files
from tests.app.conftest import DASHBOARD
from tests.app.warehouse_fixture import REGISTER
from ui.views import accounts, loading
from warehouse import db

OVERVIEW, DATA, LOAD = "pages/overview.py", "pages/data_explorer.py", "pages/load_data.py"
DEMO_SCALE = 0.05  # ~180 synthetic cases: enough to be a demo, quick to build


@pytest.fixture
def demo_dir(tmp_path, monkeypatch):
    """A fresh demo warehouse of this test's own, no users file, NETRA_ROLE unset (the default applies)."""
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "warehouse"))
    monkeypatch.setenv("NETRA_USERS_FILE", str(tmp_path / "no-users.toml"))
    monkeypatch.delenv("NETRA_ROLE", raising=False)
    build_demo(scale=DEMO_SCALE)
    return tmp_path / "warehouse"


def real_load_on_top() -> None:
    """`etl load register.csv` into the demo's data dir, through the real loader."""
    (result,) = load_files([REGISTER], progress=False)
    assert result.rows_loaded == 12, result.summary()


def mixed_generation() -> None:
    """A generation that still says it is a demo (meta.synthetic = 'true') but holds one case of a real load:
    whatever the loader does about demos, the app's rule must hold on such data."""
    with db.new_generation() as con:
        con.execute("insert into load_batches (load_id, source_file, sha256, loaded_at, election, rows_read, "
                    "rows_loaded, rows_rejected, rows_duplicate) values ('20261201T100000-0123abcd', 'register.csv', "
                    "'ab', current_timestamp, 'pilkada2024', 1, 1, 0, 0)")
        con.execute("insert into cases select * replace ('REAL-1' as case_id, '20261201T100000-0123abcd' as load_id,"
                    " 'Nama Asli' as subject_name, '199001012020011001' as subject_nip) from cases limit 1")
        assert con.execute("select value from meta where key = 'synthetic'").fetchall() == [("true",)]


def visit(page: str | None = None) -> AppTest:
    """An anonymous visitor's first run, then `page` when given."""
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    return at.switch_page(page).run() if page else at


def assert_not_a_demo_any_more(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not any(w.value.startswith("**DATA SINTETIS**") for w in at.warning)
    assert "role" not in [box.key for box in at.sidebar.selectbox]  # no preview switch
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(LOAD)  # Muat data is not registered: no upload for anonymous visitors


def test_a_pure_demo_makes_everyone_admin_with_the_preview_switch(demo_dir):
    at = visit(LOAD)
    assert at.warning[0].value.startswith("**DATA SINTETIS**")
    assert at.sidebar.selectbox(key="role").value == "admin"
    assert at.title[0].value == "Muat register kasus"


@pytest.mark.parametrize("make_real", [real_load_on_top, mixed_generation], ids=["cli-load", "flag-still-set"])
def test_one_real_case_ends_demo_mode_for_anonymous_visitors(demo_dir, make_real, register_rows, page_text):
    make_real()
    at = visit(OVERVIEW)
    assert_not_a_demo_any_more(at)
    at = visit(DATA)  # the default role, pimpinan, sees no case table
    assert "dataframe" not in {element.type for element in at.main}
    text = page_text(at)
    secrets = [row[c] for row in register_rows for c in ("subject_name", "subject_nip") if row[c]]
    assert secrets and not any(secret in text for secret in [*secrets, "Nama Asli", "199001012020011001"])


def test_an_analyst_on_mixed_data_sees_no_names_and_masked_nips(demo_dir, monkeypatch, page_text):
    mixed_generation()
    monkeypatch.setenv("NETRA_ROLE", "analis")
    at = visit(DATA)
    at.text_input(key="dx_search").input("REAL-1").run()
    text = page_text(at)
    assert "REAL-1" in text and "1990••••••••••••01" in text
    assert "Nama Asli" not in text and "199001012020011001" not in text


def test_an_upload_from_the_demo_ends_demo_mode_on_the_next_run(demo_dir):
    at = visit(LOAD)  # the demo's anonymous admin may load, once
    assert at.title[0].value == "Muat register kasus"
    upload = io.BytesIO(REGISTER.read_bytes())
    upload.name = "register.csv"
    run = loading.publish(loading.stage_uploads([upload]))
    assert run.status == 3  # loaded, one row rejected
    at.session_state["ld_state"] = {"published": run}
    at.run()
    assert_not_a_demo_any_more(at)


def test_a_users_file_applies_on_demo_data_too(demo_dir, tmp_path, monkeypatch):
    users = tmp_path / "users.toml"
    users.write_text(f'[users.siti]\nrole = "analis"\npassword = "{accounts.hash_password("rahasia-Netra-2026")}"\n')
    monkeypatch.setenv("NETRA_USERS_FILE", str(users))
    at = visit()
    assert at.subheader[0].value == "Masuk"
    assert not at.metric and "role" not in [box.key for box in at.sidebar.selectbox]
