"""Ringkasan and the frame on the fixture: KPIs, captions, filters, language, empty state, synthetic data."""

import pytest

from etl.demo import build_demo

OVERVIEW = "pages/overview.py"


def cards(at) -> list[tuple[str, str, str]]:
    """(label, value, delta) of each KPI card."""
    return [(m.label, m.value, m.proto.delta) for m in at.metric]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, [("Dilaporkan", "12"), ("Terbukti · 50,0%", "6"), ("Disanksi · 50,0%", "3"),
              ("Median hari sampai putusan", "16,0")]),
        ({"el": "pilkada2024"}, [("Dilaporkan", "8"), ("Terbukti · 50,0%", "4"), ("Disanksi · 50,0%", "2"),
                                 ("Median hari sampai putusan", "14,5")]),
        ({"prov": "33"}, [("Dilaporkan", "5"), ("Terbukti · 60,0%", "3"), ("Disanksi · 66,7%", "2"),
                          ("Median hari sampai putusan", "14,5")]),  # 13, 13, 16, 36 days
    ],
)
def test_kpis_follow_the_filters_in_the_url(make_app, query, expected):
    at = make_app(page=OVERVIEW, query=query)
    assert [(label, value) for label, value, _ in cards(at)] == expected


def test_changing_a_sidebar_filter_changes_the_kpis_and_captions(make_app):
    at = make_app(page=OVERVIEW)
    assert at.metric[0].value == "12"
    at.sidebar.multiselect(key="prov").select("73").run()
    assert [m.value for m in at.metric] == ["4", "2", "1", "19,0"]  # 10, 19, 20 days
    assert at.caption[1].value == "Orang dalam kasus · ASN (tanpa non-ASN) · Provinsi: Sulawesi Selatan"
    at.sidebar.multiselect(key="el").select("pemilu2024").run()
    assert at.info[0].value.startswith("Tidak ada kasus untuk filter ini.")


def test_change_against_the_previous_period_of_equal_length(make_app):
    at = make_app(page=OVERVIEW, query={"tgl": ["2024-10-01", "2024-10-31"]})
    assert cards(at) == [
        ("Dilaporkan", "4", "+2 (+100,0%)"), ("Terbukti · 25,0%", "1", "-1 (-50,0%)"),
        ("Disanksi · 100,0%", "1", "0 (0,0%)"), ("Median hari sampai putusan", "16,5", "+2,0 hari"),
    ]
    assert "31-08-2024 s.d. 30-09-2024" in at.metric[0].proto.help


def test_no_change_is_claimed_when_the_previous_period_is_empty(make_app):
    at = make_app(page=OVERVIEW, query={"el": "pemilu2024"})
    assert [delta for *_, delta in cards(at)] == ["", "", "", ""]
    assert "Periode sebelumnya tidak memuat kasus" in at.metric[0].proto.help


def test_every_chart_carries_the_caption_of_its_filters(make_app):
    at = make_app(page=OVERVIEW, query={"el": "pilkada2024", "prov": "33"})
    words = "Orang dalam kasus · ASN (tanpa non-ASN) · Pemilihan: Pilkada 2024 · Provinsi: Jawa Tengah"
    assert at.caption[0].value == f"**Filter aktif: 2** — {words}"
    under_charts = [c.value for c in at.main.caption][1:]
    assert under_charts[:5] == [words, words, f"Menurut tanggal kejadian. {words}", words, words]
    assert all(text.endswith(words) for text in under_charts)  # the map block's too
    assert len(under_charts) >= len(at.get("plotly_chart")) >= 4


def test_top_regions_are_ranked_with_exact_counts(make_app, chart_spec):
    at = make_app(page=OVERVIEW)
    top = chart_spec(at, 2)["data"][0]
    assert top["y"] == ["Kabupaten Batang", "Kota Parepare", "Kabupaten Wakatobi", "Kabupaten Purbalingga",
                        "Kota Semarang", "Kota Palopo"]
    assert top["x"] == [3, 2, 2, 1, 1, 1]


def kinds(at, chart_spec) -> list[str]:
    """The first trace type of every chart on the page, in order."""
    return [chart_spec(at, i)["data"][0]["type"] for i in range(len(at.get("plotly_chart")))]


def test_only_the_open_section_below_the_headline_charts_is_computed(make_app, chart_spec):
    at = make_app(page=OVERVIEW)
    assert [tab.label for tab in at.tabs] == ["Wilayah teratas", "Peta", "Alur lintas instansi"]
    assert kinds(at, chart_spec) == ["funnel", "scatter", "bar", "bar"]  # + trend, top regions, top provinces
    at.session_state["tab"] = "Peta"
    at.run()
    assert kinds(at, chart_spec)[:2] == ["funnel", "scatter"]
    assert kinds(at, chart_spec)[2:] in (["choropleth"], ["scattergeo"])  # boundaries installed or not
    at.session_state["tab"] = "Alur lintas instansi"
    at.run()
    assert kinds(at, chart_spec) == ["funnel", "scatter", "funnel"]


def test_funnel_counts(make_app, chart_spec):
    at = make_app(page=OVERVIEW, query={"el": "pilkada2024"})
    funnel = chart_spec(at, 0)["data"][0]
    assert (funnel["y"], funnel["x"]) == (["Dilaporkan", "Terbukti", "Disanksi"], [8, 4, 2])


def test_language_switch_changes_labels(make_app):
    at = make_app(page=OVERVIEW)
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    assert at.title[0].value == "Civil service neutrality at a glance · all elections"
    assert [m.label for m in at.metric] == ["Reported", "Proven · 50.0%", "Sanctioned · 50.0%",
                                            "Median days to decision"]
    assert at.sidebar.multiselect(key="prov").label == "Province"


def test_reset_from_the_empty_state_brings_every_case_back(make_app):
    at = make_app(page=OVERVIEW, query={"prov": "11"})
    at.button(key="empty_reset").click().run()
    assert at.metric[0].value == "12"
    assert at.sidebar.multiselect(key="prov").value == []


def test_synthetic_data_shows_the_banner_and_a_role_preview(make_app, monkeypatch, tmp_path):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path))
    build_demo(scale=0.05)  # every case synthetic, judged from its rows (a flag alone is not enough: test_privacy)
    at = make_app(page=OVERVIEW, role="pimpinan")  # NETRA_ROLE does not apply to demo data
    assert at.warning[0].value.startswith("**DATA SINTETIS**")
    assert at.sidebar.selectbox(key="role").value == "admin"
