"""The cross-agency flow (issue 12 item 3): where one person-case stalls between Bawaslu, KASN/BKN and the PPK.

A Bawaslu list and a BKN recap naming partly the same people (tests/fixtures/funnel_registers.py, its docstring
gives every person-case's hands and days) go through the real loader and linker into a real warehouse; the
queries' exact rows are asserted.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import settings
from tests.fixtures.funnel_registers import build_funnel_warehouse
from ui.export.briefing import build_pack, plain_reader
from ui.views.disclosure import NotForThePublic, protect
from warehouse.filters import Filters
from warehouse.reader import Warehouse

COLUMNS = ["path", "stage", "persons", "dropped", "median_days", "timed", "stalled", "ended", "waiting"]


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    with Warehouse(build_funnel_warehouse(tmp_path_factory.mktemp("funnel") / "wh"), hold=True) as warehouse:
        yield warehouse


def rows(frame: pd.DataFrame, columns=COLUMNS) -> list[list]:
    """The frame's rows as lists, NaN as None (so rows compare exactly)."""
    return [[None if isinstance(v, float) and math.isnan(v) else v for v in row]
            for row in frame[columns].astype(object).where(frame[columns].notna(), None).values.tolist()]


def test_two_registers_make_ten_person_cases_of_fourteen_records(wh):
    stages = wh.person_stages(None, stall_days=90)
    assert len(stages) == 10
    assert stages["data_last_day"].astype(str).unique().tolist() == ["2024-12-05"]
    assert sorted(stages["stage"].value_counts().items()) == [
        ("diterima", 2), ("diteruskan", 4), ("rekomendasi", 2), ("sanksi", 2)]


def test_the_funnel_counts_drop_offs_and_median_days_between_hands(wh):
    funnel = wh.cross_agency_funnel(None, stall_days=90)
    assert rows(funnel) == [
        # Bawaslu path: Rina's "bukan pelanggaran" ends at the first hand; Agus is still examined
        ["bawaslu", "diterima", 8, 0, None, 0, 0, 1, 1],
        ["bawaslu", "pelanggaran", 6, 2, 7.0, 6, 0, 0, 0],  # 7, 7, 10, 14, 5, 7 days
        # Slamet (119 days since Bawaslu forwarded it to KASN) stalls at N = 90; Dewi and Hasan wait
        ["bawaslu", "diteruskan", 6, 0, 5.5, 4, 1, 0, 2],  # 6, 4, 10, 5 days (Hasan's and Slamet's: no record)
        ["bawaslu", "rekomendasi", 3, 3, 20.0, 3, 0, 0, 1],  # 20, 30, 20
        ["bawaslu", "sanksi", 2, 1, 40.0, 2, 0, 0, 0],  # 30, 50
        # entered at BKN without a Bawaslu record: shown, never dropped
        ["tanpa_bawaslu", "diterima", 2, 0, None, 0, 0, 0, 0],
        ["tanpa_bawaslu", "diteruskan", 2, 0, None, 0, 0, 1, 0],  # Sri: tidak terbukti, an end
        ["tanpa_bawaslu", "rekomendasi", 1, 1, 20.0, 1, 0, 0, 1],
        ["tanpa_bawaslu", "sanksi", 0, 1, None, 0, 0, 0, 0],
    ]


@pytest.mark.parametrize("days, stalled", [
    (120, {}),
    (90, {"Kota Surabaya": ("diteruskan", 119)}),
    (60, {"Kota Surabaya": ("diteruskan", 119), "Kabupaten Demak": ("diteruskan", 76),
          "Kabupaten Purbalingga": ("diterima", 65), "Kabupaten Kendal": ("diteruskan", 65)}),
    (46, {"Kota Surabaya": ("diteruskan", 119), "Kabupaten Demak": ("diteruskan", 76),
          "Kabupaten Purbalingga": ("diterima", 65), "Kabupaten Kendal": ("diteruskan", 65),
          "Kabupaten Brebes": ("rekomendasi", 46)}),  # 46 days after the recommendation: N days passed
])
def test_stalled_means_no_next_hand_n_days_after_the_last_one(wh, days, stalled):
    found = wh.stalled_cases(None, stall_days=days)
    assert {r.region_name: (r.stage, r.days_waiting) for r in found.itertuples()} == stalled
    assert list(found["days_waiting"]) == sorted(found["days_waiting"], reverse=True)
    assert wh.cross_agency_funnel(None, stall_days=days)["stalled"].sum() == len(stalled)


def test_a_stalled_case_lists_case_numbers_never_names_or_nips(wh):
    found = wh.stalled_cases(None, stall_days=60)
    assert list(found.columns) == ["person_case_id", "election", "province_code", "province_name", "region_code",
                                   "region_name", "path", "stage", "last_hand_day", "days_waiting", "case_ids"]
    assert found.set_index("region_name").loc["Kabupaten Kendal", "case_ids"].startswith(
        "bawaslu:104/TM/PW/14/IX/2024, bkn:")
    text = found.to_csv()
    assert "Dewi" not in text and "197804042003042004" not in text


def test_per_province_and_per_kabupaten_kota(wh):
    columns = ["code", "name", "received", "found", "forwarded", "recommended", "sanctioned", "without_bawaslu",
               "stalled"]
    assert rows(wh.cross_agency_by_area(None, stall_days=90), columns) == [
        ["33", "Jawa Tengah", 6, 4, 4, 2, 1, 2, 0],
        ["35", "Jawa Timur", 2, 2, 2, 1, 1, 0, 1],
    ]
    regions = wh.cross_agency_by_area(Filters(provinces=("35",)), level="region", stall_days=90)
    assert rows(regions, columns) == [["35.78", "Kota Surabaya", 2, 2, 2, 1, 1, 0, 1]]
    with pytest.raises(ValueError, match="level must be one of"):
        wh.cross_agency_by_area(None, level="name; drop table cases")


def test_a_person_case_counts_when_any_of_its_records_passes_the_filters(wh):
    at_bkn = wh.cross_agency_funnel(Filters(source_agencies=("bkn",)), stall_days=90)
    # the six BKN records' person-cases, with their Bawaslu hands before: Budi, Joko, Siti, Dewi + Wahyu, Sri
    assert at_bkn.set_index(["path", "stage"])["persons"].to_dict() == {
        ("bawaslu", "diterima"): 4, ("bawaslu", "pelanggaran"): 4, ("bawaslu", "diteruskan"): 4,
        ("bawaslu", "rekomendasi"): 3, ("bawaslu", "sanksi"): 2,
        ("tanpa_bawaslu", "diterima"): 2, ("tanpa_bawaslu", "diteruskan"): 2, ("tanpa_bawaslu", "rekomendasi"): 1,
        ("tanpa_bawaslu", "sanksi"): 0}
    nothing = wh.cross_agency_funnel(Filters(elections=("pemilu2024",)), stall_days=90)
    assert len(nothing) == 9 and nothing["persons"].sum() == 0  # every stage still there, for an empty state


def test_n_comes_from_netra_stall_days(wh, monkeypatch):
    monkeypatch.setenv("NETRA_STALL_DAYS", "60")
    assert settings.stall_days() == 60
    assert len(wh.stalled_cases(None)) == 4  # without stall_days: the setting
    monkeypatch.delenv("NETRA_STALL_DAYS")
    assert settings.stall_days() == settings.STALL_DAYS == 90


@pytest.mark.parametrize("text", ["0", "-5", "90 hari", "1000", "3.5"])
def test_a_stall_setting_netra_cannot_use_is_refused_with_what_it_accepts(monkeypatch, text):
    monkeypatch.setenv("NETRA_STALL_DAYS", text)
    with pytest.raises(settings.SettingError, match="NETRA_STALL_DAYS.*bilangan bulat 1 sampai 730"):
        settings.stall_days()


def test_the_public_sees_rounded_counts_no_median_of_few_and_no_case_list(wh):
    shown = protect("cross_agency_funnel", wh.cross_agency_funnel(None, stall_days=90))
    assert rows(shown, ["persons", "median_days"]) == [
        [5.0, None], [5.0, 7.0], [5.0, None], [None, None], [None, None],  # 6 timed: 7 days shown; 4 timed: not
        [None, None], [None, None], [None, None], [0.0, None]]
    area = protect("cross_agency_by_area", wh.cross_agency_by_area(None, stall_days=90))
    assert area.loc[0, "received"] == 5 and math.isnan(area.loc[1, "received"])
    for name in ("stalled_cases", "person_stages"):
        with pytest.raises(NotForThePublic):
            protect(name, wh.read(name, None, stall_days=90))


def test_the_briefing_pack_holds_the_cross_agency_flow(wh):
    pack = build_pack(["cross_agency", "funnel"], Filters(), "id", plain_reader(wh.path), "Rapat")
    assert [slide.caption.title for slide in pack.slides] == ["Alur penanganan", "Alur lintas instansi"]
    flow = pack.slides[1].figure.data[0]
    assert list(flow.text) == ["8", "6<br>−2 (25,0%)", "6<br>−0 (0,0%)", "3<br>−3 (50,0%)", "2<br>−1 (33,3%)"]
    public = build_pack(["cross_agency"], Filters(), "en", plain_reader(wh.path, public=True), "Brief")
    assert list(public.slides[0].figure.data[0].text) == ["5", "5<br>−< 5", "5<br>−0 (0.0%)",
                                                          "< 5<br>−< 5", "< 5<br>−< 5"]
    empty = build_pack(["cross_agency"], Filters(elections=("pemilu2024",)), "id", plain_reader(wh.path), "Rapat")
    assert empty.slides == ()  # no person-case: the slide is left out
