"""Issue 9 defect 5: a link can no longer crash a page. Every URL value is checked; what is ignored is named once
in a notice, the rest applies, and reloading the same link works."""

from datetime import date

import pytest

import settings

PAGES = sorted(f"pages/{path.name}" for path in (settings.ROOT / "pages").glob("*.py"))
NOTICE = "Sebagian isi tautan ini diabaikan"
BAD_LINKS = {
    "date-below-min": {"tgl": ["1900-01-01", "2024-01-01"]},
    "date-far-future": {"tgl": ["9999-12-31"]},
    "three-dates": {"tgl": ["2024-01-01", "2024-12-31", "2025-01-05"]},
    "not-a-date": {"tgl": ["31/12/2024"]},
    "unknown-code": {"el": ["pilkada2099"], "jenis": ["<b>x</b>"]},
    "too-many": {"kab": [f"33.{i:02d}" for i in range(1, 30)] * 14},  # 406 values: over every cap Netra sets
}


def notices(at) -> list[str]:
    return [w.value for w in at.warning if w.value.startswith(NOTICE)]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("link", BAD_LINKS, ids=list(BAD_LINKS))
def test_a_bad_link_opens_every_page_without_a_traceback(make_app, page, link):
    at = make_app(page=page, query=BAD_LINKS[link])  # the frame's first run read the link; this is the next one
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert notices(at) == []  # the notice belongs to the run that read the link (see the next test)


@pytest.mark.parametrize("link", BAD_LINKS, ids=list(BAD_LINKS))
def test_the_first_page_of_a_bad_link_shows_the_notice_and_the_rest_applies(make_app, link):
    at = make_app(page=None, query={"prov": ["33"], **BAD_LINKS[link]})
    assert not at.exception, [e.value for e in at.exception]
    (notice,) = notices(at)
    assert at.sidebar.multiselect(key="prov").value == ["33"]
    # of Jawa Tengah's five cases, PEM-001 is of 2023 and P24-004 of Kota Semarang (33.74): the valid dates (from
    # 2024-01-01) and the 29 regions the long link names before the caps apply
    narrowed = link in ("date-below-min", "three-dates", "too-many")
    assert at.metric[0].value == ("4" if narrowed else "5")


def test_the_valid_date_of_a_half_bad_range_applies(make_app):
    at = make_app(query={"tgl": ["1900-01-01", "2024-10-01"]})
    (notice,) = notices(at)
    assert "`tgl=1900-01-01` (di luar 01-01-2019 s.d. 31-12-" in notice
    assert at.sidebar.date_input(key="tgl").value == (date(2024, 10, 1),)


def test_a_duplicated_value_is_named_once_in_captions(make_app):
    at = make_app(query={"el": ["pilkada2024", "pilkada2024"]})
    assert at.sidebar.multiselect(key="el").value == ["pilkada2024"]
    captions = [c.value for c in at.main.caption]
    assert "Orang dalam kasus · ASN (tanpa non-ASN) · Pemilihan: Pilkada 2024" in captions
    assert not any("Pilkada 2024, Pilkada 2024" in c for c in captions)
    assert "`el=pilkada2024` (sudah disebut)" in notices(at)[0]


def test_a_link_streamlit_itself_drops_opens_the_default_view(make_app):
    at = make_app(query={"kab": ["33.25"] * 1001})  # over 1000 parameters: Streamlit drops the whole query string
    assert not at.exception and at.metric[0].value == "12"


def test_reloading_the_bad_link_works_again(make_app):
    for _ in range(2):  # a reload is a new session reading the same link
        at = make_app(query=BAD_LINKS["date-below-min"])
        assert not at.exception and len(notices(at)) == 1


def test_the_notice_is_shown_once_per_session(make_app):
    at = make_app(query=BAD_LINKS["unknown-code"])
    assert len(notices(at)) == 1
    at.run()
    assert notices(at) == []


def test_a_date_picked_in_the_sidebar_cannot_pass_next_year(make_app):
    at = make_app()
    widget = at.sidebar.date_input(key="tgl")
    assert widget.max.year == date.today().year + 1
