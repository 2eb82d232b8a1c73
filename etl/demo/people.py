"""Who: position and employee type, made-up names and well-formed NIPs, and how another register writes them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.demo.allocate import labelled, spread
from warehouse.vocab import EMPLOYEE_TYPES, POSITION_CLASSES

MEN = ("Budi", "Agus", "Andi", "Joko", "Rudi", "Hendra", "Wahyu", "Yusuf", "Made", "Iwan", "Bambang", "Dedi",
       "Eko", "Fajar", "Hadi", "Imam", "Slamet", "Teguh", "Arif", "Rahmat")
WOMEN = ("Siti", "Sri", "Dewi", "Rina", "Nur", "Wati", "Ayu", "Fitri", "Ani", "Lestari", "Yuni", "Ratna",
         "Endang", "Indah", "Kartika", "Maya", "Novi", "Puji", "Rahma", "Tuti")
MIDDLE_MEN = ("Santoso", "Wijaya", "Hidayat", "Saputra", "Pratama", "Kurniawan", "Setiawan", "Nugroho",
              "Purnomo", "Hartono", "Syahputra", "Ramadhan", "Wibowo", "Maulana", "Prasetyo")
MIDDLE_WOMEN = ("Rahayu", "Utami", "Susanti", "Permata", "Anggraini", "Suryani", "Wulandari", "Lestari",
                "Handayani", "Puspita", "Sari", "Kusuma", "Maharani", "Pertiwi", "Safitri")
SURNAMES = ("Contoh", "Sampel", "Fiktif", "Rekaan", "Demo")  # plainly made up: masking is testable, nobody is real
TITLES = ("Drs. ", "Dr. ", "Ir. ", "H. ", "Hj. ")
DEGREES = (", S.Pd", ", S.H.", ", S.E.", ", M.Si", ", S.Sos", ", S.Kom")
SPELLINGS = (("u", "oe"), ("j", "dj"), ("y", "j"), ("i", "y"), ("a", "aa"))  # old and regional spellings
VILLAGE_ROLES = ("Kepala Desa", "Perangkat Desa", "Honorer")


def positions(rng: np.random.Generator, shares: pd.Series, local: np.ndarray) -> np.ndarray:
    """Position per person; camat/lurah only in kabupaten/kota cases, the others rebalanced to keep every total."""
    s = shares.astype(float).reindex(POSITION_CLASSES, fill_value=0).to_numpy()
    s = s / s.sum()
    elsewhere = np.where(np.array(POSITION_CLASSES) == "kepala_wilayah", 0, s)
    elsewhere = elsewhere / elsewhere.sum()
    inside = np.clip(s - (1 - local.mean()) * elsewhere, 0, None)
    codes = np.empty(len(local), dtype=np.int64)
    for mask, weights in ((local, inside), (~local, elsewhere)):
        codes[mask] = spread(rng, weights, np.ones(mask.sum()))
    return labelled(codes, POSITION_CLASSES)


def employee_types(rng: np.random.Generator, positions_: pd.Series, pppk_share: float) -> np.ndarray:
    """Civil servants only: mostly PNS, PPPK only in fungsional/pelaksana posts."""
    eligible = np.flatnonzero(positions_.isin(["fungsional", "pelaksana"]).to_numpy())
    wanted = min(int(round(pppk_share * len(positions_))), len(eligible))
    out = np.full(len(positions_), EMPLOYEE_TYPES.index("pns"))
    out[rng.choice(eligible, wanted, replace=False)] = EMPLOYEE_TYPES.index("pppk")
    return labelled(out, EMPLOYEE_TYPES)


def names(rng: np.random.Generator, n: int) -> tuple[pd.Categorical, np.ndarray]:
    """(made-up full names, female flag): first, middle and a surname no real person has."""
    female = rng.random(n) < 0.35
    labels = [f"{first} {middle} {last}" for firsts, middles in ((MEN, MIDDLE_MEN), (WOMEN, MIDDLE_WOMEN))
              for first in firsts for middle in middles for last in SURNAMES]
    per_gender = len(MEN) * len(MIDDLE_MEN) * len(SURNAMES)  # both halves have the same size
    return labelled(rng.integers(0, per_gender, n) + female * per_gender, labels), female


def nips(rng: np.random.Generator, year: int, female: np.ndarray) -> np.ndarray:
    """18-digit NIPs (as integers) with the real layout: birth date, TMT CPNS (year, month), gender, serial."""
    n = len(female)
    birth = np.datetime64(f"{year - 58}-01-01") + rng.integers(0, 33 * 365, n).astype("timedelta64[D]")
    month = birth.astype("datetime64[M]")
    yyyymmdd = ((month.astype(np.int64) // 12 + 1970) * 100 + month.astype(np.int64) % 12 + 1) * 100 + (
        (birth - month.astype("datetime64[D]")).astype(np.int64) + 1)
    hired = np.minimum(yyyymmdd // 10**4 + rng.integers(21, 31, n), year - 1) * 100 + rng.integers(1, 13, n)
    return (yyyymmdd * 10**6 + hired) * 10**4 + (1 + female) * 1000 + rng.integers(1, 1000, n)


def written_differently(rng: np.random.Generator, name: np.ndarray) -> np.ndarray:
    """How another register spells the same name: a title or degree, capitals, an initial, an old spelling."""
    out = pd.Series(name, dtype=object)
    kind = rng.integers(0, 5, len(out))
    parts = out.str.split(" ")
    out = out.where(kind != 0, pd.Series(np.array(TITLES, dtype=object)[rng.integers(0, len(TITLES), len(out))])
                    + out)
    out = out.where(kind != 1, out + pd.Series(np.array(DEGREES, dtype=object)[rng.integers(0, len(DEGREES),
                                                                                             len(out))]))
    out = out.where(kind != 2, out.str.upper())
    out = out.where(kind != 3, parts.str[0] + " " + parts.str[1].str[0] + ". " + parts.str[2])
    old, new = zip(*SPELLINGS, strict=True)
    pick = rng.integers(0, len(SPELLINGS), len(out))
    respelled = [_respelled(name, old[p], new[p]) for name, p in zip(out, pick, strict=True)]
    return out.where(kind != 4, pd.Series(respelled, dtype=object)).to_numpy(dtype=object)


def _respelled(name: str, old: str, new: str) -> str:
    """The first name in an old or regional spelling; in capitals where that spelling does not apply."""
    first, rest = name.split(" ", 1)
    changed = first.replace(old, new, 1)
    return f"{changed} {rest}" if changed != first else name.upper()


def agency_written_differently(rng: np.random.Generator, agency: np.ndarray) -> np.ndarray:
    """How another register writes the same agency: 'Pemkab X', 'Pemda Kota X', 'Setda Provinsi X', capitals."""
    unique, at = np.unique(agency.astype(str), return_inverse=True)
    short = np.char.replace(np.char.replace(np.char.replace(unique, "Pemerintah Kabupaten ", "Pemkab "),
                                            "Pemerintah Kota ", "Pemkot "), "Pemerintah Provinsi ", "Pemprov ")
    pemda = np.char.replace(np.char.replace(np.char.replace(unique, "Pemerintah Kabupaten ", "Pemda Kab. "),
                                            "Pemerintah Kota ", "Pemda Kota "), "Pemerintah Provinsi ",
                            "Setda Provinsi ")
    forms = np.stack([short, pemda, np.char.upper(unique)]).astype(object)
    return forms[rng.integers(0, 3, len(agency)), at]
