"""Persons, not records: two registers naming partly the same people, through the real loader and linker, counted
per person-case (person_cases, the default) and per record; the furthest stage; who is counted; the check.

tests/fixtures/person_registers.py: nine records of six people (Budi, Siti and Hasan in both registers).
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from tests.fixtures.person_registers import AGENCIES, write_both
from warehouse import db
from warehouse.checks import failed_checks
from warehouse.filters import Filters
from warehouse.reader import Warehouse

ORANG, CATATAN = Filters(), Filters(unit="catatan")
EVERYONE = {"employee_types": ()}


def build_persons_warehouse(folder: Path, load_register) -> Path:
    """Both registers loaded into a fresh warehouse under `folder` (Bawaslu's first); the published file."""
    for name, path in write_both(folder.parent / f"{folder.name}-registers").items():
        [result] = load_register(path, data_dir=folder, election="pilkada2024", source_agency=AGENCIES[name])
        assert result.rows_loaded == {"bawaslu": 5, "bkn": 4}[AGENCIES[name]], result.summary()
    return Path(db.generation_files(folder)[0])


@pytest.fixture(scope="module")
def generation(tmp_path_factory, load_register) -> Path:
    return build_persons_warehouse(tmp_path_factory.mktemp("persons"), load_register)


@pytest.fixture
def wh(generation):
    with Warehouse(generation, hold=True) as warehouse:
        yield warehouse


def funnel(wh: Warehouse, filters: Filters) -> list[int]:
    return wh.kpis(filters).iloc[0][["reported", "proven", "sanctioned"]].tolist()


@pytest.mark.parametrize(("filters", "expected"), [
    (ORANG, [5, 3, 1]),  # Budi (sanctioned), Siti, Hasan (proven), Rina, Wahyu; Sukarno is non-ASN
    (CATATAN, [8, 4, 1]),  # the same people's eight ASN records: Budi twice proven, Siti's and Hasan's once
    (Filters(**EVERYONE), [6, 4, 1]),
    (Filters(unit="catatan", **EVERYONE), [9, 5, 1]),
    (Filters(employee_types=("non_asn",)), [1, 1, 0]),
    (Filters(source_agencies=("bkn",)), [4, 3, 1]),  # persons with a BKN record, at their furthest stage
    (Filters(unit="catatan", source_agencies=("bkn",)), [4, 2, 1]),  # BKN's own records
    (Filters(statuses=("terbukti",)), [2, 2, 0]),  # Siti and Hasan got no further than proven
    (Filters(unit="catatan", statuses=("terbukti",)), [3, 3, 0]),
])
def test_kpis_count_persons_or_records(wh, filters, expected):
    assert funnel(wh, filters) == expected


def test_a_person_case_takes_the_furthest_stage_and_the_entry_record_first(wh, generation):
    with duckdb.connect(str(generation), read_only=True) as con:
        rows = con.execute("""select c.subject_name, p.status, p.source_agency, p.source_agencies, p.records,
                                     p.employee_type, p.region_code, p.report_date::varchar
                              from person_cases p
                              join cases c using (election, person_case_id)
                              where c.source_agency = p.source_agency
                              order by c.subject_name""").fetchall()
    assert rows == [
        ("Budi Santoso", "disanksi", "bawaslu", ["bawaslu", "bkn"], 2, "pns", "33.25", "2024-09-07"),
        ("Hasan Basri", "terbukti", "bawaslu", ["bawaslu", "bkn"], 2, "pns", "33.21", "2024-10-02"),
        ("Rina Marlina", "tidak_terbukti", "bawaslu", ["bawaslu"], 1, "pppk", "33.18", "2024-09-16"),
        # proven by Bawaslu, not proven by BKN: proven lies further (warehouse/vocab.py STAGE_ORDER)
        ("Siti Aminah", "terbukti", "bawaslu", ["bawaslu", "bkn"], 2, "pns", "33.29", "2024-09-14"),
        ("Sukarno", "terbukti", "bawaslu", ["bawaslu"], 1, "non_asn", "33.18", "2024-09-19"),
        ("Wahyu Pratama", "diproses", "bkn", ["bkn"], 1, None, "33.18", "2024-11-01"),
    ]


def test_the_non_asn_left_out_are_counted_in_either_unit(wh):
    assert wh.non_asn_count(ORANG)["n"].tolist() == [1] and wh.non_asn_count(CATATAN)["n"].tolist() == [1]
    assert wh.non_asn_count(Filters(**EVERYONE))["n"].tolist() == [0]  # counted already: nothing left out
    assert wh.non_asn_count(Filters(employee_types=("non_asn", "pns")))["n"].tolist() == [0]


def test_every_aggregate_follows_the_unit(wh):
    regions = {unit: wh.top_regions(replace(ORANG, unit=unit)).set_index("region_code")["n"].to_dict()
               for unit in ("orang", "catatan")}
    assert regions == {"orang": {"33.18": 2, "33.21": 1, "33.25": 1, "33.29": 1},
                       "catatan": {"33.18": 2, "33.21": 2, "33.25": 2, "33.29": 2}}
    by_source = wh.breakdowns(ORANG).query("dimension == 'source_agency'")
    assert dict(zip(by_source.source_agency, by_source.n, strict=True)) == {"bawaslu": 4, "bkn": 1}  # entry agency
    assert wh.case_count(ORANG)["n"].tolist() == [8]  # the case table holds records whatever the unit


def test_the_person_cases_check_fires_on_one_defect(generation, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(generation, copy)
    with duckdb.connect(str(copy)) as con:
        assert failed_checks(con) == []
        con.execute("delete from person_cases where records = 1 and source_agency = 'bkn'")  # Wahyu's row
        assert failed_checks(con) == [
            "person_cases tidak cocok dengan cases untuk pilkada2024: 6 orang-kasus di cases, 5 baris (5 kunci "
            "berbeda) di person_cases; 9 catatan di cases, 8 menurut person_cases"]


def test_the_flow_stages_are_made_with_the_generation_and_checked_against_its_cases(generation, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(generation, copy)
    with duckdb.connect(str(copy)) as con:
        held = con.execute("select count(distinct person_case_id) from cases").fetchone()[0]
        assert con.execute("select count(*) from person_case_stages").fetchone()[0] == held == 6
        con.execute("insert into person_case_stages select * from person_case_stages limit 1")  # one counted twice
        assert failed_checks(con) == [
            "person_case_stages tidak cocok dengan cases: 6 orang-kasus di cases, 7 baris (6 kunci berbeda) di "
            "person_case_stages"]
