"""Every date form a register uses, and the errors a data steward sees for the ones that are not dates."""

import datetime

import numpy as np
import pandas as pd
import pytest

from etl.normalize import NormalizeError
from etl.normalize.dates import parse_date

D = datetime.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("   ", None),
        (" - ", None),
        (float("nan"), None),
        (pd.NaT, None),
        (pd.NA, None),
        (D(2024, 9, 18), D(2024, 9, 18)),
        (datetime.datetime(2024, 9, 18, 23, 59), D(2024, 9, 18)),
        (pd.Timestamp("2024-09-18 10:00"), D(2024, 9, 18)),
        (np.datetime64("2024-09-18"), D(2024, 9, 18)),
        (45553, D(2024, 9, 18)),  # Excel serial
        (45553.75, D(2024, 9, 18)),  # Excel serial with a time of day
        (np.int64(45553), D(2024, 9, 18)),
        ("45553", D(2024, 9, 18)),
        ("44174", D(2020, 12, 9)),
        ("18/09/2024", D(2024, 9, 18)),
        ("5/9/24", D(2024, 9, 5)),  # day first, always
        ("05/09/2024", D(2024, 9, 5)),
        ("18-09-2024", D(2024, 9, 18)),
        ("18.09.2024", D(2024, 9, 18)),
        ("18/09/2024 14:30", D(2024, 9, 18)),
        ("2024-09-18", D(2024, 9, 18)),
        ("2024/09/18", D(2024, 9, 18)),
        ("2024-09-18 10:00:00", D(2024, 9, 18)),
        ("2024-09-18T10:00:00+07:00", D(2024, 9, 18)),
        ("20240918", D(2024, 9, 18)),
        ("9 September 2024", D(2024, 9, 9)),
        ("Senin, 9 September 2024", D(2024, 9, 9)),
        ("Jum'at, 13 Sept 2024", D(2024, 9, 13)),
        ("14 Okt 2024", D(2024, 10, 14)),
        # a weekday before any accepted form (issue 10)
        ("Rabu, 25/09/2024", D(2024, 9, 25)),
        ("Kamis 10-10-2024", D(2024, 10, 10)),
        ("Jumat, 2024-10-11", D(2024, 10, 11)),
        ("Jum'at 11.10.2024", D(2024, 10, 11)),
        ("Sabtu, 45577", D(2024, 10, 12)),
        ("Minggu, 13/10/24", D(2024, 10, 13)),
        ("Ahad 13 Oktober 2024", D(2024, 10, 13)),
        ("Monday, 14/10/2024", D(2024, 10, 14)),
        ("2024/9/5", D(2024, 9, 5)),  # YYYY/MM/DD, one-digit parts
        # a span: its first day
        ("25 s.d. 27 September 2024", D(2024, 9, 25)),
        ("25/09/2024 - 27/09/2024", D(2024, 9, 25)),
        ("28 Agustus sampai dengan 2 September 2024", D(2024, 8, 28)),
        ("14 Oct 2024", D(2024, 10, 14)),
        ("14-Okt-2024", D(2024, 10, 14)),
        ("14 okt. 2024", D(2024, 10, 14)),
        ("1 Agt 2024", D(2024, 8, 1)),
        ("1 Agu 2024", D(2024, 8, 1)),
        ("2 Ags 2024", D(2024, 8, 2)),
        ("17 Agustus 2024", D(2024, 8, 17)),
        ("3 Nop 2020", D(2020, 11, 3)),
        ("3 Nopember 2020", D(2020, 11, 3)),
        ("4 Des 2020", D(2020, 12, 4)),
        ("1 Pebruari 2024", D(2024, 2, 1)),
        ("29 Februari 2024", D(2024, 2, 29)),
        ("1 Mei 2024", D(2024, 5, 1)),
        ("Wednesday, 14 February 2024", D(2024, 2, 14)),
        ("September 9, 2024", D(2024, 9, 9)),
        ("9 September 2024 pukul 10.00 WIB", D(2024, 9, 9)),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


HINT = "tulis seperti 18/09/2024 (hari/bulan/tahun)."


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31/02/2024", f"'31/02/2024' bukan tanggal yang ada; {HINT}"),
        ("29 Februari 2023", f"'29 Februari 2023' bukan tanggal yang ada; {HINT}"),
        ("09/18/2024", f"'09/18/2024' bukan tanggal yang ada: bulan 18 tidak ada; {HINT}"),
        ("2024-13-01", f"'2024-13-01' bukan tanggal yang ada: bulan 13 tidak ada; {HINT}"),
        ("kemarin", f"'kemarin' tidak dikenali sebagai tanggal; {HINT}"),
        ("14 Okto 2024", f"'14 Okto 2024': nama bulan 'okto' tidak dikenali; {HINT}"),
        (123, f"Angka '123' bukan tanggal (tanggal Excel untuk 1980–2099); {HINT}"),
        ("99999", f"Angka '99999' bukan tanggal (tanggal Excel untuk 1980–2099); {HINT}"),
        (True, f"'True' bukan tanggal; {HINT}"),
    ],
)
def test_parse_date_rejects(value, message):
    with pytest.raises(NormalizeError) as caught:
        parse_date(value)
    assert str(caught.value) == message


@pytest.mark.parametrize(("text", "code", "kind"), [
    ("Pilkada Serentak 2024", "pilkada2024", "pilkada"),
    ("PILKADA SERENTAK TAHUN 2024", "pilkada2024", "pilkada"),
    ("BAWASLU PROVINSI KALIMANTAN BARAT - PEMILIHAN SERENTAK 2024", "pilkada2024", "pilkada"),  # UU 10/2016
    ("Pemilihan Kepala Daerah Serentak 2020", "pilkada2020", "pilkada"),
    ("rekap pilkada2024", "pilkada2024", "pilkada"),  # a file name
    ("Pemilu 2024", "pemilu2024", "pemilu"),
    ("Pilpres 2024", "pemilu2024", "pemilu"),
    ("Pilkada", None, "pilkada"),  # no year: the kind narrows the date windows
])
def test_elections_as_registers_and_titles_write_them(text, code, kind):
    from etl.normalize.elections import election_code, election_kind

    try:
        found = election_code(text)
    except NormalizeError:
        found = None
    assert (found, election_kind(text)) == (code, kind)
