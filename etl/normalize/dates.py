"""Register dates in every form stewards send them (Excel serials, day-first numbers, Indonesian month names)."""

import datetime
import functools
import numbers
import re

from etl.normalize import NormalizeError, fold, is_blank

HINT = "tulis seperti 18/09/2024 (hari/bulan/tahun)."
EXCEL_EPOCH = datetime.date(1899, 12, 30)  # Excel's day 0 once its fictitious 29 Feb 1900 is accounted for
SERIAL_RANGE = (29221, 73050)  # 1980-01-01 .. 2099-12-31: any other number is not a case date

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3, "mrt": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
WEEKDAYS = (
    "senin", "selasa", "rabu", "kamis", "jumat", "jum at", "sabtu", "minggu", "ahad",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
)
_TIME = r"(?:[ t]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?(?: ?(?:z|[+-]\d{2}:?\d{2}|wib|wita|wit))?)?"
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME)
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TIME)
_COMPACT = re.compile(r"(19\d{2}|20\d{2})(\d{2})(\d{2})")  # 20240918 from database exports
_SERIAL = re.compile(r"\d{5}(?:[.,]\d+)?")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b\W*")
_LEADING_WEEKDAY = re.compile(r"^(?:" + "|".join(w.replace(" ", "['’ ]?") for w in WEEKDAYS) + r")\b[\s,.;:/-]*")
_TIME_WORDS = re.compile(r"(?: pukul| jam)? \d{1,2} \d{2}(?: \d{2})?(?: wib| wita| wit)?$")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([a-z]+) (\d{4}|\d{2})")
_MONTH_DAY_YEAR = re.compile(r"([a-z]+) (\d{1,2}) (\d{4})")


def parse_date(value) -> datetime.date | None:
    """A register cell as a date: None for blanks, NormalizeError (in Indonesian) for what isn't a real date."""
    if is_blank(value):
        return None
    if isinstance(value, datetime.datetime):  # pandas Timestamp is a datetime too
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        raise NormalizeError(f"'{value}' bukan tanggal; {HINT}")
    if isinstance(value, numbers.Real):
        return _from_serial(float(value), value)
    return _parse_text(str(value).strip())


@functools.lru_cache(maxsize=65536)
def _parse_text(text: str) -> datetime.date:
    """Parse one non-blank text (cached: a register repeats the same few hundred dates)."""
    lowered = _LEADING_WEEKDAY.sub("", text.lower()).strip()  # 'Rabu, 25/09/2024', 'Kamis 10-10-2024'
    if _SERIAL.fullmatch(lowered):
        return _from_serial(float(lowered.replace(",", ".")), text)
    for pattern, order in ((_ISO, "ymd"), (_DAY_FIRST, "dmy"), (_COMPACT, "ymd")):
        found = pattern.fullmatch(lowered)
        if found:
            parts = dict(zip(order, found.groups()[:3], strict=True))
            return _build(text, parts["y"], int(parts["m"]), parts["d"])
    try:
        return _parse_words(text)
    except NormalizeError:
        first = _first_of_range(text)
        if first is None:
            raise
        return first


_RANGE = re.compile(r"\s+(?:s\.?\s?d\.?|sampai(?: dengan)?|hingga|sd|-|–|—)\s+", re.IGNORECASE)


def _first_of_range(text: str) -> datetime.date | None:
    """The first day of a span ('25 s.d. 27 September 2024', '25/09/2024 - 27/09/2024'); None if it isn't one."""
    parts = _RANGE.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    start, end = parts
    try:
        return _parse_text(start)
    except NormalizeError:
        pass
    try:
        last = _parse_text(end)
    except NormalizeError:
        return None
    words = fold(start).split()  # '25' or '25 September' before a full date: the end's month and year complete it
    day = words[0] if words and words[0].isdigit() else None
    month = MONTHS.get(words[1]) if len(words) > 1 else last.month
    if day is None or month is None:
        return None
    try:
        return datetime.date(last.year, month, int(day))
    except ValueError:
        return None


def _parse_words(text: str) -> datetime.date:
    """'Senin, 9 September 2024', '14 Okt 2024', 'September 9, 2024': dates written with a month name."""
    words = _TIME_WORDS.sub("", _WEEKDAY.sub("", fold(text)))
    found = _DAY_MONTH_YEAR.fullmatch(words)
    if found:
        day, month, year = found.groups()
    else:
        found = _MONTH_DAY_YEAR.fullmatch(words)
        if not found:
            raise NormalizeError(f"'{text}' tidak dikenali sebagai tanggal; {HINT}")
        month, day, year = found.groups()
    if month not in MONTHS:
        raise NormalizeError(f"'{text}': nama bulan '{month}' tidak dikenali; {HINT}")
    return _build(text, year, MONTHS[month], day)


def _build(text: str, year: str, month: int, day: str) -> datetime.date:
    """The date, with two-digit years read as 20yy (registers cover 2019 onwards), or a 'no such day' error."""
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    if not 1 <= month <= 12:  # most often a month-first (American) date
        raise NormalizeError(f"'{text}' bukan tanggal yang ada: bulan {month} tidak ada; {HINT}")
    try:
        return datetime.date(full_year, month, int(day))
    except ValueError:
        raise NormalizeError(f"'{text}' bukan tanggal yang ada; {HINT}") from None


def _from_serial(serial: float, shown) -> datetime.date:
    """An Excel day number (45553 -> 2024-09-18); the time of day, if any, is dropped."""
    if not SERIAL_RANGE[0] <= serial <= SERIAL_RANGE[1]:
        raise NormalizeError(f"Angka '{shown}' bukan tanggal (tanggal Excel untuk 1980–2099); {HINT}")
    return EXCEL_EPOCH + datetime.timedelta(days=int(serial))
