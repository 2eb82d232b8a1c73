"""The synthetic demo warehouse: published through the real checks, deterministic, calibrated to domain.md §1.

One person-case can have a row in Bawaslu's register and one in KASN/BKN's; every published figure is measured
in the unit it was published in (tests below, one per row of demo_targets.csv).
"""

import argparse
import re

import numpy as np
import pandas as pd
import pytest

from etl import cli_demo, demo
from etl.demo.allocate import cumulative_curve
from etl.demo.calibration import INPUTS, MEASURES, SHAPES, calibration
from etl.demo.reference import election_places, load_targets
from etl.demo.violations import SANCTIONS
from etl.link.quality import pair_quality
from etl.normalize import taxonomy
from warehouse import db, vocab

SEED, SCALE = 2024, 1.0
KASN_BKN = ["kasn", "bkn"]
KEY = ["election", "source_agency", "case_id", "subject_no"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One demo warehouse at scale 1 in a temporary NETRA_DATA_DIR: summary, cases, meta, batches, regions.

    `cases` carries the true person-case (demo_truth) as person_case_id, and what the linker found as
    linked_person_case_id: the demo's structure is tested on the truth, the linker against it.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETRA_DATA_DIR", str(tmp_path_factory.mktemp("warehouse")))
        summary = demo.build_demo(seed=SEED, scale=SCALE)
        with db.connect_read_only() as con:
            cases = con.execute("select * from cases").df()
            meta = dict(con.execute("select key, value from meta").fetchall())
            batches = con.execute("select load_id, election, rows_read, rows_loaded, rows_linked from load_batches"
                                  ).df()
            regions = con.execute("select * from election_regions").df()
            reviews = con.execute("select * from link_reviews").df()
    truth = demo.demo_truth(seed=SEED, scale=SCALE)[[*KEY, "person_case_id"]]
    cases = cases.rename(columns={"person_case_id": "linked_person_case_id"}).merge(truth, on=KEY, validate="1:1")
    return {"summary": summary, "cases": cases, "meta": meta, "batches": batches, "regions": regions,
            "reviews": reviews}


@pytest.fixture(scope="module")
def cases(built):
    return built["cases"]


@pytest.fixture(scope="module")
def reference():
    return demo.load_reference()


@pytest.fixture(scope="module")
def table(cases, reference):
    """The calibration of the built warehouse: every target, published value, demo value, tolerance."""
    return calibration(cases, SCALE, ref=reference)


@pytest.fixture(scope="module")
def truth():
    return demo.demo_truth(seed=SEED, scale=SCALE)


@pytest.fixture(scope="module")
def chains(cases):
    """KASN/BKN rows beside their person's entry-register row (Bawaslu, inspektorat, Kemendagri)."""
    kasn = cases[cases.source_agency.isin(KASN_BKN)]
    entry = cases[~cases.source_agency.isin(KASN_BKN)]
    return kasn.merge(entry, on="person_case_id", suffixes=("", "_entry"))


def fingerprint(frame: pd.DataFrame) -> int:
    return int(pd.util.hash_pandas_object(frame, index=False).sum())


# --- one test per published (or estimated) figure ---------------------------------------------------------------

TARGETS = load_targets()
SHAPE = [(d, k) in SHAPES for d, k in zip(TARGETS.dimension, TARGETS.key, strict=True)]
MEASURED = TARGETS[TARGETS.dimension.isin(set(MEASURES) - INPUTS) & ~np.array(SHAPE)]


def test_every_target_is_measured_or_declared_an_input_or_a_shape(table):
    assert set(TARGETS.dimension) - set(MEASURES) - INPUTS == set()
    measured = set(zip(table.dimension, table.key, strict=True))
    assert {(r.dimension, r.key) for r in MEASURED.itertuples()} <= measured


@pytest.mark.parametrize("row", MEASURED.itertuples(), ids=lambda r: f"{r.election}-{r.dimension}-{r.key}")
def test_target_is_met_within_its_tolerance(table, row):
    hits = table[(table.dimension == row.dimension) & (table.key == row.key)
                 & ((table.election == row.election) | (row.election == "*"))]
    assert len(hits) > 0
    outside = hits[~hits.within]
    assert outside.empty, outside[["election", "published", "demo", "tolerance"]].to_dict("records")


def test_the_calibration_lists_every_published_figure_and_none_is_off(table):
    published = table[table.source != "estimate"]
    assert len(published) >= 120 and published.within.all()
    assert set(published.dimension) >= {"total", "reported_by", "bawaslu", "non_asn", "sanction_mix",
                                        "violation_type", "position_class", "province", "region", "status"}


# --- build, determinism, vocabulary ------------------------------------------------------------------------------

def test_same_seed_gives_identical_rows_and_another_seed_does_not():
    first, again = demo.demo_cases(seed=5, scale=0.3), demo.demo_cases(seed=5, scale=0.3)
    other = demo.demo_cases(seed=6, scale=0.3)
    assert fingerprint(first) == fingerprint(again)
    assert fingerprint(first) != fingerprint(other)


def test_publish_passes_the_warehouse_checks_and_marks_the_data_synthetic(built):
    meta, summary = dict(built["meta"]), built["summary"]
    lineage = {key: meta.pop(key) for key in db.LINEAGE_KEYS}
    assert meta == {"synthetic": "true", "demo_seed": str(SEED), "demo_scale": str(SCALE),
                    "schema_version": str(db.SCHEMA_VERSION), "link_sure": "10.0", "link_review": "7.0",
                    "link_window_days": "540"}
    assert lineage["made_by"] == "demo"
    assert summary["rows"] == len(built["cases"])
    assert {e: s["kasn_bkn_persons"] for e, s in summary["elections"].items()} == {
        "pilkada2020": 2034, "pemilu2024": 464, "pilkada2024": 1158}


def test_a_load_batch_per_register_counts_its_rows_and_the_rows_that_joined_a_person_case(built, chains):
    batches, cases = built["batches"].set_index("load_id"), built["cases"]
    assert (batches.rows_read == cases.groupby("load_id").size().reindex(batches.index)).all()
    entry_batches = batches[~batches.index.str.endswith(("-kasn", "-bkn"))]
    assert (entry_batches.rows_linked == 0).all()
    joined = chains.groupby("load_id").size()
    kasn_batches = batches[batches.index.str.endswith(("-kasn", "-bkn"))]
    assert (kasn_batches.rows_linked == joined.reindex(kasn_batches.index, fill_value=0)).all()
    assert set(batches.index) >= {"demo-pilkada2020-bawaslu", "demo-pilkada2020-kasn", "demo-pilkada2024-bkn"}


def test_every_value_is_in_its_vocabulary(cases):
    for column, allowed in vocab.ALLOWED_VALUES.items():
        assert set(cases[column].dropna()) <= set(allowed), column


def test_scale_two_doubles_every_published_total():
    counted = lambda rows: rows[rows.source_agency.isin(KASN_BKN)].election.value_counts().to_dict()  # noqa: E731
    assert counted(demo.demo_cases(seed=1, scale=2)) == {"pilkada2020": 4068, "pemilu2024": 928,
                                                         "pilkada2024": 2316}


# --- the chain across registers ----------------------------------------------------------------------------------

def test_bawaslu_forwards_what_kasn_bkn_receive_later_to_the_agency_that_received_it(chains):
    via_bawaslu = chains[chains.source_agency_entry == "bawaslu"]
    assert len(via_bawaslu) > 1500
    assert (via_bawaslu.status_entry == "terbukti").all()  # Bawaslu's own finding: a violation
    assert (via_bawaslu.forwarded_to_entry == via_bawaslu.source_agency).all()
    assert (via_bawaslu.decision_date_entry <= via_bawaslu.report_date).all()
    assert (via_bawaslu.incident_date == via_bawaslu.incident_date_entry).all()
    assert via_bawaslu.groupby("election").case_id_entry.nunique().to_dict() == {
        "pilkada2020": 1398, "pemilu2024": 180, "pilkada2024": 314}


def test_most_kasn_bkn_rows_repeat_the_nip_and_the_rest_spell_the_name_differently(chains):
    with_nip = chains[chains.subject_nip.notna()]
    assert (with_nip.subject_nip == with_nip.subject_nip_entry).all()
    without = chains[chains.subject_nip.isna()]
    assert 0.12 < len(without) / len(chains) < 0.18
    assert (without.subject_name != without.subject_name_entry).all()
    assert (chains.agency_name != chains.agency_name_entry).mean() == pytest.approx(0.3, abs=0.04)
    assert (chains.region_code.fillna("") == chains.region_code_entry.fillna("")).all()


def test_kasn_received_until_its_dissolution_and_bkn_after(cases, reference):
    handover = pd.Timestamp(demo.target(load_targets(), "*", "handover")["kasn_to_bkn"])
    kasn = cases[cases.source_agency == "kasn"]
    assert (kasn.report_date < handover).all()
    late = cases[cases.source_agency.isin(KASN_BKN) & (cases.report_date >= handover)]
    assert len(late) > 1000 and (late.source_agency == "bkn").all()


def test_reporting_to_kasn_keeps_growing_for_a_year_after_pilkada_2020(cases):
    kasn = cases[(cases.election == "pilkada2020") & cases.source_agency.isin(KASN_BKN)]
    after_voting = (kasn.report_date > pd.Timestamp("2020-12-19")).mean()
    assert after_voting == pytest.approx(1 - 1305 / 2034, abs=0.02)
    assert kasn.report_date.max() > pd.Timestamp("2021-09-01")
    assert (kasn.incident_date > pd.Timestamp("2020-12-09")).mean() < 0.05  # the incidents were not later


def test_village_heads_and_honorer_stay_in_bawaslu_and_go_to_the_bupati(cases):
    villagers = cases[cases.employee_type == "non_asn"]
    assert set(villagers.source_agency) == {"bawaslu"}
    assert villagers.subject_nip.isna().all() and (villagers.position_class == "lainnya").all()
    assert set(villagers.forwarded_to.dropna()) == {"lainnya"}
    assert (villagers.forwarded_to.notna() == (villagers.status == "terbukti")).all()
    assert not villagers.person_case_id.isin(cases[cases.source_agency.isin(KASN_BKN)].person_case_id).any()
    assert villagers.groupby("election").size().to_dict() == {"pilkada2020": 150, "pemilu2024": 100,
                                                              "pilkada2024": 200}


def test_bawaslu_pilkada_2024_split_is_near_the_published_one(cases):
    bawaslu = cases[(cases.election == "pilkada2024") & (cases.source_agency == "bawaslu")
                    & (cases.employee_type != "non_asn")].drop_duplicates("case_id")
    assert len(bawaslu) == 433
    assert (bawaslu.forwarded_to.isin(KASN_BKN)).sum() == 314
    assert (bawaslu.status == "tidak_terbukti").sum() == 99


def test_a_person_case_has_one_row_per_register_and_one_election(cases):
    assert not cases.duplicated(["person_case_id", "source_agency"]).any()
    assert cases.groupby("person_case_id").election.nunique().max() == 1
    assert cases.groupby("person_case_id").size().max() == 2


# --- the truth a linker is tested against -------------------------------------------------------------------------

def test_the_truth_names_every_warehouse_row_and_the_linker_finds_exactly_its_person_cases(built, cases, truth):
    assert len(cases) == len(truth) == built["summary"]["rows"]
    assert set(truth.group) == {"counted", "bawaslu_only", "non_asn"}
    quality = pair_quality(cases.linked_person_case_id, cases.person_case_id)
    assert (quality.found, quality.true, quality.both) == (2917, 2917, 2917)  # precision 1, recall 1 at scale 1
    assert cases.linked_person_case_id.nunique() == cases.person_case_id.nunique() == 4582
    assert built["reviews"].empty  # nothing left for a steward at scale 1
    assert built["summary"]["link"].linked_nip + built["summary"]["link"].linked_score == 2917
    assert not cases.linked_person_case_id.str.startswith("PC-").any()  # the true ids never reach the warehouse


def test_near_misses_share_a_name_and_agency_but_not_the_person_or_the_case(cases, truth):
    decoys = truth[truth.imitates.notna()]
    assert len(decoys) >= 50
    row = cases.set_index("person_case_id")
    lure_rows = cases[cases.source_agency.isin(KASN_BKN)].set_index("person_case_id")
    decoy, lure = row.loc[decoys.person_case_id], lure_rows.loc[decoys.imitates]
    assert (decoy.subject_name.to_numpy() == lure.subject_name.to_numpy()).all()
    assert (decoy.region_code.to_numpy() == lure.region_code.to_numpy()).all()
    assert (decoy.source_agency == "bawaslu").all() and decoy.forwarded_to.isna().all()
    assert lure.subject_nip.isna().all() and decoy.subject_nip.notna().all()
    gap = (decoy.incident_date.to_numpy() - lure.incident_date.to_numpy()) / np.timedelta64(1, "D")
    assert (np.abs(gap) > 60).all()


def test_repeat_offenders_keep_their_nip_in_another_election_and_another_person_case(cases, truth):
    repeats = truth[truth.repeat_of.notna()].drop_duplicates("person_case_id")
    assert len(repeats) > 30
    nip = cases.groupby("person_case_id").subject_nip.first()  # any register's NIP (a KASN/BKN row may have none)
    now, before = nip.reindex(repeats.person_case_id).to_numpy(), nip.reindex(repeats.repeat_of).to_numpy()
    known = pd.notna(now) & pd.notna(before)
    assert known.mean() > 0.8 and (now[known] == before[known]).all()
    elections = cases.drop_duplicates("person_case_id").set_index("person_case_id").election
    assert (elections.reindex(repeats.person_case_id).to_numpy() != elections.reindex(repeats.repeat_of).to_numpy()
            ).all()


# --- where and when ------------------------------------------------------------------------------------------------

def test_the_election_regions_table_counts_the_published_daerah(built):
    counts = built["regions"].groupby(["election", "level"]).size().to_dict()
    assert counts == {
        ("pilkada2020", "provinsi"): 9, ("pilkada2020", "kabupaten"): 224, ("pilkada2020", "kota"): 37,
        ("pilkada2024", "provinsi"): 37, ("pilkada2024", "kabupaten"): 415, ("pilkada2024", "kota"): 93,
        ("pemilu2024", "provinsi"): 38, ("pemilu2024", "kabupaten"): 416, ("pemilu2024", "kota"): 98,
    }
    pilkada2024 = built["regions"][built["regions"].election == "pilkada2024"]
    assert "34" not in set(pilkada2024.code) and not pilkada2024.code.str.startswith("31.").any()


def test_cases_fall_only_where_the_election_was_held(cases, reference):
    for election, rows in cases.groupby("election"):
        held_regions, held_provinces = election_places(reference, election)
        assert rows.region_code.dropna().isin(held_regions).all(), election
        assert rows.province_code.dropna().isin(held_provinces).all(), election
    pilkada2020 = cases[cases.election == "pilkada2020"]
    assert not pilkada2020.province_code.isin(["11", "31"]).any()  # no pilkada in Aceh or Jakarta in 2020


def test_places_are_consistent_with_their_agency_level(cases):
    central, provincial = cases[cases.agency_level == "pusat"], cases[cases.agency_level == "provinsi"]
    local = cases[cases.agency_level.isin(["kabupaten", "kota"])]
    assert len(central) > 0 and central.region_code.isna().all() and central.province_code.isna().all()
    assert len(provincial) > 0 and provincial.region_code.isna().all() and provincial.province_code.notna().all()
    assert local.region_code.notna().all()
    assert (cases[cases.position_class == "kepala_wilayah"].agency_level.isin(["kabupaten", "kota"])).all()


def test_dates_follow_each_other_and_stay_before_the_snapshot(cases, reference):
    snapshots = {"pilkada2020": "2021-12-31", "pemilu2024": "2024-06-12", "pilkada2024": "2024-12-04"}
    window = reference["elections"].set_index("election")
    assert (cases.incident_date >= pd.to_datetime(cases.election.map(window.window_start))).all()
    assert (cases.incident_date <= cases.report_date).all()
    decided = cases.status.isin(["terbukti", "tidak_terbukti", "dihentikan", "disanksi"])
    assert cases.decision_date.notna().eq(decided).all()
    assert (cases.decision_date[decided] >= cases.report_date[decided]).all()
    sanctioned = cases.status == "disanksi"
    assert cases.sanction_date.notna().eq(sanctioned).all() and cases.sanction.notna().eq(sanctioned).all()
    assert (cases.sanction_date[sanctioned] >= cases.decision_date[sanctioned]).all()
    latest = cases[["incident_date", "report_date", "decision_date", "sanction_date"]].max(axis=1)
    assert (latest <= pd.to_datetime(cases.election.map(snapshots))).all()


def test_cumulative_curve_passes_through_every_snapshot():
    points = pd.Series({"2020-02-10": 10.0, "2020-03-01": 40.0, "2020-03-31": 55.0})
    days, weights = cumulative_curve(points, np.datetime64("2020-01-01"), np.datetime64("2020-03-31"),
                                     decay_after=np.datetime64("2020-03-01"))
    running = pd.Series(np.cumsum(weights), index=days.astype(str))
    assert running[list(points.index)].round(9).tolist() == [10.0, 40.0, 55.0]
    after = weights[days > np.datetime64("2020-03-01")]
    assert after[0] > after[-1]  # the backlog drains, fast first


# --- what was done and what followed ------------------------------------------------------------------------------

def test_class_and_severity_follow_the_skb_2022_matrix_after_2021(cases, reference):
    rows = cases[cases.election != "pilkada2020"]
    candidates_set = pd.to_datetime(rows.election.map(reference["elections"].set_index("election").candidates_set))
    with_k_form = rows.violation_type.isin(["media_sosial", "kampanye", "deklarasi", "foto_simbol", "alat_peraga"])
    before = rows[with_k_form & (rows.incident_date < candidates_set) & (rows.employee_type != "non_asn")]
    assert (before.violation_class == "kode_etik").all() and before.violation_form.str.startswith("K").all()
    assert rows[rows.incident_date >= candidates_set].violation_class.dropna().isin(["disiplin", "pidana"]).all()
    assert cases.severity[cases.violation_class != "disiplin"].isna().all()
    matrix = reference["violation_types"].set_index("violation_type")
    inferred = rows[rows.severity_inferred]
    expected = np.where(inferred.incident_date >= candidates_set[inferred.index],
                        inferred.violation_type.map(matrix.severity_after_set),
                        inferred.violation_type.map(matrix.severity_before_set))
    assert len(inferred) > 0 and (inferred.severity == expected).all()
    assert set(cases[cases.violation_form == "D5"].sanction.dropna()) == {demo.PTDH}


def test_sanctions_are_worded_by_the_regime_in_force(cases):
    sanctioned = cases[(cases.status == "disanksi") & (cases.violation_class == "disiplin")
                       & (cases.violation_form != "D5")]
    for regime, rows in sanctioned.groupby("regime"):
        allowed = {text for options in SANCTIONS[regime].values() for text in options}
        rated = rows[rows.severity.notna()]
        assert set(rated.sanction) <= allowed, regime
    pilkada2020 = cases[(cases.election == "pilkada2020") & (cases.status == "disanksi")]
    assert pilkada2020.sanction.str.contains("tunjangan kinerja").sum() == 0  # a PP 94/2021 measure


def test_forms_belong_to_their_type_and_class(cases, reference):
    with_form = cases.dropna(subset=["violation_form"])
    forms = reference["violation_forms"].set_index("form")
    covered = {(form, kind) for form, kinds in taxonomy.types_of_form().items() for kind in kinds}  # D4: two types
    assert set(zip(with_form.violation_form, with_form.violation_type, strict=True)) <= covered
    assert (with_form.violation_form.map(forms.violation_class) == with_form.violation_class).all()


def test_names_nips_and_case_ids_are_fake_but_well_formed(cases):
    surname = "|".join(demo.SURNAMES)
    assert cases.subject_name.str.contains(rf"\b(?:{surname})\b", case=False).all()
    nips = cases.subject_nip.dropna()
    assert nips.str.fullmatch(r"\d{18}").all()
    assert pd.to_datetime(nips.str[:8], format="%Y%m%d", errors="coerce").notna().all()  # real birth dates
    assert nips.str[14].isin(["1", "2"]).all()  # gender digit
    assert cases.case_id.str.fullmatch(r"DEMO-(BWS|KASN|BKN|INSP|KMDN)-(2020|2024)-\d{6}").all()
    assert cases.groupby(["source_agency", "case_id"]).election.nunique().max() == 1  # unique across 2024's two
    assert (cases.groupby(["source_agency", "case_id"]).subject_no.agg(
        lambda s: sorted(s) == list(range(1, len(s) + 1)))).all()


@pytest.mark.parametrize(
    ("weights", "sizes", "expected"),
    [([1, 1], [1] * 10, [5, 5]), ([3, 1, 0], [1] * 8, [6, 2, 0]), ([1, 1], [2, 2, 1, 1, 1, 1], [4, 4])],
)
def test_spread_hits_the_shares_exactly(weights, sizes, expected):
    sizes = np.array(sizes)
    codes = demo.spread(np.random.default_rng(0), weights, sizes)
    assert np.bincount(codes, weights=sizes, minlength=len(weights)).tolist() == expected


def test_a_target_where_the_election_was_not_held_is_refused(reference):
    targets = load_targets()
    wrong = pd.DataFrame([["pilkada2020", "region", "31.71", "2", "test", ""]], columns=targets.columns)
    with pytest.raises(ValueError, match="31.71"):
        demo.demo_cases(scale=0.1, targets=pd.concat([targets, wrong], ignore_index=True), reference=reference)


def test_cli_builds_prints_the_summary_and_the_calibration(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path))
    parser = argparse.ArgumentParser()
    cli_demo.register(parser.add_subparsers())
    args = parser.parse_args(["demo", "--seed", "3", "--scale", "0.5", "--calibration"])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "Gudang data demo (sintetis) diterbitkan" in out
    assert re.search(r"pilkada2020\s+[\d,]+ baris\s+[\d,]+ orang-kasus\s+1,017 orang di KASN/BKN", out)
    assert re.search(r"pilkada2024\s+bawaslu\s+forwarded\s+okz241203\s+157\s+157", out)
    assert re.search(r"\d+ angka; 0 di luar toleransi\.", out)
    with pytest.raises(SystemExit):
        parser.parse_args(["demo", "--scale", "-1"])
    assert "tulis angka di atas nol" in capsys.readouterr().err
