"""The warehouse as a function of its registers (issue 11 items 1–2): the raw archive every accepted load keeps, and
`etl rebuild`, which makes the published generation again from it with today's rules and phrasebook.

Real loads of small hand-written registers into a private warehouse (NETRA_DATA_DIR), the real command line, the
real DuckDB files compared table by table.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import duckdb
import pytest

import settings
from etl import archive
from etl.__main__ import main
from etl.demo import build_demo
from warehouse import audit, db

HEADER = "No. Register,Pemilihan,Tanggal Kejadian,Tanggal Laporan,Kabupaten/Kota,Provinsi,Nama Terlapor,Uraian,Status"
REGISTER = "\n".join([  # file rows 2-5
    HEADER,
    "R-001,Pilkada 2024,05/09/2024,07/09/2024,Kab. Batang,Jawa Tengah,Budi,Membagikan unggahan calon,Terbukti",
    "R-002,Pilkada 2024,12/09/2024,14/09/2024,Kab. Purbalingga,Jawa Tengah,Siti,Hadir kampanye calon,Kotak Pos",
    "R-003,Pilkada 2024,31/02/2024,14/09/2024,Kota Semarang,Jawa Tengah,Agus,Hadir kampanye,Dalam proses",
    "R-004,Pilkada 2024,01/10/2024,02/10/2024,Kabupaten Entah Dimana,,Dewi,Berfoto dengan calon,Baru",
]) + "\n"
SECOND = HEADER + "\nB-001,Pemilu 2024,15/01/2024,16/01/2024,Wakatobi,Sultra,La Ode,Kampanye,Terbukti\n"
LINEAGE = tuple(db.LINEAGE_KEYS)


@pytest.fixture
def register(tmp_path) -> Path:
    path = tmp_path / "register_jateng.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return path


def run_json(capsys, *argv: str) -> tuple[int, dict]:
    capsys.readouterr()
    status = main([*argv, "--json"])
    return status, json.loads(capsys.readouterr().out)


def contents(path: Path, without: tuple[str, ...] = ()) -> dict[str, list]:
    """Every table of a generation, rows sorted; meta without its lineage; `without` columns left out."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [name for (name,) in con.execute("select table_name from duckdb_tables() order by 1").fetchall()]
        found = {}
        for table in tables:
            columns = [name for (name,) in con.execute(
                "select column_name from duckdb_columns() where table_name = ? order by column_index",
                [table]).fetchall() if name not in without]
            listed = ", ".join(f'"{name}"' for name in columns)  # names from the catalogue
            rows = con.execute(f'select {listed} from "{table}" order by all').fetchall()  # noqa: S608
            found[table] = [row for row in rows if table != "meta" or row[0] not in LINEAGE]
    return found


def lineage(path: Path) -> dict[str, str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return dict(con.execute("select key, value from meta").fetchall())


def query(sql: str = "select case_id, status, region_code from cases order by case_id") -> list[tuple]:
    with db.connect_read_only() as con:
        return con.execute(sql).fetchall()


# --- the raw archive --------------------------------------------------------------------------------------------


def test_a_cli_load_keeps_the_file_read_only_under_its_sha256_with_a_manifest_line(warehouse_dir, register):
    assert main(["load", str(register), "--source-agency", "bawaslu", "--by", "siti"]) == 3
    sha256 = archive.digest(register)
    kept = settings.raw_dir() / sha256
    assert kept.read_bytes() == register.read_bytes()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o444
    [line] = archive.manifest()
    [(load_id, loaded_at, options)] = query("select load_id, loaded_at, options from load_batches")
    assert line == {"sha256": sha256, "file": "register_jateng.csv", "size": len(REGISTER.encode()),
                    "load_id": load_id, "loaded_at": loaded_at.isoformat(timespec="seconds"), "loaded_by": "siti",
                    "options": json.loads(options), "archived_at": line["archived_at"]}
    assert line["options"]["source_agency"] == "bawaslu" and line["options"]["election"] is None


def test_the_same_bytes_are_one_file_and_a_preview_or_an_unusable_file_archives_nothing(warehouse_dir, register,
                                                                                       tmp_path):
    assert main(["load", str(register), "--dry-run"]) == 3
    assert not settings.raw_dir().exists()  # a preview writes nothing, the archive included
    (tmp_path / "kosong.csv").write_text("")
    assert main(["load", str(tmp_path / "kosong.csv")]) == 2
    assert not settings.raw_dir().exists()
    assert main(["load", str(register)]) == 3
    copy = tmp_path / "salinan.csv"
    copy.write_bytes(register.read_bytes())
    assert main(["load", str(copy), "--source-agency", "bawaslu"]) == 3  # read another way: a load of its own
    assert archive.holdings() == (1, len(REGISTER.encode()))
    assert [(line["file"], line["options"]["source_agency"]) for line in archive.manifest()] == [
        ("register_jateng.csv", None), ("salinan.csv", "bawaslu")]


def test_a_load_that_is_not_published_takes_its_file_out_of_the_archive_again(warehouse_dir, register,
                                                                             monkeypatch):
    monkeypatch.setattr(db, "failed_checks", lambda con: ["pemeriksaan uji gagal"])
    assert main(["load", str(register)]) == 2
    assert db.current_path() is None and archive.holdings() == (0, 0) and archive.manifest() == []


def test_a_file_loaded_before_the_archive_existed_is_archived_when_loaded_again(warehouse_dir, register, capsys):
    assert main(["load", str(register)]) == 3
    sha256 = archive.digest(register)
    archive.archived_path(sha256).unlink()
    archive.manifest_path().unlink()  # as a warehouse loaded by a Netra without the archive
    status, report = run_json(capsys, "rebuild", "--dry-run")
    assert (status, report["files"][0]["status"]) == (2, "missing")
    assert f"register_jateng.csv (muatan {report['files'][0]['load_id']}, sha256 {sha256[:12]}…) tidak ada di " \
           "arsip" in report["refused"][0]
    assert main(["load", str(register)]) == 3  # the very file, read the same way: adds nothing, archives it
    assert archive.problem(sha256) is None
    assert [line["load_id"] for line in archive.manifest()] == [report["files"][0]["load_id"]]
    assert main(["rebuild", "--dry-run"]) == 0


# --- rebuild -----------------------------------------------------------------------------------------------------


def test_a_rebuild_with_no_change_reproduces_the_generation_exactly_corrections_included(warehouse_dir, register,
                                                                                        tmp_path, capsys):
    assert main(["load", str(register), "--by", "siti"]) == 3
    rejected, warned = tmp_path / "ditolak.csv", tmp_path / "peringatan.csv"
    assert main(["rejected", "--out", str(rejected)]) == 0
    assert main(["rejected", "--warnings", "--out", str(warned)]) == 0
    rejected.write_text(rejected.read_text(encoding="utf-8-sig").replace("Kabupaten Entah Dimana", "Kota Semarang"),
                        encoding="utf-8")
    warned.write_text(warned.read_text(encoding="utf-8-sig").replace("31/02/2024", "13/09/2024"), encoding="utf-8")
    assert main(["load", str(rejected), "--by", "budi"]) == 0
    assert main(["load", str(warned), "--by", "budi"]) == 0  # replaced by their corrected rows
    (tmp_path / "kedua.csv").write_text(SECOND, encoding="utf-8")
    assert main(["load", str(tmp_path / "kedua.csv"), "--election", "pemilu2024"]) == 0
    before = db.current_path()
    status, report = run_json(capsys, "rebuild", "--by", "ani")
    after = db.current_path()
    assert (status, report["published"], report["refused"]) == (0, db.generation_id(after), [])
    assert contents(after) == contents(before)  # every table, every row (load ids, times and users kept)
    assert [(f["file"], f["status"], f["before"] == f["after"], f["records"], f["fields"]) for f in report["files"]] \
        == [(name, "replayed", True, {"changed": 0, "gone": 0, "new": 0}, []) for name in (
            "register_jateng.csv", "ditolak.csv", "peringatan.csv", "kedua.csv")]
    assert report["totals"] == {"files": 4, "files_changed": 0, "cases_before": 5, "cases_after": 5,
                                "records_changed": 0, "records_gone": 0, "records_new": 0}
    made = lineage(after)
    assert (made["made_by"], made["made_from"], made["source"]) == ("rebuild", db.generation_id(before),
                                                                   "arsip: 4 berkas")


def test_a_rebuild_after_teaching_recovers_a_rejected_row_and_reads_a_misread_status(warehouse_dir, register,
                                                                                   capsys):
    assert main(["load", str(register)]) == 3
    assert query() == [("R-001", "terbukti", "33.25"), ("R-002", "dilaporkan", "33.03"),
                       ("R-003", "diproses", "33.74")]  # 'Kotak Pos' unread (warned), R-004 rejected (no place)
    before = db.current_path()
    assert main(["teach", "phrase", "status", "Kotak Pos", "terbukti"]) == 0
    assert main(["teach", "phrase", "region", "Kabupaten Entah Dimana", "33.25"]) == 0
    status, preview = run_json(capsys, "rebuild", "--dry-run")
    assert (status, preview["published"], db.current_path()) == (0, None, before)  # a preview publishes nothing
    status, report = run_json(capsys, "rebuild")
    assert report["files"][0]["fields"] == preview["files"][0]["fields"]
    [entry] = report["files"]
    assert (entry["before"], entry["after"]) == (
        {"read": 4, "loaded": 3, "rejected": 1, "duplicate": 0, "warned": 2},
        {"read": 4, "loaded": 4, "rejected": 0, "duplicate": 0, "warned": 1})
    assert entry["records"] == {"changed": 1, "gone": 0, "new": 1}
    assert entry["fields"] == [{"field": "status", "changed": 1, "examples": [
        {"case_id": "R-002", "subject_no": 1, "row": 3, "before": "dilaporkan", "after": "terbukti"}]}]
    assert query() == [("R-001", "terbukti", "33.25"), ("R-002", "terbukti", "33.03"),
                       ("R-003", "diproses", "33.74"), ("R-004", "dilaporkan", "33.25")]
    assert main(["rebuild"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == f"register_jateng.csv (muatan {entry['load_id']}): tidak berubah."
    assert [line["event"] for line in json.loads(audit.entries().to_json(orient="records"))][:2] == [
        "rebuild", "rebuild"]
    assert "rebuild_preview" in set(audit.entries()["event"])


def test_the_report_says_what_changed_in_words(warehouse_dir, register, capsys):
    assert main(["load", str(register)]) == 3
    assert main(["teach", "phrase", "status", "Kotak Pos", "terbukti"]) == 0
    assert main(["teach", "phrase", "region", "Kabupaten Entah Dimana", "33.25"]) == 0
    capsys.readouterr()
    assert main(["rebuild", "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    load_id = query("select load_id from load_batches")[0][0]
    assert out[1:5] == [
        f"register_jateng.csv (muatan {load_id}): dimuat 3 → 4, ditolak 1 → 0, peringatan 2 → 1",
        "       status berubah pada 1 catatan, mis. R-002#1 baris 3: dilaporkan → terbukti",
        "       1 catatan baru (dulu ditolak, atau kini berkunci lain)",
        "Pratinjau: tidak ada yang diterbitkan (jalankan tanpa --dry-run untuk menerbitkannya).",
    ]


def test_a_changed_name_or_nip_is_counted_never_shown(warehouse_dir, register, capsys):
    assert main(["load", str(register)]) == 3
    assert main(["teach", "header", "Nama Terlapor", "abaikan"]) == 0  # the names now stay raw, unread
    status, report = run_json(capsys, "rebuild", "--dry-run")
    [names] = [found for found in report["files"][0]["fields"] if found["field"] == "subject_name"]
    assert names["changed"] == 3
    assert {(e["before"], e["after"]) for e in names["examples"]} == {("(data pribadi)", "(data pribadi)")}
    [raw] = [found for found in report["files"][0]["fields"] if found["field"] == "extra"]
    assert [(e["case_id"], e["before"], e["after"]) for e in raw["examples"]] == [
        ("R-001", None, "Nama Terlapor"), ("R-002", None, "Nama Terlapor"), ("R-003", None, "Nama Terlapor")]
    assert not {"Budi", "Siti", "Agus"} & set(json.dumps(report).replace('"', " ").split())


def test_restore_brings_back_the_generation_before_a_rebuild(warehouse_dir, register, capsys):
    assert main(["load", str(register)]) == 3
    before = db.current_path()
    assert main(["teach", "phrase", "status", "Kotak Pos", "terbukti"]) == 0
    status, report = run_json(capsys, "rebuild")
    assert query()[1] == ("R-002", "terbukti", "33.03")
    assert main(["restore", report["from_generation"]]) == 0
    assert contents(db.current_path()) == contents(before)
    assert query()[1] == ("R-002", "dilaporkan", "33.03")


def test_a_missing_or_changed_archived_file_is_refused_by_name_and_nothing_is_published(warehouse_dir, register,
                                                                                      tmp_path, capsys):
    assert main(["load", str(register)]) == 3
    (tmp_path / "kedua.csv").write_text(SECOND, encoding="utf-8")
    assert main(["load", str(tmp_path / "kedua.csv")]) == 0
    current, kept = db.current_path(), archive.archived_path(archive.digest(register))
    os.chmod(kept, 0o644)
    kept.write_text(REGISTER.replace("Budi", "Bude"), encoding="utf-8")  # someone edited the archive
    (settings.raw_dir() / archive.digest(tmp_path / "kedua.csv")).unlink()
    status, report = run_json(capsys, "rebuild")
    assert (status, report["published"], db.current_path()) == (2, None, current)
    assert [(f["file"], f["status"]) for f in report["files"]] == [("register_jateng.csv", "damaged"),
                                                                    ("kedua.csv", "missing")]
    assert "register_jateng.csv" in report["refused"][0] and "isinya berubah di arsip" in report["refused"][0]
    assert "kedua.csv" in report["refused"][1] and "tidak ada di arsip" in report["refused"][1]
    assert audit.entries()["outcome"][0] == "refused"
    assert main(["load", str(register)]) == 3  # loading the file again mends the archive, the bad copy kept aside
    assert archive.problem(archive.digest(register)) is None
    assert len(list(settings.raw_dir().glob("*.rusak-*"))) == 1


def test_a_file_that_loaded_before_but_cannot_be_used_now_refuses_the_rebuild(warehouse_dir, register, capsys):
    assert main(["load", str(register)]) == 3
    for header in ("Pemilihan", "Tanggal Kejadian", "Tanggal Laporan"):  # nothing left to give rows an election
        assert main(["teach", "header", header, "abaikan"]) == 0
    current = db.current_path()
    status, report = run_json(capsys, "rebuild")
    assert (status, report["files"][0]["status"], db.current_path()) == (2, "unusable", current)
    assert "tidak ada kolom tanggal" in report["files"][0]["reason"]
    assert report["refused"][-1].startswith("Berkas yang dulu dimuat kini tidak dapat dipakai")


def test_archived_files_the_published_generation_does_not_hold_are_named_not_brought_back(warehouse_dir, register,
                                                                                        tmp_path, capsys):
    assert main(["load", str(register)]) == 3
    first = db.generation_id(db.current_path())
    (tmp_path / "kedua.csv").write_text(SECOND, encoding="utf-8")
    assert main(["load", str(tmp_path / "kedua.csv")]) == 0
    assert main(["restore", first]) == 0  # the second load undone
    status, report = run_json(capsys, "rebuild")
    assert (status, [f["file"] for f in report["files"]]) == (0, ["register_jateng.csv"])
    assert [line["file"] for line in report["not_in_generation"]] == ["kedua.csv"]
    assert query("select count(*) from cases") == [(3,)]


def test_a_demo_generation_rebuilds_from_its_seed_and_scale(warehouse_dir, capsys):
    build_demo(seed=7, scale=0.05)
    before = db.current_path()
    status, report = run_json(capsys, "rebuild")
    assert (status, report["kind"], report["demo"]) == (0, "demo", {"seed": 7, "scale": 0.05})
    assert contents(db.current_path(), without=("loaded_at",)) == contents(before, without=("loaded_at",))
    assert {f["status"] for f in report["files"]} == {"demo"} and report["totals"]["files_changed"] == 0
    assert report["totals"]["cases_before"] == report["totals"]["cases_after"] > 0
    assert lineage(db.current_path())["source"] == "demo benih 7, skala 0.05"


def test_nothing_to_rebuild_is_a_clear_refusal(warehouse_dir, capsys):
    status, report = run_json(capsys, "rebuild")
    assert (status, report["kind"], report["files"]) == (2, "none", [])
    assert report["refused"][0].startswith("Belum ada gudang data")


def test_the_json_report_has_the_documented_shape(warehouse_dir, register, capsys):
    assert main(["load", str(register), "--election", "pilkada2024"]) == 3
    status, report = run_json(capsys, "rebuild", "--dry-run")
    assert status == 0 and set(report) == {"netra_rebuild", "dry_run", "exit_status", "kind", "rebuilt_by",
                                           "from_generation", "published", "refused", "demo", "totals", "files",
                                           "not_in_generation"}
    assert (report["netra_rebuild"], report["dry_run"], report["kind"], report["demo"]) == (1, True, "archive", None)
    assert set(report["totals"]) == {"files", "files_changed", "cases_before", "cases_after", "records_changed",
                                     "records_gone", "records_new"}
    [entry] = report["files"]
    assert set(entry) == {"file", "load_id", "sha256", "loaded_at", "loaded_by", "options", "status", "reason",
                          "before", "after", "records", "fields"}
    assert entry["options"] == {"election": "pilkada2024", "source_agency": None}
    assert set(entry["before"]) == set(entry["after"]) == {"read", "loaded", "rejected", "duplicate", "warned"}
    assert set(entry["records"]) == {"changed", "gone", "new"}
