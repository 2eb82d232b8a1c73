"""What a shared link may set: every URL parameter checked before it reaches a widget, and what was ignored.

A link is text anyone can write. Unknown parameters and codes, duplicates, dates that are not dates or lie outside
FIRST_DAY..LAST_DAY, more than two dates, more than MAX_PER_KEY values of one filter, more than MAX_VALUES values
or MAX_CHARACTERS characters in all are ignored — each named once in a notice — and the rest of the link applies.
(Streamlit itself drops a whole query string of more than 1000 parameters or 512 Ki characters before the app
sees it; the links Netra writes stay far below both.)
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date

from ui.strings import t
from ui.views.markup import code_span

MAX_PER_KEY = 100  # values of one filter (a region list of a whole island still fits)
MAX_VALUES = 300  # values in the whole link
MAX_CHARACTERS = 8_000  # of keys and values in the whole link (browsers and proxies cope with far more)
MAX_DATES = 2
STREAMLIT_KEYS = ("embed", "embed_options")  # Streamlit's own parameters: not ours to judge
TAB_KEY = "tab"  # the open tab of a page's sections (ui.app.sections): its tabs check it, an unknown one is dropped
REASONS = ("unknown_parameter", "unknown_value", "duplicate", "not_a_date", "out_of_range", "too_many", "too_long")
NAMED_IN_NOTICE = 5  # ignored values the notice names one by one; the rest are counted


@dataclass(frozen=True)
class Ignored:
    """One ignored parameter value and why (one of REASONS)."""

    key: str
    value: str
    reason: str


@dataclass
class Link:
    """The link's accepted values, and what it said that was ignored."""

    lists: dict[str, list[str]] = field(default_factory=dict)  # filter key -> accepted codes, in link order
    single: dict[str, str] = field(default_factory=dict)  # basis / lang key -> accepted value
    dates: tuple[date, ...] = ()
    ignored: list[Ignored] = field(default_factory=list)


def read_link(params: Mapping[str, list[str]], lists: Mapping[str, Collection[str]],
              single: Mapping[str, Collection[str]], dates_key: str, first_day: date, last_day: date) -> Link:
    """Check a link's parameters (key -> every value given) against what each key may hold.

    `lists`: filter keys and their known codes; `single`: keys that take one known value (date basis, language);
    `dates_key`: the date range's key, taking at most two ISO dates from `first_day` to `last_day`.
    """
    link, budget = Link(), _Budget()
    dates: list[date] = []
    for key, values in params.items():
        for value in values:
            if value == "":  # '?el=' is how a link says "nothing chosen"
                continue
            why = budget.spend(key, value)
            if why is None and key not in (*lists, *single, dates_key):
                why = "unknown_parameter" if key not in (*STREAMLIT_KEYS, TAB_KEY) else "streamlit"
            if why is None and key in lists:
                why = _list_value(link.lists.setdefault(key, []), value, lists[key])
            elif why is None and key in single:
                why = _single_value(link.single, key, value, single[key])
            elif why is None and key == dates_key:
                why = _date_value(dates, value, first_day, last_day)
            if why not in (None, "streamlit"):
                link.ignored.append(Ignored(key, value, why))
    link.lists = {key: codes for key, codes in link.lists.items() if codes}
    link.dates = tuple(sorted(dates))
    return link


class _Budget:
    """Counts values and characters so an oversized link is cut, not obeyed."""

    def __init__(self):
        self.values, self.characters, self.per_key = 0, 0, {}

    def spend(self, key: str, value: str) -> str | None:
        self.characters += len(key) + len(value) + 2
        if self.characters > MAX_CHARACTERS:
            return "too_long"
        self.values += 1
        self.per_key[key] = self.per_key.get(key, 0) + 1
        return "too_many" if self.values > MAX_VALUES or self.per_key[key] > MAX_PER_KEY else None


def _list_value(accepted: list[str], value: str, known: Collection[str]) -> str | None:
    if value not in known:
        return "unknown_value"
    if value in accepted:
        return "duplicate"
    accepted.append(value)
    return None


def _single_value(accepted: dict[str, str], key: str, value: str, known: Collection[str]) -> str | None:
    if value not in known:
        return "unknown_value"
    if key in accepted:
        return "duplicate"
    accepted[key] = value
    return None


def _date_value(accepted: list[date], value: str, first_day: date, last_day: date) -> str | None:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return "not_a_date"
    if not first_day <= day <= last_day:
        return "out_of_range"
    if day in accepted:
        return "duplicate"
    if len(accepted) >= MAX_DATES:
        return "too_many"
    accepted.append(day)
    return None


def ignored_notice(ignored: list[Ignored], first_day: date, last_day: date, lang: str) -> str | None:
    """One sentence naming what the link said that was ignored (None when nothing was), values shown verbatim."""
    if not ignored:
        return None
    period = {"first": f"{first_day:%d-%m-%Y}", "last": f"{last_day:%d-%m-%Y}"}
    named = [f"{code_span(f'{item.key}={item.value}', 60)} ({t(f'link_why_{item.reason}', lang, **period)})"
             for item in ignored[:NAMED_IN_NOTICE]]
    more = len(ignored) - NAMED_IN_NOTICE
    return t("link_ignored", lang, items="; ".join(named)) + (f" {t('link_more', lang, n=more)}" if more > 0 else "")
