"""Who may see what: pimpinan (aggregates), analis (case table, NIP masked, no names), admin (personal data).

Demo data: everyone is admin and may preview the other roles. Real data: users sign in against a local file of
scrypt-hashed passwords (works offline, unlike OIDC); with no such file, the server's NETRA_ROLE applies
(default pimpinan, the safest).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sys
import tomllib
from pathlib import Path

import settings

ROLES = ("pimpinan", "analis", "admin")
CAN_SEE_CASES = ("analis", "admin")
CAN_SEE_PERSONAL = ("admin",)


def users_file() -> Path:
    """The local users file (NETRA_USERS_FILE, default .streamlit/users.toml)."""
    return Path(os.environ.get("NETRA_USERS_FILE") or settings.ROOT / ".streamlit" / "users.toml")


def hash_password(password: str, salt: bytes | None = None) -> str:
    """'scrypt$salt$hash' for the users file."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(username: str, password: str, path: Path | None = None) -> str | None:
    """The user's role when the password matches, else None."""
    path = path or users_file()
    if not path.exists():
        return None
    user = tomllib.loads(path.read_text()).get("users", {}).get(username)
    if not user or user.get("role") not in ROLES:
        return None
    _, salt, _ = user["password"].split("$")
    matches = hmac.compare_digest(hash_password(password, bytes.fromhex(salt)), user["password"])
    return user["role"] if matches else None


def default_role() -> str:
    """The role of everyone when no users file exists and the data is real."""
    role = os.environ.get("NETRA_ROLE", "pimpinan")
    return role if role in ROLES else "pimpinan"


def mask_nip(nip: str | None) -> str | None:
    """Keep the first 4 and last 2 digits of an 18-digit NIP; analysts can tell people apart, not identify them."""
    if not nip:
        return nip
    digits = str(nip)
    return digits[:4] + "•" * max(len(digits) - 6, 0) + digits[-2:] if len(digits) > 6 else "•" * len(digits)


if __name__ == "__main__":  # python -m ui.views.roles hash  (password from stdin; prints the users-file value)
    if sys.argv[1:] != ["hash"]:
        sys.exit("usage: python -m ui.views.roles hash < password.txt")
    print(hash_password(sys.stdin.readline().rstrip("\n")))
