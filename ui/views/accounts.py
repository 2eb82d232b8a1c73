"""Sign-in against the local users file: reading and checking the file, hashing and checking passwords, and the
back-off after failed attempts. Plain Python, no Streamlit (ui.app.auth draws the form).

- The file is checked as a whole before anyone signs in: bad TOML, a user without role or password, an unknown
  role, a malformed hash, an unknown key, a strange user name or no user at all refuse it with one sentence
  naming the file and what is wrong. A broken file never falls back to an open role.
- Password checks take the same time whether or not the user exists (an unknown name is checked against a dummy
  scrypt hash) and compare in constant time. Empty passwords are refused when hashing and when signing in.
- Back-off: after FREE_FAILURES failed attempts in a row, the next attempt for that user name, and from that
  browser session, is checked only after 1, 2, 4 … seconds (doubling per failure, at most CAP_S). A success
  clears the user's and the session's count; counts are forgotten after FORGET_S without a failure.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import sys
import threading
import time
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import settings
from ui.views.roles import ROLES

SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # ~50 ms per check on this hardware: slow for guessing, fine for people
HASH = re.compile(r"scrypt\$([0-9a-f]{32})\$([0-9a-f]{128})")  # what hash_password writes: 16-byte salt, 64 bytes
USER_NAME = re.compile(r"[A-Za-z0-9._-]{1,64}")
USER_KEYS = {"role", "password"}
MIN_PASSWORD = 8  # at hashing time; sign-in refuses only the empty password (it says nothing about the policy)
FREE_FAILURES = 3
CAP_S = 300.0
FORGET_S = 3600.0
MAX_TRACKED = 10_000  # user names and sessions remembered at most (oldest forgotten first)


class UsersFileError(ValueError):
    """The users file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class User:
    """One entry of the users file."""

    name: str
    role: str
    password_hash: str


def users_file() -> Path:
    """The local users file (NETRA_USERS_FILE, default .streamlit/users.toml)."""
    return Path(os.environ.get("NETRA_USERS_FILE") or settings.ROOT / ".streamlit" / "users.toml")


def shown_path(path: Path) -> str:
    """The file as an admin recognises it without telling visitors where the server keeps things."""
    try:
        return str(path.resolve().relative_to(settings.ROOT))
    except ValueError:
        return path.name


def read_users(path: Path) -> dict[str, User]:
    """Every user of the file, checked; UsersFileError when anything in it is wrong."""
    where = shown_path(path)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise UsersFileError(f"{where}: tidak bisa dibaca ({type(error).__name__}).") from error
    except tomllib.TOMLDecodeError as error:
        raise UsersFileError(f"{where}: bukan TOML yang sah ({error}).") from error
    table = document.get("users")
    if not isinstance(table, dict) or not table:
        raise UsersFileError(f"{where}: tidak ada tabel [users.NAMA] satu pun.")
    return {name: _user(where, name, entry) for name, entry in table.items()}


def _user(where: str, name: str, entry) -> User:
    """One checked entry, or the sentence saying what is wrong with it."""
    if not USER_NAME.fullmatch(name):
        raise UsersFileError(f"{where}: nama pengguna {name[:70]!r} hanya boleh huruf, angka, titik, - dan _ "
                             "(paling panjang 64).")
    if not isinstance(entry, dict):
        raise UsersFileError(f"{where}: [users.{name}] harus berupa tabel dengan role dan password.")
    missing, unknown = USER_KEYS - entry.keys(), entry.keys() - USER_KEYS
    if missing or unknown:
        problem = f"tidak ada {', '.join(sorted(missing))}" if missing else f"kunci tak dikenal {sorted(unknown)}"
        raise UsersFileError(f"{where}: [users.{name}]: {problem} (yang diharapkan: role dan password).")
    if entry["role"] not in ROLES:
        raise UsersFileError(f"{where}: [users.{name}]: peran {str(entry['role'])[:30]!r} tidak dikenal "
                             f"(pilih {', '.join(ROLES)}).")
    if not isinstance(entry["password"], str) or not HASH.fullmatch(entry["password"]):
        raise UsersFileError(f"{where}: [users.{name}]: password bukan hash scrypt dari "
                             "`python -m ui.views.accounts hash`.")
    return User(name, entry["role"], entry["password"])


def _digest(password: str, salt: bytes) -> str:
    return hashlib.scrypt(password.encode(), salt=salt, **SCRYPT).hex()


def hash_password(password: str, salt: bytes | None = None) -> str:
    """'scrypt$salt$hash' for the users file; an empty or short password is refused."""
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"Kata sandi minimal {MIN_PASSWORD} karakter; kata sandi kosong tidak diterima.")
    salt = salt or secrets.token_bytes(16)
    return f"scrypt${salt.hex()}${_digest(password, salt)}"


@cache
def _dummy_hash() -> str:
    """A hash nobody's password matches, checked for unknown names so they take as long as known ones."""
    return f"scrypt${'0' * 32}${_digest(secrets.token_hex(16), bytes(16))}"


def check_password(username: str, password: str, path: Path | None = None,
                   users: dict[str, User] | None = None) -> str | None:
    """The user's role when the password matches, else None; as slow for unknown users as for known ones."""
    if not password:
        return None
    users = read_users(path or users_file()) if users is None else users
    user = users.get(username)
    _, salt, _ = (user.password_hash if user else _dummy_hash()).split("$")
    candidate = f"scrypt${salt}${_digest(password, bytes.fromhex(salt))}"
    matches = hmac.compare_digest(candidate, user.password_hash if user else _dummy_hash())
    return user.role if user is not None and matches else None


class Backoff:
    """Failed sign-ins per key (a user name, a session), and how long a key must wait before its next attempt."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._failures: dict[str, tuple[int, float]] = {}  # key -> (failures in a row, time of the last one)
        self._lock = threading.Lock()

    def wait_s(self, *keys: str) -> float:
        """Seconds before any of `keys` may try again (0: now)."""
        now = self._clock()
        with self._lock:
            return max((self._wait(key, now) for key in keys), default=0.0)

    def _wait(self, key: str, now: float) -> float:
        count, last = self._failures.get(key, (0, now))
        if count < FREE_FAILURES or now - last > FORGET_S:
            return 0.0
        return max(0.0, last + min(2.0 ** (count - FREE_FAILURES), CAP_S) - now)

    def failed(self, *keys: str) -> None:
        """Count one failure for each key."""
        now = self._clock()
        with self._lock:
            for key in keys:
                count, last = self._failures.pop(key, (0, now))
                self._failures[key] = (1 if now - last > FORGET_S else count + 1, now)
            while len(self._failures) > MAX_TRACKED:  # dicts keep insertion order: the first is the oldest
                self._failures.pop(next(iter(self._failures)))

    def succeeded(self, *keys: str) -> None:
        """Forget the failures of each key."""
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)

    def clear(self) -> None:
        """Forget everything (tests; a restart does the same)."""
        with self._lock:
            self._failures.clear()


BACKOFF = Backoff()  # one per app process: every session's thread shares it


if __name__ == "__main__":  # python -m ui.views.accounts hash  (password from stdin; prints the users-file value)
    if sys.argv[1:] != ["hash"]:
        sys.exit("usage: python -m ui.views.accounts hash < password.txt")
    try:
        print(hash_password(sys.stdin.readline().rstrip("\n")))
    except ValueError as refusal:
        sys.exit(str(refusal))
