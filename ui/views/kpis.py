"""The headline cards of Ringkasan: the numbers of the selection and their change against the previous period.

The change compares the recent period with the period of equal length before it, by the rule every page uses
(`Filters.recent_and_previous`): the chosen date range, or else the last 90 days of data under the filters.

Like with like: proven and sanctioned (and the days to a decision) need time, so plain arithmetic would show the
last 90 days "falling" only because their cases are young. Both periods are therefore counted at the same age:
the recent period's cases as they stand on the data's last day (`as_of`), the previous period's as they stood
the same number of days after it ended (a decision or sanction counts only once its date has passed). When too
many of a stage's cases carry no date to age them by, that card shows no change, and its help says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from ui.strings import t
from ui.views.disclosure import count_text, withheld
from ui.views.numbers import number, percent, signed
from warehouse.filters import Filters

SHARE_OF = {"reported": None, "proven": "reported", "sanctioned": "proven"}  # count cards: % of what
MEASURES = (*SHARE_OF, "median_days")  # the four cards, in order
AGED = ("proven", "sanctioned")  # stages that need time: compared at equal age (module docstring)
UNDATED_TOLERANCE = 0.1  # more than this share of a stage's cases without its date: the periods cannot be aged


@dataclass(frozen=True)
class Ageing:
    """The day each period's cases are counted as of: `days` after its end (the recent period's age)."""

    days: int
    recent_as_of: date
    before_as_of: date


@dataclass(frozen=True)
class Card:
    """What one st.metric shows; `delta_color` says whether a rise is good ('normal'), bad ('inverse') or neither."""

    label: str
    value: str
    delta: str | None
    delta_color: str
    help: str
    measure: str = ""  # reported | proven | sanctioned | median_days
    share: str | None = None  # the percentage shown in the label ('50,0%'), of reported / of proven


def comparison(filters: Filters, extent: pd.DataFrame) -> tuple[Filters, Filters] | None:
    """(recent, previous) filters whose counts the cards' change compares; None when no case has a date."""
    row = extent.iloc[0]
    first = filters.date_from or _day(row["first_day"])
    last = filters.date_to or _day(row["last_day"])
    return filters.recent_and_previous(first, last) if first and last and first <= last else None


def cards_for(read, filters: Filters, lang: str) -> list[Card]:
    """The four cards for `filters`, reading through `read` (ui.app.data.read on pages, a plain reader in packs)."""
    now = read("kpis", filters)
    extent = read("data_extent", filters)
    window = comparison(filters, extent)
    if window is None:
        return kpi_cards(now, None, None, None, lang)
    recent, before = window
    ageing = ageing_for(recent, before, _day(extent.iloc[0].get("as_of")))
    rows = (read("kpis_at_age", recent, as_of=ageing.recent_as_of),
            read("kpis_at_age", before, as_of=ageing.before_as_of))
    return kpi_cards(now, *rows, (recent.date_from, recent.date_to), lang, ageing)


def ageing_for(recent: Filters, before: Filters, as_of: date | None) -> Ageing:
    """Count the recent period as of the data's last day, the previous one as many days after its own end."""
    as_of = max(as_of or recent.date_to, recent.date_to)  # a range ending after the data ends is aged from its end
    days = (as_of - recent.date_to).days
    return Ageing(days, as_of, before.date_to + timedelta(days=days))


def non_asn_note(left_out: pd.DataFrame, unit: str, lang: str) -> str | None:
    """The sentence near the cards saying how many non-ASN person-cases (or records) the counts leave out; None
    when they leave out none (`left_out` is the non_asn_count row, published on a public view)."""
    n = left_out["n"].iloc[0]
    if not withheld(n) and n == 0:
        return None
    return t(f"kpi_non_asn_{unit}", lang, n=count_text(n, lang))


def _day(value) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def kpi_cards(now: pd.DataFrame, recent: pd.DataFrame | None, before: pd.DataFrame | None,
              period: tuple[date, date] | None, lang: str, ageing: Ageing | None = None) -> list[Card]:
    """Reported, proven (% of reported), sanctioned (% of proven), median days report → decision.

    Values are those of `now` (the whole selection); the change is `recent` against `before`, over `period`;
    with `ageing`, the two rows were counted at the same age and the help of the aged cards says so.

    The percentage sits in the card's label so the value stays a short count that fits a phone-width card.
    """
    cur = now.iloc[0]
    new = recent.iloc[0] if recent is not None else cur
    old = before.iloc[0] if before is not None else None
    compared = _compared_words(period, lang)
    if old is not None and not withheld(old["reported"]) and old["reported"] == 0:  # nothing before to compare with
        old, compared = None, f"{compared} {t('kpi_nothing_before', lang)}"
    aged = "" if old is None or ageing is None else " " + _aged_words(ageing, lang)
    cards = []
    for key, whole in SHARE_OF.items():
        share = _share(cur, key, whole, lang)
        title = t(f"kpi_{key}", lang) + (f" · {share}" if share else "")
        pair = None if old is None else tuple(
            count_text(row[key], lang) + (f" ({_share(row, key, whole, lang) or '—'})" if whole else "")
            for row in (new, old))
        delta, help_text = _count_delta(new[key], old, key, lang), _help(key, pair, compared, lang)
        if key in AGED and aged:
            undated = _undated(key, new, old)
            delta, help_text = (delta, help_text + aged) if not undated else (None, " ".join(
                (t(f"kpi_{key}_help", lang), t("kpi_not_aged", lang, count=number(undated, lang),
                                                stage=t(f"kpi_{key}", lang).lower()))))
        cards.append(Card(title, count_text(cur[key], lang), delta, "off", help_text, key, share))
    days, new_days, old_days = _days(cur), _days(new), _days(old)
    delta = None if None in (new_days, old_days) else \
        f"{signed(new_days - old_days, lang, 1)} {t('kpi_days_unit', lang)}"
    pair = None if old is None else (number(new_days, lang, 1), number(old_days, lang, 1))
    cards.append(Card(t("kpi_median_days", lang), number(days, lang, 1), delta, "inverse",
                      _help("median_days", pair, compared, lang) + aged, "median_days"))
    return cards


def _undated(key: str, *rows) -> int:
    """Cases of stage `key` without its date in the period where they are most (0 when few enough to age)."""
    worst = 0
    for row in rows:
        missing = row.get(f"{key}_undated", 0)
        missing = 0 if withheld(missing) else int(missing)  # a withheld count is below 5: never decisive
        dated = 0 if withheld(row[key]) else int(row[key])
        if missing > UNDATED_TOLERANCE * (missing + dated):
            worst = max(worst, missing)
    return worst


def _aged_words(ageing: Ageing, lang: str) -> str:
    return t("kpi_aged", lang, recent_as_of=f"{ageing.recent_as_of:%d-%m-%Y}",
             before_as_of=f"{ageing.before_as_of:%d-%m-%Y}", days=number(ageing.days, lang))


def _share(row, key: str, whole: str | None, lang: str) -> str | None:
    """`key` as a percentage of `whole` in `row`; None for no whole, or a withheld count on a public view."""
    if whole is None or withheld(row[key]) or withheld(row[whole]):
        return None
    return percent(row[key], row[whole], lang)


def _days(row) -> float | None:
    if row is None or pd.isna(row["median_days_to_decision"]):
        return None
    return float(row["median_days_to_decision"])


def _count_delta(value, old, column: str, lang: str) -> str | None:
    """'+2 (+100,0%)' against the previous period; no relative change when the previous period had none."""
    if old is None or withheld(value) or withheld(old[column]):  # a public view says nothing a withheld count hides
        return None
    change = int(value) - int(old[column])
    relative = f" ({signed(100 * change / old[column], lang, 1)}%)" if old[column] else ""
    return signed(change, lang) + relative


def _help(key: str, pair: tuple[str, str] | None, compared: str, lang: str) -> str:
    """What the card counts, and the (recent, previous) values its change compares."""
    text = t(f"kpi_{key}_help", lang)
    if pair is None:
        return f"{text} {compared}"
    return f"{text} {t('kpi_before', lang, recent=pair[0], before=pair[1], compared=compared)}"


def _compared_words(period: tuple[date, date] | None, lang: str) -> str:
    """'1-10-2024 s.d. 31-10-2024, dibandingkan dengan 31 hari sebelumnya (31-08-2024 s.d. 30-09-2024)'."""
    if period is None:
        return t("kpi_no_period", lang)
    previous = Filters().previous_period(*period)
    days = (period[1] - period[0]).days + 1
    return t("kpi_period", lang, start=f"{period[0]:%d-%m-%Y}", end=f"{period[1]:%d-%m-%Y}", days=number(days, lang),
             prev_start=f"{previous.date_from:%d-%m-%Y}", prev_end=f"{previous.date_to:%d-%m-%Y}")
