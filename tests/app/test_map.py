"""Peta on the fixture warehouse: the figure's locations and values, drill-down, map-click filter, bubble fallback.

Fixture cases per kabupaten/kota: Batang 33.25 (3, all proven), Purbalingga 33.03 (1), Semarang 33.74 (1),
Parepare 73.72 (2, one proven), Palopo 73.73 (1 proven), Wakatobi 74.07 (2, one proven); one provincial case in
73 without a kabupaten/kota and one central case without a province.
"""

import json

import pytest

import settings
from geo import boundaries

PETA = "pages/regional_map.py"
KAB_COUNTS = {"33.03": 1, "33.25": 3, "33.74": 1, "73.72": 2, "73.73": 1, "74.07": 2}


@pytest.fixture
def geo_installed(tmp_path_factory, monkeypatch):
    """Boundaries installed from the shared source into temporary folders (data/geo and static/geo)."""
    source = settings.geo_source()
    if source is None:
        pytest.skip("no boundary source (NETRA_GEO_SOURCE or ../shared/geo)")
    root = tmp_path_factory.mktemp("geo")
    boundaries.install(source, root / "data", root / "static" / "geo")
    monkeypatch.setenv("NETRA_GEO_DIR", str(root / "data"))
    monkeypatch.setattr(settings, "STATIC_DIR", root / "static")
    return root


def map_spec(at) -> dict:
    """The plotly figure of the Peta map (the page's only chart)."""
    (chart,) = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


def values(spec: dict) -> dict[str, float]:
    """location -> colour class of the coloured trace, non-zero ones only."""
    trace = spec["data"][0]
    return {code: z for code, z in zip(trace["locations"], trace["z"], strict=True) if z}


def legend(spec: dict) -> list[str]:
    """The names of the map's legend entries (its colour classes, then 'no election here')."""
    return [trace["name"] for trace in spec["data"] if trace.get("showlegend")]


def click(at, code: str):
    """Inject a click on one polygon, as the browser would report it, and rerun."""
    at.session_state["peta_map"] = {"selection": {"points": [{"location": code}], "point_indices": [],
                                                  "box": [], "lasso": []}}
    return at.run()


def test_kabupaten_map_has_all_514_regions_with_the_fixture_counts(geo_installed, make_app):
    at = make_app(page=PETA)
    spec = map_spec(at)
    trace, *_ = spec["data"]
    assert (trace["type"], len(trace["locations"]), trace["geojson"]) == (
        "choropleth", 514, "app/static/geo/kabupaten_kota.geojson")
    assert {code: row[0] for code, row in zip(trace["locations"], trace["customdata"], strict=True) if row[0]} \
        == KAB_COUNTS
    assert values(spec) == KAB_COUNTS  # few distinct counts: one class each ('0', '1', '2', '3')
    assert legend(spec) == ["0", "1", "2", "3"]
    assert spec["layout"]["geo"]["visible"] is False and spec["layout"]["geo"]["fitbounds"] == "locations"
    table = at.dataframe[0].value
    assert table.head(3)[["Wilayah", "Kasus", "Terbukti"]].to_dict("list") == {
        "Wilayah": ["Kabupaten Batang", "Kabupaten Wakatobi", "Kota Parepare"], "Kasus": [3, 2, 2],
        "Terbukti": [3, 1, 1]}
    captions = [caption.value for caption in at.caption]
    assert "2 kasus tidak tergambar di peta ini karena tidak tercatat di kabupaten/kota mana pun (misalnya " \
           "instansi pusat atau provinsi)." in captions
    assert any(caption.startswith("Batas wilayah: cahyadsn/wilayah_boundaries (MIT") for caption in captions)


def test_province_rate_per_100k_pns(geo_installed, make_app):
    at = make_app(page=PETA)
    at.button_group(key="peta_metric").set_value("rate").run()  # a province-only measure: the level follows
    assert at.session_state["peta_level"] == "provinsi"
    spec = map_spec(at)
    assert spec["data"][0]["geojson"] == "app/static/geo/provinsi.geojson"
    assert len(spec["data"][0]["locations"]) == 38
    assert values(spec) == {"33": 1, "73": 2, "74": 3}  # 5/336,097, 4/178,741, 2/80,337 per 100k
    assert legend(spec) == ["0,0", "1,5", "1,6–2,2", "2,3–2,5"]
    notes = [caption.value for caption in at.caption]
    assert any(note.startswith("Laju per 100 ribu PNS hanya tersedia per provinsi") for note in notes)


def test_clicking_a_kabupaten_sets_the_shared_filter_and_other_pages_follow(geo_installed, make_app):
    at = click(make_app(page=PETA), "33.25")
    assert at.session_state["kab"] == ["33.25"]
    assert at.query_params["kab"] == "33.25"  # the link reproduces the view
    spec = map_spec(at)
    assert len(spec["data"][0]["locations"]) == 35  # zoomed to Jawa Tengah, every region still coloured
    outlined = [code for code, width in zip(spec["data"][0]["locations"], spec["data"][0]["marker"]["line"]["width"],
                                            strict=True) if width > 1]
    assert outlined == ["33.25"]
    at.switch_page("pages/overview.py").run()
    assert at.metric[0].value == "3"  # Ringkasan now counts Batang only


def test_clicking_a_province_drills_down_and_back_returns_to_indonesia(geo_installed, make_app):
    at = make_app(page=PETA)
    at.button_group(key="peta_level").set_value("provinsi").run()
    assert len(map_spec(at)["data"][0]["locations"]) == 38
    click(at, "73")
    assert (at.session_state["peta_level"], at.session_state["peta_focus"]) == ("kabupaten", "73")
    spec = map_spec(at)
    assert len(spec["data"][0]["locations"]) == 24 and set(spec["data"][0]["locations"]) >= {"73.72", "73.73"}
    assert at.caption[0].value == "Diperbesar ke Sulawesi Selatan."
    at.button[0].click().run()  # Kembali ke seluruh Indonesia
    assert len(map_spec(at)["data"][0]["locations"]) == 514
    assert "peta_focus" not in at.session_state and at.session_state["kab"] == []


def test_change_compares_the_chosen_month_with_the_one_before(geo_installed, make_app):
    at = make_app(page=PETA, query={"tgl": ["2024-10-01", "2024-10-31"]})
    at.button_group(key="peta_metric").set_value("change").run()
    captions = [caption.value for caption in at.caption]
    assert "Perubahan: 01-10-2024 s.d. 31-10-2024 dibanding 31-08-2024 s.d. 30-09-2024 (tanggal kejadian)." \
        in captions
    assert any(caption.startswith("Aturan angka kecil: bila kedua periode sama-sama di bawah 5 kasus") for caption
               in captions)
    table = at.dataframe[0].value.set_index("Wilayah")["Perubahan"]
    assert (table["Kabupaten Batang"], table["Kota Parepare"]) == ("-2 (kasus sedikit)", "+2 (kasus sedikit)")
    grey, *_ = map_spec(at)["data"]  # every region below the small-number threshold: all grey, none coloured
    assert grey["showscale"] is False and len(grey["locations"]) == 514


def test_english_hover_shows_the_change_only_with_the_change_measure(geo_installed, make_app):
    at = make_app(page=PETA, lang="en")
    hover = map_spec(at)["data"][0]["hovertemplate"]
    assert hover == ("<b>%{properties.nama}</b><br>%{properties.nama_prov}<br>Cases: %{customdata[0]:,}<br>"
                     "Proven: %{customdata[1]:,} (%{customdata[2]})<extra></extra>")
    at.button_group(key="peta_metric").set_value("change").run()
    assert map_spec(at)["data"][0]["hovertemplate"].endswith("<br>Change: %{customdata[3]}<extra></extra>")


def test_bubble_map_when_boundaries_are_absent(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("NETRA_GEO_DIR", str(tmp_path / "empty"))
    at = make_app(page=PETA)
    assert at.warning[-1].value.startswith("Batas wilayah belum terpasang, jadi peta memakai titik tengah")
    bubbles, *_ = map_spec(at)["data"]
    assert (bubbles["type"], len(bubbles["customdata"])) == ("scattergeo", 514)
    counts = {row[0]: row[1] for row in bubbles["customdata"] if row[1]}
    assert counts == KAB_COUNTS
    click(at, "73.72")  # a bubble click reports the code first in customdata; a location works the same
    assert at.session_state["kab"] == ["73.72"]


def test_no_cases_shows_the_empty_state(make_app):
    at = make_app(page=PETA, query={"el": "pilkada2020"})
    assert at.info[0].value.startswith("Tidak ada kasus untuk filter ini.")
    assert at.get("plotly_chart") == []



def test_the_ranked_table_sits_under_the_map_with_whole_names(geo_installed, make_app):
    at = make_app(page=PETA)
    columns = json.loads(at.dataframe[0].proto.columns)
    shown = at.dataframe[0].value
    assert shown["Provinsi"].str.len().max() > 20  # e.g. 'Daerah Khusus Ibukota Jakarta' whole
    for name in ("Wilayah", "Provinsi"):  # as wide as the longest name, so the numbers beside stay on screen
        longest = shown[name].str.len().max()
        assert longest * 7 < columns[name]["width"] <= min(400, longest * 8 + 24), (name, columns[name])
    assert not any(caption.value.endswith("tidak ada pemilihannya).") for caption in at.caption)  # all held
