"""The elections a case can belong to (data/reference/elections.csv), and reading an election from text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

import settings
from etl.normalize import NormalizeError, fold, is_blank
from warehouse.vocab import ELECTIONS

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")


@dataclass(frozen=True)
class Election:
    """One election as the loader needs it: its name for messages, the dates that bound its cases, its regime."""

    code: str
    name: str
    candidates_set: pd.Timestamp
    window_start: pd.Timestamp
    window_end: pd.Timestamp
    regime: str


@lru_cache(maxsize=1)
def elections() -> dict[str, Election]:
    """The elections of data/reference/elections.csv by code."""
    table = pd.read_csv(settings.REFERENCE_DIR / "elections.csv", dtype="str")
    dates = ["candidates_set", "window_start", "window_end"]
    return {row["election"]: Election(row["election"], row["name"], *(pd.Timestamp(row[c]) for c in dates),
                                      row["regime"])
            for row in table.to_dict("records")}


def day_text(day) -> str:
    """A date as Indonesian prose: 1 Oktober 2019."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def window_text(election: Election) -> str:
    """'Pilkada Serentak 2020 (1 Oktober 2019 s.d. 31 Desember 2021)'."""
    return f"{election.name} ({day_text(election.window_start)} s.d. {day_text(election.window_end)})"


_ELECTION_WORDS = {"pilkada": "pilkada", "pilgub": "pilkada", "pilbup": "pilkada", "pilwalkot": "pilkada",
                   "pemilihan kepala daerah": "pilkada", "pemilihan gubernur": "pilkada",
                   "pemilihan serentak": "pilkada",  # UU 10/2016: 'Pemilihan' is the regional election
                   "pemilihan bupati": "pilkada", "pemilihan walikota": "pilkada", "pemilihan wali kota": "pilkada",
                   "regional": "pilkada", "pemilu": "pemilu",
                   "pilpres": "pemilu", "pileg": "pemilu", "pemilihan umum": "pemilu", "general": "pemilu"}


@lru_cache(maxsize=1024)
def election_kind(text) -> str | None:
    """'pilkada' or 'pemilu' when a text names exactly one kind of election (with or without a year), else None."""
    if is_blank(text):
        return None
    words = fold(text)
    kinds = {kind for phrase, kind in _ELECTION_WORDS.items() if re.search(rf"\b{phrase}", words)}
    return kinds.pop() if len(kinds) == 1 else None


@lru_cache(maxsize=1024)
def election_code(text) -> str | None:
    """'Pilkada 2020', 'PEMILU 2024', 'pilkada2024', 'Pilkada Serentak 2024' -> code; None for a blank cell."""
    if is_blank(text):
        return None
    words = fold(text)
    if words.replace(" ", "") in ELECTIONS:
        return words.replace(" ", "")
    written = set(re.findall(r"\b((?:pilkada|pemilu) ?20\d{2})\b", words))  # 'rekap_pilkada2024.xlsx'
    if len(written) == 1 and written.pop().replace(" ", "") in ELECTIONS:
        return re.search(r"\b((?:pilkada|pemilu) ?20\d{2})\b", words)[1].replace(" ", "")
    years = set(re.findall(r"\b20\d{2}\b", words))
    kinds = {kind for phrase, kind in _ELECTION_WORDS.items() if re.search(rf"\b{phrase}\b", words)}
    code = f"{kinds.pop()}{years.pop()}" if len(years) == 1 and len(kinds) == 1 else None
    if code in ELECTIONS:
        return code
    names = ", ".join(election.name for election in elections().values())
    raise NormalizeError(f"'{text}' bukan pemilihan yang dikenal; tulis salah satu: {names}.")
