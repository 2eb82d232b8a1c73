"""Map builders: metric values, the low-count change rule, figure traces and hover, ranking, clicks, export."""

import math

import pandas as pd
import pytest

from geo import boundaries
from ui.figures import maps
from ui.views import map_numbers

REGIONS = pd.DataFrame({  # a slice of cases_by_region: two kabupaten/kota in Jawa Tengah, one in Sulawesi Selatan
    "code": ["33.25", "33.74", "73.72"],
    "name": ["Kabupaten Batang", "Kota Semarang", "Kota Parepare"],
    "province_code": ["33", "33", "73"],
    "province_name": ["Jawa Tengah", "Jawa Tengah", "Sulawesi Selatan"],
    "lat": [-7.0, -7.0, -4.0],
    "lon": [109.9, 110.4, 119.6],
    "reported": [12, 0, 3],
    "proven": [3, 0, 3],
})


def counts(*reported):
    """A recent or previous period frame for REGIONS."""
    return REGIONS.assign(reported=list(reported))


@pytest.mark.parametrize(("now", "before", "kind", "pct", "text_id", "text_en"), [
    (3, 1, "low", None, "+2 (kasus sedikit)", "+2 (few cases)"),  # the 1 -> 3 jump is not +200%
    (0, 0, "low", None, "0 (kasus sedikit)", "0 (few cases)"),
    (7, 0, "new", None, "+7 (baru)", "+7 (new)"),
    (15, 10, "pct", 50.0, "+5 (+50,0%)", "+5 (+50.0%)"),
    (1, 6, "pct", -83.33333333333334, "-5 (-83,3%)", "-5 (-83.3%)"),
    (4, 5, "pct", -20.0, "-1 (-20,0%)", "-1 (-20.0%)"),  # one period at the threshold: a percentage
])
def test_change_rule(now, before, kind, pct, text_id, text_en):
    frame = map_numbers.region_metrics(REGIONS.head(1), counts(now, 0, 0).head(1), counts(before, 0, 0).head(1))
    row = frame.iloc[0]
    assert (row["recent"], row["previous"], row["change_abs"], row["change_kind"]) == (
        now, before, now - before, kind)
    assert row["change_pct"] == pct if pct is not None else math.isnan(row["change_pct"])
    assert (map_numbers.change_text(row, "id"), map_numbers.change_text(row, "en")) == (text_id, text_en)


def test_metric_values_share_rate_and_capped_change():
    provinces = REGIONS.assign(pns_count=[200_000, 0, 50_000])
    frame = map_numbers.region_metrics(provinces, counts(40, 0, 9), counts(10, 0, 3))
    assert map_numbers.metric_values(frame, "count").tolist() == [12.0, 0.0, 3.0]
    share = map_numbers.metric_values(frame, "proven_share")
    assert share.iloc[0] == 25.0 and math.isnan(share.iloc[1]) and share.iloc[2] == 100.0
    rate = map_numbers.metric_values(frame, "rate")
    assert rate.iloc[0] == 6.0 and math.isnan(rate.iloc[1]) and rate.iloc[2] == 6.0  # no headcount: no rate
    change = map_numbers.metric_values(frame, "change")
    assert change.iloc[0] == 100.0 and math.isnan(change.iloc[1]) and change.iloc[2] == 100.0  # +300% capped


def test_region_map_draws_values_and_greys_no_value_regions_on_purpose():
    frame = map_numbers.region_metrics(REGIONS)
    fig = maps.region_map(frame, "proven_share", "id", selected=("33.25",))
    coloured, grey, *legend = fig.data
    assert (list(coloured.locations), list(coloured.z)) == (["33.25", "73.72"], [1, 4])  # classes 20–40%, 80–100%
    assert [entry.name for entry in legend] == ["0–20%", "20–40%", "40–60%", "60–80%", "80–100%"]
    assert (list(grey.locations), grey.showscale) == (["33.74"], False)
    assert coloured.geojson == "app/static/geo/kabupaten_kota.geojson" == boundaries.url("kabupaten")
    assert coloured.featureidkey == "properties.kode"
    assert [list(row) for row in coloured.customdata] == [[12, 3, "25,0%"], [3, 3, "100,0%"]]
    assert coloured.hovertemplate == ("<b>%{properties.nama}</b><br>%{properties.nama_prov}<br>"
                                      "Kasus: %{customdata[0]:,}<br>Terbukti: %{customdata[1]:,} (%{customdata[2]})"
                                      "<extra></extra>")
    assert list(coloured.marker.line.width) == [2.5, 0.3]
    assert (fig.layout.geo.visible, fig.layout.geo.fitbounds) == (False, "locations")
    assert fig.layout.uirevision == "kabupaten:33,73"
    assert fig.layout.annotations[0].text == "Abu-abu: tidak ada kasus, persen tidak berlaku"
    assert maps.region_map(frame, "count", "id").layout.annotations == ()  # zero is a count: nothing grey


def test_focus_keeps_only_the_province_and_change_uses_the_diverging_scale():
    frame = map_numbers.region_metrics(REGIONS, counts(30, 0, 3), counts(10, 2, 1))
    fig = maps.region_map(frame, "change", "en", focus_province="33")
    assert [list(trace.locations) for trace in fig.data[:2]] == [["33.25"], ["33.74"]]
    assert (fig.data[0].z, fig.data[0].colorscale[-1][1]) == ((5,), "rgb(103, 0, 31)")  # +200%: the top class
    assert fig.data[0].customdata[0][3] == "+20 (+200.0%)"
    assert fig.data[-1].name == "up ≥ 100% or new"


def test_province_map_shows_the_rate_and_refuses_it_per_kabupaten():
    provinces = pd.DataFrame({"code": ["33", "73"], "name": ["Jawa Tengah", "Sulawesi Selatan"],
                              "province_code": ["33", "73"], "province_name": ["Jawa Tengah", "Sulawesi Selatan"],
                              "lat": [-7.2, -4.0], "lon": [110.2, 120.0], "pns_count": [336_097, 178_741],
                              "reported": [5, 4], "proven": [3, 2]})
    fig = maps.region_map(map_numbers.region_metrics(provinces), "rate", "id", level="provinsi")
    assert fig.data[0].geojson == "app/static/geo/provinsi.geojson"
    assert fig.data[0].featureidkey == "properties.kode_prov"
    assert [list(row) for row in fig.data[0].customdata] == [[5, 3, "60,0%", "1,5"], [4, 2, "50,0%", "2,2"]]
    assert "Per 100 rb PNS: %{customdata[3]}" in fig.data[0].hovertemplate
    with pytest.raises(ValueError, match="per province only"):
        maps.region_map(map_numbers.region_metrics(REGIONS), "rate", "id")


def test_bubble_map_puts_the_code_first_for_clicks():
    fig = maps.bubble_map(map_numbers.region_metrics(REGIONS), "count", "id")
    bubbles = fig.data[0]
    assert (list(bubbles.lat), list(bubbles.lon)) == ([-7.0, -7.0, -4.0], [109.9, 110.4, 119.6])
    assert list(bubbles.customdata[0]) == ["33.25", 12, 3, "25,0%"]
    assert list(bubbles.marker.size) == [40.0, 5.0, 20.0]
    assert list(bubbles.marker.color) == [fig.data[-1].marker.color, fig.data[1].marker.color,
                                          fig.data[2].marker.color]  # classes 0, 3, 12: the legend's colours
    assert "Kasus: %{customdata[1]:,}" in bubbles.hovertemplate


@pytest.mark.parametrize(("selection", "codes"), [
    (None, []),
    ({"points": []}, []),
    ({"points": [{"location": "33.25", "z": 12}]}, ["33.25"]),  # choropleth
    ({"points": [{"customdata": ["73.72", 3, 3, "100,0%"]}]}, ["73.72"]),  # bubble
    ({"points": [{"location": "33"}, {"location": "73"}]}, ["33", "73"]),
])
def test_clicked_codes(selection, codes):
    assert maps.clicked_codes(selection) == codes


def test_ranked_table_orders_by_the_metric_with_no_value_last():
    table = map_numbers.ranked_table(map_numbers.region_metrics(REGIONS), "proven_share", "en")
    assert table.fillna(-1).to_dict("list") == {
        "#": [1, 2, 3], "Region": ["Kota Parepare", "Kabupaten Batang", "Kota Semarang"],
        "Province": ["Sulawesi Selatan", "Jawa Tengah", "Jawa Tengah"], "Cases": [3, 12, 0],
        "Proven": [3, 3, 0], "% proven": [100.0, 25.0, -1],  # -1: no cases, so no share
    }


@pytest.mark.parametrize(("box", "height"), [
    ((95.0, -11.0, 141.0, 6.0), 429),  # all of Indonesia: 1000 px * 17/46 + 60 px of legend
    ((108.9, -8.0, 111.4, -6.0), 650),  # a province: capped
    ((119.0, -8.0, 120.0, -1.0), 650),  # tall: capped
])
def test_fitted_height(box, height):
    assert maps.fitted_height(box) == height


def test_extent_prefers_boundary_boxes_padded():
    box = maps.extent(REGIONS.head(1), {"33.25": [109.0, -8.0, 110.0, -7.0]})
    assert [round(value, 2) for value in box] == [108.98, -8.02, 110.02, -6.98]


def test_for_export_swaps_the_url_for_the_installed_file():
    fig = maps.region_map(map_numbers.region_metrics(REGIONS), "proven_share", "id")
    exported = maps.for_export(fig)
    assert [trace.geojson for trace in exported.data if trace.type == "choropleth"] == [
        boundaries.installed_path("kabupaten").as_uri()] * 2
    assert fig.data[0].geojson == "app/static/geo/kabupaten_kota.geojson"  # the original is untouched


def test_regions_without_an_election_are_their_own_grey_layer_and_not_ranked():
    frame = map_numbers.region_metrics(REGIONS.assign(held=[True, False, False], reported=[12, 0, 3]))
    coloured, absent, *legend = maps.region_map(frame, "count", "en").data
    assert (list(coloured.locations), list(coloured.z)) == (["33.25", "73.72"], [1, 0])  # 3 cases without a race
    assert (list(absent.locations), absent.colorscale[0][1], absent.showscale) == (["33.74"], "#eeeeee", False)
    assert [(entry.name, entry.marker.color) for entry in legend][-1] == ("no election here", "#eeeeee")
    assert [entry.name for entry in legend] == ["3", "4–12", "no election here"]  # no region has zero cases
    bubbles = maps.bubble_map(frame, "count", "id").data
    assert (list(bubbles[1].text), bubbles[1].marker.color, bubbles[-1].name) == (
        ["Kota Semarang"], "#eeeeee", "tidak ada pilkada")
    table = map_numbers.ranked_table(frame, "count", "en")
    assert table["Region"].tolist() == ["Kabupaten Batang", "Kota Parepare"]
    assert map_numbers.not_ranked(frame) == 1
    share = maps.region_map(frame, "proven_share", "id").data  # no value (no case) and no election differ
    assert [(list(trace.locations), trace.colorscale[0][1]) for trace in share[1:2]] == [(["33.74"], "#eeeeee")]
