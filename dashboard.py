"""Netra — the frame: page config, language, who is looking, shared sidebar filters, banners and the page registry.

Every page is a short script under pages/ that reads `ui.app.context.current()`.
"""

import pandas as pd
import streamlit as st
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager

import settings
from ui.app import data
from ui.app.auth import resolve_access
from ui.app.context import Context, clear_context, set_context
from ui.app.filters import (
    active_count,
    language_control,
    link_notice,
    restore_from_url,
    sidebar_filters,
    write_to_url,
)
from ui.app.health import broken_notice
from ui.strings import t
from ui.views import disclosure
from ui.views.captions import filters_caption
from ui.views.roles import WITHHOLDS_SMALL_COUNTS, may_open

# (script, title key, icon, url path). Icons are Material Symbols: the font ships in Streamlit's wheel, so they draw
# offline and on machines without an emoji font. A script's name must differ from its url path: Streamlit still
# scans pages/ as legacy pages, and a legacy page with the same url path would run without this frame.
PAGES = (
    ("pages/overview.py", "nav_ringkasan", ":material/dashboard:", "ringkasan"),
    ("pages/cross_agency.py", "xa_nav", ":material/account_tree:", "alur"),
    ("pages/regional_map.py", "nav_peta", ":material/map:", "peta"),
    ("pages/breakdowns.py", "nav_rincian", ":material/stacked_bar_chart:", "rincian"),
    ("pages/timeline.py", "nav_linimasa", ":material/timeline:", "linimasa"),
    ("pages/data_explorer.py", "nav_data", ":material/table_chart:", "data"),
    ("pages/briefing_pack.py", "nav_briefing", ":material/slideshow:", "briefing"),
    ("pages/about.py", "nav_tentang", ":material/info:", "tentang"),
    ("pages/load_data.py", "ld_nav", ":material/upload_file:", "muat"),
    ("pages/audit_log.py", "au_nav", ":material/policy:", "audit"),
    ("pages/link_review.py", "lk_nav", ":material/join_inner:", "tautan"),
)
# A local image: a :material: page icon would make the browser fetch the favicon from Google Fonts (no network).
FAVICON = settings.STATIC_DIR / "netra-icon.png"
NO_DATA_PAGES = ("pages/about.py", "pages/load_data.py", "pages/audit_log.py")  # what works before any warehouse
PAGE_KINDS = {"pages/data_explorer.py": "cases", "pages/load_data.py": "admin", "pages/audit_log.py": "admin",
              "pages/link_review.py": "admin"}
# ui.views.roles.may_open decides per kind; a page a role may not open is not registered for it, so it is reached
# neither by the navigation nor by its URL.

PagesManager.uses_pages_directory = False  # a plain `streamlit run dashboard.py` scanned pages/ as legacy pages:
# every later run goes through this frame (what ui.app.serve arranges before the server starts)


def registry(pages, lang: str) -> list:
    """st.Page objects of (script, title key, icon, url path) entries; the first is the default page."""
    return [st.Page(path, title=t(title, lang), icon=icon, url_path=url, default=i == 0)
            for i, (path, title, icon, url) in enumerate(pages)]


if config.get_where_defined("client.showErrorDetails") == config.ConfigOption.DEFAULT_DEFINITION:
    st.set_option("client.showErrorDetails", "none")  # visitors see a short message; the trace goes to the log

clear_context()
st.set_page_config(page_title="Netra", page_icon=FAVICON, layout="wide")
lang = language_control()
try:
    default_election = settings.default_election()
except settings.SettingError:  # an operator's typo: say so plainly rather than open on a guess
    choices = ", ".join(f"`{choice}`" for choice in settings.DEFAULT_ELECTION_CHOICES)
    st.error(t("default_election_bad", lang, value=settings.default_election_text(), choices=choices),
             icon=":material/settings:")
    st.navigation(registry(PAGES, lang), position="hidden")  # as below: no legacy page list reaches the browser
    st.stop()
restore_from_url(default_election)
link_notice(lang)

try:
    info = data.read("warehouse_info").iloc[0]
except FileNotFoundError:
    info = None
served = data.serving()  # the published generation, or the newest sound one when it cannot be read

if info is None and not served.broken:  # nothing published yet: how to make the first generation
    st.error(t("no_warehouse", lang), icon=":material/database:")
if info is None:
    pages = [p for p in PAGES if p[0] in NO_DATA_PAGES]
    synthetic, as_of = False, None  # an admin may load the first register here
else:
    synthetic = bool(info["synthetic"])  # every case synthetic, judged from the rows (warehouse_info.sql)
    as_of = None if pd.isna(info["last_loaded_at"]) else info["last_loaded_at"].to_pydatetime()
    pages = PAGES
access = resolve_access(synthetic, lang)
if access is None:  # the sign-in form (or why nobody can sign in) is all this run shows; the hidden registry
    st.navigation(registry(PAGES, lang), position="hidden")  # replaces the list of page scripts a legacy scan sent
    st.stop()
user, role = access

filters = sidebar_filters(lang) if info is not None else None
if filters is not None:
    write_to_url(filters, lang)
set_context(Context(filters=filters, lang=lang, role=role, synthetic=synthetic, data_as_of=as_of, user=user))

if served.broken:  # told only now, after sign-in: which generation is broken is for admins alone
    broken_notice(served, role, lang)
if synthetic:
    st.warning(t("synthetic_banner", lang), icon=":material/science:")
if role in WITHHOLDS_SMALL_COUNTS:
    st.caption(disclosure.note(lang))
if as_of is not None:
    st.sidebar.caption(t("data_as_of", lang, when=as_of.strftime("%d-%m-%Y %H:%M")))
if filters is not None and not filters.is_empty():  # on a phone the sidebar is folded away: say what is chosen
    st.caption(t("f_summary", lang, n=active_count(filters), caption=filters_caption(filters, lang)))

pages = [p for p in pages if may_open(role, PAGE_KINDS.get(p[0], "all"))]
st.navigation(registry(pages, lang)).run()
