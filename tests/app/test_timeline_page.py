"""Linimasa on the fixture warehouse: every election and date basis renders, one election is picked when the
sidebar has none or several, the controls change the chart, and filters that leave no case give the empty state.

Fixture facts used here (tests/app/fixtures/register.csv): Pilkada 2024 has 8 cases, all with incident and
report dates, 6 with a decision date, the latest date any of them knows is 30-11-2024 (a decision); Pemilu 2024
has 4 cases, 3 decided; Pilkada 2020 has none.
"""

import pytest

from tests.app.conftest import markdown_rows

TIMELINE = "pages/timeline.py"
STAGE_LABELS = {
    "pilkada2024": ["Pendaftaran", "Penetapan calon", "Kampanye", "Masa tenang", "Pemungutan suara", "Rekapitulasi",
                    "Sengketa", "Pelantikan"],
    "pemilu2024": ["Pendaftaran", "Kampanye", "Masa tenang", "Pemungutan suara", "Rekapitulasi", "Sengketa",
                   "Pelantikan"],
}
VOTING_DAY = {"pilkada2024": "27-11-2024", "pemilu2024": "14-02-2024"}
DATED_CASES = {  # election -> cases with a date on each basis
    "pilkada2024": {"incident_date": 8, "report_date": 8, "decision_date": 6},
    "pemilu2024": {"incident_date": 4, "report_date": 4, "decision_date": 3},
}


def annotations(spec: dict) -> list[str]:
    return [a["text"] for a in spec["layout"].get("annotations", [])]


def open_tab(at, label: str):
    """The page with the section tab `label` open (only the open tab is computed and drawn)."""
    at.session_state["tab"] = label
    return at.run()


def drawn_cases(spec: dict) -> int:
    """Cases in the timeline's bars (markers of spikes and the incomplete legend entry are not bars)."""
    return sum(sum(trace["y"]) for trace in spec["data"] if trace["type"] == "bar")


@pytest.mark.parametrize("basis", ["incident_date", "report_date", "decision_date"])
@pytest.mark.parametrize("election", ["pilkada2024", "pemilu2024"])
def test_timeline_renders_for_each_election_and_date_basis(make_app, chart_spec, election, basis):
    at = make_app(page=TIMELINE, query={"el": election, "basis": basis})
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Sebelum & sejak hari-H", "Lonjakan", "Jeda", "Pemilihan berdampingan"]
    assert [chart.key for chart in at.get("plotly_chart")] == ["tl_timeline", "tl_prepost"]  # the open tab only
    timeline = chart_spec(at, 0)
    assert annotations(timeline) == STAGE_LABELS[election] + [f"Hari pemungutan suara {VOTING_DAY[election]}"]
    assert drawn_cases(timeline) == DATED_CASES[election][basis]
    assert "tl_election" not in [box.key for box in at.selectbox]  # one election chosen: no local selector


def test_the_first_view_draws_its_stage_table_without_the_data_grid(make_app):
    """The stage table is a few rows read at a glance: as markdown it spares the first visit the data grid's code
    (~0.5 s of a Linimasa first render at 1M cases, bench.pages)."""
    at = make_app(page=TIMELINE, query={"el": "pilkada2024"})
    assert not at.exception and not at.dataframe
    rows = markdown_rows(at, "Periode")
    assert list(rows[0])[:4] == ["Periode", "Tanggal", "Hari", "Kasus"]
    assert "Kampanye" in [row["Periode"] for row in rows]
    assert sum(int(row["Kasus"]) for row in rows) == 8  # Pilkada 2024's cases, each in one period


@pytest.mark.parametrize("basis", ["incident_date", "report_date", "decision_date"])
def test_an_election_without_cases_says_so_and_still_overlays_the_others(make_app, chart_spec, basis):
    at = make_app(page=TIMELINE, query={"el": "pilkada2020", "basis": basis})
    assert not at.exception
    assert at.info[0].value == ("Tidak ada kasus Pilkada 2020 untuk filter ini. Pilih pemilihan lain atau "
                                "longgarkan filter di bilah samping.")
    overlay = chart_spec(at, 0)
    assert [trace["name"] for trace in overlay["data"]] == ["Pemilu 2024", "Pilkada 2024"]


def test_without_one_election_the_latest_is_picked_and_can_be_changed(make_app, chart_spec):
    at = make_app(page=TIMELINE)
    assert at.selectbox(key="tl_election").value == "pilkada2024"
    assert at.selectbox(key="tl_election").options == ["Pilkada 2020", "Pemilu 2024", "Pilkada 2024"]
    assert any("linimasa menampilkan Pilkada 2024" in c.value for c in at.caption)
    at.selectbox(key="tl_election").select("pemilu2024").run()
    assert annotations(chart_spec(at, 0))[-1] == "Hari pemungutan suara 14-02-2024"
    open_tab(at, "Pemilihan berdampingan")
    assert [chart.key for chart in at.get("plotly_chart")] == ["tl_timeline", "tl_overlay"]
    assert [trace["name"] for trace in chart_spec(at, 1)["data"]] == ["Pemilu 2024", "Pilkada 2024"]


def test_each_section_tab_draws_its_own_part(make_app):
    at = make_app(page=TIMELINE, query={"el": "pilkada2024"})
    assert [s.value for s in at.main.subheader][:1] == ["Laju per tahapan, sebelum dan sejak hari-H"]
    open_tab(at, "Lonjakan")
    assert "Lonjakan mingguan" in [s.value for s in at.main.subheader] and not at.metric
    assert [chart.key for chart in at.get("plotly_chart")] == ["tl_timeline"]
    open_tab(at, "Jeda")
    assert [chart.key for chart in at.get("plotly_chart")] == ["tl_timeline", "tl_lag"]


def test_several_elections_in_the_sidebar_limit_the_choice(make_app):
    at = make_app(page=TIMELINE, query={"el": ["pemilu2024", "pilkada2020"]})
    assert at.selectbox(key="tl_election").options == ["Pilkada 2020", "Pemilu 2024"]
    assert at.selectbox(key="tl_election").value == "pemilu2024"


def test_filters_that_leave_no_cases_show_the_empty_state(make_app):
    at = make_app(page=TIMELINE, query={"el": "pilkada2024", "prov": "11"})
    assert not at.exception
    assert [i.value for i in at.info] == [
        "Tidak ada kasus Pilkada 2024 untuk filter ini. Pilih pemilihan lain atau longgarkan filter di bilah "
        "samping.",
        "Tidak ada kasus untuk filter ini. Longgarkan filter di bilah samping atau atur ulang.",
    ]
    assert not at.get("plotly_chart")


def test_controls_switch_to_days_from_voting_day_and_province_lines(make_app, chart_spec):
    at = make_app(page=TIMELINE, query={"el": "pilkada2024"})
    at.button_group(key="tl_axis").set_value("hday").run()
    at.button_group(key="tl_gran").set_value(1).run()
    at.button_group(key="tl_stack").set_value("province_code").run()
    spec = chart_spec(at, 0)
    axis = spec["layout"]["xaxis"]
    assert "H" in axis["ticktext"] and axis["tickvals"][axis["ticktext"].index("H")] == 0
    lines = [trace for trace in spec["data"] if trace.get("mode") == "lines+markers"]
    assert [trace["name"] for trace in lines] == ["Jawa Tengah", "Sulawesi Selatan"]
    assert sum(sum(trace["y"]) for trace in lines) == 8
    assert spec["layout"]["yaxis"]["title"]["text"] == "Kasus per hari"


def test_pre_post_cards_count_only_days_the_data_covers(make_app):
    """Before voting day: 27-08 … 26-11 has 8 cases in 92 days; the data ends on 30-11, so since voting day
    covers 27-11 … 30-11: no case in 4 days, a rate of 0 and a ratio of 0."""
    at = make_app(page=TIMELINE, query={"el": "pilkada2024"})
    assert [(m.label, m.value) for m in at.metric] == [
        ("Sebelum hari-H · kasus/minggu", "0,6"), ("Sejak hari-H · kasus/minggu", "0,0"),
        ("Sejak ÷ sebelum", "×0,00")]
    assert at.metric[0].proto.help == "8 kasus dalam 92 hari"


def test_page_in_english(make_app):
    at = make_app(page=TIMELINE, query={"el": "pilkada2024"}, lang="en")
    assert at.title[0].value == "Timeline by election stage · Pilkada 2024"
    assert [m.label for m in at.metric] == ["Before voting day · cases/week", "Since voting day · cases/week",
                                            "Since ÷ before"]




def test_a_filter_change_leaves_the_open_tab_in_the_url(make_app):
    at = open_tab(make_app(page=TIMELINE, query={"el": "pilkada2024"}), "Jeda")
    at.query_params["tab"] = "Jeda"  # as the browser holds it: the tabs are bound to it (tests/e2e/test_frame.py)
    at.multiselect(key="prov").set_value(["33"]).run()
    assert (at.query_params["tab"], at.query_params["prov"], at.query_params["el"]) == ("Jeda", "33", "pilkada2024")
    assert "tl_lag" in [chart.key for chart in at.get("plotly_chart")] and not at.exception
