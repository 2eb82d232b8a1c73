"""Boundary install: every reference code gets exactly one non-empty feature, problems are reported, reruns skip."""

import json
import shutil
from pathlib import Path

import pytest
import shapely

import settings
from geo import boundaries
from geo.__main__ import main
from geo.boundaries import KABUPATEN, LICENSE, PROVINSI, CodeReport, check_codes, install

SOURCE = settings.geo_source()
needs_source = pytest.mark.skipif(SOURCE is None or not (SOURCE / KABUPATEN).is_file(),
                                  reason="no boundary source (NETRA_GEO_SOURCE or ../shared/geo)")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(data/geo, static/geo, result) of one install from the shared source into temporary folders."""
    if SOURCE is None:
        pytest.skip("no boundary source")
    root = tmp_path_factory.mktemp("geo")
    result = install(SOURCE, root / "data", root / "static")
    return root / "data", root / "static", result


def _features_by_code(path: Path, code_key: str) -> dict[str, list[dict]]:
    by_code: dict[str, list[dict]] = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        by_code.setdefault(feature["properties"][code_key], []).append(feature)
    return by_code


@needs_source
@pytest.mark.parametrize(("name", "level", "code_key", "count"), [
    (KABUPATEN, "kabupaten", "kode", 514),
    (PROVINSI, "provinsi", "kode_prov", 38),
])
def test_every_reference_code_has_exactly_one_non_empty_published_feature(installed, name, level, code_key, count):
    _, static, result = installed
    by_code = _features_by_code(static / name, code_key)
    reference = boundaries.reference_codes(level)
    assert len(reference) == count
    assert sorted(by_code) == sorted(reference)
    for code, features in by_code.items():
        assert len(features) == 1, code
        geometry = shapely.geometry.shape(features[0]["geometry"])
        assert not geometry.is_empty and geometry.area > 0, code
    assert result.reports[level].ok() and result.reports[level].features == count


@needs_source
def test_install_publishes_the_same_bytes_and_the_licence_in_both_places(installed):
    data, static, result = installed
    for name in (KABUPATEN, PROVINSI):
        assert (data / name).read_bytes() == (static / name).read_bytes() == (SOURCE / name).read_bytes()
        assert result.sizes[name] == (SOURCE / name).stat().st_size
    assert (data / LICENSE).read_text() == (static / LICENSE).read_text() == (SOURCE / LICENSE).read_text()
    assert result.tolerances == {"kabupaten": None, "provinsi": None}  # under budget: not simplified again
    assert boundaries.manifest(data)["bounds"]["kabupaten"]["33.25"] == [109.67538, -7.19389, 110.05104, -6.86808]


@needs_source
def test_second_install_with_the_same_source_is_skipped_and_a_damaged_copy_is_repaired(installed):
    data, static, _ = installed
    assert install(SOURCE, data, static).skipped is True
    (static / KABUPATEN).write_text("{}", encoding="utf-8")
    again = install(SOURCE, data, static)
    assert again.skipped is False
    assert (static / KABUPATEN).read_bytes() == (SOURCE / KABUPATEN).read_bytes()


@needs_source
def test_codes_missing_on_either_side_are_reported(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(SOURCE, source)
    collection = json.loads((source / KABUPATEN).read_text(encoding="utf-8"))
    dropped = collection["features"].pop(0)  # 11.01 gone
    stranger = json.loads(json.dumps(collection["features"][0]))
    stranger["properties"]["kode"] = stranger["id"] = "99.99"
    twin = json.loads(json.dumps(collection["features"][5]))
    empty = collection["features"][7]
    empty["geometry"]["coordinates"] = []
    collection["features"] += [stranger, twin]
    (source / KABUPATEN).write_text(json.dumps(collection), encoding="utf-8")
    report = install(source, tmp_path / "data", tmp_path / "static").reports["kabupaten"]
    assert (report.missing, report.unknown, report.duplicated, report.empty) == (
        [dropped["properties"]["kode"]], ["99.99"], [twin["properties"]["kode"]], [empty["properties"]["kode"]])
    assert report.sentences() == [
        "1 kode kabupaten/kota tidak punya batas wilayah: 11.01; wilayah ini tidak tergambar di peta.",
        "1 batas kabupaten/kota berkode di luar daftar Kemendagri: 99.99; batas ini diabaikan.",
        f"Kode kabupaten/kota muncul lebih dari sekali: {twin['properties']['kode']}.",
        f"Batas kabupaten/kota kosong (tanpa koordinat): {empty['properties']['kode']}.",
    ]


@needs_source
def test_a_file_over_budget_is_simplified_without_gaps_and_keeps_every_code(tmp_path):
    result = install(SOURCE, tmp_path / "data", tmp_path / "static", budget=900_000)
    assert result.tolerances["kabupaten"] is not None and result.sizes[KABUPATEN] <= 900_000
    published = json.loads((tmp_path / "static" / KABUPATEN).read_text(encoding="utf-8"))
    assert check_codes(published, "kabupaten").ok()
    shapes = [shapely.geometry.shape(feature["geometry"]) for feature in published["features"]]
    assert shapely.is_valid(shapes).all() and shapely.coverage_is_valid(shapes)
    assert published["features"][0]["id"] == "11.01" and published["features"][0]["properties"]["kode"] == "11.01"


@pytest.mark.parametrize(("features", "expected"), [
    ([], CodeReport("provinsi", 0, missing=["11", "12"])),
    ([("11", [[[1.0, 1.0], [2.0, 1.0], [1.0, 2.0], [1.0, 1.0]]]), ("12", [])],
     CodeReport("provinsi", 2, empty=["12"])),
    ([("11", [[[1.0, 1.0]]]), ("11", [[[1.0, 1.0]]]), ("13", [[[1.0, 1.0]]])],
     CodeReport("provinsi", 3, missing=["12"], unknown=["13"], duplicated=["11"])),
])
def test_check_codes(features, expected):
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": code, "properties": {"kode_prov": code},
         "geometry": {"type": "Polygon", "coordinates": coordinates}} for code, coordinates in features]}
    assert check_codes(collection, "provinsi", expected=["11", "12"]) == expected


def test_feature_bounds_cover_every_part_of_a_multipolygon():
    collection = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"kode": "33.25"},
        "geometry": {"type": "MultiPolygon", "coordinates": [
            [[[110.0, -7.0], [110.5, -7.0], [110.0, -6.5], [110.0, -7.0]]],
            [[[109.0, -8.0], [109.2, -8.0], [109.0, -7.9], [109.0, -8.0]]]]}}]}
    assert boundaries.feature_bounds(collection, "kabupaten") == {"33.25": [109.0, -8.0, 110.5, -6.5]}


def test_install_without_a_source_exits_0_with_a_notice(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NETRA_GEO_DIR", str(tmp_path / "geo"))
    assert main(["install", "--source", str(tmp_path / "nowhere")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Catatan: folder batas wilayah {tmp_path / 'nowhere'} tidak ditemukan; peta memakai "
                          "gelembung per kabupaten/kota.")
    assert not (tmp_path / "geo").exists() and boundaries.installed() is False


def test_install_of_a_broken_file_exits_2_and_says_which_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NETRA_GEO_DIR", str(tmp_path / "geo"))
    source = tmp_path / "source"
    source.mkdir()
    (source / KABUPATEN).write_text("bukan json", encoding="utf-8")
    (source / PROVINSI).write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    assert main(["install", "--source", str(source)]) == 2
    assert capsys.readouterr().err.startswith(
        "Batas wilayah tidak dipasang: Berkas kabupaten_kota.geojson bukan GeoJSON yang sah (")
    assert not (tmp_path / "geo").exists()


def test_topojson_stubs_are_empty_topologies_with_the_objects_plotly_loads(tmp_path):
    written = boundaries.write_topojson_stubs(tmp_path)
    assert [path.name for path in written] == ["world_110m.json", "world_50m.json"]
    topology = json.loads((tmp_path / "world_110m.json").read_text(encoding="utf-8"))
    assert topology["type"] == "Topology" and topology["arcs"] == []
    assert sorted(topology["objects"]) == ["coastlines", "countries", "lakes", "land", "ocean", "rivers", "subunits"]
    assert boundaries.write_topojson_stubs(tmp_path) == []  # unchanged files are not rewritten
    committed = settings.STATIC_DIR / "topojson" / "world_50m.json"
    assert committed.read_text(encoding="utf-8") == (tmp_path / "world_50m.json").read_text(encoding="utf-8")
