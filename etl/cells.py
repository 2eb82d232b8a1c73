"""Vectorised helpers over register columns: blanks, tidy text, and a function applied once per distinct value.

Registers repeat the same region, status and date strings, so normalising each distinct value once and mapping
the answer back is what keeps a 1M-row load within a minute.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from etl.normalize import NormalizeError

BLANKS = ["", "-", "--", "—", "–"]  # cells registers use to mean 'nothing here' (as etl.normalize.is_blank)
SPACES = "[ \t\r\n\xa0]+"  # written out: pandas sends `\s` to Python's re, this stays in pyarrow (fast)


def blank(values: pd.Series) -> pd.Series:
    """True where a cell is empty, missing or a dash; vectorised."""
    text = values.astype("str")
    return text.isna() | text.str.strip().isin(BLANKS)


def tidy_text(values: pd.Series) -> pd.Series:
    """Free text with its spacing collapsed, blanks as missing; vectorised (names, descriptions)."""
    tidy = values.astype("str").str.replace(SPACES, " ", regex=True).str.strip()
    return tidy.astype(object).where(tidy.notna() & ~tidy.isin(BLANKS), None)


def nip_texts(values: pd.Series) -> pd.Series:
    """18-digit NIPs without their spaces and dots; anything else kept as written (NIP is not required)."""
    tidy = tidy_text(values)
    digits = tidy.astype("str").str.replace("[^0-9]", "", regex=True)
    return tidy.mask(digits.str.len() == 18, digits.astype(object))


def per_distinct(func: Callable, *columns: pd.Series, parts: int = 0):
    """func applied once per distinct combination of the columns: (results, error sentences), both aligned.

    With `parts`, func returns tuples of that length and the results come as one Series per part.
    """
    inverse = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:  # codes of the combination so far, numbered in order of first appearance
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        inverse, _ = pd.factorize(inverse * (len(uniques) + 1) + codes)
    first = np.empty(inverse.max() + 1 if len(inverse) else 0, dtype=np.int64)
    first[inverse[::-1]] = np.arange(len(inverse))[::-1]  # the earliest row of each combination
    results, errors = [], []
    for values in zip(*(column.take(first).tolist() for column in columns), strict=True):
        try:
            results.append(func(*(None if _missing(v) else v for v in values)))
            errors.append(None)
        except NormalizeError as error:
            results.append((None,) * parts if parts else None)
            errors.append(str(error))
    index = columns[0].index
    errors = pd.Series(_objects(errors)[inverse], index=index)
    if parts:
        return tuple(pd.Series(_objects([r[k] for r in results])[inverse], index=index) for k in range(parts)), errors
    return pd.Series(_objects(results)[inverse], index=index), errors


def _missing(value) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and value != value)


def _objects(values: list) -> np.ndarray:
    """values as a 1-D object array (a list of tuples must not become a 2-D array)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def quietly(func: Callable, value):
    """func(value), or None when the value doesn't normalise (a sheet name is only a hint)."""
    try:
        return func(value)
    except NormalizeError:
        return None
