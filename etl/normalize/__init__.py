"""Turns one raw register cell into the warehouse vocabulary (dates, regions, taxonomy), or says why it can't."""

import re
import unicodedata

import settings

_WORD = re.compile(r"[a-z0-9]+")


class NormalizeError(ValueError):
    """One value that can't be normalised, with an Indonesian sentence saying what is wrong and how to fix it.

    The loader prefixes the message with "Baris N, kolom 'X': ", so the message never names row or column.
    """


def is_blank(value) -> bool:
    """True for the cells registers use to mean 'nothing here': None, NaN/NaT, '', whitespace and dashes."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN (also pandas' missing float)
        return True
    if type(value).__name__ in ("NaTType", "NAType"):
        return True
    if isinstance(value, str):
        return value.strip() in ("", "-", "--", "—", "–")
    return False


def fold(text) -> str:
    """Lower-case ASCII words separated by single spaces, so 'Kab. Batang', 'KAB-BATANG' and 'kab batang' agree."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(_WORD.findall(ascii_text))


read_reference = settings.read_reference  # kept here: the normalisers and their tests import it from etl
