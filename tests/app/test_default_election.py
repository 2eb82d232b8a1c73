"""The default view is one election (settings.default_election), named in every page's title; a link wins.

The fixture holds Pilkada 2024 (8 cases, voting day 27-11-2024) and Pemilu 2024 (4 cases, 14-02-2024): the latest
election with cases is Pilkada 2024.
"""

import pytest

OVERVIEW = "pages/overview.py"
TITLED = {  # page -> its title in Indonesian, before the election
    "pages/overview.py": "Ringkasan netralitas ASN",
    "pages/regional_map.py": "Peta kasus per wilayah",
    "pages/breakdowns.py": "Rincian pelanggaran",
    "pages/timeline.py": "Linimasa menurut tahapan pemilihan",
    "pages/data_explorer.py": "Data kasus",
    "pages/briefing_pack.py": "Paket briefing",
}


@pytest.fixture
def default_is(monkeypatch):
    """`default_is("latest")`: the server's NETRA_DEFAULT_ELECTION for this test."""
    return lambda value: monkeypatch.setenv("NETRA_DEFAULT_ELECTION", value)


def headline(at) -> str:
    """The page's title (st.title or st.header)."""
    return (at.title or at.header)[0].value


def test_no_election_in_the_url_opens_on_the_latest_election(make_app, default_is):
    default_is("latest")
    at = make_app(page=OVERVIEW)
    assert at.sidebar.multiselect(key="el").value == ["pilkada2024"]
    assert at.metric[0].value == "8"
    assert headline(at) == "Ringkasan netralitas ASN · Pilkada 2024"
    assert at.query_params["el"] == "pilkada2024"  # the link says which election it shows


def test_an_election_in_the_url_wins_over_the_default(make_app, default_is):
    default_is("latest")
    at = make_app(page=OVERVIEW, query={"el": "pemilu2024"}, lang="en")
    assert (at.metric[0].value, headline(at)) == ("4", "Civil service neutrality at a glance · Pemilu 2024")


def test_an_empty_election_in_the_url_and_a_cleared_widget_mean_all_elections(make_app, default_is):
    default_is("latest")
    at = make_app(page=OVERVIEW, query={"el": ""})
    assert (at.metric[0].value, headline(at)) == ("12", "Ringkasan netralitas ASN · semua pemilihan")
    at = make_app(page=OVERVIEW)
    at.sidebar.multiselect(key="el").unselect("pilkada2024").run()
    assert (at.metric[0].value, headline(at)) == ("12", "Ringkasan netralitas ASN · semua pemilihan")
    assert at.query_params["el"] == ""  # a copied link opens on all elections too, not on the default


@pytest.mark.parametrize(("setting", "chosen", "reported"), [
    ("all", [], "12"), ("ALL ", [], "12"), ("pemilu2024", ["pemilu2024"], "4"), ("", ["pilkada2024"], "8"),
])
def test_the_setting_names_the_default(make_app, default_is, setting, chosen, reported):
    default_is(setting)
    at = make_app(page=OVERVIEW)
    assert (at.sidebar.multiselect(key="el").value, at.metric[0].value) == (chosen, reported)
    assert "el" not in at.query_params if setting.strip().lower() == "all" else True


def test_a_bad_setting_is_refused_with_what_it_accepts(make_app, default_is):
    default_is("pilkada2029")
    at = make_app(lang="en")
    assert not at.exception
    assert at.error[0].value == (
        "The setting `NETRA_DEFAULT_ELECTION=pilkada2029` is not known. Write one of `latest`, `all`, `pilkada2020`,"
        " `pemilu2024`, `pilkada2024` (default `latest`: the latest election that has cases), then restart the "
        "dashboard.")
    assert at.metric == [] and at.sidebar.multiselect == []


@pytest.mark.parametrize("page", list(TITLED))
def test_every_page_title_names_the_elections(make_app, default_is, page):
    default_is("latest")
    assert headline(make_app(page=page)) == f"{TITLED[page]} · Pilkada 2024"
    at = make_app(page=page, query={"el": ["pemilu2024", "pilkada2024"]}, lang="en")
    shown = "Pilkada 2024" if page == "pages/timeline.py" else "Pemilu 2024, Pilkada 2024"  # Linimasa: one election
    assert headline(at).endswith(f" · {shown}")
