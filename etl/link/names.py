"""How the linker reads a person and an agency: NIPs, names without titles in one spelling, agencies in one form.

Pure functions of one value, applied once per distinct value (registers repeat names and agencies).
A name's *key* is for comparison only, never shown: titles and degrees go, case, spacing and punctuation go,
old and regional spellings become one ('Djoko', 'Joko' and 'JOKO' agree; so do 'Jusuf' and 'Yusuf').
"""

from __future__ import annotations

import re

import duckdb
import pandas as pd

from etl.normalize import fold
from etl.sql import statement

# A NIP is 18 digits: birth date (8), TMT CPNS (6), gender (1), serial (3); a PPPK's NI: birth date, year, ...
# It is only a NIP when it starts with a birth date (a real day, born NIP_BORN) and an appointment year at
# least NIP_MIN_AGE later and no later than NIP_HIRED_BY (etl/sql/nip_macro.sql): registers fill the column with
# placeholders (000000000000000000, 999999999999999999, 123456789012345678) that many people share, and a shared
# NIP links records without a steward.
NIP_BORN = (1930, 2012)
NIP_MIN_AGE = 15
NIP_HIRED_BY = 2040
# Written before a name (compared without dots and case). 'H.' before a name is Haji; after the first name it
# is an initial, so prefixes are only taken from the front.
PREFIX_TITLES = frozenset({
    "dr", "drs", "dra", "drg", "ir", "prof", "h", "hj", "haji", "hajjah", "kh", "ust", "ustadz", "ustadzah",
    "bpk", "bapak", "pak", "ibu", "bu", "sdr", "sdri", "sdra", "saudara", "saudari", "tn", "ny", "nn", "apt", "ns",
    "an", "alm", "almh", "rm", "raden", "r", "ra", "mr", "mrs", "ms",
})
# Degrees written after a name (usually after a comma): S.Pd, M.Si, S.E., M.M., S.H., A.Md., Ph.D, ...
DEGREES = frozenset({
    "spd", "spdi", "mpd", "mpdi", "ssos", "msos", "msi", "ssi", "se", "sei", "me", "mm", "mba", "sh", "shi", "mh",
    "mhum", "shum", "skom", "mkom", "st", "mt", "sip", "map", "sap", "mpa", "amd", "sag", "mag", "skm", "mkes",
    "skep", "sked", "sfarm", "sgz", "stp", "sp", "mp", "spt", "sth", "mth", "sthi", "lc", "ma", "phd", "msc",
    "bsc", "mkn", "ak", "ssn", "sstp", "msp", "sik", "mik", "ners", "skg", "spsi", "mpsi", "sds", "sn", "ipu",
    "ipm", "cpa", "mars", "mkm", "spog", "spa", "sppd",
})
# common short forms of a first name (compared as spelled keys, after `spelled`)
SHORT_FORMS = {"moh": "muhamad", "muh": "muhamad", "mhd": "muhamad", "muhd": "muhamad", "mochamad": "muhamad",
               "mohamad": "muhamad", "muchamad": "muhamad", "abd": "abdul"}
# old (pre-1972) and regional spellings to one form; order matters (dj before j, oe before e)
SPELLINGS = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("nj", "ny"), ("ch", "h"), ("kh", "h"),
             ("dh", "d"), ("th", "t"), ("ph", "f"), ("j", "i"), ("y", "i"), ("v", "f"), ("z", "s"))
_DOUBLED = re.compile(r"(.)\1+")
_CHUNK = re.compile(r"[^\s,;/]+")  # a written word with its dots ('S.Pd', 'W.', 'Hj.')
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_AGENCY_FORMS = (  # to one form, applied to folded text in order: 'Pemerintah Kabupaten X' = 'Pemkab X' = 'Kab. X'
    (r"\b(pemerintah|pemda|setda|sekretariat daerah|sekda)\s+(kabupaten|kab)\b", "kab"),
    (r"\bpemkab\b", "kab"), (r"\bkabupaten\b", "kab"),
    (r"\b(pemerintah|pemda|setda|sekretariat daerah|sekda)\s+kota\b", "kota"), (r"\bpemkot\b", "kota"),
    (r"\b(pemerintah|pemda|setda|sekretariat daerah|sekda)\s+(provinsi|prov|propinsi)\b", "prov"),
    (r"\bpemprov\b", "prov"), (r"\b(provinsi|propinsi)\b", "prov"),
    (r"\bkota administrasi\b", "kota"), (r"\b(pemerintah|pemda)\b", ""),
)
_AGENCY_RULES = tuple((re.compile(pattern), to) for pattern, to in _AGENCY_FORMS)


def nips(values: pd.Series) -> pd.Series:
    """Each value as its NIP's 18 digits, or None when it is not a NIP (etl/sql/nip_macro.sql: the one rule, also
    applied to every record by link_records.sql). Run by DuckDB: a load checks every record (~0.6 s per million)."""
    written = pd.DataFrame({"written": values.astype("string")})
    with duckdb.connect() as con:
        con.execute(statement("nip_macro"))
        con.register("nip_written", written)
        found = con.execute("select nip_of(written, $nip_born_from, $nip_born_to, $nip_min_age, $nip_hired_by) "
                            "as nip from nip_written", nip_rule()).df()["nip"]
    return pd.Series(found.astype(object).where(found.notna(), None).to_numpy(), index=values.index, dtype=object)


def nip(value) -> str | None:
    """One value's NIP as `nips` reads it (a steward's decision names two records)."""
    return nips(pd.Series([value], dtype=object)).iloc[0]


def nip_rule() -> dict[str, int]:
    """The bounds of `nip` as the named parameters of etl/sql/link_records.sql."""
    return {"nip_born_from": NIP_BORN[0], "nip_born_to": NIP_BORN[1], "nip_min_age": NIP_MIN_AGE,
            "nip_hired_by": NIP_HIRED_BY}


def name_tokens(value) -> tuple[str, ...]:
    """The words of a person's name without titles and degrees, each spelled one way ('Drs. H. Djoko S., M.Si'
    -> ('ioko', 's')). Single letters stay: they are initials."""
    if value is None:
        return ()
    text = _PARENS.sub(" ", str(value))
    before, _, after = text.partition(",")  # Indonesian names put degrees after a comma
    chunks = _CHUNK.findall(before)
    while chunks and _compact(chunks[0]) in PREFIX_TITLES and len(chunks) > 1:
        chunks.pop(0)
    while len(chunks) > 1:  # degrees written after the name without a comma, also split ('S. Pd.')
        if len(chunks) > 2 and _compact(chunks[-2] + chunks[-1]) in DEGREES:
            del chunks[-2:]
        elif _is_degree(chunks[-1]):
            chunks.pop()
        else:
            break
    tail = [chunk for chunk in _CHUNK.findall(after) if not _is_degree(chunk) and len(_compact(chunk)) > 2]
    words = [word for chunk in chunks + tail for word in fold(chunk).split()]
    return tuple(SHORT_FORMS.get(key, key) for key in map(spelled, words) if key)


def _compact(chunk: str) -> str:
    return fold(chunk).replace(" ", "")


def _is_degree(chunk: str) -> bool:
    """A written degree: in the list, or a dotted abbreviation of two to five letters ('S.Ars.', 'M.Kes');
    a dotted single letter ('W.') is an initial, a dotted short form ('Moh.') a name."""
    compact = _compact(chunk)
    return compact in DEGREES or ("." in chunk and 2 <= len(compact) <= 5 and compact not in SHORT_FORMS)


def spelled(word: str) -> str:
    """One word in one spelling: old Dutch-era and regional spellings folded, doubled letters single."""
    for old, new in SPELLINGS:
        word = word.replace(old, new)
    return _DOUBLED.sub(r"\1", word)


def name_key(tokens: tuple[str, ...]) -> str:
    """The tokens as one comparison string, in written order ('' for no name)."""
    return " ".join(tokens)


def initials_key(tokens: tuple[str, ...]) -> str:
    """The name with every word between the first and the last reduced to its initial ('imam w demo')."""
    if len(tokens) < 3:
        return name_key(tokens)
    return " ".join((tokens[0], *(token[0] for token in tokens[1:-1]), tokens[-1]))


def has_initial(tokens: tuple[str, ...]) -> bool:
    """True when a word of the name is written as an initial."""
    return any(len(token) == 1 for token in tokens)


def outer_key(tokens: tuple[str, ...]) -> str:
    """First and last word, in alphabetical order: the blocking key that survives titles, initials and order."""
    words = [token for token in tokens if len(token) > 1] or list(tokens)
    if not words:
        return ""
    return " ".join(sorted({words[0], words[-1]}))


def full_key(tokens: tuple[str, ...]) -> str:
    """Every word longer than an initial, in alphabetical order: the blocking key across a province."""
    return " ".join(sorted(token for token in tokens if len(token) > 1))


def agency_key(value) -> str:
    """An agency in one form: 'Pemerintah Kabupaten Batang', 'Pemkab Batang', 'PEMDA KAB. BATANG' -> 'kab batang'."""
    if value is None:
        return ""
    text = fold(value)
    for pattern, to in _AGENCY_RULES:
        text = pattern.sub(to, text)
    return " ".join(text.split())
