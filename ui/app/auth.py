"""Who this session is: a sign-in form whenever a users file exists, the demo's preview switch, or NETRA_ROLE.

The rule (ui.views.roles.access_mode) never trusts what the data says about itself. A users file that cannot be
used stops the app with one message for the admin: nobody gets in, and nothing falls back to an open role.
Every sign-in attempt, refused or not, goes to the audit (never the password).
"""

from __future__ import annotations

import logging
import math

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui.strings import t
from ui.views import accounts, roles
from ui.views.markup import escape
from warehouse import audit

USER_KEY = "_netra_user"  # the signed-in user name; the role is read from the users file on every run
_LOG = logging.getLogger(__name__)


def resolve_access(every_case_synthetic: bool, lang: str) -> tuple[str | None, str] | None:
    """(user name or None for an anonymous visitor, role) of this run; None when the sign-in form, or the refusal
    of a broken users file, is all this run may show (the frame then stops)."""
    path = accounts.users_file()
    mode = roles.access_mode(path.exists(), every_case_synthetic)
    if mode == "demo":
        return None, _preview(lang)
    if mode == "server":
        return None, roles.default_role()
    users = _checked_users(path, lang)
    return None if users is None else _signed_in(users, lang)


def session_id() -> str:
    """This browser session's id (one per tab), the key of its sign-in back-off."""
    return getattr(get_script_run_ctx(), "session_id", "") or "no-session"


def _preview(lang: str) -> str:
    return st.sidebar.selectbox(
        t("role", lang), roles.ROLES, index=roles.ROLES.index("admin"), key="role",
        format_func=lambda r: t(f"role_{r}", lang), help=t("role_demo_hint", lang),
    )


def _checked_users(path, lang: str) -> dict[str, accounts.User] | None:
    """The users of the file, or None after saying why nobody can sign in."""
    try:
        return accounts.read_users(path)
    except accounts.UsersFileError as problem:
        _LOG.error("users file %s refused: %s", path, problem)
        st.error(t("users_file_broken", lang, problem=escape(str(problem))), icon=":material/gpp_bad:")
        return None


def _signed_in(users: dict[str, accounts.User], lang: str) -> tuple[str, str] | None:
    """The signed-in user and the role the users file gives them now (a changed file applies at once); None while
    the sign-in form is shown."""
    user = users.get(st.session_state.get(USER_KEY) or "")
    if user is None:  # not signed in, or removed from the file since
        st.session_state.pop(USER_KEY, None)
        _sign_in_form(users, lang)
        return None
    st.sidebar.caption(t("signed_in_as", lang, user=escape(user.name), role=t(f"role_{user.role}", lang)))
    if st.sidebar.button(t("logout", lang), icon=":material/logout:"):
        audit.record("sign_out", user.name, session=session_id()[:8])
        del st.session_state[USER_KEY]
        st.rerun()
    return user.name, user.role


def signed_in_user() -> str | None:
    """The name of the signed-in user of this session (None without a users file or before sign-in)."""
    return st.session_state.get(USER_KEY) or None


def _sign_in_form(users: dict[str, accounts.User], lang: str) -> None:
    with st.form("login"):
        st.subheader(t("login_title", lang))
        name = st.text_input(t("login_user", lang), max_chars=64)
        password = st.text_input(t("login_password", lang), type="password", max_chars=256)
        submitted = st.form_submit_button(t("login_button", lang), icon=":material/login:")
    if submitted:
        refusal = attempt(users, name.strip(), password, session_id(), lang)
        if refusal is None:
            st.rerun()
        st.error(refusal, icon=":material/error:")


def attempt(users: dict[str, accounts.User], name: str, password: str, session: str, lang: str) -> str | None:
    """Try to sign in; None when it worked (the session is signed in), else the sentence to show. Audited."""
    keys = (f"user:{name}", f"session:{session}")
    wait = accounts.BACKOFF.wait_s(*keys)
    where = {"session": session[:8]}
    if wait > 0:
        audit.record("sign_in", name, "refused", reason="throttled", wait_s=round(wait, 1), **where)
        return t("login_wait", lang, seconds=math.ceil(wait))
    if not password:
        audit.record("sign_in", name, "refused", reason="empty_password", **where)
        return t("login_empty", lang)
    role = accounts.check_password(name, password, users=users)
    if role is None:
        accounts.BACKOFF.failed(*keys)
        audit.record("sign_in", name, "refused", reason="wrong_password", **where)
        return t("login_failed", lang)
    accounts.BACKOFF.succeeded(*keys)
    audit.record("sign_in", name, "ok", role=role, **where)
    st.session_state[USER_KEY] = name
    return None
