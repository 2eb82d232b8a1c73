"""Alur lintas instansi on a Bawaslu list and a BKN recap naming partly the same people (tests/fixtures/
funnel_registers.py): exact stage counts, drop-offs and median days, the stalled list for analysts and admins
only, counts for leadership and the public, the empty state, English, and the KASN → BKN handover said."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.conftest import DASHBOARD
from tests.fixtures.funnel_registers import build_funnel_warehouse

PAGE = "pages/cross_agency.py"


@pytest.fixture(scope="module")
def funnel_warehouse(tmp_path_factory):
    folder = tmp_path_factory.mktemp("funnel") / "wh"
    build_funnel_warehouse(folder)
    return folder


@pytest.fixture
def open_page(funnel_warehouse, tmp_path, monkeypatch):
    """`open_page(role, lang="id", query=None, stall_days=None, page=PAGE)`: a page on the funnel warehouse."""

    def render(role: str, lang: str = "id", query: dict | None = None, stall_days: int | None = None,
               page: str = PAGE) -> AppTest:
        monkeypatch.setenv("NETRA_DATA_DIR", str(funnel_warehouse))
        monkeypatch.setenv("NETRA_USERS_FILE", str(tmp_path / "no-users.toml"))
        monkeypatch.setenv("NETRA_ROLE", role)
        if stall_days is not None:
            monkeypatch.setenv("NETRA_STALL_DAYS", str(stall_days))
        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
        at.query_params.update({**(query or {}), **({"lang": lang} if lang != "id" else {})})
        at.run()
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return render


def funnel_texts(at, chart_spec, index=0) -> list[str]:
    return chart_spec(at, index)["data"][0]["text"]


def test_the_funnel_shows_each_stage_and_what_each_hand_lost(open_page, chart_spec):
    at = open_page("pimpinan")
    assert at.title[0].value == "Alur lintas instansi · semua pemilihan"  # the fixture opens on all elections
    spec = chart_spec(at, 0)
    assert spec["data"][0]["y"] == ["Diterima", "Bawaslu: pelanggaran", "Diteruskan ke KASN/BKN*",
                                    "Rekomendasi KASN/BKN*", "Disanksi PPK"]
    assert spec["data"][0]["text"] == ["8", "6<br>−2 (25,0%)", "6<br>−0 (0,0%)", "3<br>−3 (50,0%)",
                                       "2<br>−1 (33,3%)"]
    assert funnel_texts(at, chart_spec, 1) == ["2", "2<br>−0 (0,0%)", "1<br>−1 (50,0%)", "0<br>−1 (100,0%)"]
    assert "KASN sampai 23 Agustus 2024" in spec["layout"]["annotations"][0]["text"]
    assert "KASN dibubarkan pada 23 Agustus 2024" in at.subheader[0].proto.help


def test_median_days_between_hands_and_the_areas(open_page):
    at = open_page("pimpinan")
    hands = at.dataframe[0].value
    assert hands["Median hari"].tolist() == ["7,0", "5,5", "20,0", "40,0", "—", "20,0", "—"]
    assert hands["Orang-kasus bertanggal"].tolist() == [6, 4, 3, 2, 0, 1, 0]
    areas = at.dataframe[1].value
    assert areas.values.tolist() == [["Jawa Tengah", 6, 4, 4, 2, 1, 2, 0], ["Jawa Timur", 2, 2, 2, 1, 1, 0, 1]]


def test_drilling_into_a_province_lists_its_kabupaten_kota(open_page):
    at = open_page("pimpinan")
    at.selectbox(key="xa_drill").select("35").run()
    assert at.dataframe[1].value.values.tolist() == [["Kota Surabaya", 2, 2, 2, 1, 1, 0, 1]]
    assert "Provinsi: Jawa Timur" in at.caption[3].value or any(
        "Provinsi: Jawa Timur" in c.value for c in at.caption)


@pytest.mark.parametrize("role", ["analis", "admin"])
def test_analysts_and_admins_see_the_stalled_cases_by_case_number(open_page, role, page_text):
    at = open_page(role, stall_days=60)
    stalled = at.dataframe[3].value
    assert stalled["Nomor kasus"].tolist()[0] == "bawaslu:106/LP/PW/15/VIII/2024"
    assert stalled["Hari menunggu"].tolist() == [119, 76, 65, 65]
    assert any("60 hari atau lebih" in c.value and "05-12-2024" in c.value for c in at.caption)
    text = page_text(at)
    assert "Slamet" not in text and "196808081990031008" not in text


@pytest.mark.parametrize("role", ["pimpinan", "publik"])
def test_leadership_and_the_public_see_counts_only(open_page, role):
    at = open_page(role, stall_days=60)
    assert len(at.dataframe) == 3  # hands, areas, where cases stop: no case list
    assert any("hanya untuk analis dan admin" in info.value for info in at.info)
    stops = at.dataframe[2].value
    expected = [1, 0, 3, 0, 0, 0, 0] if role == "pimpinan" else ["< 5", "0", "< 5", "0", "0", "0", "0"]
    assert stops["Macet"].tolist() == expected


def test_the_public_sees_published_counts(open_page, chart_spec):
    at = open_page("publik")
    assert funnel_texts(at, chart_spec)[:3] == ["5", "5<br>−< 5", "5<br>−0 (0,0%)"]
    assert at.dataframe[0].value["Median hari"].tolist()[:2] == ["7,0", "—"]  # 6 timed, then 4: withheld


def test_filters_that_leave_no_person_case_show_the_empty_state(open_page):
    at = open_page("analis", query={"prov": "11"})
    assert any("Tidak ada kasus" in info.value for info in at.info)
    assert not at.dataframe


def test_in_english(open_page, chart_spec):
    at = open_page("analis", lang="en")
    assert at.title[0].value == "Cross-agency flow · all elections"
    assert chart_spec(at, 0)["data"][0]["y"][0] == "Received"
    assert list(at.dataframe[0].value.columns) == ["Path", "Hand", "Median days", "Person-cases dated",
                                                   "Lost at the hand"]
    assert "KASN was dissolved on 23 August 2024" in at.subheader[0].proto.help


def test_ringkasan_shows_the_short_flow_and_links_to_the_page(open_page, chart_spec):
    at = open_page("pimpinan", page="pages/overview.py")
    at.session_state["tab"] = "Alur lintas instansi"  # its tab: only the open tab is computed
    at.run()
    flows = [i for i in range(len(at.get("plotly_chart"))) if chart_spec(at, i)["data"][0]["type"] == "funnel"
             and len(chart_spec(at, i)["data"][0]["y"]) == 5]
    assert [chart_spec(at, i)["data"][0]["text"][0] for i in flows] == ["8"]
    assert ("alur", "Buka alur lintas instansi: di mana kasus macet") in [
        (link.proto.page, link.proto.label) for link in at.get("page_link")]
    assert "Alur lintas instansi" in [h.value for h in at.subheader]


def test_tentang_and_the_source_agency_filter_say_the_kasn_to_bkn_handover(open_page):
    about = open_page("pimpinan", page="pages/about.py", stall_days=45)
    text = "\n".join(m.value for m in about.markdown)
    assert "KASN dibubarkan pada 23 Agustus 2024" in text and "45 hari atau lebih" in text
    sources = about.sidebar.multiselect(key="sumber")
    assert "tugas pengawasan netralitasnya beralih ke BKN" in sources.help
