"""Sign-in on real data: the local users file decides the role; without it the server's NETRA_ROLE does."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import DASHBOARD
from ui.views import roles

PASSWORD = "rahasia-Netra-2026"


@pytest.fixture
def users_file(warehouse_env, tmp_path, monkeypatch):
    """A users file with one analyst, made by the same hash the README tells admins to use."""
    path = tmp_path / "users.toml"
    path.write_text(f'[users.siti]\nrole = "analis"\npassword = "{roles.hash_password(PASSWORD)}"\n'
                    f'[users.budi]\nrole = "raja"\npassword = "{roles.hash_password(PASSWORD)}"\n')
    monkeypatch.setenv("NETRA_USERS_FILE", str(path))
    return path


@pytest.mark.parametrize(
    ("user", "password", "role"),
    [("siti", PASSWORD, "analis"), ("siti", "salah", None), ("anton", PASSWORD, None), ("budi", PASSWORD, None)],
)
def test_check_password(users_file, user, password, role):
    assert roles.check_password(user, password, users_file) == role


def test_hashes_are_salted():
    assert roles.hash_password(PASSWORD) != roles.hash_password(PASSWORD)


def sign_in(at: AppTest, user: str, password: str) -> AppTest:
    at.text_input[0].input(user)
    at.text_input[1].input(password)
    return at.button[0].click().run()


def test_nothing_but_the_sign_in_form_before_signing_in(users_file, page_text):
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    assert at.subheader[0].value == "Masuk"
    assert not at.multiselect and not at.get("plotly_chart") and not at.metric
    assert "Dilaporkan" not in page_text(at)


def test_a_wrong_password_is_refused(users_file):
    at = sign_in(AppTest.from_file(str(DASHBOARD), default_timeout=60).run(), "siti", "salah")
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]
    assert not at.metric


def test_a_signed_in_analyst_sees_the_case_table_without_names(users_file, register_rows, page_text):
    at = sign_in(AppTest.from_file(str(DASHBOARD), default_timeout=60).run(), "siti", PASSWORD)
    assert "Masuk sebagai siti (Analis (tanpa nama, NIP disamarkan))" in [c.value for c in at.sidebar.caption]
    at.switch_page("pages/data_explorer.py").run()
    text = page_text(at)
    assert not at.exception
    assert "dataframe" in {element.type for element in at.main}
    names = [row["subject_name"] for row in register_rows if row["subject_name"]]
    nips = [row["subject_nip"] for row in register_rows if row["subject_nip"]]
    assert names and nips and not any(secret in text for secret in names + nips)


@pytest.mark.parametrize(("role", "sees_table"), [("pimpinan", False), ("analis", True)])
def test_without_a_users_file_the_server_role_applies(make_app, role, sees_table):
    at = make_app(page="pages/data_explorer.py", role=role)
    assert ("dataframe" in {element.type for element in at.main}) is sees_table
