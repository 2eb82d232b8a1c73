"""The role of this session, asked for once in the sidebar (demo preview) or by a sign-in form (real data)."""

from __future__ import annotations

import streamlit as st

from ui.strings import t
from ui.views.roles import ROLES, check_password, default_role, users_file

USER_KEY = "_netra_user"


def resolve_role(synthetic: bool, lang: str) -> str:
    """Demo: admin with a preview switch. Real data: sign-in when a users file exists, else NETRA_ROLE."""
    if synthetic:
        role = st.sidebar.selectbox(
            t("role", lang), ROLES, index=ROLES.index("admin"), key="role",
            format_func=lambda r: t(f"role_{r}", lang), help=t("role_demo_hint", lang),
        )
        return role
    if not users_file().exists():
        return default_role()
    signed_in = st.session_state.get(USER_KEY)
    if signed_in is None:
        _sign_in_form(lang)
        st.stop()
    user, role = signed_in
    st.sidebar.caption(t("signed_in_as", lang, user=user, role=t(f"role_{role}", lang)))
    if st.sidebar.button(t("logout", lang), icon=":material/logout:"):
        del st.session_state[USER_KEY]
        st.rerun()
    return role


def signed_in_user() -> str | None:
    """The name of the signed-in user of this session (None without a users file or before sign-in)."""
    signed_in = st.session_state.get(USER_KEY)
    return signed_in[0] if signed_in else None


def _sign_in_form(lang: str) -> None:
    with st.form("login"):
        st.subheader(t("login_title", lang))
        user = st.text_input(t("login_user", lang))
        password = st.text_input(t("login_password", lang), type="password")
        if st.form_submit_button(t("login_button", lang), icon=":material/login:"):
            role = check_password(user, password)
            if role is None:
                st.error(t("login_failed", lang), icon=":material/error:")
            else:
                st.session_state[USER_KEY] = (user, role)
                st.rerun()
