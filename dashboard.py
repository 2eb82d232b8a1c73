"""Netra — the frame: page config, language, role, shared sidebar filters, banners and the page registry.

Every page is a short script under pages/ that reads `ui.context.current()`.
"""

import pandas as pd
import streamlit as st

from ui import data
from ui.auth import resolve_role
from ui.context import Context, set_context
from ui.filters import active_count, restore_from_url, sidebar_filters, write_to_url
from ui.health import broken_notice
from ui.i18n import DEFAULT_LANG, LANGS, t

# (script, title key, icon, url path). Icons are emoji: :material: icons fetch a font online. A script's name must
# differ from its url path: Streamlit still scans pages/ as legacy pages, and a legacy page with the same url
# path would run without this frame.
PAGES = (
    ("pages/overview.py", "nav_ringkasan", "📊", "ringkasan"),
    ("pages/regional_map.py", "nav_peta", "🗺️", "peta"),
    ("pages/breakdowns.py", "nav_rincian", "🧩", "rincian"),
    ("pages/timeline.py", "nav_linimasa", "📈", "linimasa"),
    ("pages/data_explorer.py", "nav_data", "📋", "data"),
    ("pages/briefing_pack.py", "nav_briefing", "🗂️", "briefing"),
    ("pages/about.py", "nav_tentang", "ℹ️", "tentang"),
    ("pages/load_data.py", "ld_nav", "📥", "muat"),
)
NO_DATA_PAGES = ("pages/about.py", "pages/load_data.py")  # what still works before any warehouse exists
ADMIN_PAGES = ("pages/load_data.py",)  # registered for admins only, so other roles reach them neither by nav nor URL

st.set_page_config(page_title="Netra", page_icon="🛡️", layout="wide")
restore_from_url()
if "lang" not in st.session_state:
    st.session_state["lang"] = st.query_params.get("lang") if st.query_params.get("lang") in LANGS else DEFAULT_LANG
lang = st.sidebar.segmented_control(
    t("language", DEFAULT_LANG), list(LANGS), required=True, key="lang", format_func=str.upper,
    persist_state="session",
)

try:
    info = data.read("warehouse_info").iloc[0]
except FileNotFoundError:
    info = None
served = data.serving()  # the published generation, or the newest sound one when it cannot be read

if info is None and not served.broken:  # nothing published yet: how to make the first generation
    st.error(t("no_warehouse", lang))
if info is None:
    pages = [p for p in PAGES if p[0] in NO_DATA_PAGES]
    role, synthetic, as_of = resolve_role(False, lang), False, None  # an admin may load the first register here
else:
    synthetic = bool(info["synthetic"])
    as_of = None if pd.isna(info["last_loaded_at"]) else info["last_loaded_at"].to_pydatetime()
    role = resolve_role(synthetic, lang)
    pages = PAGES

filters = sidebar_filters(lang) if info is not None else None
if filters is not None:
    write_to_url(filters, lang)
set_context(Context(filters=filters, lang=lang, role=role, synthetic=synthetic, data_as_of=as_of))

if served.broken:  # told only now, after sign-in: which generation is broken is for admins alone
    broken_notice(served, role, lang)
if synthetic:
    st.warning(t("synthetic_banner", lang), icon="🧪")
if as_of is not None:
    st.sidebar.caption(t("data_as_of", lang, when=as_of.strftime("%d-%m-%Y %H:%M")))
if filters is not None and not filters.is_empty():  # on a phone the sidebar is folded away: say what is chosen
    st.caption(t("f_summary", lang, n=active_count(filters), caption=filters.caption(lang)))

pages = [p for p in pages if role == "admin" or p[0] not in ADMIN_PAGES]
navigation = st.navigation(
    [st.Page(path, title=t(title, lang), icon=icon, url_path=url, default=i == 0)
     for i, (path, title, icon, url) in enumerate(pages)]
)
navigation.run()
