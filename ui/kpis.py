"""The headline cards of Ringkasan: this period's numbers and their change against the previous period.

The period is the chosen date range, or else the data's own extent under the filters; the previous period has
the same length and ends the day before it starts (`Filters.previous_period`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ui.i18n import t
from ui.numbers import number, percent, signed
from warehouse.filters import Filters


@dataclass(frozen=True)
class Card:
    """What one st.metric shows; `delta_color` says whether a rise is good ('normal'), bad ('inverse') or neither."""

    label: str
    value: str
    delta: str | None
    delta_color: str
    help: str


def comparison_period(filters: Filters, extent: pd.DataFrame) -> tuple[date, date] | None:
    """(first, last day) the cards describe: the chosen range, filled from the data extent; None without data."""
    row = extent.iloc[0]
    first = filters.date_from or _day(row["first_day"])
    last = filters.date_to or _day(row["last_day"])
    return (first, last) if first and last and first <= last else None


def _day(value) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


def kpi_cards(now: pd.DataFrame, before: pd.DataFrame | None, period: tuple[date, date] | None,
              lang: str) -> list[Card]:
    """Reported, proven (% of reported), sanctioned (% of proven), median days report → decision.

    The percentage sits in the card's label so the value stays a short count that fits a phone-width card.
    """
    cur = now.iloc[0]
    old = before.iloc[0] if before is not None else None
    compared = _compared_words(period, lang)
    if old is not None and old["reported"] == 0:  # nothing to compare with (e.g. before an election's window)
        old, compared = None, f"{compared} {t('kpi_nothing_before', lang)}"
    cards = []
    for key, whole in (("reported", None), ("proven", "reported"), ("sanctioned", "proven")):
        title = t(f"kpi_{key}", lang) + (f" · {percent(cur[key], cur[whole], lang)}" if whole else "")
        was = None if old is None else number(old[key], lang) + (
            f" ({percent(old[key], old[whole], lang)})" if whole else "")
        cards.append(Card(title, number(cur[key], lang), _count_delta(cur[key], old, key, lang), "off",
                          _help(key, was, compared, lang)))
    days, old_days = _days(cur), _days(old)
    delta = None if None in (days, old_days) else f"{signed(days - old_days, lang, 1)} {t('kpi_days_unit', lang)}"
    was = None if old is None else number(old_days, lang, 1)
    cards.append(Card(t("kpi_median_days", lang), number(days, lang, 1), delta, "inverse",
                      _help("median_days", was, compared, lang)))
    return cards


def _days(row) -> float | None:
    if row is None or pd.isna(row["median_days_to_decision"]):
        return None
    return float(row["median_days_to_decision"])


def _count_delta(value, old, column: str, lang: str) -> str | None:
    """'+2 (+100,0%)' against the previous period; no relative change when the previous period had none."""
    if old is None:
        return None
    change = int(value) - int(old[column])
    relative = f" ({signed(100 * change / old[column], lang, 1)}%)" if old[column] else ""
    return signed(change, lang) + relative


def _help(key: str, was: str | None, compared: str, lang: str) -> str:
    """What the card counts, and what it is compared with."""
    text = t(f"kpi_{key}_help", lang)
    return f"{text} {compared}" if was is None else f"{text} {t('kpi_before', lang, before=was, compared=compared)}"


def _compared_words(period: tuple[date, date] | None, lang: str) -> str:
    """'1-10-2024 s.d. 31-10-2024, dibandingkan dengan 31 hari sebelumnya (31-08-2024 s.d. 30-09-2024)'."""
    if period is None:
        return t("kpi_no_period", lang)
    previous = Filters().previous_period(*period)
    days = (period[1] - period[0]).days + 1
    return t("kpi_period", lang, start=f"{period[0]:%d-%m-%Y}", end=f"{period[1]:%d-%m-%Y}", days=number(days, lang),
             prev_start=f"{previous.date_from:%d-%m-%Y}", prev_end=f"{previous.date_to:%d-%m-%Y}")
