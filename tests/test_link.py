"""The linker: one person in one case shares a person_case_id across registers (issue 12, item 1).

Rules table-driven (names, agencies, NIPs, points, person-cases, the steward file), then two registers naming
partly the same people loaded through the real loader into a real warehouse, with the exact groupings asserted,
the per-load join counts, the pair left for a steward, and decisions surviving a relink and a rebuild.
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pandas as pd
import pytest

from etl.__main__ import main
from etl.link import decisions, names, score
from etl.link.cluster import person_cases
from etl.link.decisions import DecisionError, RecordKey
from etl.link.quality import pair_quality
from tests.fixtures.link_registers import HEADER_BAWASLU, HEADER_KASN, write_all
from warehouse import audit, db

# --- names, agencies, NIPs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("written, tokens", [
    ("Budi Santoso", ("budi", "santoso")),
    ("BUDI  SANTOSO", ("budi", "santoso")),
    ("Drs. H. Agus Wibowo, M.Si", ("agus", "wibowo")),  # titles before, degrees after the comma
    ("Hj. Siti Aminah S.Pd", ("siti", "aminah")),  # a degree without the comma
    ("Dra. Sri Rahayu S. Pd.", ("sri", "rahaiu")),  # a degree written in two parts
    ("Rina, S.Pd., M.Pd.", ("rina",)),
    ("Dr. dr. Andi Baso, Sp.PD", ("andi", "baso")),
    ("Bpk. Achmad Chairul", ("ahmad", "hairul")),  # ch/kh -> h
    ("Djoko Soesilo", ("ioko", "susilo")),  # old spellings: dj -> j, oe -> u (and j, y, i agree)
    ("Joko Susilo", ("ioko", "susilo")),
    ("Jusuf", ("iusuf",)), ("Yusuf", ("iusuf",)),
    ("Muhammad Jusuf", ("muhamad", "iusuf")), ("Moh. Yusuf", ("muhamad", "iusuf")),  # short forms
    ("Imam W. Demo", ("imam", "w", "demo")),  # an initial stays
    ("Budi H. Santoso", ("budi", "h", "santoso")),  # 'H.' after the first name is an initial, not Haji
    ("Budi (Kadis) Santoso", ("budi", "santoso")),
    ("Santoso, Budi", ("santoso", "budi")),  # surname first: the word after the comma is kept
    ("Drs.", ("drs",)),  # a title alone is kept rather than leaving nothing
    (None, ()),
])
def test_a_name_is_read_without_titles_in_one_spelling(written, tokens):
    assert names.name_tokens(written) == tokens


def test_name_keys_for_blocking_survive_initials_order_and_middle_names():
    wijaya, initial = names.name_tokens("Imam Wijaya Demo"), names.name_tokens("Imam W. Demo")
    assert names.initials_key(wijaya) == names.initials_key(initial) == "imam w demo"
    assert names.outer_key(wijaya) == names.outer_key(initial) == "demo imam"
    assert names.full_key(wijaya) == "demo imam wiaia" and names.full_key(initial) == "demo imam"
    assert names.outer_key(names.name_tokens("Santoso Budi")) == names.outer_key(names.name_tokens("Budi Santoso"))
    assert names.has_initial(initial) and not names.has_initial(wijaya)


@pytest.mark.parametrize("written, key", [
    ("Pemerintah Kabupaten Batang", "kab batang"), ("Pemkab Batang", "kab batang"),
    ("PEMDA KAB. BATANG", "kab batang"), ("Kabupaten Batang", "kab batang"),
    ("Pemerintah Kota Semarang", "kota semarang"), ("Pemkot Semarang", "kota semarang"),
    ("Pemerintah Kota Administrasi Jakarta Utara", "kota jakarta utara"),
    ("Setda Provinsi Jawa Tengah", "prov jawa tengah"), ("Pemprov Jawa Tengah", "prov jawa tengah"),
    ("Dinas Pendidikan Kab. Brebes", "dinas pendidikan kab brebes"),
    ("Badan Pertanahan Nasional", "badan pertanahan nasional"), (None, ""),
])
def test_an_agency_is_read_in_one_form(written, key):
    assert names.agency_key(written) == key


NIPS = [
    ("198001012005011001", "198001012005011001"), ("19800101 200501 1 001", "198001012005011001"),
    ("19800101.200501.1.001", "198001012005011001"), ("1980010120050110", None), ("-", None), (None, None),
    ("199505172022212005", "199505172022212005"),  # a PPPK's NI: the year of appointment, then 21
    ("198002292005011001", "198002292005011001"),  # born on a leap day
    # placeholders registers write where the NIP is unknown: no birth date, or no appointment after it
    ("000000000000000000", None), ("999999999999999999", None), ("123456789012345678", None),
    ("111111111111111111", None), ("198002302005011001", None), ("198001011990011001", None),
    ("192001012005011001", None),
]


@pytest.mark.parametrize("written, nip", NIPS)
def test_a_nip_is_its_eighteen_digits_starting_with_a_birth_date(written, nip):
    assert names.nip(written) == nip


def test_the_linker_reads_each_record_s_nip_as_names_nip_does(tmp_path):
    import duckdb

    from etl.link.candidates import register_keys
    from etl.sql import statement
    from warehouse.schema import SCHEMA_SQL, migrate

    rows = pd.DataFrame({"subject_nip": [written for written, _ in NIPS], "n": range(len(NIPS))})
    with duckdb.connect(str(tmp_path / "nips.duckdb")) as con:
        con.execute(SCHEMA_SQL.read_text())
        migrate(con)
        con.register("nip_rows", rows)
        con.execute("""insert into cases (election, source_agency, case_id, subject_no, violation_type, status,
                       severity_inferred, load_id, subject_nip) select 'pilkada2024', 'bawaslu', 'C' || n, 1,
                       'lainnya', 'dilaporkan', false, 'L1', subject_nip from nip_rows""")
        register_keys(con, ("pilkada2024",))
        con.execute(statement("nip_macro"))  # as the linker does
        con.execute(statement("link_records"), {"elections": ["pilkada2024"], **names.nip_rule()})
        read = dict(con.execute("select case_id, nip from link_records").fetchall())
    assert [read[f"C{n}"] for n in range(len(NIPS))] == [nip for _, nip in NIPS]


# --- points ------------------------------------------------------------------------------------------------------

FULL = {"name_score": 100.0, "agency_score": 100.0, "incident_gap": 0, "order_gap": 20, "report_gap": np.nan,
        "same_region": 1, "same_province": 1, "same_position": 1, "same_violation": 1, "employee_clash": 0,
        "single_word": False, "unique": True}


@pytest.mark.parametrize("changes, expected", [
    ({}, 14.0),  # everything agrees: 5 + 3 + 1 + 1.5 + 1 + 1 + 0.5 + 1
    ({"incident_gap": np.nan, "order_gap": np.nan}, 10.0),  # a recap without dates: still sure, just
    ({"unique": False, "incident_gap": np.nan, "order_gap": np.nan}, 9.0),  # ... unless another candidate exists
    ({"incident_gap": 90}, 6.0),  # the same name months apart: another case, below REVIEW
    ({"incident_gap": 10, "same_position": 0}, 10.0),  # a week and a half apart, another post
    ({"name_score": 96.0}, 12.4),  # an initial: 1 + 6 * 0.4
    ({"name_score": 100.0, "single_word": True}, 12.0),  # 'Sutrisno' alone counts 0.6 of the name's points
    ({"order_gap": -30}, 9.0),  # KASN/BKN had it a month before it happened
    ({"order_gap": 700}, 9.0),  # ... or two years later
    ({"same_province": 0, "same_region": 0}, 9.0),  # another province: -4 instead of +1
    ({"employee_clash": 2}, 9.0),  # a village head (not ASN) against a civil servant
    ({"agency_score": 50.0}, 11.5),
    ({"agency_score": np.nan, "same_region": np.nan, "same_position": np.nan, "same_violation": np.nan}, 10.0),
])
def test_points_per_field_sum_to_the_score(changes, expected):
    pairs = pd.DataFrame([{**FULL, **changes}])
    assert score.points(pairs)["score"].iloc[0] == pytest.approx(expected)


def test_the_thresholds_keep_a_same_name_neighbour_months_apart_below_review():
    best_far = pd.DataFrame([{**FULL, "incident_gap": 61}])
    assert score.points(best_far)["score"].iloc[0] < score.REVIEW < score.SURE


@pytest.mark.parametrize("a, b, at_least, below", [
    ("budi santoso", "budi santoso", 100, 101),
    ("santoso budi", "budi santoso", 100, 101),  # word order
    ("budi hartono contoh", "budi hartanto contoh", 90, 100),  # a typo
    ("ioko ramadan contoh", "ioko pratama contoh", 0, score.NAME_MIN),  # another middle name: no pair
])
def test_name_similarity(a, b, at_least, below):
    [found] = score.name_scores([a], [b], [names.initials_key(tuple(a.split()))],
                                [names.initials_key(tuple(b.split()))], [False])
    assert at_least <= found < below


def test_an_initial_and_a_missing_middle_name_score_below_the_whole_name():
    initial = score.name_scores(["imam w demo"], ["imam wiaia demo"], ["imam w demo"], ["imam w demo"], [True])
    missing = score.name_scores(["budi santoso"], ["budi hartono santoso"], ["budi santoso"], ["budi h santoso"],
                                [False])
    assert initial[0] == score.INITIALS_CAP and missing[0] == score.SUBSET_CAP


# --- person-cases from pairs -------------------------------------------------------------------------------------

BAWASLU, KASN, BKN = 0, 1, 1  # BKN is KASN's hand (the caller passes families)


def clusters(registers, edges, nips=None, confirms=(), splits=()):
    nips = np.full(len(registers), -1) if nips is None else np.array(nips)
    found = person_cases(np.array(registers), nips, list(confirms), np.array(edges, dtype=np.int64).reshape(-1, 2),
                         list(splits))
    return found.labels.tolist(), found


def test_a_lone_pair_joins_and_a_record_takes_the_strongest_of_two():
    # record 2 (KASN) is the first choice of 0 and 1 (Bawaslu): the strongest edge (listed first) wins
    labels, found = clusters([BAWASLU, BAWASLU, KASN, BAWASLU, KASN], [(0, 2), (1, 2), (3, 4)])
    assert labels == [0, 1, 0, 3, 3]
    assert found.joined.tolist() == [True, False, True]


def test_never_two_nips_in_one_person_case_even_through_a_record_without_one():
    # 0 and 2 have different NIPs; 1 (no NIP) pairs with both: only the stronger joins
    labels, _ = clusters([BAWASLU, KASN, 3], [(0, 1), (1, 2)], nips=[11, -1, 22])
    assert labels == [0, 0, 2]


def test_a_split_keeps_apart_what_a_chain_would_join_and_a_confirm_joins_what_no_score_did():
    labels, _ = clusters([BAWASLU, KASN, 3], [(0, 1), (1, 2)], splits=[(0, 2)])
    assert labels == [0, 0, 2]
    labels, found = clusters([BAWASLU, BAWASLU, KASN], [], confirms=[(0, 1)])  # even one register twice
    assert labels == [0, 0, 2] and found.confirmed == [True]
    labels, found = clusters([BAWASLU, KASN], [], confirms=[(0, 1)], splits=[(0, 1)])
    assert labels == [0, 1] and found.confirmed == [False]  # a confirm against a split is not applied


def test_a_lone_pair_of_one_register_is_never_joined_automatically():
    labels, found = clusters([KASN, BKN], [(0, 1)])
    assert labels == [0, 1] and found.joined.tolist() == [False]


# --- the steward file --------------------------------------------------------------------------------------------

def test_record_keys_print_and_parse_even_with_colons_and_hashes_in_the_case_number():
    key = RecordKey("pilkada2024", "bawaslu", "001/LP:PW#14", 2)
    assert str(key) == "pilkada2024:bawaslu:001/LP:PW#14#2"
    assert RecordKey.parse(str(key)) == key


@pytest.mark.parametrize("text, says", [
    ("pilkada2024:bawaslu:001", "bukan kunci catatan"),
    ("pilkada2030:bawaslu:001#1", "pemilihan 'pilkada2030' tidak dikenal"),
    ("pilkada2024:polisi:001#1", "lembaga 'polisi' tidak dikenal"),
])
def test_a_wrong_record_key_says_what_is_wrong(text, says):
    with pytest.raises(DecisionError, match=says):
        RecordKey.parse(text)


def test_decisions_append_and_the_latest_about_a_pair_wins(warehouse_dir):
    a, b = RecordKey.parse("pemilu2024:bawaslu:1#1"), RecordKey.parse("pemilu2024:kasn:K#1")
    decisions.record("confirm", a, b, "siti", "cek SIASN")
    decisions.record("split", b, a, "andi")  # the same pair written the other way round
    history = decisions.history()
    assert [(d.decision, d.decided_by, d.note) for d in history] == [("confirm", "siti", "cek SIASN"),
                                                                     ("split", "andi", "")]
    assert [d.decision for d in decisions.in_force(history)] == ["split"]
    with pytest.raises(DecisionError, match="pemilihan berbeda"):
        decisions.record("confirm", a, RecordKey.parse("pilkada2024:kasn:K#1"), "siti")
    assert len(decisions.history()) == 2  # nothing written for a refused decision


def test_pair_quality_counts_pairs():
    quality = pair_quality(pd.Series(["x", "x", "x", "y"]), pd.Series([1, 1, 2, 2]))
    assert (quality.found, quality.true, quality.both) == (3, 2, 1)
    assert (quality.precision, quality.recall) == (pytest.approx(1 / 3), 0.5)


# --- two registers through the real loader -----------------------------------------------------------------------

EXPECTED = {  # the person-cases: (election, register, name as written) of each
    frozenset({("pilkada2024", "bawaslu", "Budi Santoso"), ("pilkada2024", "kasn", "BUDI SANTOSO")}),  # NIP
    frozenset({("pilkada2024", "bawaslu", "Drs. H. Agus Wibowo, M.Si"),
               ("pilkada2024", "kasn", "Agus Wibowo")}),  # no NIP: scored above SURE
    frozenset({("pilkada2024", "bawaslu", "Siti Aminah"), ("pilkada2024", "kasn", "Siti Aminah, S.Pd.")}),
    frozenset({("pilkada2024", "bawaslu", "Dewi Lestari")}),  # the same name with two NIPs: two people
    frozenset({("pilkada2024", "kasn", "Dewi Lestari")}),
    frozenset({("pilkada2024", "bawaslu", "Joko Susilo")}),  # pending: between REVIEW and SURE
    frozenset({("pilkada2024", "kasn", "Djoko Susilo")}),
    frozenset({("pilkada2024", "bawaslu", "Hasan Basri")}),  # the same name three months apart: below REVIEW
    frozenset({("pilkada2024", "kasn", "Hasan Basri")}),
    frozenset({("pilkada2024", "bawaslu", "Rina Marlina")}),
    frozenset({("pilkada2024", "kasn", "Wahyu Pratama")}),
    frozenset({("pemilu2024", "bawaslu", "Budi Santoso")}),  # B1's NIP in another election: never linked
}
JOKO = "pilkada2024:bawaslu:005/LP/PW/14/X/2024#1"
AGUS = "pilkada2024:bawaslu:002/LP/PW/14/IX/2024#1"
DEWI = "pilkada2024:bawaslu:004/TM/PW/14/X/2024#1"
BUDI = "pilkada2024:bawaslu:001/LP/PW/14/IX/2024#1"
BUDI_2024 = "pemilu2024:bawaslu:010/LP/PL/14/I/2024#1"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return write_all(tmp_path_factory.mktemp("link_registers"))


def load_all(load_register, files, order=("bawaslu_jateng.csv", "kasn_rekap.csv", "bawaslu_pemilu.csv")):
    options = {"bawaslu_jateng.csv": ("pilkada2024", "bawaslu"), "kasn_rekap.csv": ("pilkada2024", "kasn"),
               "bawaslu_pemilu.csv": ("pemilu2024", "bawaslu")}
    results = {}
    for name in order:
        election, agency = options[name]
        [results[name]] = load_register(files[name], election=election, source_agency=agency)
    return results


def query(sql: str, params=None) -> pd.DataFrame:
    with db.connect_read_only() as con:
        return con.execute(sql, params or {}).df()


def groups() -> set[frozenset]:
    cases = query("select election, source_agency, subject_name, person_case_id from cases")
    return {frozenset(zip(g.election, g.source_agency, g.subject_name, strict=True))
            for _, g in cases.groupby("person_case_id")}


def key_of(agency: str, name: str) -> str:
    row = query("select election, source_agency, case_id, subject_no from cases where source_agency = $a and "
                "subject_name = $n", {"a": agency, "n": name}).iloc[0]
    return str(RecordKey(row.election, row.source_agency, row.case_id, int(row.subject_no)))


def test_two_registers_link_into_exactly_the_people_they_name(warehouse_dir, files, load_register):
    results = load_all(load_register, files)
    assert groups() == EXPECTED
    assert query("select count(distinct person_case_id) as n from cases").n[0] == 12  # 15 records, 12 persons
    # per load: how many records joined a person-case that existed before
    assert {name: r.rows_linked for name, r in results.items()} == {
        "bawaslu_jateng.csv": 0, "kasn_rekap.csv": 3, "bawaslu_pemilu.csv": 0}
    batches = query("select source_file, rows_linked from load_batches order by loaded_at")
    assert batches.values.tolist() == [["bawaslu_jateng.csv", 0], ["kasn_rekap.csv", 3],
                                       ["bawaslu_pemilu.csv", 0]]
    assert "3 bergabung dengan kasus yang sudah ada" in results["kasn_rekap.csv"].summary()
    assert query("select count(*) as n from cases group by person_case_id having count(distinct election) > 1"
                 ).empty


def test_the_pair_between_the_thresholds_waits_for_a_steward_and_nothing_else_does(warehouse_dir, files,
                                                                                  load_register):
    results = load_all(load_register, files)
    reviews = query("select * from link_reviews")
    assert reviews[["record_a", "record_b"]].values.tolist() == [[JOKO, key_of("kasn", "Djoko Susilo")]]
    assert score.REVIEW <= reviews.score[0] < score.SURE
    assert json.loads(reviews.points[0])["position"] == -2.0  # 'Lurah' against 'Staf Kelurahan'
    assert results["kasn_rekap.csv"].link_pending == 1
    assert "1 pasangan catatan menunggu keputusan" in results["kasn_rekap.csv"].summary()


def test_the_load_order_changes_no_person_case_and_no_id(warehouse_dir, tmp_path, files, load_register):
    load_all(load_register, files)
    first = query("select election, source_agency, subject_name, person_case_id from cases order by all")
    other = tmp_path / "reversed"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETRA_DATA_DIR", str(other))
        results = load_all(load_register, files, order=("bawaslu_pemilu.csv", "kasn_rekap.csv",
                                                        "bawaslu_jateng.csv"))
        again = query("select election, source_agency, subject_name, person_case_id from cases order by all")
    pd.testing.assert_frame_equal(first, again)
    assert results["bawaslu_jateng.csv"].rows_linked == 3  # now the Bawaslu records are the ones that join


def test_the_steward_lists_decides_and_the_decisions_survive_a_relink_and_a_rebuild(
        warehouse_dir, files, load_register, capsys):
    load_all(load_register, files)
    djoko, agus_kasn = key_of("kasn", "Djoko Susilo"), key_of("kasn", "Agus Wibowo")
    assert main(["links"]) == 0
    listing = capsys.readouterr().out
    assert "1 pasangan menunggu keputusan" in listing and "Djoko Susilo" in listing and JOKO in listing
    assert f"python -m etl links confirm '{JOKO}' '{djoko}'" in listing
    assert main(["links", "confirm", JOKO, djoko, "--by", "siti", "--note", "Lurah = staf kelurahan"]) == 0
    assert main(["links", "split", AGUS, agus_kasn, "--by", "andi"]) == 0
    capsys.readouterr()
    decided = (EXPECTED - {frozenset({("pilkada2024", "bawaslu", "Joko Susilo")}),
                           frozenset({("pilkada2024", "kasn", "Djoko Susilo")}),
                           frozenset({("pilkada2024", "bawaslu", "Drs. H. Agus Wibowo, M.Si"),
                                      ("pilkada2024", "kasn", "Agus Wibowo")})}
               | {frozenset({("pilkada2024", "bawaslu", "Joko Susilo"), ("pilkada2024", "kasn", "Djoko Susilo")}),
                  frozenset({("pilkada2024", "bawaslu", "Drs. H. Agus Wibowo, M.Si")}),
                  frozenset({("pilkada2024", "kasn", "Agus Wibowo")})})
    assert groups() == decided and query("select * from link_reviews").empty
    outcomes = query("select decision, decided_by, note, in_force, outcome from link_decisions order by decided_at")
    assert outcomes.values.tolist() == [["confirm", "siti", "Lurah = staf kelurahan", True, "applied"],
                                        ["split", "andi", "", True, "applied"]]
    events = audit.entries()
    assert events[events.event == "link_decision"].user.tolist() == ["andi", "siti"]  # newest first
    # a relink, then a rebuild from the registers alone (the warehouse gone, the steward file kept)
    assert main(["links", "relink"]) == 0
    assert groups() == decided
    shutil.rmtree(warehouse_dir / "audit")
    for generation in warehouse_dir.glob("netra-*.duckdb"):
        generation.unlink()
    (warehouse_dir / db.CURRENT).unlink()
    load_all(load_register, files, order=("kasn_rekap.csv", "bawaslu_pemilu.csv", "bawaslu_jateng.csv"))
    assert groups() == decided


def test_decisions_the_records_contradict_need_force_and_no_election_is_crossed(warehouse_dir, files,
                                                                                load_register, capsys):
    load_all(load_register, files)
    dewi_kasn, budi_kasn = key_of("kasn", "Dewi Lestari"), key_of("kasn", "BUDI SANTOSO")
    assert main(["links", "confirm", DEWI, dewi_kasn]) == 2  # two NIPs
    assert "NIP berbeda" in capsys.readouterr().out
    assert main(["links", "split", BUDI, budi_kasn]) == 2  # one NIP
    assert "ber-NIP sama" in capsys.readouterr().out
    assert main(["links", "confirm", BUDI, BUDI_2024]) == 2
    assert "pemilihan berbeda" in capsys.readouterr().out
    assert main(["links", "confirm", BUDI, "pilkada2024:kasn:TIDAK-ADA#1"]) == 2
    assert "tidak ada di gudang data" in capsys.readouterr().out
    assert decisions.history() == []  # nothing refused was kept
    assert main(["links", "confirm", DEWI, dewi_kasn, "--force", "--json"]) == 0  # a NIP written wrongly
    answer = json.loads(capsys.readouterr().out)
    assert (answer["ok"], answer["decision"], answer["pending"]) == (True, "confirm", 1)
    dewi = frozenset({("pilkada2024", "bawaslu", "Dewi Lestari"), ("pilkada2024", "kasn", "Dewi Lestari")})
    assert dewi in groups()


def test_a_recommendation_list_with_names_and_agencies_alone_still_links(warehouse_dir, files, load_register):
    load_register(files["bawaslu_jateng.csv"], election="pilkada2024", source_agency="bawaslu")
    [result] = load_register(files["kasn_rekomendasi.csv"], election="pilkada2024", source_agency="kasn")
    # the place comes from the agency, the date is the recommendation's: name, agency, place, post and type
    assert result.rows_linked == 3 and result.link_pending == 0
    joined = {group for group in groups() if len(group) > 1}
    assert joined == {
        frozenset({("pilkada2024", "bawaslu", "Budi Santoso"), ("pilkada2024", "kasn", "BUDI SANTOSO")}),
        frozenset({("pilkada2024", "bawaslu", "Drs. H. Agus Wibowo, M.Si"),
                   ("pilkada2024", "kasn", "Drs. AGUS WIBOWO")}),
        frozenset({("pilkada2024", "bawaslu", "Siti Aminah"), ("pilkada2024", "kasn", "Siti Aminah, S.Pd.")}),
    }
    assert query("select count(distinct person_case_id) as n from cases").n[0] == 8  # 11 records, 8 persons


def test_a_kasn_and_a_bkn_record_of_one_nip_are_listed_not_joined(warehouse_dir, files, load_register, tmp_path):
    # KASN's cases went to BKN at its dissolution: the same hand twice, so a steward says whether it is one case
    bkn = tmp_path / "bkn.csv"
    bkn.write_text(files["kasn_rekap.csv"].read_text(encoding="utf-8").splitlines()[0] + "\n"
                   "1;Budi Santoso;198001012005011001;Kepala Dinas;Pemkab Batang;Batang;05/09/2024;02/09/2024;"
                   "Media sosial;Terbukti melanggar\n", encoding="utf-8")
    load_register(files["kasn_rekap.csv"], election="pilkada2024", source_agency="kasn")
    [result] = load_register(bkn, election="pilkada2024", source_agency="bkn")
    assert result.rows_linked == 0 and result.link_pending == 1
    [pair] = query("select record_a, record_b, nip_match from link_reviews").values.tolist()
    assert (pair[0].split(":")[1], pair[1].split(":")[1], pair[2]) == ("bkn", "kasn", True)


def test_a_confirm_and_a_split_survive_etl_rebuild(warehouse_dir, files, load_register, capsys):
    load_all(load_register, files)
    djoko, agus_kasn = key_of("kasn", "Djoko Susilo"), key_of("kasn", "Agus Wibowo")
    assert main(["links", "confirm", JOKO, djoko]) == 0 and main(["links", "split", AGUS, agus_kasn]) == 0
    decided, ids = groups(), query("select case_id, subject_no, person_case_id from cases order by all")
    assert main(["rebuild"]) == 0  # every load replayed from the raw archive, linked again as it was loaded
    capsys.readouterr()
    assert groups() == decided
    pd.testing.assert_frame_equal(query("select case_id, subject_no, person_case_id from cases order by all"), ids)
    assert query("select count(*) as n from link_reviews").n[0] == 0


def test_a_placeholder_nip_links_nobody_and_one_nip_under_two_names_goes_to_a_steward(warehouse_dir,
                                                                                       load_register, tmp_path):
    # registers fill the NIP column with a placeholder where they do not know it: many people share it
    bawaslu, kasn = tmp_path / "bawaslu.csv", tmp_path / "kasn.csv"
    bawaslu.write_text("\n".join([
        HEADER_BAWASLU,
        "101/LP/PW/14/IX/2024;05/09/2024;07/09/2024;Kab. Batang;Jawa Tengah;\"Bambang Pamungkas; Tri Wulandari\";"
        "\"000000000000000000; 000000000000000000\";Guru;Dinas Pendidikan Kab. Batang;Foto dengan calon;"
        "Pelanggaran, diteruskan ke KASN",  # two people of one case under one placeholder: two records
        "102/LP/PW/14/IX/2024;06/09/2024;08/09/2024;Kab. Batang;Jawa Tengah;Yudi Hermawan;198001012005011001;"
        "Camat;Pemkab Batang;Hadir dalam kampanye;Pelanggaran, diteruskan ke KASN",
    ]) + "\n", encoding="utf-8")
    kasn.write_text("\n".join([
        HEADER_KASN,
        "1;Slamet Riyadi;000000000000000000;Guru;Dinas Pendidikan Kab. Batang;Batang;05/09/2024;20/09/2024;"
        "Foto bersama calon;Terbukti melanggar",  # another person under the same placeholder
        "2;Wahyu Hidayat;198001012005011001;Camat;Pemkab Batang;Batang;06/09/2024;21/09/2024;Kampanye;"
        "Terbukti melanggar",  # Yudi's NIP under another name: a typo or a reused number, for a steward
    ]) + "\n", encoding="utf-8")
    [first] = load_register(bawaslu, election="pilkada2024", source_agency="bawaslu")
    assert [(note["value"], note["count"]) for note in first.notes if note["column"] == "subject_nip"] == [
        ("000000000000000000", 2)]  # the report says it once, with how many records wrote it
    [result] = load_register(kasn, election="pilkada2024", source_agency="kasn")
    people = query("select subject_name, person_case_id from cases order by subject_name")
    assert people.subject_name.tolist() == ["Bambang Pamungkas", "Slamet Riyadi", "Tri Wulandari", "Wahyu Hidayat",
                                            "Yudi Hermawan"]
    assert people.person_case_id.nunique() == 5  # five people, none joined
    assert result.rows_linked == 0 and result.link_pending == 1
    [pair] = query("select record_a, record_b, nip_match from link_reviews").values.tolist()
    assert pair[2] and {pair[0].split(":")[1], pair[1].split(":")[1]} == {"bawaslu", "kasn"}
