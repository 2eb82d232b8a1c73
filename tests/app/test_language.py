"""The language switch: always a language, taken from the URL on a session's first run, never `?lang=None`."""

import pytest

OVERVIEW = "pages/overview.py"
TITLES = {"id": "Ringkasan netralitas ASN · semua pemilihan",
          "en": "Civil service neutrality at a glance · all elections"}


def switch(at):
    return at.sidebar.segmented_control(key="lang")


def params(at) -> dict[str, list[str]]:
    """The URL parameters as a browser holds them (AppTest keeps a single value as a plain string)."""
    return {key: value if isinstance(value, list) else [value] for key, value in at.query_params.items()}


@pytest.mark.parametrize(("url", "lang"), [(None, "id"), ("id", "id"), ("en", "en"), ("xx", "id"), ("None", "id"),
                                           ("", "id")])
def test_the_first_run_takes_the_url_language_or_the_default(make_app, url, lang):
    at = make_app(page=OVERVIEW, query={} if url is None else {"lang": url})
    assert not at.exception
    assert switch(at).value == lang
    assert at.title[0].value == TITLES[lang]
    assert params(at).get("lang") == (["en"] if lang == "en" else None)  # an unknown one leaves the URL


@pytest.mark.parametrize("url", [None, "en"])
def test_the_switch_s_own_default_is_a_language(make_app, url):
    # What a browser shows before any value is sent back: the element default. Without one it was "nothing",
    # which the switch then reported as None.
    at = make_app(query={} if url is None else {"lang": url})
    assert list(switch(at).proto.default) == [["id", "en"].index(url or "id")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_switch_reporting_no_language_keeps_the_session_s_language(make_app, lang):
    at = make_app(page=OVERVIEW, query={"prov": "33"}, lang=lang)
    switch(at).set_value(None).run()
    assert not at.exception
    assert params(at) == {"prov": ["33"], **({"lang": ["en"]} if lang == "en" else {})}  # never lang=None
    assert at.title[0].value == TITLES[lang]


def test_a_page_switch_without_url_parameters_keeps_the_language(make_app):
    at = make_app(lang="en")
    at.query_params.clear()  # what a sidebar link sends: the new page's path, no parameters
    at.switch_page("pages/about.py").run()
    assert at.title[0].value == "About Netra" and params(at) == {"lang": ["en"]}
    assert switch(at).value == "en"


def test_english_stays_in_the_url_across_pages_and_back_to_indonesian_leaves_it(make_app):
    at = make_app()
    switch(at).set_value("en").run()
    assert params(at) == {"lang": ["en"]}
    at.switch_page("pages/breakdowns.py").run()
    assert at.title[0].value == "Breakdowns · all elections" and params(at) == {"lang": ["en"]}
    switch(at).set_value("id").run()
    assert at.title[0].value == "Rincian pelanggaran · semua pemilihan" and params(at) == {}


@pytest.mark.parametrize(("page", "opened", "in_english", "chart"), [
    ("pages/timeline.py", "Jeda", "Lags", "tl_lag"),
    ("pages/overview.py", "Peta", "Map", "ov_map_chart"),
])
def test_a_language_switch_keeps_the_open_tab(make_app, page, opened, in_english, chart):
    at = make_app(page=page)
    at.session_state["tab"] = opened
    at.run()
    switch(at).set_value("en").run()
    assert at.session_state["tab"] == in_english
    assert chart in [drawn.key for drawn in at.get("plotly_chart")] and not at.exception
