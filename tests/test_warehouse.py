"""Warehouse generations: checks guard every publish, and readers never see half a load."""

import os
import time

import duckdb
import pytest

from warehouse import db
from warehouse.filters import Filters
from warehouse.reader import Warehouse

INSERT = """insert into cases (case_id, subject_no, election, source_agency, violation_type, status, load_id,
            source_row, region_code, province_code, incident_date)
            values (?, 1, ?, 'bawaslu', ?, ?, 'L1', 2, ?, ?, ?)"""
GOOD = ("A-1", "pilkada2024", "media_sosial", "terbukti", "33.25", "33", "2024-10-01")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path))
    return tmp_path


def publish(*rows):
    with db.new_generation() as con:
        for row in rows:
            con.execute(INSERT, list(row))


def case_count():
    with db.connect_read_only() as con:
        return con.execute("select count(*) from cases").fetchall()[0][0]


def test_first_generation_has_reference_tables_and_is_published(data_dir):
    publish(GOOD)
    assert (data_dir / "current.duckdb").is_symlink()
    with db.connect_read_only() as con:
        counts = con.execute(
            "select (select count(*) from regions), (select count(*) from provinces), "
            "(select count(*) from elections), (select count(*) from election_stages)"
        ).fetchall()[0]
    assert counts == (514, 38, 3, 23)


def test_next_generation_starts_from_the_current_one(data_dir):
    publish(GOOD)
    publish(("A-2",) + GOOD[1:])
    assert case_count() == 2
    assert len(list(data_dir.glob("netra-*.duckdb"))) == 2


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("B-1", "pilkada2024", "joget", "terbukti", "33.25", "33", "2024-10-01"), "violation_type di luar kosakata"),
        (("B-1", "pilkada2024", "media_sosial", "selesai", "33.25", "33", "2024-10-01"), "status di luar kosakata"),
        (("B-1", "pilkada2024", "media_sosial", "terbukti", "33.99", "33", "2024-10-01"),
         "region_code tidak ada di tabel regions"),
        (("B-1", "pilkada2024", "media_sosial", "terbukti", "33.25", "35", "2024-10-01"),
         "region_code tidak berada di province_code"),
        (("B-1", "pilkada2024", "media_sosial", "terbukti", "33.25", "33", "2019-01-01"),
         "tanggal di luar jendela pemilihan"),
    ],
)
def test_a_failing_check_publishes_nothing_and_names_the_rows(data_dir, row, message):
    publish(GOOD)
    before = db.current_path()
    with pytest.raises(db.CheckFailed) as failure:
        publish(row)
    assert message in str(failure.value)
    assert "B-1#1 (muatan L1, baris 2)" in str(failure.value)
    assert db.current_path() == before
    assert case_count() == 1
    assert len(list(data_dir.glob("netra-*.duckdb"))) == 1


def test_an_exception_inside_the_batch_leaves_no_file(data_dir):
    publish(GOOD)
    with pytest.raises(RuntimeError), db.new_generation() as con:
        con.execute(INSERT, list(("C-1",) + GOOD[1:]))
        raise RuntimeError("reader crashed")
    assert case_count() == 1
    assert len(list(data_dir.glob("netra-*.duckdb"))) == 1


def test_an_open_reader_keeps_its_view_and_the_next_connection_sees_the_new_data(data_dir):
    publish(GOOD)
    reader = db.connect_read_only()
    publish(("A-2",) + GOOD[1:])
    assert reader.execute("select count(*) from cases").fetchall()[0][0] == 1
    reader.close()
    assert case_count() == 2


def test_writers_cannot_touch_a_published_generation_through_the_read_api(data_dir):
    publish(GOOD)
    with db.connect_read_only() as con, pytest.raises(duckdb.Error):
        con.execute("delete from cases")


def test_prune_keeps_the_newest_and_the_current(data_dir):
    for n in range(5):
        publish((f"A-{n}",) + GOOD[1:])
    removed = db.prune_generations(data_dir, keep=2, min_age_s=0)
    assert len(removed) == 3
    assert db.current_path().exists()
    assert case_count() == 5


def test_prune_removes_what_a_killed_writer_left_but_not_a_running_one(data_dir):
    publish(GOOD)
    orphan = data_dir / "netra-99991231T000000-000000001.duckdb"  # newer than current, never published
    orphan.write_bytes(b"")
    assert db.prune_generations(data_dir, keep=3, min_age_s=60) == []  # young: a writer may still be at work
    os.utime(orphan, (time.time() - 120, time.time() - 120))
    assert db.prune_generations(data_dir, keep=3, min_age_s=60) == [orphan]
    assert case_count() == 1


def test_no_warehouse_is_a_clear_error(data_dir):
    with pytest.raises(FileNotFoundError, match="python -m etl demo"):
        db.connect_read_only()


def test_named_queries_answer_with_the_filters(data_dir):
    publish(GOOD, ("A-2", "pilkada2024", "kampanye", "disanksi", "35.01", "35", "2024-10-05"))
    wh = Warehouse()
    assert wh.kpis(Filters()).iloc[0][["reported", "proven", "sanctioned"]].tolist() == [2, 2, 1]
    assert wh.kpis(Filters(provinces=("35",))).iloc[0]["reported"] == 1
    sanctioned = wh.kpis(Filters(statuses=("disanksi",))).iloc[0]
    assert sanctioned[["reported", "proven", "sanctioned"]].tolist() == [1, 1, 1]


def test_a_generation_derives_the_regime_and_a_person_case_per_unlinked_record(data_dir):
    publish(GOOD, ("A-2", "pilkada2020", "kampanye", "terbukti", "33.25", "33", "2020-10-05"))
    with db.connect_read_only() as con:
        rows = con.execute("select case_id, regime, person_case_id from cases order by case_id").fetchall()
        version = db.schema_version(con)
    assert [(case_id, regime) for case_id, regime, _ in rows] == [("A-1", "pp94_skb2022"), ("A-2", "pp53_skb2020")]
    assert len({person for *_, person in rows}) == 2 and all(person for *_, person in rows)
    assert version == db.SCHEMA_VERSION >= 2


def test_a_person_case_never_spans_two_elections(data_dir):
    publish(GOOD)
    with pytest.raises(db.CheckFailed, match="melintasi pemilihan"), db.new_generation() as con:
        con.execute(INSERT, list(("A-2", "pilkada2020", "kampanye", "terbukti", "33.25", "33", "2020-10-05")))
        con.execute("update cases set person_case_id = 'P-1'")
    assert case_count() == 1


def test_a_version_1_generation_is_migrated_when_the_next_one_is_made(data_dir):
    data_dir.mkdir(exist_ok=True)
    old = data_dir / "netra-20240101T000000-000000001.duckdb"
    with duckdb.connect(str(old)) as con:  # a warehouse as the first Netra wrote it: schema 1, no version row
        con.execute(db.SCHEMA_SQL.read_text())
        con.execute(INSERT, list(GOOD))
    os.symlink(old.name, data_dir / "current.duckdb")
    publish(("A-2",) + GOOD[1:])
    with db.connect_read_only() as con:
        assert db.schema_version(con) == db.SCHEMA_VERSION
        counts = con.execute("select count(*), count(regime), count(person_case_id) from cases").fetchall()
        assert counts == [(2, 2, 2)]
        assert con.execute("select count(*) from load_warnings").fetchall() == [(0,)]


def test_generation_ids_sort_in_the_order_they_were_made_across_a_second_boundary(monkeypatch):
    second = 1_733_000_000 * 10**9
    readings = iter([second + 999_999_999, second + 10**9 + 1])  # just before and just after a second ticks
    monkeypatch.setattr(db.time, "time_ns", lambda: next(readings))
    before, after = db.new_generation_id(), db.new_generation_id()
    assert before < after and before.endswith("-999999999") and after.endswith("-000000001")
