"""Charts keep their words inside them and controls their options on screen, on a wide page and on a phone: a
label, footnote or legend entry past a chart's edge is cut off (the cross-agency footnote was at 1400 px; the
voting-day label, the prepost ratio note and the map legend's last class on a phone), and so is an option past
the screen's (Peta's last two measures on a phone)."""

import pytest

from bench.page_probe import DRAWN
from tests.e2e.conftest import PHONE, WIDE, page_on

pytestmark = pytest.mark.e2e
SCREENS = {"wide": WIDE, "phone": PHONE}
# Texts of chart annotations and legend entries whose box reaches past their chart's (a pixel of slack for rounding).
OUTSIDE = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(chart => {
  const box = chart.getBoundingClientRect();
  return [...chart.querySelectorAll('.annotation, .legend .traces')].filter(note => {
    const edge = note.getBoundingClientRect();
    return edge.width > 0 && (edge.right > box.right + 1 || edge.left < box.left - 1);
  }).map(note => note.textContent);
})"""
# Labels of segmented-control options that reach past the screen's right edge (a phone cut Peta's last two off).
CUT_OPTIONS = """() => [...document.querySelectorAll('[data-testid="stButtonGroup"] button')].filter(option => {
  const edge = option.getBoundingClientRect();
  return edge.width > 0 && edge.right > window.innerWidth + 1;
}).map(option => option.textContent)"""


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", ["", "alur", "peta", "linimasa"])
def test_chart_words_stay_inside_their_chart_and_options_on_screen(app_url, browser, path, screen):
    with page_on(browser, SCREENS[screen]) as page:
        page.goto(f"{app_url}/{path}?el=pilkada2024")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        page.wait_for_function(DRAWN, timeout=30_000)
        outside, cut = page.evaluate(OUTSIDE), page.evaluate(CUT_OPTIONS)
    assert outside == []
    assert cut == []
