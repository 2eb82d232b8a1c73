"""Register headers -> the canonical columns of `cases`, and one register row naming several people -> one row each.

Headers are matched case- and punctuation-insensitively, Indonesian and English, after expanding the usual
abbreviations (Tgl, Kab, Prov, No). A header that holds an alias as a run of whole words matches too
("Tanggal Kejadian Peristiwa" -> incident_date); the alias of most words wins, then the earliest. The IGNORED
aliases ("Tanggal Lahir", "No") take part, so they win over shorter real ones and leave those columns unused.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

# canonical column -> aliases (normalised by `header_key`); earlier columns in a register win over later
# columns that map to the same canonical name, so list the usual header first in each group of a register.
ALIASES: dict[str, tuple[str, ...]] = {
    "case_id": (
        "case id", "nomor register", "nomor registrasi", "nomor perkara", "nomor laporan", "nomor temuan",
        "nomor kasus",
        "nomor pengaduan", "nomor aduan", "register", "kode kasus", "id kasus", "case id", "case number",
        "register number", "nomor registrasi temuan", "nomor registrasi laporan", "nomor surat rekomendasi",
        "nomor rekomendasi", "nomor pengaduan bkn", "nomor kasus bkn",
    ),
    "election": ("pemilihan", "jenis pemilihan", "pemilu pilkada", "pilkada pemilu", "election"),
    "source_agency": (
        "source agency", "instansi pelapor", "lembaga pelapor", "lembaga", "sumber data", "pengirim",
        "lembaga pengawas",
        "source agency", "reporting agency",
    ),
    "source_kind": (
        "sumber", "sumber laporan", "jenis laporan", "asal laporan", "temuan laporan", "laporan temuan",
        "sumber kasus", "source", "source kind",
    ),
    "incident_date": (
        "tanggal kejadian", "waktu kejadian", "tanggal peristiwa", "tanggal pelanggaran", "tanggal kejadian perkara",
        "incident date", "date of incident",
    ),
    "report_date": (
        "tanggal laporan", "tanggal lapor", "tanggal temuan", "tanggal diterima", "tanggal pengaduan",
        "tanggal aduan", "tanggal register", "tanggal registrasi", "tanggal", "report date", "date reported",
        "date",
    ),
    "decision_date": (
        "tanggal rekomendasi", "tanggal putusan", "tanggal keputusan", "tanggal hasil kajian", "decision date",
        "tanggal surat rekomendasi", "tanggal rekomendasi kasn", "tanggal rekomendasi bkn", "tanggal pleno",
        "tanggal penerusan", "tanggal diteruskan", "tanggal pelimpahan", "tanggal hasil verifikasi",
        "tanggal verifikasi", "tanggal kajian",
    ),
    "sanction_date": (
        "tanggal sanksi", "tanggal hukuman", "tanggal penjatuhan hukuman", "tanggal sk hukuman",
        "tanggal tindak lanjut", "sanction date", "tanggal sk", "tanggal sk sanksi", "tanggal tindak lanjut ppk",
        "tanggal penjatuhan sanksi", "tanggal keputusan ppk",
    ),
    "region": (
        "region code", "kabupaten kota", "kabupaten", "kota", "kota kabupaten", "daerah", "wilayah",
        "kode kabupaten kota", "kode wilayah", "kode daerah", "regency city", "regency", "region", "district",
        "kabupaten kota kejadian", "wilayah kejadian", "daerah pemilihan kabupaten kota",
    ),
    "province": ("provinsi", "propinsi", "kode provinsi", "province"),
    "subject_name": (
        "nama terlapor", "nama", "terlapor", "nama asn", "nama pegawai", "nama teradu", "teradu",
        "nama pelanggar", "name", "subject name",
    ),
    "subject_nip": ("nip", "nip terlapor", "nip asn", "nip nik", "nik nip", "employee id"),
    "position": ("jabatan", "jabatan terlapor", "nama jabatan", "position"),
    "employee_type": (
        "status kepegawaian", "jenis pegawai", "jenis asn", "status asn", "kategori pegawai", "employee type",
    ),
    "agency_name": (
        "instansi", "instansi terlapor", "nama instansi", "instansi asal", "unit kerja", "satuan kerja", "opd",
        "perangkat daerah", "agency", "agency name", "asal instansi", "instansi unit kerja", "nama opd",
        "instansi asn", "nama instansi terlapor", "pemerintah daerah", "pemda", "instansi daerah",
    ),
    "agency_level": ("tingkat instansi", "jenis instansi", "level instansi", "agency level"),
    "description": (
        "uraian dugaan pelanggaran", "uraian", "uraian kejadian", "uraian singkat", "kronologi",
        "dugaan pelanggaran", "keterangan pelanggaran", "deskripsi", "description",
    ),
    "violation_type": (
        "jenis pelanggaran", "bentuk pelanggaran", "kategori pelanggaran", "jenis dugaan pelanggaran",
        "violation type", "violation",
    ),
    "violation_form": ("kode skb", "kode bentuk", "kode pelanggaran", "bentuk skb", "violation form"),
    "violation_class": ("klasifikasi pelanggaran", "klasifikasi", "ranah pelanggaran", "violation class"),
    "status": (
        "status", "status penanganan", "status laporan", "status kasus", "tindak lanjut", "status tindak lanjut",
        "hasil kajian", "case status", "hasil pleno", "keputusan pleno", "hasil penanganan", "hasil verifikasi",
        "tindak lanjut ppk", "status penanganan pelanggaran", "status rekomendasi", "progres", "progress",
        "perkembangan", "status akhir",
    ),
    "sanction": (
        "sanksi", "jenis sanksi", "hukuman", "jenis hukuman", "sanksi dijatuhkan", "rekomendasi",
        "rekomendasi sanksi", "sanction", "jenis hukuman disiplin", "hukuman disiplin", "bentuk sanksi",
        "sanksi yang direkomendasikan", "rekomendasi kasn", "rekomendasi bkn", "jenis sanksi yang dijatuhkan",
    ),
    "severity": (
        "tingkat hukuman", "tingkat sanksi", "tingkat hukuman disiplin", "kategori hukuman", "keparahan",
        "severity",
    ),
}
# headers that look like a case column but are not one: they win the longest-match so they stay unused
IGNORED = (
    "nomor", "nomor urut", "tanggal lahir", "tempat lahir", "tempat tanggal lahir", "umur", "usia", "jumlah",
    "keterangan", "catatan", "pangkat golongan", "golongan", "nomor hp", "nomor telepon", "alamat",
    "pelapor", "nama pelapor", "identitas pelapor", "alamat pelapor", "saksi", "nama saksi", "petugas",
    "nama petugas", "pengawas", "nama pengawas", "paraf", "tanda tangan",
)
DATE_COLUMNS = ("incident_date", "report_date", "decision_date", "sanction_date")
PERSON_COLUMNS = ("subject_name", "subject_nip", "position", "employee_type")  # split together, one value each

_ABBREVIATIONS = {"tgl": "tanggal", "tanggal": "tanggal", "kab": "kabupaten", "prov": "provinsi", "no": "nomor",
                  "nmr": "nomor", "nomer": "nomor", "reg": "register", "kec": "kecamatan", "ket": "keterangan",
                  "p3k": "pppk", "rekom": "rekomendasi", "tl": "tindak lanjut", "tindaklanjut": "tindak lanjut",
                  "instansi": "instansi", "kabkota": "kabupaten kota", "kabkot": "kabupaten kota"}
# headers whose words say little: their column is decided by what it holds (etl.mapping), the alias only when
# the content is not clear
AMBIGUOUS = {"tingkat", "tingkat pelanggaran", "kategori", "kategori pelanggaran", "keterangan", "jenis",
             "klasifikasi", "catatan", "hasil", "info", "informasi", "lain lain", "lokasi", "tempat kejadian",
             "lokasi kejadian", "tempat", "tindak lanjut", "rekomendasi", "kolom"}
# Netra's own columns in a correction file (`etl rejected`, Muat data): never data, never kept
NETRA_COLUMNS = {"baris", "alasan", "peringatan"}
SHEET_COLUMN = "lembar"  # a correction file's sheet-name column: a hint like the sheet's name itself
_ALIAS_TO_COLUMN = {alias: column for column, aliases in ALIASES.items() for alias in aliases}
_ALIAS_TO_COLUMN.update(dict.fromkeys(IGNORED))


def header_key(label) -> str:
    """The form headers are compared in: lower case, words only, abbreviations spelled out, notes in () dropped."""
    text = re.sub(r"\(.*?\)", " ", str(label or "")).lower()
    words = re.findall(r"[a-z0-9]+", text)
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


# a header holding 'tanggal' and one of these words is that date, in either order ('Rekomendasi Tanggal' under a
# merged 'Rekomendasi', 'Tanggal SK Hukuman', 'Tgl Surat Rekomendasi KASN')
DATE_WORDS = (("incident_date", {"kejadian", "peristiwa", "pelanggaran", "incident"}),
              ("sanction_date", {"sanksi", "hukuman", "sk", "penjatuhan", "tindak"}),
              ("decision_date", {"rekomendasi", "putusan", "keputusan", "pleno", "kajian", "verifikasi", "penerusan",
                                 "diteruskan", "pelimpahan", "decision"}),
              ("report_date", {"laporan", "lapor", "temuan", "diterima", "terima", "pengaduan", "aduan", "registrasi",
                               "register", "masuk", "report"}))


@lru_cache(maxsize=4096)
def canonical_column(label) -> str | None:
    """The `cases` column a header names, or None when it names none we use."""
    key = header_key(label)
    if not key:
        return None
    if key in _ALIAS_TO_COLUMN:
        return _ALIAS_TO_COLUMN[key]
    padded = f" {key} "
    matches = [(alias.count(" "), -padded.find(f" {alias} "), alias) for alias in _ALIAS_TO_COLUMN
               if f" {alias} " in padded]
    if not matches:
        return _date_by_words(key)
    found = _ALIAS_TO_COLUMN[max(matches)[2]]  # most words, then the earliest
    if found is None:  # an IGNORED header ('Tanggal Lahir') wins over the date it contains
        return None
    if found in ("incident_date", "decision_date", "sanction_date"):
        return found
    return _date_by_words(key) or found


def _date_by_words(key: str) -> str | None:
    """The date a header with 'tanggal' and a marking word names, whatever their order."""
    words = set(key.split())
    if "tanggal" in words:
        for column, marks in DATE_WORDS:
            if words & marks:
                return column
    return None


def map_headers(labels: list[str]) -> dict[str, str]:
    """canonical column -> the header that supplies it; the first header naming a column wins."""
    mapping: dict[str, str] = {}
    for label in labels:
        column = canonical_column(label)
        if column is not None and column not in mapping:
            mapping[column] = label
    return mapping


# "1. A; 2. B", "A\nB", "1) A 2) B": list separators registers use inside one cell (never commas: titles like
# "Drs. H. Ahmad, M.Si" carry them)
_SEPARATOR = re.compile(r"\s*[;\n\r|]\s*")
_NUMBERING = re.compile(r"(?:^|\s)\(?\d{1,2}[.)]\s+")
_LISTS = "[;\n\r|]|(?:^|[ \t])[(]?[0-9]{1,2}[.)][ \t]"  # spelled without \s and \d so pandas keeps it in pyarrow
_PERSON_WORDS = {"subject_name": "nama", "subject_nip": "NIP"}


def split_list(value: str) -> list[str]:
    """The items of a cell that lists several people (or their NIPs, positions); one item when it lists one."""
    parts = []
    for piece in _SEPARATOR.split(str(value or "").strip()):
        parts += [item.strip(" ,") for item in _NUMBERING.split(piece)]
    return [item for item in parts if item] or [""]


def people_in_row(row: dict[str, str]) -> list[dict[str, str]] | str:
    """The people a row names (names and NIPs paired in order), or a sentence saying why they can't be paired.

    Positions and employee types are split only when they list exactly as many items as there are people;
    otherwise the whole cell applies to each person.
    """
    lists = {column: split_list(row[column]) for column in _PERSON_WORDS if column in row}
    count = max((len(items) for items in lists.values()), default=1)
    uneven = [column for column, items in lists.items() if len(items) not in (1, count)]
    if uneven:
        counts = " tetapi ".join(f"{len(items)} {_PERSON_WORDS[column]}" for column, items in lists.items())
        return f"{counts}; tulis satu orang per baris atau samakan jumlahnya."
    if count == 1:
        return [row]
    people = []
    for number in range(count):
        person = dict(row)
        for column in PERSON_COLUMNS:
            items = lists.get(column) or split_list(row.get(column, ""))
            if column in row and len(items) == count:
                person[column] = items[number]
        people.append(person)
    return people


def split_people(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[int, str]]:
    """One row per person named in a row, numbered in `subject_no` 1..n, and the rows whose people can't be paired.

    A listed row keeps its place for its first person; the others are appended at the end (sort by index and
    subject_no for file order). The second value maps a row index of `frame` to the sentence saying why its
    people can't be paired with their NIPs; such a row still counts one record per name, each without a NIP, so
    the caller keeps the people and warns about the NIPs.
    """
    columns = [c for c in PERSON_COLUMNS if c in frame.columns]
    frame = frame.assign(subject_no=1)
    listed = pd.Series(False, index=frame.index)
    for column in columns:
        if column in _PERSON_WORDS:
            listed |= frame[column].str.contains(_LISTS, regex=True, na=False)
    problems, firsts, others = {}, {}, []
    for index, row in zip(frame.index[listed], frame.loc[listed, columns].to_dict("records"), strict=True):
        found = people_in_row(row)
        if isinstance(found, str):
            names = len(split_list(row.get("subject_name", "")))
            problems[index] = (f"{found.split(';')[0]}; NIP tidak dapat dipasangkan, {names} orang dimuat tanpa "
                               "NIP. Tulis satu orang per baris atau samakan jumlahnya.")
            found = people_in_row({**row, "subject_nip": ""})
        firsts[index] = found[0]
        others += [(index, number, person) for number, person in enumerate(found[1:], start=2)]
    if not firsts:
        return frame, problems
    frame = frame.copy()
    for column in columns:  # only a few cells change: the whole frame is never reordered (1M rows stay cheap)
        frame.loc[list(firsts), column] = [person[column] for person in firsts.values()]
    extra = frame.loc[[index for index, _, _ in others]]
    extra = extra.assign(subject_no=[number for _, number, _ in others],
                         **{column: [person[column] for _, _, person in others] for column in columns})
    return pd.concat([frame, extra]), problems


# how a column is named in a message when the register has no such column
LABELS = {
    "case_id": "No. Register", "election": "Pemilihan", "incident_date": "Tanggal Kejadian",
    "report_date": "Tanggal Laporan", "decision_date": "Tanggal Rekomendasi/Putusan",
    "sanction_date": "Tanggal Sanksi", "region": "Kabupaten/Kota", "province": "Provinsi",
    "subject_name": "Nama Terlapor", "subject_nip": "NIP", "agency_name": "Instansi",
    "agency_level": "Tingkat Instansi", "status": "Status", "status_2": "Status (lanjutan)",
    "agency_2": "Instansi (kedua)",
}


def column_label(mapped: dict[str, str], column: str) -> str:
    """The header a sheet uses for a canonical column (`mapped`: field -> header), or its usual Indonesian name."""
    return mapped.get(column) or LABELS.get(column) or column
