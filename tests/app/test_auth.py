"""Sign-in on real data: the local users file decides the role; without it the server's NETRA_ROLE does.

Issue 9 defect 7: back-off per user and per session, checks as slow for unknown users as for known ones, empty
passwords refused, the users file git-ignored, a broken users file refused at start (nobody gets in), every
attempt audited.
"""

import json
import statistics
import subprocess
import sys
import time

import pytest
from streamlit.testing.v1 import AppTest

import settings
from tests.app.conftest import DASHBOARD
from ui.views import accounts as roles  # sign-in moved to ui.views.accounts; the role policy stays in roles
from ui.views import markup
from warehouse import audit

PASSWORD = "rahasia-Netra-2026"


@pytest.fixture(autouse=True)
def fresh_backoff():
    """Every test starts with no failed attempts remembered (the back-off lives in the app process)."""
    roles.BACKOFF.clear()
    yield
    roles.BACKOFF.clear()


@pytest.fixture
def users_file(warehouse_env, tmp_path, monkeypatch):
    """A users file with one analyst, made by the same hash the README tells admins to use."""
    path = tmp_path / "users.toml"
    path.write_text(f'[users.siti]\nrole = "analis"\npassword = "{roles.hash_password(PASSWORD)}"\n')
    monkeypatch.setenv("NETRA_USERS_FILE", str(path))
    return path


@pytest.mark.parametrize(
    ("user", "password", "role"),
    [("siti", PASSWORD, "analis"), ("siti", "salah", None), ("anton", PASSWORD, None), ("siti", "", None)],
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


# ---- issue 9, defect 7 --------------------------------------------------------------------------------------------

def test_empty_passwords_are_refused_when_hashing_and_when_signing_in(users_file):
    with pytest.raises(ValueError, match="kata sandi kosong tidak diterima"):
        roles.hash_password("")
    cli = subprocess.run([sys.executable, "-m", "ui.views.accounts", "hash"], input="\n", capture_output=True,
                         text=True, cwd=settings.ROOT)
    assert (cli.returncode, cli.stdout) == (1, "")
    assert cli.stderr.strip() == "Kata sandi minimal 8 karakter; kata sandi kosong tidak diterima."
    at = sign_in(AppTest.from_file(str(DASHBOARD), default_timeout=60).run(), "siti", "")
    assert [e.value for e in at.error] == ["Isi kata sandi."]
    assert not at.metric


def test_unknown_users_take_as_long_to_check_as_known_ones(users_file):
    users = roles.read_users(users_file)
    roles.check_password("anton", "x" * 12, users=users)  # warm: the dummy hash is made on first use

    times = {"siti": [], "anton": []}
    for _ in range(7):  # interleaved, so a busy machine slows both alike
        for name, taken in times.items():
            started = time.perf_counter()
            assert roles.check_password(name, "salah-sekali", users=users) is None
            taken.append(time.perf_counter() - started)
    known, unknown = statistics.median(times["siti"]), statistics.median(times["anton"])
    assert 0.5 < unknown / known < 2.0, (known, unknown)  # before: 53 ms against 0.2 ms


def test_the_back_off_doubles_per_failure_up_to_its_cap_per_user_and_per_session():
    now = [0.0]
    backoff = roles.Backoff(clock=lambda: now[0])
    waits = []
    for _ in range(roles.FREE_FAILURES + 10):
        waits.append(backoff.wait_s("user:siti", "session:a"))
        backoff.failed("user:siti", "session:a")
        now[0] += 0.1
    assert waits[:roles.FREE_FAILURES + 1] == [0.0] * roles.FREE_FAILURES + [pytest.approx(0.9)]
    assert backoff.wait_s("user:siti") == pytest.approx(roles.CAP_S - 0.1)  # 1, 2, 4 … capped at 5 minutes
    assert backoff.wait_s("user:siti", "session:b") > 0  # another tab does not help
    assert backoff.wait_s("user:budi", "session:a") > 0  # nor another user name from the same tab
    assert backoff.wait_s("user:budi", "session:b") == 0
    backoff.succeeded("user:siti", "session:a")
    assert backoff.wait_s("user:siti", "session:a") == 0
    now[0] += 1
    for _ in range(roles.FREE_FAILURES + 1):
        backoff.failed("user:anton")
    now[0] += roles.FORGET_S + 1
    assert backoff.wait_s("user:anton") == 0  # an hour without failures forgets them


def test_the_form_refuses_attempts_during_the_back_off_and_audits_each(users_file):
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    for _ in range(roles.FREE_FAILURES):
        at = sign_in(at, "siti", "salah")
    at = sign_in(at, "siti", PASSWORD)  # the right password, but too soon: not even checked
    assert at.error[0].value.startswith("Terlalu banyak percobaan gagal. Coba lagi dalam 1 detik")
    assert not at.metric
    lines = audit.entries().head(roles.FREE_FAILURES + 1)
    assert lines["event"].tolist() == ["sign_in"] * (roles.FREE_FAILURES + 1)
    assert lines["outcome"].tolist() == ["refused"] * (roles.FREE_FAILURES + 1)
    reasons = [json.loads(d)["reason"] for d in lines["details"]]
    assert reasons == ["throttled"] + ["wrong_password"] * roles.FREE_FAILURES
    assert PASSWORD not in audit.audit_path().read_text() and "salah" not in audit.audit_path().read_text()


def test_a_successful_sign_in_is_audited_with_its_role(users_file):
    sign_in(AppTest.from_file(str(DASHBOARD), default_timeout=60).run(), "siti", PASSWORD)
    last = audit.entries().iloc[0]
    assert (last["event"], last["user"], last["outcome"]) == ("sign_in", "siti", "ok")
    assert json.loads(last["details"])["role"] == "analis"


GOOD_HASH = roles.hash_password(PASSWORD)


@pytest.mark.parametrize(("content", "problem"), [
    ('[users.siti\nrole = "analis"', "bukan TOML yang sah"),
    ('[users.siti]\nrole = "analis"\n', "[users.siti]: tidak ada password"),
    (f'[users.budi]\nrole = "raja"\npassword = "{GOOD_HASH}"\n', "[users.budi]: peran 'raja' tidak dikenal"),
    ('[users.siti]\nrole = "analis"\npassword = "rahasia"\n', "[users.siti]: password bukan hash scrypt"),
    (f'[users.siti]\nrole = "analis"\npasword = "{GOOD_HASH}"\n', "[users.siti]: tidak ada password"),
    (f'[users.siti]\nrole = "admin"\npassword = "{GOOD_HASH}"\nlevel = 3\n', "kunci tak dikenal ['level']"),
    ("# nobody yet\n", "tidak ada tabel [users.NAMA] satu pun"),
])
def test_a_broken_users_file_is_refused_at_start_and_nobody_gets_in(warehouse_env, tmp_path, monkeypatch,
                                                                     page_text, content, problem):
    path = tmp_path / "users.toml"
    path.write_text(content)
    monkeypatch.setenv("NETRA_USERS_FILE", str(path))
    monkeypatch.setenv("NETRA_ROLE", "admin")  # never the fallback for a broken file
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60).run()
    assert not at.exception
    (error,) = at.error
    assert error.value.startswith("Netra tidak bisa dibuka: berkas pengguna rusak, jadi tidak ada yang bisa masuk.")
    assert problem in markup.plain(error.value)  # shown as written, never as markdown
    assert not at.text_input and not at.metric and not at.multiselect
    assert "Dilaporkan" not in page_text(at)


def test_the_users_file_is_ignored_by_git():
    wanted = [".streamlit/users.toml", ".streamlit/secrets.toml"]
    ignored = subprocess.run(["git", "check-ignore", *wanted], cwd=settings.ROOT, capture_output=True, text=True)
    if ignored.returncode == 128:
        pytest.skip(f"not a git checkout: {ignored.stderr.strip()}")
    assert ignored.stdout.split() == wanted
