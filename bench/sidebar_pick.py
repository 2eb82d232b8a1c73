"""Picking an option of a sidebar multiselect in headless Chromium: one way for bench.page_visits and the e2e tests,
so that a fix for a flaky dropdown lands in both."""

from __future__ import annotations

TRIES = 3
WAIT_MS = 10_000


class OptionNotShown(Exception):
    """The multiselect, or its option, never showed; the message says which."""


def sidebar_option(page, picker_label: str, option_label: str, settle_ms: int = 0):
    """Open the sidebar multiselect labelled `picker_label` and type `option_label`; the option, drawn, to click.

    The option list is virtualised: typing narrows it so that the option is drawn. A dropdown can close before its
    option shows (a busy machine's late layout): it is reopened, three tries in all, the typed text cleared first
    on a retry (never on the first: Backspace on an empty input drops a chosen value). `settle_ms` waits before
    each try (the bench's timed click must not include the layout settling)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    picker = page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(
        has=page.get_by_text(picker_label, exact=True))
    try:
        picker.wait_for(timeout=WAIT_MS)
    except PlaywrightTimeout:
        raise OptionNotShown(f"no sidebar multiselect labelled {picker_label!r}") from None
    option = page.get_by_role("option", name=option_label, exact=True)
    for attempt in range(TRIES):
        if settle_ms:
            page.wait_for_timeout(settle_ms)
        picker.click()
        if attempt:
            page.keyboard.press("Control+A")
            page.keyboard.press("Backspace")
        page.keyboard.type(option_label)
        try:
            option.wait_for(timeout=WAIT_MS)
            return option
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise OptionNotShown(f"option {option_label!r} did not show in {picker_label!r} after {TRIES} tries")
