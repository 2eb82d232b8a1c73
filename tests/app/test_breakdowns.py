"""Rincian on the fixture: exact counts per breakdown, the counts/shares toggle, labels and fixed colours."""

from ui.figures.theme import SEVERITY_COLORS, VIOLATION_TYPE_COLORS

RINCIAN = "pages/breakdowns.py"
TABS = {"Jenis": ["Jenis pelanggaran"], "Tingkat": ["Tingkat", "Jenis × tingkat"],
        "Jabatan & instansi": ["Jabatan", "Tingkat instansi"],
        "Status & sumber": ["Status penanganan", "Sumber data"]}


def open_tab(at, label: str):
    """The page with tab `label` open (a tab switch reruns the page; only the open tab is drawn)."""
    at.session_state["tab"] = label
    return at.run()


def test_breakdowns_count_exactly_and_sort(make_app, chart_spec):
    at = make_app(page=RINCIAN, query={"el": "pilkada2024"})
    types = chart_spec(at, 0)["data"][0]
    assert list(zip(types["y"], types["x"], strict=True)) == [
        ("Media sosial", 3), ("Deklarasi calon", 1), ("Fasilitas negara", 1), ("Foto & simbol keberpihakan", 1),
        ("Ikut kampanye", 1), ("Kegiatan keberpihakan", 1),
    ]
    severity = chart_spec(open_tab(at, "Tingkat"), 0)["data"][0]
    assert list(zip(severity["y"], severity["x"], strict=True)) == [("Ringan", 3), ("Sedang", 2), ("Berat", 3)]


def test_each_tab_draws_its_own_charts_only(make_app):
    at = make_app(page=RINCIAN)
    assert [tab.label for tab in at.tabs] == list(TABS)
    for label, headings in TABS.items():
        open_tab(at, label)
        assert [s.value for s in at.main.subheader] == headings
        assert len(at.get("plotly_chart")) == len(headings)


def test_type_by_severity_grid(make_app, chart_spec):
    at = open_tab(make_app(page=RINCIAN, query={"prov": "33"}), "Tingkat")
    grid = chart_spec(at, 1)["data"][0]
    assert grid["x"] == ["Ringan", "Sedang", "Berat"]
    assert dict(zip(grid["y"], grid["z"], strict=True)) == {
        "Media sosial": [1, 0, 1], "Ikut kampanye": [0, 1, 0], "Deklarasi calon": [0, 1, 0],
        "Anggota/pengurus parpol": [0, 0, 1],
    }


def test_shares_toggle_turns_counts_into_shares(make_app, chart_spec):
    at = open_tab(make_app(page=RINCIAN), "Status & sumber")
    at.segmented_control(key="rb_shares").set_value(True).run()
    status = chart_spec(at, 0)["data"][0]
    assert [round(x, 4) for x in status["x"]] == [0.0833, 0.1667, 0.25, 0.1667, 0.0833, 0.25]
    assert chart_spec(at, 0)["layout"]["xaxis"]["tickformat"] == ".0%"


def test_colours_are_fixed_per_category_and_labels_follow_the_language(make_app, chart_spec):
    at = make_app(page=RINCIAN, lang="en", query={"el": "pemilu2024"})
    types = chart_spec(at, 0)["data"][0]
    assert types["y"][0] == "Campaign participation"
    assert types["marker"]["color"][0] == VIOLATION_TYPE_COLORS["kampanye"]
    assert [tab.label for tab in at.tabs] == ["Type", "Severity", "Position & agency", "Status & source"]
    at.session_state["tab"] = "Severity"
    severity = chart_spec(at.run(), 0)["data"][0]
    assert severity["marker"]["color"] == [SEVERITY_COLORS["sedang"], SEVERITY_COLORS["berat"]]
    assert severity["y"] == ["Moderate", "Severe"]
