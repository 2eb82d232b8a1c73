"""One register naming one person under many case numbers: what a steward is offered (a double registration?).

A common name, or a NIP a clerk pasted into every row, under 50 case numbers of one register used to give every
two of them as a pair (1,225); now a pair must look like one incident (same place, a week apart, REVIEW on the
score: a shared NIP says the same person, not the same case) and each record is offered with its best pair only.
"""

from __future__ import annotations

import pandas as pd

from tests.fixtures.link_registers import HEADER_BAWASLU
from warehouse import db

NIP = "198001012005011001"  # the same NIP in every row
POSITIONS = ("Guru", "Camat", "Lurah", "Staf", "Kepala Dinas")
DESCRIPTIONS = ("Membagikan unggahan calon bupati di Facebook", "Hadir dalam kampanye pasangan calon",
                "Berfoto dengan pasangan calon dan simbol jari", "Menghadiri deklarasi pasangan calon")


def row(number: int, day: int, position: str, description: str, place: str = "Kab. Batang") -> str:
    return (f"{number:03d}/LP/PW/14/X/2024;{day:02d}/10/2024;{day + 1:02d}/10/2024;{place};Jawa Tengah;Budi Santoso;"
            f"{NIP};{position};Pemerintah Kabupaten Batang;{description};Pelanggaran, diteruskan ke KASN")


def crowded_register(path):
    """49 records of one name and NIP in one place and week, a true double registration of the first (the only
    other record of its position and violation), and the same NIP in another kabupaten that week."""
    rows = [row(1, 3, "Kepala Dinas", DESCRIPTIONS[0])]
    rows += [row(i, 1 + i % 7, POSITIONS[i % 4], DESCRIPTIONS[1 + i % 3]) for i in range(2, 50)]
    rows.append(row(100, 3, "Kepala Dinas", DESCRIPTIONS[0]))  # number 1 registered again as 100: the same entry
    rows.append(row(200, 2, POSITIONS[2], DESCRIPTIONS[2], place="Kab. Pati"))
    path.write_text("\n".join([HEADER_BAWASLU, *rows]) + "\n", encoding="utf-8")
    return path


def reviews() -> pd.DataFrame:
    with db.connect_read_only() as con:
        return con.execute("select record_a, record_b, score, same_register from link_reviews").df()


def test_one_name_under_fifty_case_numbers_offers_each_record_once_and_the_double_registration(
        warehouse_dir, load_register, tmp_path):
    [result] = load_register(crowded_register(tmp_path / "bawaslu.csv"), election="pilkada2024",
                             source_agency="bawaslu")
    assert result.rows_loaded == 51
    pairs = reviews()
    assert pairs.same_register.all()
    assert 0 < len(pairs) <= 50 and result.link_pending == len(pairs)  # not 1,225 (or 1,275)
    records = pd.concat([pairs.record_a, pairs.record_b])
    double = ["pilkada2024:bawaslu:001/LP/PW/14/X/2024#1", "pilkada2024:bawaslu:100/LP/PW/14/X/2024#1"]
    [top] = pairs.loc[(pairs.record_a == double[0]) & (pairs.record_b == double[1]), "score"]
    assert top == pairs.score.max()  # the true double registration is offered, as strong as any pair
    assert not records.str.startswith("pilkada2024:bawaslu:200/").any()  # another kabupaten: never offered
