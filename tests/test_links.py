"""A link's parameters, checked (ui.views.links): what is accepted and what is ignored, and why."""

from datetime import date

import pytest

from ui.views import links
from ui.views.links import Ignored, ignored_notice, read_link

LISTS = {"el": {"pilkada2024", "pemilu2024"}, "prov": {"33", "73"}}
SINGLE = {"basis": {"incident_date", "report_date"}, "lang": {"id", "en"}}
FIRST, LAST = date(2019, 1, 1), date(2027, 12, 31)


def read(params: dict[str, list[str]]) -> links.Link:
    return read_link(params, LISTS, SINGLE, "tgl", FIRST, LAST)


@pytest.mark.parametrize(("params", "lists", "single", "dates", "ignored"), [
    ({"el": ["pilkada2024"], "prov": ["33", "73"]}, {"el": ["pilkada2024"], "prov": ["33", "73"]}, {}, (), []),
    ({"el": ["pilkada2024", "pilkada2024"]}, {"el": ["pilkada2024"]}, {}, (),
     [Ignored("el", "pilkada2024", "duplicate")]),
    ({"el": ["pilkada2099"], "prov": ["33"]}, {"prov": ["33"]}, {}, (),
     [Ignored("el", "pilkada2099", "unknown_value")]),
    ({"tgl": ["1900-01-01", "2024-01-01"]}, {}, {}, (date(2024, 1, 1),),
     [Ignored("tgl", "1900-01-01", "out_of_range")]),
    ({"tgl": ["9999-12-31"]}, {}, {}, (), [Ignored("tgl", "9999-12-31", "out_of_range")]),
    ({"tgl": ["2024-12-31", "2024-01-01"]}, {}, {}, (date(2024, 1, 1), date(2024, 12, 31)), []),
    ({"tgl": ["2024-01-01", "2024-02-01", "2024-03-01"]}, {}, {}, (date(2024, 1, 1), date(2024, 2, 1)),
     [Ignored("tgl", "2024-03-01", "too_many")]),
    ({"tgl": ["kemarin", "2024-13-01"]}, {}, {}, (),
     [Ignored("tgl", "kemarin", "not_a_date"), Ignored("tgl", "2024-13-01", "not_a_date")]),
    ({"basis": ["report_date", "incident_date"], "lang": ["xx"]}, {}, {"basis": "report_date"}, (),
     [Ignored("basis", "incident_date", "duplicate"), Ignored("lang", "xx", "unknown_value")]),
    ({"utm_source": ["mail"], "embed": ["true"]}, {}, {}, (), [Ignored("utm_source", "mail", "unknown_parameter")]),
    ({"el": [""], "tgl": [""]}, {}, {}, (), []),  # an empty value says "nothing chosen": not an error
])
def test_each_parameter_is_checked(params, lists, single, dates, ignored):
    link = read(params)
    assert (link.lists, link.single, link.dates, link.ignored) == (lists, single, dates, ignored)


def test_too_many_values_of_one_filter_are_cut_at_the_cap():
    codes = [f"{i:02d}" for i in range(links.MAX_PER_KEY + 20)]
    link = read_link({"prov": codes}, {"prov": set(codes)}, {}, "tgl", FIRST, LAST)
    assert link.lists["prov"] == codes[:links.MAX_PER_KEY]
    assert [i.reason for i in link.ignored] == ["too_many"] * 20


def test_a_link_longer_than_the_cap_keeps_its_beginning():
    params = {"prov": ["33"] * 2 + ["x" * (links.MAX_CHARACTERS // 2)] * 3}
    link = read(params)
    assert link.lists == {"prov": ["33"]}
    assert [i.reason for i in link.ignored] == ["duplicate", "unknown_value", "too_long", "too_long"]


def test_the_notice_names_what_was_ignored_verbatim_and_counts_the_rest():
    ignored = [Ignored("tgl", "1900-01-01", "out_of_range"), Ignored("el", "**x**", "unknown_value")]
    ignored += [Ignored("prov", str(i), "unknown_value") for i in range(5)]
    text = ignored_notice(ignored, FIRST, LAST, "id")
    assert text.startswith("Sebagian isi tautan ini diabaikan: `tgl=1900-01-01` (di luar 01-01-2019 s.d. "
                           "31-12-2027); `el=**x**` (nilai tidak dikenal); `prov=0`")
    assert text.endswith("Sisanya dipakai. Dan 2 nilai lain.")
    assert ignored_notice([], FIRST, LAST, "en") is None
