"""Who may see what: publik (aggregates, small counts withheld), pimpinan (aggregates), analis (case table, NIP
masked, no names), admin (personal data, loading, the audit).

How a session gets its role never depends on what the data says about itself (`access_mode`): a users file, when
present, always applies (sign-in, ui.views.accounts); without one, everyone is admin with a preview switch only
while every case in the warehouse is synthetic; otherwise the server's NETRA_ROLE applies (default pimpinan).
"""

from __future__ import annotations

import os

ROLES = ("publik", "pimpinan", "analis", "admin")
CAN_SEE_CASES = ("analis", "admin")
CAN_SEE_PERSONAL = ("admin",)
WITHHOLDS_SMALL_COUNTS = ("publik",)  # counts below 5 shown as "< 5", the rest rounded down (ui.views.disclosure)
DEFAULT_ROLE = "pimpinan"  # the safest role that still shows the dashboard
ANONYMOUS = "-"  # the audit's user for a visitor who did not sign in (no users file)


def access_mode(users_file_exists: bool, every_case_synthetic: bool) -> str:
    """'sign_in' when a users file exists; 'demo' (everyone admin, preview switch) only without one and while every
    case is synthetic; else 'server' (NETRA_ROLE for everyone)."""
    if users_file_exists:
        return "sign_in"
    return "demo" if every_case_synthetic else "server"


def default_role() -> str:
    """The role of everyone when no users file exists and the data is real (NETRA_ROLE, default pimpinan)."""
    role = os.environ.get("NETRA_ROLE", DEFAULT_ROLE)
    return role if role in ROLES else DEFAULT_ROLE


def may_open(role: str, page_kind: str) -> bool:
    """Whether `role` gets a page of this kind in its navigation: 'admin' pages (loading, audit) for admins only,
    'cases' (Data) for every role but publik, anything else for all."""
    if page_kind == "admin":
        return role == "admin"
    if page_kind == "cases":
        return role != "publik"
    return True


def mask_nip(nip: str | None) -> str | None:
    """Keep the first 4 and last 2 digits of an 18-digit NIP; analysts can tell people apart, not identify them."""
    if not nip:
        return nip
    digits = str(nip)
    return digits[:4] + "•" * max(len(digits) - 6, 0) + digits[-2:] if len(digits) > 6 else "•" * len(digits)
