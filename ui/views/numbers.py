"""Numbers as people read them: Indonesian uses a dot for thousands and a comma for decimals, English the reverse."""

from __future__ import annotations

import math

from ui.strings import t


def separators(lang: str) -> str:
    """The decimal mark, then the thousands mark, of `lang` (plotly's layout.separators takes them so)."""
    return t("num_separators", lang)


def _swap(text: str, lang: str) -> str:
    """English-formatted digits ('12,345.6') in the marks of `lang`."""
    decimal, thousands = separators(lang)
    return text.translate(str.maketrans(",.", thousands + decimal))


def number(value, lang: str = "id", decimals: int = 0) -> str:
    """'12.345' (id) / '12,345' (en); '—' for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return _swap(f"{value:,.{decimals}f}", lang)


def percent(part, whole, lang: str = "id", decimals: int = 1) -> str:
    """`part` as a percentage of `whole`, e.g. '45,4%'; '—' when the whole is zero."""
    if not whole:
        return "—"
    return number(100 * part / whole, lang, decimals) + "%"


def signed(value, lang: str = "id", decimals: int = 0) -> str:
    """A change with its sign: '+3', '-1,5', '0' (ASCII signs: st.metric reads the direction from them)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = number(abs(value), lang, decimals)
    return ("+" if value > 0 else "-" if value < 0 else "") + text
