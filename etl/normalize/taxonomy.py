"""Free text -> the vocabularies of warehouse/vocab.py, by ordered phrase rules kept in data/reference CSVs.

Enumerations that decide the funnel and the SKB matrix (status, severity, form, class, source kind) raise
NormalizeError for unknown text (the loader keeps the row, leaves the field empty and warns); descriptive ones
(position, violation type, source agency) fall back to 'lainnya', the rest to None. `known(field, text)` says
whether any rule recognised a text, so the loader can list the phrases nobody taught it yet.
"""

import functools
import re

from etl.normalize import NormalizeError, fold, is_blank, read_reference
from etl.normalize.dates import parse_date
from etl.normalize.rules import PhraseRules

FORM_RANGE = {"k": 7, "d": 13}  # SKB 2022: K1-K7 kode etik, D1-D13 disiplin
_FORM = re.compile(r"(?<![a-z0-9])(?:bentuk |huruf )?([kd]) ?(?:(?:angka|nomor|no) )?0?(\d{1,2})(?![a-z0-9])")
STATUS_HINT = ("tulis salah satu: dilaporkan, diproses, terbukti, tidak terbukti, dihentikan, disanksi (atau "
               "ungkapan seperti 'Diteruskan ke KASN', 'Bukan pelanggaran', 'Dijatuhi hukuman').")


@functools.lru_cache(maxsize=1)
def type_table() -> dict[str, dict]:
    """violation_types.csv by violation_type, in display order."""
    return {row["violation_type"]: row for row in read_reference("violation_types.csv")}


@functools.lru_cache(maxsize=1)
def form_table() -> dict[str, dict]:
    """violation_forms.csv (the SKB 2022 matrix) by form code."""
    return {row["form"]: row for row in read_reference("violation_forms.csv")}


@functools.lru_cache(maxsize=1)
def _type_rules() -> tuple[PhraseRules, PhraseRules]:
    """(strong, weak) keyword rules in rule_order; a weak keyword counts only when no strong one matched."""
    rows = sorted(type_table().values(), key=lambda row: int(row["rule_order"]))
    return tuple(PhraseRules((phrase, row["violation_type"]) for row in rows
                             for phrase in row[column].split(";") if phrase)
                 for column in ("keywords", "weak_keywords"))


@functools.cache
def _rules(name: str, field: str | None = None) -> PhraseRules:
    """The phrase rules of status_phrases.csv / severity_phrases.csv, or of one field of field_phrases.csv."""
    rows = read_reference(name)
    if field:
        return PhraseRules((row["phrase"], row["value"]) for row in rows if row["field"] == field)
    value = "status" if name == "status_phrases.csv" else "severity"
    return PhraseRules((row["phrase"], row[value]) for row in rows)


def rule_value(field: str, text) -> str | None:
    """The value the first rule of field_phrases.csv gives a text ('' for a known phrase that names no value),
    or None when no rule recognises it (no fallback: the loader lists such phrases for the steward)."""
    if is_blank(text):
        return None
    return _rules("field_phrases.csv", field).first(fold(text))


def forms_in(words: str) -> list[str]:
    """Valid SKB form codes written in folded text: 'd6', 'd 06', 'huruf d angka 6' -> ['D6']."""
    return _forms_in(words)


def _forms_in(words: str) -> list[str]:
    """Valid SKB form codes written in folded text: 'd6', 'd 06', 'huruf d angka 6' -> ['D6']."""
    found = (f"{letter.upper()}{int(number)}" for letter, number in _FORM.findall(words))
    return list(dict.fromkeys(code for code in found if 1 <= int(code[1:]) <= FORM_RANGE[code[0].lower()]))


@functools.lru_cache(maxsize=1)
def types_of_form() -> dict[str, tuple[str, ...]]:
    """form -> the violation types it covers (D4 covers campaign participation as well as declarations)."""
    covered: dict[str, list[str]] = {}
    for row in type_table().values():
        for form in (row["kode_etik_forms"] + " " + row["disiplin_forms"]).split():
            covered.setdefault(form, []).append(row["violation_type"])
    return {form: tuple(types) for form, types in covered.items()}


def type_by_rules(words: str) -> str | None:
    """The violation type the keyword rules give folded text (strong keywords first), or None."""
    strong, weak = _type_rules()
    return strong.first(words) or weak.first(words)


@functools.lru_cache(maxsize=16_384)  # descriptions are long and mostly distinct: keep the cache small
def violation_type(text) -> tuple[str, str | None]:
    """(violation_type, SKB form or None) from a description or category; an explicit form code wins.

    With a form code, the keywords still choose among the types that form covers ('D4 ikut kampanye' is kampanye,
    'D4 menghadiri deklarasi' deklarasi); otherwise the form's own type.
    """
    if is_blank(text):
        return "lainnya", None
    words = fold(text)
    forms = _forms_in(words)
    by_rules = type_by_rules(words)
    if len(forms) == 1:
        covered = types_of_form().get(forms[0], ())
        return (by_rules if by_rules in covered else form_table()[forms[0]]["violation_type"]), forms[0]
    return by_rules or "lainnya", None


@functools.lru_cache(maxsize=1024)
def violation_form(text) -> str | None:
    """'D6', 'd.6', 'Huruf D angka 6' -> 'D6'; None for a blank cell; anything else is an error."""
    if is_blank(text):
        return None
    forms = _forms_in(fold(text))
    if len(forms) != 1:
        raise NormalizeError(f"'{text}' bukan kode bentuk pelanggaran SKB 2022; tulis satu kode K1–K7 "
                             "(kode etik) atau D1–D13 (disiplin).")
    return forms[0]


def infer_severity(violation_type, violation_form, incident_date, candidates_set) -> tuple[str | None, str | None]:
    """(violation_class, severity) from the SKB 2022 matrix when the register gives no severity.

    An explicit form decides. Otherwise the type's row in violation_types.csv: before the candidates are set
    its class_before_set (kode etik carries a moral sanction, so severity None), from that day on disiplin with
    severity_after_set. Without a date only the types that are disiplin either way get a class.
    """
    if violation_form:
        form = form_table()[violation_form]
        return form["violation_class"], form["severity"] or None
    row = type_table().get(violation_type) or type_table()["lainnya"]
    incident, cutoff = parse_date(incident_date), parse_date(candidates_set)
    if incident is None or cutoff is None:
        same = row["class_before_set"] == "disiplin" and row["severity_before_set"] == row["severity_after_set"]
        return ("disiplin", row["severity_after_set"] or None) if same else (None, None)
    if incident < cutoff:
        return row["class_before_set"], row["severity_before_set"] or None
    return "disiplin", row["severity_after_set"] or None


# 'dugaan pelanggaran' names the allegation: a fresh report
ALLEGED = re.compile(r"\b(?:dugaan|diduga|terduga)(?: pelanggaran| melanggar)?\b")
FOLLOW_UP_HEADER = re.compile(r"\b(?:tindak lanjut|tindaklanjut|tl|ppk)\b")
# bare answers in a follow-up column ('Tindak Lanjut PPK': Sudah / Belum / Proses)
FOLLOW_UP_ANSWERS = {"sudah": "disanksi", "telah": "disanksi", "ya": "disanksi", "sudah dilaksanakan": "disanksi",
                     "sudah tl": "disanksi", "selesai": "disanksi", "belum": "terbukti", "tidak": "terbukti",
                     "belum tl": "terbukti", "belum dilaksanakan": "terbukti", "proses": "terbukti",
                     "dalam proses": "terbukti", "sedang proses": "terbukti", "sedang diproses": "terbukti"}


@functools.lru_cache(maxsize=8192)
def status(text, header: str = "") -> str:
    """The funnel status of a register's status text; a blank cell means just reported.

    'Dugaan pelanggaran' names the allegation itself: it never reads as a finding, so 'Dugaan pelanggaran' is
    dilaporkan and 'Dugaan pelanggaran, dalam kajian' diproses. In a follow-up column (header 'Tindak Lanjut
    PPK') the bare answers Sudah / Belum / Proses mean sanctioned / recommended and awaiting the PPK.
    """
    if is_blank(text):
        return "dilaporkan"
    words = fold(text)
    if FOLLOW_UP_HEADER.search(fold(header)) and words in FOLLOW_UP_ANSWERS:
        return FOLLOW_UP_ANSWERS[words]
    alleged = ALLEGED.search(words)
    value = _rules("status_phrases.csv").first(ALLEGED.sub(" ", words) if alleged else words)
    if value is None and alleged:
        return "dilaporkan"
    if value is None:
        raise NormalizeError(f"'{text}' bukan status kasus yang dikenal; {STATUS_HINT}")
    return value


@functools.lru_cache(maxsize=4096)
def forwarded_to(text) -> str | None:
    """kasn | bkn | lainnya when a text says a case was sent on ('Diteruskan ke KASN', 'Rekomendasi ke BKN');
    a recommendation to the PPK is the recommendation itself, not a forward."""
    if is_blank(text):
        return None
    return _rules("field_phrases.csv", "forwarded_to").first(fold(text)) or None


@functools.lru_cache(maxsize=1024)
def violation_class(text) -> str | None:
    """'Kode Etik', 'Pelanggaran Disiplin', 'Pidana' -> the class; None for blanks and for Bawaslu's own classes
    that say nothing about the ASN rules ('Pelanggaran peraturan perundang-undangan lainnya', administrasi)."""
    if is_blank(text):
        return None
    value = _rules("field_phrases.csv", "violation_class").first(fold(text))
    if value is None:
        raise NormalizeError(f"'{text}' bukan klasifikasi pelanggaran; tulis Kode Etik, Disiplin atau Pidana.")
    return value or None


@functools.lru_cache(maxsize=4096)
def sanction_class(text) -> str | None:
    """The class a sanction implies: a moral sanction is kode etik, a discipline penalty disiplin, a sentence
    pidana; None when the text names no sanction."""
    if is_blank(text):
        return None
    return _rules("field_phrases.csv", "sanction_class").first(fold(text)) or None


@functools.lru_cache(maxsize=4096)
def severity(text) -> str | None:
    """ringan/sedang/berat from a level or a sanction; None for blanks and moral (kode etik) sanctions."""
    if is_blank(text):
        return None
    value = _rules("severity_phrases.csv").first(fold(text))
    if value is None:
        raise NormalizeError(f"'{text}' bukan tingkat hukuman yang dikenal; tulis Ringan, Sedang atau Berat, atau "
                             "jenis hukumannya (misalnya teguran tertulis, pemotongan tukin, penurunan jabatan).")
    return value or None


def _field(field: str, text, fallback: str | None) -> str | None:
    """First matching rule of field_phrases.csv for a non-blank text, else `fallback`."""
    if is_blank(text):
        return None
    return _rules("field_phrases.csv", field).first(fold(text)) or fallback


@functools.lru_cache(maxsize=4096)
def position_class(text) -> str | None:
    """'Sekda' -> jpt, 'Camat' -> kepala_wilayah, 'Guru' -> fungsional, 'Kasubag' -> pengawas; unknown -> lainnya."""
    return _field("position_class", text, "lainnya")


@functools.lru_cache(maxsize=4096)
def employee_type(text) -> str | None:
    """PNS/CPNS -> pns, PPPK/P3K -> pppk, honorer/kepala desa -> non_asn; plain 'ASN' (either) -> None."""
    return _field("employee_type", text, None)


@functools.lru_cache(maxsize=4096)
def agency_level(text) -> str | None:
    """'Pemkab X' -> kabupaten, 'Pemkot' -> kota, 'Pemprov' -> provinsi, 'Kementerian' -> pusat; unknown -> None."""
    return _field("agency_level", text, None)


@functools.lru_cache(maxsize=1024)
def source_agency(text) -> str | None:
    """'Bawaslu Kab. X' -> bawaslu, 'KASN', 'BKN', 'Inspektorat', 'Kemendagri'; any other agency -> lainnya."""
    return _field("source_agency", text, "lainnya")


@functools.lru_cache(maxsize=1024)
def source_kind(text) -> str | None:
    """'Temuan'/'LHP' -> temuan, 'Laporan' -> laporan, 'Aduan'/'LAPOR!' -> aduan; unknown text is an error."""
    value = _field("source_kind", text, "")
    if value == "":
        raise NormalizeError(f"'{text}' bukan sumber kasus yang dikenal; tulis Temuan (termasuk LHP), Laporan "
                             "atau Aduan.")
    return value
