"""The person-case rule is written once (warehouse/person_cases.py) and run two ways for speed: person-cases of one
record copied, those of several ordered and aggregated. Both ways together must make what aggregating every
person-case makes, on records with nulls in every nullable column, and fill every column of person_cases.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from warehouse import person_cases
from warehouse.person_cases import AGGREGATED_SQL, SeveralRecords, fill_person_cases, person_case_columns
from warehouse.schema import SCHEMA_SQL, migrate
from warehouse.vocab import STAGE_ORDER

FULL = {  # every nullable column the rule reads, named; a record below empties some or all of them
    "source_kind": "laporan", "incident_date": "2024-09-01", "report_date": "2024-09-03",
    "decision_date": "2024-09-20", "sanction_date": "2024-10-01", "region_code": "33.18", "province_code": "33",
    "agency_name": "Dinas Pendidikan", "agency_level": "kabupaten", "position_class": "fungsional",
    "employee_type": "pns", "violation_form": "K1", "violation_class": "kode_etik", "severity": "ringan",
    "regime": "pp94_skb2022",
}
EMPTY = dict.fromkeys(FULL)
RECORDS = [  # (election, person_case_id, source_agency, case_id, status, severity_inferred, columns)
    # person-cases of one record: everything named; nothing named; a province without a kabupaten/kota
    ("pilkada2024", "P1", "bawaslu", "A-1", "terbukti", False, FULL),
    ("pilkada2024", "P2", "bkn", "B-2", "belum jelas", True, EMPTY),  # inferred without a severity: false
    ("pilkada2020", "P1", "kasn", "K-3", "dilaporkan", True,
     {**EMPTY, "province_code": "35", "severity": "berat", "incident_date": "2020-10-02"}),
    # several records: BKN's and Bawaslu's on the same day (Bawaslu's enters first), an undated inspektorat's;
    # the province comes with BKN's kabupaten, not from Bawaslu's record that names only a province
    ("pilkada2024", "P3", "bkn", "B-9", "disanksi", True,
     {**FULL, "region_code": "33.21", "severity": None, "agency_name": "BKN", "report_date": "2024-09-05"}),
    ("pilkada2024", "P3", "bawaslu", "A-7", "terbukti", False,
     {**EMPTY, "province_code": "34", "report_date": "2024-09-05", "violation_form": "K2"}),
    ("pilkada2024", "P3", "inspektorat", "I-1", "tidak_terbukti", True,
     {**EMPTY, "severity": "sedang", "sanction_date": "2024-09-30"}),
    # several records naming nothing, with statuses outside the vocabulary (kept as written, the least)
    ("pilkada2024", "P4", "bawaslu", "A-8", "ditunda", False, EMPTY),
    ("pilkada2024", "P4", "bawaslu", "A-8b", "belum jelas", True, EMPTY),
]


@pytest.fixture
def con():
    with duckdb.connect() as connection:
        connection.execute(SCHEMA_SQL.read_text())
        migrate(connection)
        for election, person_case_id, agency, case_id, status, inferred, columns in RECORDS:
            names = ", ".join(columns)  # the constant column names above
            connection.execute(
                f"""insert into cases (election, person_case_id, source_agency, case_id, subject_no, status,
                        severity_inferred, violation_type, load_id, {names})
                    values (?, ?, ?, ?, 1, ?, ?, 'kampanye', 'L1', {", ".join("?" * len(columns))})""",  # noqa: S608
                [election, person_case_id, agency, case_id, status, inferred, *columns.values()],
            )
        yield connection


def person_cases_frame(con) -> pd.DataFrame:
    return con.execute("select * from person_cases order by election, person_case_id").df()


def both_ways(con) -> tuple[pd.DataFrame, pd.DataFrame]:
    """person_cases filled the split way (as every generation is) and with every person-case aggregated."""
    fill_person_cases(con)
    split = person_cases_frame(con)
    con.execute("delete from person_cases")
    con.execute(AGGREGATED_SQL, {"stage_order": list(STAGE_ORDER)})
    return split, person_cases_frame(con)


def test_the_split_fill_makes_what_aggregating_every_person_case_makes(con):
    split, aggregated = both_ways(con)
    pd.testing.assert_frame_equal(split, aggregated)
    rows = con.execute("""select person_case_id, records, province_code, source_agency, status, severity,
                              severity_inferred from person_cases order by election, person_case_id""").fetchall()
    assert rows == [
        ("P1", 1, "35", "kasn", "dilaporkan", "berat", True),
        ("P1", 1, "33", "bawaslu", "terbukti", "ringan", False),
        ("P2", 1, None, "bkn", "belum jelas", None, False),
        ("P3", 3, "33", "bawaslu", "disanksi", "sedang", True),  # entered with Bawaslu; BKN's kabupaten's province
        ("P4", 2, None, "bawaslu", "belum jelas", None, False),
    ]


def test_the_fixture_empties_every_nullable_column_of_one_record_and_of_several(con):
    frame = both_ways(con)[0]
    nullable = [name for name, null in con.execute("select column_name, null from (describe person_cases)")
                .fetchall() if null == "YES"]
    for records in (frame[frame.records == 1], frame[frame.records > 1]):
        assert records[nullable].isna().any().all() and records[nullable].notna().any().all()


def test_the_rule_names_every_column_of_person_cases_in_order(con):
    table = [name for (name,) in con.execute("select column_name from (describe person_cases)").fetchall()]
    assert list(person_case_columns(SeveralRecords())) == table


def test_a_one_record_fold_that_drifts_is_caught(con, monkeypatch):
    # a "simplified" copy of severity_inferred that forgets it counts only beside a severity
    monkeypatch.setattr(person_cases, "SINGLE_SQL", person_cases.SINGLE_SQL.replace(
        "case when severity is not null then severity_inferred end", "severity_inferred"))
    split, aggregated = both_ways(con)
    assert split.severity_inferred.tolist() != aggregated.severity_inferred.tolist()
