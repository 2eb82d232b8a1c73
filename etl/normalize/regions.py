"""The kabupaten/kota reference and the matcher that turns what registers write into Kemendagri codes."""

import functools
import re

from rapidfuzz import process
from rapidfuzz.distance import OSA

from etl.normalize import NormalizeError, fold, is_blank, read_reference

EXPAND = {"kab": "kabupaten", "kep": "kepulauan", "kepl": "kepulauan", "adm": "administrasi", "prov": "provinsi",
          "propinsi": "provinsi", "kodya": "kota", "kotamadya": "kota", "pemkab": "kabupaten", "pemkot": "kota"}
KINDS = ("kabupaten", "kota")
PROVINCE_PREFIXES = ("pemerintah", "provinsi", "pemprov")
MIN_FUZZY_LENGTH = 5  # shorter names (Bone, Poso, Siak) are one typo away from another real name
SUGGEST_SIMILARITY = 0.6
MAX_SUGGESTIONS = 4
_REGION_CODE = re.compile(r"(\d{2})\.?(\d{2})(?:\.\d{2}(?:\.\d{4})?)?")  # pp.kk, ppkk, or a kecamatan/desa code
_CUT = re.compile(r"[,(]")


def allowed_typos(key: str) -> int:
    """How many letter edits a name of this length may carry and still match (0 below MIN_FUZZY_LENGTH)."""
    if len(key) < MIN_FUZZY_LENGTH:
        return 0
    return 1 if len(key) <= 7 else 2 if len(key) <= 13 else 3


def suggestions(key: str, keys) -> list[str]:
    """Keys to offer in an error: names that start with what was written ('Jawa'), else the most similar one."""
    starting = sorted(choice for choice in keys if len(key) >= 4 and choice.startswith(key))
    if starting:
        return starting[:MAX_SUGGESTIONS]
    guess = process.extractOne(key, list(keys), scorer=OSA.normalized_similarity, score_cutoff=SUGGEST_SIMILARITY)
    return [guess[0]] if guess else []


def split_kind(text) -> tuple[str | None, str]:
    """('kabupaten'|'kota'|None, compact name key): 'Kab. Batang' -> ('kabupaten', 'batang')."""
    words = [EXPAND.get(word, word) for word in fold(text).split()]
    if words[:1] == ["pemerintah"]:
        words = words[1:]
    kind = words[0] if words[:1] and words[0] in KINDS else None
    if kind:
        words = words[1:]
    if words[:1] == ["administrasi"]:
        words = words[1:]
    return kind, "".join(words)


def province_key(text) -> str:
    """Compact key of a province name without 'Provinsi'/'Prov.'/'Pemprov': 'Prov. Jawa Tengah' -> 'jawatengah'."""
    words = [EXPAND.get(word, word) for word in fold(text).split()]
    while words[:1] and words[0] in PROVINCE_PREFIXES:
        words = words[1:]
    return "".join(words)


class RegionMatcher:
    """Name -> code matching for the 514 kabupaten/kota and 38 provinces; exact hits are one dict lookup."""

    def __init__(self, regions: list[dict], provinces: list[dict], aliases: list[dict]):
        self.names = {row["kode"]: row["nama"] for row in regions}
        self.kinds = {row["kode"]: row["jenis"] for row in regions}
        self.parent = {row["kode"]: row["kode_prov"] for row in regions}
        self.province_names = {row["code"]: row["name"] for row in provinces}
        self.by_key: dict[str, list[str]] = {}
        for code, name in self.names.items():
            self.by_key.setdefault(split_kind(name)[1], []).append(code)
        self.alias_by_key: dict[tuple[str | None, str], str] = {}
        self.former: dict[str, str] = {}  # compact key of a former name -> 'nama lama Kabupaten Mempawah'
        self.province_by_key = {province_key(name): code for code, name in self.province_names.items()}
        for row in aliases:
            if "." in row["code"]:
                self.alias_by_key[split_kind(row["alias"])] = row["code"]
            else:
                self.province_by_key[province_key(row["alias"])] = row["code"]
            if row.get("note", "").startswith("nama lama"):
                kind, key = split_kind(row["alias"])
                self.former[(kind or "") + key] = row["note"]
        self.fuzzy_keys = sorted(set(self.by_key) | {key for _, key in self.alias_by_key})
        self._region = functools.lru_cache(maxsize=200_000)(self._resolve_region)
        self._province = functools.lru_cache(maxsize=10_000)(self._resolve_province)

    # --- lookups by code -------------------------------------------------------------------------------------
    def region_name(self, code) -> str:
        """Official name of a kabupaten/kota code: '33.25' -> 'Kabupaten Batang'."""
        return self.names[self._known_region(code)]

    def province_of(self, code) -> str:
        """Province code of a kabupaten/kota code: '33.25' -> '33'."""
        return self.parent[self._known_region(code)]

    def province_name(self, code) -> str:
        """Official name of a province code: '33' -> 'Jawa Tengah'."""
        if code not in self.province_names:
            raise NormalizeError(f"Kode provinsi '{code}' tidak ada dalam daftar Kemendagri.")
        return self.province_names[code]

    def _known_region(self, code) -> str:
        if code not in self.names:
            raise NormalizeError(f"Kode '{code}' tidak ada dalam daftar kabupaten/kota Kemendagri.")
        return code

    def former_name(self, text) -> str | None:
        """A note when `text` is a region's former name ('Kabupaten Pontianak'), else None."""
        kind, key = split_kind(_cell_text(text))
        return self.former.get((kind or "") + key) or self.former.get(key)

    # --- provinces -------------------------------------------------------------------------------------------
    def province(self, text) -> str:
        """Province code from a code, name or abbreviation: 'Prov. Jateng', 'JATENG', 33 -> '33'."""
        outcome, value = self._province(_cell_text(text))
        if outcome == "error":
            raise NormalizeError(value)
        return value

    def _resolve_province(self, text: str) -> tuple[str, str]:
        if not text:
            return "error", "Provinsi kosong; isi nama provinsi, misalnya Jawa Tengah."
        if text.isdigit():
            if text in self.province_names:
                return "ok", text
            return "error", f"Kode provinsi '{text}' tidak ada dalam daftar Kemendagri (11 sampai 96)."
        key = province_key(text)
        if key in self.province_by_key:
            return "ok", self.province_by_key[key]
        found = process.extract(key, list(self.province_by_key), scorer=OSA.distance,
                                score_cutoff=allowed_typos(key), limit=2)
        codes = {self.province_by_key[choice] for choice, distance, _ in found if distance == found[0][1]}
        if len(codes) == 1:
            return "ok", codes.pop()
        guesses = dict.fromkeys(self.province_names[self.province_by_key[choice]]
                                for choice in suggestions(key, self.province_by_key))
        hint = f" Mungkin maksudnya {_either(list(guesses))}?" if guesses else ""
        return "error", f"'{text}' tidak dikenali sebagai provinsi; tulis nama resmi seperti Jawa Tengah.{hint}"

    def province_only(self, text) -> str | None:
        """Province code when `text` names a province and no kabupaten/kota ('Pemprov Jateng', 'Bali'), else None."""
        kind, key = split_kind(_cell_text(text))
        if kind or self.by_key.get(key) or self._alias(None, key):
            return None
        return self.province_by_key.get(province_key(_cell_text(text)))

    # --- kabupaten/kota --------------------------------------------------------------------------------------
    def region(self, text, province_code: str | None = None) -> str:
        """Kabupaten/kota code from a code, name, local name or typo; ambiguous or unknown names raise: no guess."""
        if is_blank(province_code):
            province_code = None
        elif province_code not in self.province_names:
            province_code = self.province(province_code)
        outcome, value = self._region(_cell_text(text), province_code)
        if outcome == "error":
            raise NormalizeError(value)
        return value

    def _resolve_region(self, text: str, province_code: str | None) -> tuple[str, str]:
        if not text:
            return "error", "Kabupaten/kota kosong; isi nama atau kode wilayah, misalnya Kabupaten Batang atau 33.25."
        code = _REGION_CODE.fullmatch(text)
        if code:
            return self._check_code(text, f"{code[1]}.{code[2]}", province_code)
        try:
            return "ok", self._by_name(text, province_code)
        except NormalizeError as error:
            head = _CUT.split(text, maxsplit=1)[0].strip()  # 'Batang, Jawa Tengah' or 'Batang (Jateng)'
            if head and head != text:
                return self._resolve_region(head, province_code)
            return "error", str(error)

    def _check_code(self, text: str, code: str, province_code: str | None) -> tuple[str, str]:
        if code not in self.names:
            return "error", f"Kode '{text}' tidak ada dalam daftar kabupaten/kota Kemendagri; periksa kodenya."
        if province_code and self.parent[code] != province_code:
            return "error", (f"Kode {code} ({self.names[code]}) ada di {self.province_names[self.parent[code]]}, "
                             f"bukan di {self.province_names[province_code]}; periksa kode atau kolom Provinsi.")
        return "ok", code

    def _by_name(self, text: str, province_code: str | None) -> str:
        """Exact name, then alias, then a typo that only one region is close to; each narrowed by kind/province."""
        kind, key = split_kind(text)
        if not key:
            raise NormalizeError(f"'{text}' tidak menyebut nama kabupaten/kota; tulis misalnya Kabupaten Batang.")
        candidates = self._of_kind(self.by_key.get(key, []), kind) or self._alias(kind, key)
        if not candidates and kind == "kota":  # 'Kota Baru' is how people write Kabupaten Kotabaru
            candidates = self.by_key.get("kota" + key, [])
        if not candidates and kind and self.by_key.get(key):
            other = " atau ".join(self._labelled(self.by_key[key]))
            raise NormalizeError(f"'{text}' tidak ada; yang ada {other}. Tulis nama itu bila memang yang dimaksud.")
        if not candidates and self.province_only(text):
            name = self.province_names[self.province_only(text)]
            raise NormalizeError(f"'{text}' adalah provinsi ({name}), bukan kabupaten/kota; isi kolom Provinsi dan "
                                 "kosongkan kolom Kabupaten/Kota bila kasusnya di tingkat provinsi.")
        if not candidates:
            candidates = self._typo(text, kind, key, province_code)
        return self._one(text, candidates, province_code)

    def _of_kind(self, codes: list[str], kind: str | None) -> list[str]:
        return [code for code in codes if kind is None or self.kinds[code] == kind]

    def _alias(self, kind: str | None, key: str) -> list[str]:
        code = self.alias_by_key.get((kind, key)) or self.alias_by_key.get((None, key))
        return self._of_kind([code], kind) if code else []

    def _typo(self, text: str, kind: str | None, key: str, province_code: str | None) -> list[str]:
        """Regions whose name is the fewest letter edits away, if within allowed_typos; else an error with a hint."""
        found = process.extract(key, self.fuzzy_keys, scorer=OSA.distance, score_cutoff=allowed_typos(key), limit=8)
        best = [choice for choice, distance, _ in found if distance == found[0][1]] if found else []
        codes = {code for choice in best for code in self._of_kind(self.by_key.get(choice, []), kind)}
        codes |= {code for choice in best for code in self._alias(kind, choice)}
        if province_code and any(self.parent[code] == province_code for code in codes):
            codes = {code for code in codes if self.parent[code] == province_code}
        if codes:
            return sorted(codes)
        targets = dict.fromkeys(code for choice in suggestions(key, self.fuzzy_keys)
                                for code in self.by_key.get(choice) or self._alias(None, choice))
        hint = f" Mungkin maksudnya {_either(self._labelled(targets))}?" if targets else ""
        raise NormalizeError(f"'{text}' tidak dikenali sebagai kabupaten/kota; tulis nama resmi seperti "
                             f"Kabupaten Batang atau kodenya seperti 33.25.{hint}")

    def _one(self, text: str, codes: list[str], province_code: str | None) -> str:
        """The single candidate left after the province filter, or an error naming the candidates."""
        inside = [code for code in codes if province_code is None or self.parent[code] == province_code]
        if len(inside) == 1:
            return inside[0]
        if not inside:
            where = ", ".join(f"{label} di {self.province_names[self.parent[code]]}"
                              for label, code in zip(self._labelled(codes), codes, strict=True))
            raise NormalizeError(f"'{text}' bukan wilayah di {self.province_names[province_code]}: {where}; "
                                 "periksa kolom Provinsi.")
        advice = "isi kolom Provinsi atau tulis lengkap"
        if province_code:
            advice = "tulis lengkap dengan Kabupaten atau Kota"
        raise NormalizeError(f"'{text}' bisa {_either(self._labelled(inside))}; {advice}.")

    def _labelled(self, codes) -> list[str]:
        return [f"{self.names[code]} ({code})" for code in codes]


def _either(labels: list[str]) -> str:
    """'A atau B', 'A, B atau C'."""
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} atau {labels[-1]}"


def _cell_text(value) -> str:
    """A cell as stripped text; Excel turns codes into numbers (3325, 33.25, 11.1 for 11.10, 33.0 for 33)."""
    if is_blank(value):
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        whole, _, fraction = f"{value:.2f}".partition(".")
        return f"{whole}.{fraction}"
    return str(value).strip()


@functools.lru_cache(maxsize=1)
def load_matcher() -> RegionMatcher:
    """The matcher over data/reference (regions.csv, provinces.csv, region_aliases.csv), built once per process."""
    return RegionMatcher(*(read_reference(name) for name in ("regions.csv", "provinces.csv", "region_aliases.csv")))
