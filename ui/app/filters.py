"""The shared sidebar filters: widgets kept across pages and mirrored in the URL, read back as one Filters value.

Widget keys are the URL parameter names and the URL holds codes, not labels, so a copied link reproduces the
view in either language (`?el=pilkada2024&prov=33`). Streamlit's own `bind="query-params"` would write the
formatted labels instead, so the binding is done here. Other code changes a filter by writing
`st.session_state[KEY]` before the sidebar renders (e.g. a map click callback).
"""

from __future__ import annotations

from datetime import date

import streamlit as st

import settings
from ui.app import data
from ui.strings import DEFAULT_LANG, LANGS, known_lang, label, options, t
from ui.views.default_view import default_elections
from ui.views.links import STREAMLIT_KEYS, TAB_KEY, ignored_notice, read_link
from warehouse.filters import Filters
from warehouse.vocab import (
    AGENCY_LEVELS,
    ASN_ONLY,
    DATE_BASES,
    ELECTIONS,
    EMPLOYEE_CHOICES,
    POSITION_CLASSES,
    SEVERITIES,
    SOURCE_AGENCIES,
    STATUSES,
    UNITS,
    VIOLATION_TYPES,
)

KEEP = {"persist_state": "session"}  # keep the value when the user switches pages
# Filters field -> (widget key = URL parameter, label key, vocabulary column, option values)
MULTI = {
    "elections": ("el", "f_elections", "election", ELECTIONS),
    "provinces": ("prov", "f_provinces", "province_code", None),  # options from the reference table
    "regions": ("kab", "f_regions", "region_code", None),  # narrowed by the chosen provinces
    "violation_types": ("jenis", "f_types", "violation_type", VIOLATION_TYPES),
    "severities": ("tingkat", "f_severities", "severity", SEVERITIES),
    "statuses": ("status", "f_statuses", "status", STATUSES),
    "positions": ("jabatan", "f_positions", "position_class", POSITION_CLASSES),
    "agency_levels": ("instansi", "f_agency_levels", "agency_level", AGENCY_LEVELS),
    "source_agencies": ("sumber", "f_sources", "source_agency", SOURCE_AGENCIES),
    "employee_types": ("pegawai", "f_employee_types", "employee_choice", EMPLOYEE_CHOICES),
}
DEFAULTS = {"employee_types": ASN_ONLY}  # list filters whose default is not 'all' (as in Filters)
HELP = {"source_agencies": "f_sources_help", "employee_types": "f_employee_types_help"}  # label key of a help text
FIRST_DAY = date(2019, 1, 1)  # before the earliest election window
MAIN_FIELDS = ("elections", "provinces", "regions", "violation_types", "severities", "employee_types")
BASIS_KEY, DATES_KEY = "basis", "tgl"
UNIT_KEY = "satuan"  # the counting unit's widget key and URL parameter (orang | catatan)
REGION_KEY, PROVINCE_KEY, ELECTION_KEY = MULTI["regions"][0], MULTI["provinces"][0], MULTI["elections"][0]
LANG_KEY = "lang"  # the language switch's widget key and URL parameter
SESSION_LANG_KEY = "_lang"  # the language of this session's last run (a page switch's run has no URL parameters)
PENDING_KEY = "_filters_pending"  # changes asked for by page code, applied before the widgets draw
IGNORED_KEY = "_url_ignored"  # what the session's link said that was ignored, until the notice shows it
LEFT_ALONE = (TAB_KEY, *STREAMLIT_KEYS)  # URL parameters the filters never write


def region_options(provinces: list[str]) -> list[str]:
    """Kabupaten/kota codes to offer: all 514, or those of the chosen provinces."""
    codes = list(options("region_code"))
    return [c for c in codes if not provinces or c.split(".")[0] in provinces]


def active_count(filters: Filters) -> int:
    """How many filters differ from their defaults (a date range counts once)."""
    lists = sum(1 for field in MULTI if getattr(filters, field) != DEFAULTS.get(field, ()))
    return lists + (1 if filters.date_from or filters.date_to else 0)


def empty_state(lang: str) -> None:
    """The page body when the filters leave no cases: say so, and offer the way back."""
    st.info(t("empty_state", lang), icon=":material/filter_alt_off:")
    st.button(t("f_reset", lang), on_click=reset_filters, key="empty_reset", icon=":material/restart_alt:")


def reset_filters() -> None:
    """Button callback: every filter back to its default (the URL parameters disappear with them); the counting
    unit, like the language, is how to count rather than what, and stays."""
    for field, (key, *_) in MULTI.items():
        st.session_state[key] = list(DEFAULTS.get(field, ()))
    st.session_state[BASIS_KEY] = DATE_BASES[0]
    st.session_state[DATES_KEY] = ()


def last_day() -> date:
    """The latest date a filter or link may name: the end of next year (no data lies beyond it)."""
    return date(date.today().year + 1, 12, 31)


def restore_from_url(default_election: str = "all") -> None:
    """Once per session, before any widget: take the filters from the URL — only what ui.views.links accepts;
    the rest is named in a notice the frame shows (`link_notice`). A link without `el` opens on the default
    election (settings.default_election); `?el=` with nothing after it is how a link says "all elections"."""
    if st.session_state.get("_url_restored"):
        return
    st.session_state["_url_restored"] = True
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    if ELECTION_KEY not in params:
        st.session_state[ELECTION_KEY] = list(default_elections(default_election, _calendar()))
    lists = {key: set(values or options(column)) for key, _, column, values in MULTI.values()}
    single = {BASIS_KEY: DATE_BASES, LANG_KEY: LANGS, UNIT_KEY: UNITS}
    link = read_link(params, lists, single, DATES_KEY, FIRST_DAY, last_day())
    for key, codes in link.lists.items():
        st.session_state[key] = codes
    for key in (BASIS_KEY, UNIT_KEY):
        if key in link.single:
            st.session_state[key] = link.single[key]
    if link.dates:
        st.session_state[DATES_KEY] = link.dates
    st.session_state[IGNORED_KEY] = link.ignored


def _calendar():
    """The elections' calendar with the latest date of their cases; None before any warehouse is published."""
    try:
        return data.read("election_calendar")
    except FileNotFoundError:
        return None


def link_notice(lang: str) -> None:
    """The one notice naming what this session's link said that was ignored (shown on the run that read it)."""
    text = ignored_notice(st.session_state.pop(IGNORED_KEY, []), FIRST_DAY, last_day(), lang)
    if text:
        st.warning(text, icon=":material/link_off:")


def language_control() -> str:
    """The language switch in the sidebar: the user's choice, else this session's language, else the URL's one.

    Always a language of the interface. The switch's own default is that language, not "nothing chosen": with no
    default its empty state is None, which it reported whenever its value came from the widget rather than from
    a value seeded into session state (and `?lang=None` went into the URL). The session's language is kept
    apart from the widget, because a page switch's run arrives without the URL's parameters.
    """
    fallback = known_lang(st.session_state.get(SESSION_LANG_KEY) or st.query_params.get(LANG_KEY))
    chosen = st.sidebar.segmented_control(
        t("language"), list(LANGS), default=fallback, required=True, key=LANG_KEY,
        format_func=str.upper, persist_state="session",
    )
    st.session_state[SESSION_LANG_KEY] = lang = chosen if chosen in LANGS else fallback
    return lang


def write_to_url(filters: Filters, lang: str) -> None:
    """Mirror the filters (as codes) and the language in the URL; defaults are left out to keep links short.

    A list filter whose default is not 'all' writes every code for 'all' (`?pegawai=pns&…&pegawai=unknown`): an
    empty parameter would read back as its default."""
    wanted: dict[str, list[str] | str] = {}
    for field, (key, _, _, values) in MULTI.items():
        chosen = getattr(filters, field)
        if chosen != DEFAULTS.get(field, ()):
            wanted[key] = list(chosen or values)
    if not filters.elections and settings.default_election() != "all":
        wanted[ELECTION_KEY] = ""  # all elections, said out loud: without it the link would open on the default
    if filters.date_basis != DATE_BASES[0]:
        wanted[BASIS_KEY] = filters.date_basis
    if filters.unit != UNITS[0]:
        wanted[UNIT_KEY] = filters.unit
    days = [d.isoformat() for d in (filters.date_from, filters.date_to) if d]
    if days:
        wanted[DATES_KEY] = days
    if known_lang(lang) != DEFAULT_LANG:  # an unknown language is the default: never '?lang=None'
        wanted[LANG_KEY] = lang
    _set_url(wanted)


def _set_url(wanted: dict[str, list[str] | str]) -> None:
    """Make the URL's parameters these, key by key, leaving the open tab (bound to its widget: Streamlit refuses
    to set it here, and replacing the whole query string would drop it) and Streamlit's own parameters alone."""
    mine = {key: st.query_params.get_all(key) for key in st.query_params if key not in LEFT_ALONE}
    for key in mine.keys() - wanted.keys():
        del st.query_params[key]
    for key, value in wanted.items():
        if mine.get(key) != (value if isinstance(value, list) else [value]):
            st.query_params[key] = value


def _multiselect(field: str, lang: str, chosen_provinces: list[str]) -> list[str]:
    key, label_key, column, values = MULTI[field]
    if field == "regions":
        values = region_options(chosen_provinces)
        if key in st.session_state:  # a region outside the chosen provinces is dropped, not an error
            st.session_state[key] = [c for c in st.session_state[key] if c in values]
    elif values is None:
        values = list(options(column))
    # A default that is not 'all' is the widget's own default, not a value seeded into session state: a seeded
    # widget reports its own (empty) default on a run whose value comes from the browser (see language_control).
    return st.multiselect(
        t(label_key, lang), values, key=key, format_func=lambda v: label(column, v, lang),
        default=list(DEFAULTS[field]) if field in DEFAULTS else None, placeholder=t("f_all", lang),
        help=t(HELP[field], lang) if field in HELP else None, **KEEP,
    )


def unit_control(lang: str) -> str:
    """What the counts count: persons in cases (default) or register records."""
    chosen = st.segmented_control(  # its own default, as the language switch's (see language_control)
        t("f_unit", lang), UNITS, default=UNITS[0], required=True, key=UNIT_KEY,
        format_func=lambda v: label("unit", v, lang), help=t("f_unit_help", lang), **KEEP,
    )
    return chosen if chosen in UNITS else UNITS[0]


def request_filters(**values: list[str]) -> None:
    """Change shared filters from page code that is not a callback (widget key = value); then call st.rerun()."""
    st.session_state.setdefault(PENDING_KEY, {}).update(values)


def sidebar_filters(lang: str) -> Filters:
    """Draw the shared filters in the sidebar and return what they say."""
    for key, value in st.session_state.pop(PENDING_KEY, {}).items():  # see request_filters
        st.session_state[key] = value
    sidebar = st.sidebar
    sidebar.subheader(t("filters", lang))
    status = sidebar.empty()  # filled below, once the widgets have said what is chosen
    chosen: dict[str, list[str]] = {}
    with sidebar:
        unit = unit_control(lang)
        for field in MAIN_FIELDS:
            chosen[field] = _multiselect(field, lang, chosen.get("provinces", []))
        basis = st.selectbox(
            t("f_basis", lang), DATE_BASES, key=BASIS_KEY, format_func=lambda v: label("date_basis", v, lang),
            **KEEP,
        )
        st.session_state.setdefault(DATES_KEY, ())  # no default argument: the URL may have set the value
        dates = st.date_input(t("f_dates", lang), min_value=FIRST_DAY, max_value=last_day(), key=DATES_KEY,
                              format="DD/MM/YYYY", **KEEP)
        with st.expander(t("f_more", lang)):
            for field in MULTI:
                if field not in MAIN_FIELDS:
                    chosen[field] = _multiselect(field, lang, [])
        st.button(t("f_reset", lang), on_click=reset_filters, width="stretch", icon=":material/restart_alt:")
    date_from, date_to = _date_range(dates)
    filters = Filters(
        **{field: tuple(values) for field, values in chosen.items()},
        date_basis=basis, date_from=date_from, date_to=date_to, unit=unit,
    )
    status.caption(t("f_active", lang, n=active_count(filters)) if not filters.is_empty() else t("f_none", lang))
    return filters


def _date_range(value) -> tuple[date | None, date | None]:
    """A date_input range value (0, 1 or 2 dates) as (from, to)."""
    dates = list(value) if isinstance(value, list | tuple) else [value] if value else []
    return (dates[0] if dates else None), (dates[1] if len(dates) > 1 else None)
