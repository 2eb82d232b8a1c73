"""In a real browser: a chart's PNG button downloads a PNG rendered on the server, captioned, at 2× scale."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from ui.export.images import HEIGHT, PNG_SCALE, WIDTH


@pytest.mark.e2e
def test_png_download_of_a_chart_is_a_png(page, app_url, wait_idle):
    page.goto(f"{app_url}/?el=pilkada2024")
    wait_idle(page)
    page.get_by_test_id("stSidebarNav").get_by_text("Linimasa").click()  # a deep link would open a 404 modal
    page.wait_for_url("**/linimasa*")
    wait_idle(page)
    button = page.get_by_test_id("stDownloadButton").filter(has_text="PNG").first
    with page.expect_download(timeout=60_000) as download:
        button.click()
    content = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename == "netra-linimasa.png"
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", content[16:24]) == (WIDTH * PNG_SCALE, HEIGHT * PNG_SCALE)
