"""What a column holds, judged by its values: the share of a sample each field's strict reading recognises.

A header says what a column should hold; its values say what it does. 'Tingkat' holding Ringan/Sedang/Berat is
severity, 'Keterangan' holding 'Sudah ditindaklanjuti PPK' is a status, a blank header over agency names is the
agency. Each recogniser below is strict (short texts the vocabulary rules read without falling back), so a
free-text column never passes for a vocabulary one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from etl.normalize import NormalizeError, fold, is_blank, taxonomy
from etl.normalize.agencies import kind_of_unit
from etl.normalize.dates import parse_date
from etl.normalize.elections import election_code
from etl.normalize.regions import load_matcher

SAMPLE_ROWS = 1000  # non-blank values looked at per column (the first ones: a column's kind shows early)
CONTENT_SHARE = 0.6  # a column of unknown or ambiguous header is the field most of its values read as
OVERRIDE_SHARE = 0.8  # a column whose header names a field its values do not fit, and that fits another so well
FREE_TEXT_OVERRIDE = 0.9  # the same for a header naming free text (description, agency): severity words only
LEVEL_WORDS = {"ringan", "sedang", "berat", "light", "moderate", "severe", "minor", "major"}
_NIP = re.compile(r"\d{18}")
_NIP_SEPARATORS = re.compile(r"[ .\-]")


def _words(text: str) -> int:
    return len(fold(text).split())


def _ok(func: Callable, text) -> bool:
    try:
        func(text)
    except NormalizeError:
        return False
    return True


def _rule(field: str, text) -> bool:
    return taxonomy.rule_value(field, text) is not None


def _severity(text) -> bool:
    words = fold(text).split()
    return len(words) <= 5 and bool(LEVEL_WORDS & set(words)) and _ok(taxonomy.severity, text) \
        and taxonomy.severity(text) is not None


def _date(text) -> bool:
    return _ok(parse_date, text) and parse_date(text) is not None


def _region(text) -> bool:
    return _words(text) <= 5 and _ok(load_matcher().region, text)


def _province(text) -> bool:
    matcher = load_matcher()
    return _words(text) <= 4 and _ok(matcher.province, text) and matcher.province_only(text) is not None


def _agency(text) -> bool:
    return _words(text) >= 2 and kind_of_unit(text) is not None and not _rule("position_class", text)


def _nip(text) -> bool:
    parts = [_NIP_SEPARATORS.sub("", part) for part in re.split(r"[;\n,]", str(text)) if part.strip()]
    return bool(parts) and all(_NIP.fullmatch(part) for part in parts)


def _violation_type(text) -> bool:
    words = fold(text)
    return len(words.split()) <= 8 and (taxonomy.type_by_rules(words) is not None or bool(taxonomy.forms_in(words)))


# field -> recogniser, in the order that settles a tie (the most specific vocabularies first)
RECOGNISERS: dict[str, Callable[[str], bool]] = {
    "severity": _severity,
    "violation_class": lambda t: _words(t) <= 6 and _ok(taxonomy.violation_class, t),
    "source_kind": lambda t: _words(t) <= 4 and _rule("source_kind", t),
    "election": lambda t: _ok(election_code, t) and election_code(t) is not None,
    "subject_nip": _nip,
    "employee_type": lambda t: _words(t) <= 4 and _rule("employee_type", t),
    "agency_level": lambda t: _words(t) <= 2 and _rule("agency_level", t) and not _ok(load_matcher().region, t),
    "violation_form": lambda t: _words(t) <= 4 and len(taxonomy.forms_in(fold(t))) == 1,
    "date": _date,
    "status": lambda t: _words(t) <= 10 and _ok(taxonomy.status, t),
    "sanction": lambda t: taxonomy.sanction_class(t) is not None,
    "agency_name": _agency,
    "province": _province,
    "region": _region,
    "position": lambda t: _words(t) <= 6 and _rule("position_class", t),
    "violation_type": _violation_type,
    "description": lambda t: _words(t) >= 6,
}
STRONG = ("severity", "violation_class", "source_kind", "election", "employee_type", "agency_level",
          "violation_form")  # vocabularies unmistakable enough to overrule a header


def sample(values: pd.Series) -> pd.Series:
    """Counts of the distinct non-blank values among the first SAMPLE_ROWS non-blank ones."""
    head = values.head(SAMPLE_ROWS * 5)
    head = head[~head.map(is_blank)].head(SAMPLE_ROWS)
    return head.value_counts()


def shares(values: pd.Series, fields=RECOGNISERS) -> dict[str, float]:
    """field -> the share of the sampled values (weighted by how often each occurs) that field recognises."""
    counts = sample(values)
    total = counts.sum()
    if not total:
        return {}
    found = {}
    for field in fields:
        recognise = RECOGNISERS[field]
        hits = sum(count for value, count in counts.items() if recognise(value))
        if hits:
            found[field] = hits / total
    return found


def best(found: dict[str, float], threshold: float = CONTENT_SHARE, among=tuple(RECOGNISERS)) -> str | None:
    """The first field (in RECOGNISERS order) among `among` whose share reaches `threshold`."""
    for field in RECOGNISERS:
        if field in among and found.get(field, 0.0) >= threshold:
            return field
    return None
