"""Netra — the frame: page config, language, role, shared sidebar filters, banners and the page registry.

Every page is a short script under pages/ that reads `ui.app.context.current()`.
"""

import pandas as pd
import streamlit as st

import settings
from ui.app import data
from ui.app.auth import resolve_role
from ui.app.context import Context, set_context
from ui.app.filters import active_count, language_control, restore_from_url, sidebar_filters, write_to_url
from ui.app.health import broken_notice
from ui.strings import t
from ui.views.captions import filters_caption

# (script, title key, icon, url path). Icons are Material Symbols: the font ships in Streamlit's wheel, so they draw
# offline and on machines without an emoji font. A script's name must differ from its url path: Streamlit still
# scans pages/ as legacy pages, and a legacy page with the same url path would run without this frame.
PAGES = (
    ("pages/overview.py", "nav_ringkasan", ":material/dashboard:", "ringkasan"),
    ("pages/regional_map.py", "nav_peta", ":material/map:", "peta"),
    ("pages/breakdowns.py", "nav_rincian", ":material/stacked_bar_chart:", "rincian"),
    ("pages/timeline.py", "nav_linimasa", ":material/timeline:", "linimasa"),
    ("pages/data_explorer.py", "nav_data", ":material/table_chart:", "data"),
    ("pages/briefing_pack.py", "nav_briefing", ":material/slideshow:", "briefing"),
    ("pages/about.py", "nav_tentang", ":material/info:", "tentang"),
    ("pages/load_data.py", "ld_nav", ":material/upload_file:", "muat"),
    ("pages/link_review.py", "lk_nav", ":material/join_inner:", "tautan"),
)
# A local image: a :material: page icon would make the browser fetch the favicon from Google Fonts (no network).
FAVICON = settings.STATIC_DIR / "netra-icon.png"
NO_DATA_PAGES = ("pages/about.py", "pages/load_data.py")  # what still works before any warehouse exists
# registered for admins only, so other roles reach them neither by nav nor URL
ADMIN_PAGES = ("pages/load_data.py", "pages/link_review.py")

st.set_page_config(page_title="Netra", page_icon=FAVICON, layout="wide")
restore_from_url()
lang = language_control()

try:
    info = data.read("warehouse_info").iloc[0]
except FileNotFoundError:
    info = None
served = data.serving()  # the published generation, or the newest sound one when it cannot be read

if info is None and not served.broken:  # nothing published yet: how to make the first generation
    st.error(t("no_warehouse", lang), icon=":material/database:")
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
    st.warning(t("synthetic_banner", lang), icon=":material/science:")
if as_of is not None:
    st.sidebar.caption(t("data_as_of", lang, when=as_of.strftime("%d-%m-%Y %H:%M")))
if filters is not None and not filters.is_empty():  # on a phone the sidebar is folded away: say what is chosen
    st.caption(t("f_summary", lang, n=active_count(filters), caption=filters_caption(filters, lang)))

pages = [p for p in pages if role == "admin" or p[0] not in ADMIN_PAGES]
navigation = st.navigation(
    [st.Page(path, title=t(title, lang), icon=icon, url_path=url, default=i == 0)
     for i, (path, title, icon, url) in enumerate(pages)]
)
navigation.run()
