"""Linimasa in headless Chromium: plotly really draws the stage bands and the voting-day line, with their labels,
on calendar dates and on days from voting day; on a phone the timeline takes the screen's width."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, page_on

pytestmark = pytest.mark.e2e

STAGES = ["Pendaftaran", "Penetapan calon", "Kampanye", "Masa tenang", "Pemungutan suara", "Rekapitulasi",
          "Sengketa", "Pelantikan"]


def first_chart(page):
    """The timeline: the first plotly chart of the page, once its annotations are drawn."""
    chart = page.locator(".js-plotly-plot").first
    expect(chart.locator(".annotation-text").first).to_be_visible(timeout=30_000)
    # The first session of a fresh server opened on a deep link gets Streamlit's 'Page not found' dialog (the frame
    # registers its url paths on its first run) although the page runs; the dialog would block the clicks below.
    if page.get_by_role("dialog").count():
        page.keyboard.press("Escape")
    return chart


def test_stage_bands_and_the_voting_day_line_are_drawn_and_labelled(app_url, page, wait_idle):
    page.goto(f"{app_url}/linimasa?el=pilkada2024")
    expect(page.get_by_role("heading", name="Linimasa menurut tahapan pemilihan")).to_be_visible(timeout=30_000)
    chart = first_chart(page)
    wait_idle(page)
    labels = chart.locator(".annotation-text").all_text_contents()
    assert labels == STAGES + ["Hari pemungutan suara 27-11-2024"]
    # shapes: 8 stage bands below the bars, and the voting-day line
    shapes = chart.locator(".shapelayer path")
    assert shapes.count() == 9
    style = "e => [getComputedStyle(e).fill, getComputedStyle(e).stroke]"
    styles = [shapes.nth(i).evaluate(style) for i in range(9)]
    assert styles[2][0] == "rgb(253, 229, 204)"  # the kampanye band
    lines = [i for i, (_, stroke) in enumerate(styles) if stroke == "rgb(138, 21, 56)"]
    assert lines == [8] and shapes.nth(8).bounding_box()["width"] <= 3  # one thin maroon vertical line


def test_days_from_voting_day_put_the_line_at_h(app_url, page, wait_idle):
    page.goto(f"{app_url}/linimasa?el=pilkada2024")
    first_chart(page)
    wait_idle(page)
    page.get_by_role("radio", name="Hari dari hari-H", exact=True).click()
    chart = page.locator(".js-plotly-plot").first
    expect(chart.locator(".xtick text", has_text="H+21")).to_be_visible(timeout=15_000)  # 3-week ticks
    wait_idle(page)
    ticks = chart.locator(".xtick text").all_text_contents()
    assert "H" in ticks and "H−21" in ticks
    h_tick = chart.locator(".xtick text").nth(ticks.index("H")).bounding_box()
    line = chart.locator(".shapelayer path").nth(8).bounding_box()  # the voting-day line follows the 8 bands
    assert abs((h_tick["x"] + h_tick["width"] / 2) - (line["x"] + line["width"] / 2)) < 2  # line on the H tick
    assert chart.locator(".annotation-text").all_text_contents()[-1] == "Hari pemungutan suara 27-11-2024"


def test_on_a_phone_the_timeline_plot_takes_the_width(app_url, browser):
    """A phone's browser says 'Mobile' (ui.app.screen): the legend goes below, so the bars get the screen's width
    (beside them, the series' names left a strip of a few pixels)."""
    with page_on(browser, PHONE) as page:
        page.goto(f"{app_url}/linimasa?el=pilkada2024")
        plot_px, figure_px = first_chart(page).evaluate("c => [c._fullLayout._size.w, c._fullLayout.width]")
    assert figure_px <= 390 and plot_px > 0.7 * figure_px
