"""Charts keep their words inside them, on a wide page and on a phone: a label or footnote that runs past a
chart's edge is cut off (the cross-agency footnote did at 1400 px, the voting-day label on a phone)."""

import pytest

from bench.page_probe import DRAWN
from tests.e2e.test_timeline import PHONE_AGENT

pytestmark = pytest.mark.e2e
SCREENS = {"wide": {"viewport": {"width": 1400, "height": 900}},
           "phone": {"viewport": {"width": 390, "height": 844}, "user_agent": PHONE_AGENT, "is_mobile": True,
                     "has_touch": True}}
# Texts of chart annotations whose box reaches past their chart's box (a pixel of slack for rounding).
OUTSIDE = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(chart => {
  const box = chart.getBoundingClientRect();
  return [...chart.querySelectorAll('.annotation')].filter(note => {
    const edge = note.getBoundingClientRect();
    return edge.width > 0 && (edge.right > box.right + 1 || edge.left < box.left - 1);
  }).map(note => note.textContent);
})"""


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", ["", "alur", "linimasa"])
def test_chart_annotations_stay_inside_their_chart(app_url, browser, path, screen):
    context = browser.new_context(**SCREENS[screen])
    try:
        page = context.new_page()
        page.goto(f"{app_url}/{path}?el=pilkada2024")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        page.wait_for_function(DRAWN, timeout=30_000)
        assert page.evaluate(OUTSIDE) == []
    finally:
        context.close()
