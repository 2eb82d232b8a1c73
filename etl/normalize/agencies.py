"""Where an agency sits and at which level, read from its name: 'Pemkab Bone', 'Kantor Kementerian Agama Kabupaten
Garut', 'Dinas Pendidikan Provinsi Jawa Barat', 'UPT Puskesmas Cibadak Dinas Kesehatan Kab. Sukabumi'.

KASN/BKN recaps often name only the agency; its name carries the place. The rules are general, not a list of
agencies: a place marker (Kabupaten/Kab./Pemkab, Kota/Pemkot, Provinsi/Prov./Pemprov) followed by a name in
data/reference (official names, aliases, former names), else a region or province named at the end of a local
agency's name ('RSUD Garut', 'Dinas Pendidikan Jateng'). The agency's level comes from
data/reference/agency_phrases.csv: central offices (kementerian, kantor wilayah, BPS, madrasah, …) are `pusat`
wherever they sit; SMA/SMK negeri and cabang dinas are `provinsi`; local government units take the level of the
place they name. A name that could be two places is never settled: the reading says why, with the candidates.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from etl.normalize import NormalizeError, fold, read_reference
from etl.normalize.regions import load_matcher, split_kind
from etl.normalize.rules import PhraseRules

# written forms -> the words they stand for, applied word by word before reading an agency name
EXPAND = {
    "kab": ("kabupaten",), "kabupaten": ("kabupaten",), "pemkab": ("pemerintah", "kabupaten"),
    "kot": ("kota",), "kota": ("kota",), "kodya": ("kota",), "kotamadya": ("kota",), "pemkot": ("pemerintah", "kota"),
    "pemkot.": ("pemerintah", "kota"), "prov": ("provinsi",), "prop": ("provinsi",), "propinsi": ("provinsi",),
    "pemprov": ("pemerintah", "provinsi"), "pemprop": ("pemerintah", "provinsi"), "pemda": ("pemerintah", "daerah"),
    "setda": ("sekretariat", "daerah"), "setwan": ("sekretariat", "dprd"), "kankemenag": ("kantor", "kemenag"),
    "kanwil": ("kantor", "wilayah"), "kemenag": ("kementerian", "agama"), "satpol": ("satpol",),
}
MARKERS = ("kabupaten", "kota", "provinsi")
# words that end a place name inside an agency name ('Kabupaten Bogor Provinsi Jawa Barat', 'Kota X, Kecamatan Y')
STOP = {"kabupaten", "kota", "provinsi", "kecamatan", "kec", "kelurahan", "kel", "desa", "dinas", "badan", "di",
        "dan", "pada", "dari", "untuk", "wilayah", "daerah", "pemerintah", "sekretariat", "kantor", "upt", "uptd",
        "bidang", "bagian", "seksi", "subbagian", "unit", "nomor", "no"}
MAX_NAME_WORDS = 4  # 'Kabupaten Kepulauan Siau Tagulandang Biaro' is the longest after the marker
MIN_TRAILING_LETTERS = 4  # a bare name at the end ('RSUD Garut') must be at least this long to count


@dataclass(frozen=True)
class AgencyPlace:
    """What an agency's name says: level (pusat|provinsi|kabupaten|kota or None), place codes, and why not."""

    level: str | None = None
    region_code: str | None = None
    province_code: str | None = None
    problem: str | None = None  # the name points at a place that can't be settled (ambiguous, two places)
    note: str | None = None  # e.g. a former name read as today's region


@functools.lru_cache(maxsize=1)
def _level_rules() -> PhraseRules:
    return PhraseRules((row["phrase"], row["level"]) for row in read_reference("agency_phrases.csv"))


def words_of(text) -> list[str]:
    """The agency name as folded words with the usual abbreviations spelled out."""
    words: list[str] = []
    for word in fold(text).split():
        words.extend(EXPAND.get(word, (word,)))
    return words


def kind_of_unit(text) -> str | None:
    """'pusat', 'provinsi' or 'daerah' from the agency phrases (first rule wins), or None when none occurs."""
    return _level_rules().first(" ".join(words_of(text)))


@functools.lru_cache(maxsize=100_000)
def agency_place(text, province_code: str | None = None) -> AgencyPlace:
    """The level and place an agency name states; `province_code` (the row's province) narrows its region."""
    if text is None or not str(text).strip():
        return AgencyPlace()
    words = words_of(text)
    unit = _level_rules().first(" ".join(words))
    regions, provinces, problems, notes = _marked_places(words, province_code)
    if not regions and not provinces and not problems and unit is not None:
        regions, provinces, problems = _trailing_place(words, province_code)
    if len(set(regions)) > 1:
        matcher = load_matcher()
        named = " dan ".join(f"{matcher.region_name(code)} ({code})" for code in dict.fromkeys(regions))
        return AgencyPlace(_level(unit, None, None), problem=f"nama instansi menyebut dua wilayah: {named}")
    if problems and not regions:
        return AgencyPlace(_level(unit, None, provinces[0] if provinces else None),
                           province_code=provinces[0] if len(set(provinces)) == 1 else None, problem=problems[0])
    region = regions[0] if regions else None
    matcher = load_matcher()
    province = matcher.parent[region] if region else (provinces[0] if len(set(provinces)) == 1 else None)
    if region and provinces and matcher.parent[region] not in provinces:
        return AgencyPlace(_level(unit, None, None), problem=(
            f"nama instansi menyebut {matcher.region_name(region)} dan provinsi "
            f"{matcher.province_name(provinces[0])}, yang tidak sejalan"))
    return AgencyPlace(_level(unit, region, province), region, province, note=notes[0] if notes else None)


def _level(unit: str | None, region: str | None, province: str | None) -> str | None:
    """pusat for a central office wherever it sits; provinsi for provincial units; else the place's own kind."""
    if unit == "pusat":
        return "pusat"
    if unit == "provinsi":
        return "provinsi"
    if region:
        return load_matcher().kinds[region]
    if province:
        return "provinsi"
    return None


def _marked_places(words: list[str], province_code: str | None):
    """Regions and provinces named after a marker word; the problems of those that can't be settled."""
    matcher = load_matcher()
    regions, provinces, problems, notes = [], [], [], []
    for position, word in enumerate(words):
        if word not in MARKERS:
            continue
        name = []
        for following in words[position + 1: position + 1 + MAX_NAME_WORDS]:
            if following in STOP:
                break
            name.append(following)
        if not name:
            continue
        if word == "provinsi":
            code = _province(name)
            if code:
                provinces.append(code)
            continue
        code, problem = _region(word, name, province_code)
        if code:
            regions.append(code)
            note = matcher.former_name(f"{word} {' '.join(name)}")
            if note:
                notes.append(f"'{word.capitalize()} {' '.join(name).title()}' adalah {note}")
        elif problem:
            problems.append(problem)
    return regions, provinces, problems, notes


def _region(kind: str, name: list[str], province_code: str | None) -> tuple[str | None, str | None]:
    """The region '<kind> <name…>' names, trying the longest run of words first; (None, reason) if ambiguous."""
    matcher = load_matcher()
    for length in range(len(name), 0, -1):
        key = "".join(name[:length])
        codes = [code for code in matcher.by_key.get(key, []) if matcher.kinds[code] == kind]
        codes = codes or matcher._alias(kind, key)
        if not codes and kind == "kota":
            codes = matcher.by_key.get("kota" + key, [])
        if province_code:
            codes = [code for code in codes if matcher.parent[code] == province_code] or codes
        if len(codes) == 1:
            return codes[0], None
    try:  # a small typo in the full name ('Pemkab Purbalingg'): the matcher's own tolerance, never a guess
        return matcher.region(f"{kind} {' '.join(name)}", province_code), None
    except NormalizeError as error:
        return None, str(error) if len(name[0]) >= MIN_TRAILING_LETTERS else None


def _province(name: list[str]) -> str | None:
    matcher = load_matcher()
    for length in range(len(name), 0, -1):
        try:
            return matcher.province(" ".join(name[:length]))
        except NormalizeError:
            continue
    return None


def _trailing_place(words: list[str], province_code: str | None) -> tuple[list[str], list[str], list[str]]:
    """A region or province named bare at the end of a unit's name ('RSUD Garut', 'Dinas Pendidikan Jateng').

    Only exact names and aliases count, and only when they name one place; a name of two places is a problem
    naming both ('Dinas Pendidikan Tegal': Kabupaten Tegal or Kota Tegal), never a guess.
    """
    matcher = load_matcher()
    for length in range(min(MAX_NAME_WORDS, len(words) - 1), 0, -1):
        tail = words[-length:]
        if any(word in STOP or word.isdigit() for word in tail):
            continue
        key = "".join(tail)
        if len(key) < MIN_TRAILING_LETTERS:
            continue
        kind, alias_key = split_kind(" ".join(tail))
        codes = matcher.by_key.get(key, []) or matcher._alias(kind, alias_key)
        if province_code:
            codes = [code for code in codes if matcher.parent[code] == province_code]
        province = matcher.province_by_key.get(key)
        if len(codes) == 1 and not province:
            return [codes[0]], [], []
        if province and not codes:
            return [], [province], []
        if len(codes) > 1:
            named = " atau ".join(f"{matcher.region_name(code)} ({code})" for code in codes)
            return [], [], [f"'{' '.join(tail).title()}' dalam nama instansi bisa {named}"]
    return [], [], []
