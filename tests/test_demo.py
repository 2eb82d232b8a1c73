"""The synthetic demo warehouse: published through the real checks, deterministic, calibrated to domain.md §1."""

import argparse
import re

import numpy as np
import pandas as pd
import pytest

from etl import cli_demo, demo
from etl.normalize import taxonomy
from warehouse import db, vocab


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One demo warehouse at scale 1 in a temporary NETRA_DATA_DIR: (summary, cases as stored)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NETRA_DATA_DIR", str(tmp_path_factory.mktemp("warehouse")))
        summary = demo.build_demo(seed=2024, scale=1.0)
        with db.connect_read_only() as con:
            cases = con.execute("select * from cases").df()
            meta = dict(con.execute("select key, value from meta").fetchall())
            batches = con.execute("select load_id, source_file, election, rows_read, rows_loaded from load_batches "
                                  "order by load_id").fetchall()
    return summary, cases, meta, batches


@pytest.fixture(scope="module")
def reference():
    return demo.load_reference()


def fingerprint(frame: pd.DataFrame) -> int:
    return int(pd.util.hash_pandas_object(frame, index=False).sum())


def test_same_seed_gives_identical_rows_and_another_seed_does_not():
    first, again, other = demo.demo_cases(seed=5), demo.demo_cases(seed=5), demo.demo_cases(seed=6)
    assert fingerprint(first) == fingerprint(again)
    assert fingerprint(first) != fingerprint(other)


def test_publish_passes_the_warehouse_checks_and_marks_the_data_synthetic(built):
    summary, cases, meta, batches = built
    assert summary["rows"] == len(cases) == 3656
    assert meta == {"synthetic": "true", "demo_seed": "2024", "demo_scale": "1.0",
                    "schema_version": str(db.SCHEMA_VERSION)}
    assert batches == [
        ("demo-pemilu2024", "demo", "pemilu2024", 464, 464),
        ("demo-pilkada2020", "demo", "pilkada2020", 2034, 2034),
        ("demo-pilkada2024", "demo", "pilkada2024", 1158, 1158),
    ]


def test_every_value_is_in_its_vocabulary(built):
    cases = built[1]
    for column, allowed in vocab.ALLOWED_VALUES.items():
        assert set(cases[column].dropna()) <= set(allowed), column


@pytest.mark.parametrize(("election", "persons"), [("pilkada2020", 2034), ("pemilu2024", 464), ("pilkada2024", 1158)])
def test_totals_in_persons_match_the_published_counts(built, election, persons):
    assert (built[1].election == election).sum() == persons


@pytest.mark.parametrize(
    ("election", "proven_pct", "sanctioned_of_proven_pct"),
    [("pilkada2020", 78.5, 89.7), ("pemilu2024", 44.8, 62.0), ("pilkada2024", 36.9, 4.2)],
)
def test_funnel_rates_follow_the_published_funnel(built, election, proven_pct, sanctioned_of_proven_pct):
    row = built[0]["elections"][election]
    assert row["proven_pct"] == proven_pct
    assert row["sanctioned_of_proven_pct"] == sanctioned_of_proven_pct


@pytest.mark.parametrize(
    ("status", "count"),  # pantau241204: 667 menunggu verifikasi, 436 menunggu TL PPK, 24, 27+60+4, 19 (of 1,237)
    [("diproses", 624), ("terbukti", 408), ("tidak_terbukti", 22), ("dihentikan", 85), ("disanksi", 18)],
)
def test_pilkada2024_statuses_are_mostly_pending(built, status, count):
    pilkada = built[1][built[1].election == "pilkada2024"]
    assert abs((pilkada.status == status).sum() - count) <= 1


def test_pilkada2020_incidents_split_47_before_and_53_during_the_campaign(built):
    pilkada = built[1][built[1].election == "pilkada2020"]
    before = (pilkada.incident_date < pd.Timestamp("2020-09-26")).mean() * 100
    assert before == pytest.approx(47.1, abs=0.5)


@pytest.mark.parametrize(
    ("election", "violation_type", "pct"),
    [("pilkada2020", "media_sosial", 30.4), ("pilkada2020", "kegiatan_keberpihakan", 22.4),
     ("pilkada2020", "foto_simbol", 12.6), ("pilkada2020", "deklarasi", 10.9),
     ("pilkada2020", "pendekatan_parpol", 5.6), ("pemilu2024", "media_sosial", 27.1),
     ("pemilu2024", "kampanye", 12.9), ("pilkada2024", "kegiatan_keberpihakan", 26.5)],
)
def test_violation_type_shares_follow_the_category_tables(built, election, violation_type, pct):
    rows = built[1][built[1].election == election]
    assert (rows.violation_type == violation_type).mean() * 100 == pytest.approx(pct, abs=1.5)


@pytest.mark.parametrize(
    ("election", "position_class", "pct"),
    [("pilkada2020", "fungsional", 25.7), ("pilkada2020", "jpt", 22.8), ("pilkada2020", "kepala_wilayah", 11.5),
     ("pemilu2024", "kepala_wilayah", 16.7), ("pemilu2024", "administrator", 10.4),
     ("pilkada2024", "pengawas", 11.8)],
)
def test_position_shares_follow_the_published_tables(built, election, position_class, pct):
    rows = built[1][built[1].election == election]
    assert (rows.position_class == position_class).mean() * 100 == pytest.approx(pct, abs=0.5)


@pytest.mark.parametrize(
    ("election", "leading_provinces", "leading_region"),
    [("pilkada2020", {"74", "52", "33", "73", "35"}, "33.03"),  # Sultra, NTB, Jateng, Sulsel, Jatim; Purbalingga
     ("pemilu2024", {"73", "74", "33", "76", "72"}, "73.72"),  # Sulsel, Sultra, Jateng, Sulbar, Sulteng; Parepare
     ("pilkada2024", {"73"}, "73.15")],  # Sulsel; Pinrang
)
def test_leading_provinces_and_kabupaten(built, election, leading_provinces, leading_region):
    rows = built[1][built[1].election == election]
    top = rows.province_code.value_counts().index[: len(leading_provinces)]
    assert set(top) == leading_provinces
    assert rows.region_code.value_counts().index[0] == leading_region


def test_places_are_consistent_with_their_agency_level(built):
    cases = built[1]
    central, provincial = cases[cases.agency_level == "pusat"], cases[cases.agency_level == "provinsi"]
    local = cases[cases.agency_level.isin(["kabupaten", "kota"])]
    assert len(central) > 0 and central.region_code.isna().all() and central.province_code.isna().all()
    assert len(provincial) > 0 and provincial.region_code.isna().all() and provincial.province_code.notna().all()
    assert local.region_code.notna().all()
    assert (cases[cases.position_class == "kepala_wilayah"].agency_level.isin(["kabupaten", "kota"])).all()
    assert cases[cases.election == "pilkada2020"].province_code.ne("31").all()  # no pilkada in Jakarta in 2020


def test_dates_follow_each_other_and_stay_before_the_snapshot(built, reference):
    cases = built[1]
    snapshots = {"pilkada2020": "2021-12-31", "pemilu2024": "2024-06-12", "pilkada2024": "2024-12-04"}
    as_of = cases.election.map(snapshots)
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
    assert (latest <= pd.to_datetime(as_of)).all()


def test_class_and_severity_follow_the_skb_2022_matrix(built, reference):
    cases = built[1]
    candidates_set = pd.to_datetime(cases.election.map(reference["elections"].set_index("election").candidates_set))
    with_k_form = cases.violation_type.isin(["media_sosial", "kampanye", "deklarasi", "foto_simbol", "alat_peraga"])
    before = cases[with_k_form & (cases.incident_date < candidates_set)]
    assert (before.violation_class == "kode_etik").all() and before.violation_form.str.startswith("K").all()
    after = cases[cases.incident_date >= candidates_set]
    assert after.violation_class.isin(["disiplin", "pidana"]).all()
    assert cases.severity[cases.violation_class != "disiplin"].isna().all()
    matrix = reference["violation_types"].set_index("violation_type")
    inferred = cases[cases.severity_inferred]
    expected = np.where(inferred.incident_date >= candidates_set[inferred.index],
                        inferred.violation_type.map(matrix.severity_after_set),
                        inferred.violation_type.map(matrix.severity_before_set))
    assert len(inferred) > 0 and (inferred.severity == expected).all()
    assert set(cases[cases.violation_form == "D5"].sanction.dropna()) == {demo.PTDH}


def test_forms_belong_to_their_type_and_class(built, reference):
    cases = built[1].dropna(subset=["violation_form"])
    forms = reference["violation_forms"].set_index("form")
    covered = {(form, kind) for form, kinds in taxonomy.types_of_form().items() for kind in kinds}  # D4: two types
    assert set(zip(cases.violation_form, cases.violation_type, strict=True)) <= covered
    assert (cases.violation_form.map(forms.violation_class) == cases.violation_class).all()
    assert set(built[1][built[1].violation_form.isna()].violation_type) <= {
        "kampanye", "keputusan", "fasilitas_negara", "mobilisasi_asn", "lainnya"}


def test_names_nips_and_case_ids_are_fake_but_well_formed(built):
    cases = built[1]
    assert cases.subject_name.str.split().str[1].isin(demo.SURNAMES).all()
    nips = cases.subject_nip.dropna()
    assert nips.str.fullmatch(r"\d{18}").all()
    assert pd.to_datetime(nips.str[:8], format="%Y%m%d", errors="coerce").notna().all()  # real birth dates
    assert nips.str[14].isin(["1", "2"]).all()  # gender digit
    assert cases.subject_nip.isna().eq(cases.employee_type == "non_asn").all()
    assert cases.case_id.str.fullmatch(r"DEMO-(2020|2024)-\d{6}").all()
    assert cases.groupby("case_id").election.nunique().max() == 1  # ids stay unique across the two 2024 elections
    assert (cases.groupby("case_id").subject_no.agg(lambda s: sorted(s) == list(range(1, len(s) + 1)))).all()


def test_scale_two_doubles_every_total():
    once = demo.demo_cases(seed=1, scale=1).election.value_counts()
    twice = demo.demo_cases(seed=1, scale=2).election.value_counts()
    assert twice.to_dict() == (2 * once).to_dict() == {"pilkada2020": 4068, "pemilu2024": 928, "pilkada2024": 2316}


@pytest.mark.parametrize(
    ("weights", "sizes", "expected"),
    [([1, 1], [1] * 10, [5, 5]), ([3, 1, 0], [1] * 8, [6, 2, 0]), ([1, 1], [2, 2, 1, 1, 1, 1], [4, 4])],
)
def test_spread_hits_the_shares_exactly(weights, sizes, expected):
    sizes = np.array(sizes)
    codes = demo.spread(np.random.default_rng(0), weights, sizes)
    assert np.bincount(codes, weights=sizes, minlength=len(weights)).tolist() == expected


def test_cli_builds_and_prints_the_summary(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path))
    parser = argparse.ArgumentParser()
    cli_demo.register(parser.add_subparsers())
    args = parser.parse_args(["demo", "--seed", "3", "--scale", "0.5"])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "Gudang data demo (sintetis) diterbitkan" in out
    assert re.search(r"pilkada2020\s+1,017 orang", out)
    with pytest.raises(SystemExit):
        parser.parse_args(["demo", "--scale", "-1"])
    assert "tulis angka di atas nol" in capsys.readouterr().err
