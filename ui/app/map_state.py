"""The Peta page's state: level, metric and drill-down focus, changed by callbacks so the rerun starts right.

Callbacks run before the script, hence before the sidebar draws: a map click that sets the shared region filter
(`st.session_state["kab"]`) is seen by every widget and page on that very rerun.
"""

from __future__ import annotations

import streamlit as st

from ui.app.filters import PROVINCE_KEY, REGION_KEY, request_filters
from ui.app.screen import on_phone
from ui.figures.maps import NOMINAL_WIDTH, PROVINCE_ONLY, clicked_codes
from ui.strings import label, t
from warehouse.filters import Filters

LEVEL_KEY, METRIC_KEY, FOCUS_KEY, MAP_KEY = "peta_level", "peta_metric", "peta_focus", "peta_map"
HANDLED_KEY = "peta_handled_click"  # the codes of the selection last applied, so a selection is applied once
PENDING_KEY = "peta_pending"  # page widget values a click asked for outside a callback (see init_state)
DEFAULTS = {LEVEL_KEY: "kabupaten", METRIC_KEY: "count"}
NAME_CHAR_PX, CELL_PAD_PX, MAX_NAME_PX = 7.5, 24, 400  # the table's 14 px font: a generous average character
PHONE_WIDTH = 360  # px the map gets on a phone (a 390 px screen less the page's padding)
TABLE_HEIGHT = 420  # px: about twelve rows, the rest scrolls


def init_state() -> None:
    """Before the page's widgets: apply values a click asked for outside a callback, then the defaults."""
    for key, value in st.session_state.pop(PENDING_KEY, {}).items():
        st.session_state[key] = value
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)


def focus_provinces(filters: Filters) -> tuple[str, ...]:
    """The provinces the kabupaten/kota map zooms to: the drilled-into one, else the sidebar's provinces."""
    drilled = st.session_state.get(FOCUS_KEY)
    return (drilled,) if drilled else filters.provinces


def level_changed() -> None:
    """Switching level leaves the drill-down; the kabupaten/kota level has no per-PNS rate."""
    st.session_state.pop(FOCUS_KEY, None)
    if st.session_state[LEVEL_KEY] == "kabupaten" and st.session_state[METRIC_KEY] in PROVINCE_ONLY:
        st.session_state[METRIC_KEY] = DEFAULTS[METRIC_KEY]


def metric_changed() -> None:
    """A province-only metric moves the map to provinces."""
    if st.session_state[METRIC_KEY] in PROVINCE_ONLY:
        st.session_state[LEVEL_KEY] = "provinsi"
        st.session_state.pop(FOCUS_KEY, None)


def map_clicked() -> None:
    """on_select callback: apply a click before any widget draws (what a click in the browser runs)."""
    codes = clicked_codes((st.session_state.get(MAP_KEY) or {}).get("selection"))
    st.session_state[HANDLED_KEY] = codes
    _apply_click(codes, st.session_state.__setitem__)


def apply_unhandled_click(event) -> bool:
    """Apply a selection no callback has seen (AppTest injects selections without callbacks); True: rerun now."""
    codes = clicked_codes((event or {}).get("selection"))
    if codes == st.session_state.get(HANDLED_KEY, []):
        return False
    st.session_state[HANDLED_KEY] = codes
    _apply_click(codes, _set_on_next_run)
    return bool(codes)


def _set_on_next_run(key: str, value) -> None:
    """Widgets of this run are drawn already: shared filters go through the sidebar, the page's own via init_state."""
    if key == REGION_KEY:
        request_filters(**{key: value})
    else:
        st.session_state.setdefault(PENDING_KEY, {})[key] = value


def _apply_click(codes: list[str], set_value) -> None:
    """A province zooms to its kabupaten/kota; a kabupaten/kota filters every page to it."""
    if not codes:
        return
    code = codes[0]
    set_value(FOCUS_KEY, code.split(".")[0])
    if "." in code:
        set_value(REGION_KEY, [code])
        return
    set_value(LEVEL_KEY, "kabupaten")
    if st.session_state.get(METRIC_KEY) in PROVINCE_ONLY:
        set_value(METRIC_KEY, DEFAULTS[METRIC_KEY])


def back_to_indonesia() -> None:
    """Leave the drill-down and clear the province and region filters: the whole country again."""
    st.session_state.pop(FOCUS_KEY, None)
    st.session_state[REGION_KEY] = []
    st.session_state[PROVINCE_KEY] = []


def change_period_text(recent: Filters, previous: Filters, lang: str) -> str:
    """'Perubahan: 13-08-2024 s.d. 10-11-2024 dibanding …': which two periods the change metric compares."""
    days = {"start": recent.date_from, "end": recent.date_to,
            "prev_start": previous.date_from, "prev_end": previous.date_to}
    return t("peta_change_period", lang, basis=label("date_basis", recent.date_basis, lang),
             **{key: day.strftime("%d-%m-%Y") for key, day in days.items()})


def map_width() -> int:
    """The width the map is fitted to: a phone's (ui.app.screen) or a wide page's."""
    return PHONE_WIDTH if on_phone() else NOMINAL_WIDTH


def table_columns(table, lang: str) -> dict:
    """Column settings of the ranked table: region and province names whole, each column as wide as its longest
    name (a 'large' column for both pushed the numbers past a laptop's edge)."""
    names = {t("map_col_region", lang), t("map_col_province", lang)}
    return {name: st.column_config.TextColumn(name, width=name_width(table[name])) for name in table.columns
            if name in names}


def name_width(names) -> int:
    """Pixels that show the longest of `names` whole in the table's font (at most MAX_NAME_PX)."""
    longest = int(names.astype(str).str.len().max()) if len(names) else 0
    return int(min(MAX_NAME_PX, longest * NAME_CHAR_PX + CELL_PAD_PX))
