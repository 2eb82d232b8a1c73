"""Server-side export on the real Chromium: image sizes per chart kind, captions, packs, concurrency, failures.

Charts are built by the pages' own builders from the fixture warehouse (tests/app/fixtures/register.csv):
Pilkada 2024 in Jawa Tengah holds 4 cases, from Bawaslu (3) and KASN (1).
"""

from __future__ import annotations

import io
import struct
import threading
import xml.etree.ElementTree as ET

import plotly.graph_objects as go
import pytest

from tests.app.warehouse_fixture import build_fixture_warehouse
from ui.export import RENDERER, Caption, ExportUnavailable, caption_for, figure_image
from ui.export.__main__ import main
from ui.export.briefing import PIECES, briefing, build_pack, kpi_chart, plain_reader
from ui.export.images import caption_height
from ui.export.renderer import Renderer
from ui.figures import charts
from ui.views import kpis
from ui.views.captions import filters_caption
from warehouse.filters import Filters

JATENG_2024 = Filters(elections=("pilkada2024",), provinces=("33",))
COUNTED = "Orang dalam kasus · ASN (tanpa non-ASN)"  # every caption starts with the unit and who is counted
JATENG_WORDS = f"{COUNTED} · Pemilihan: Pilkada 2024 · Provinsi: Jawa Tengah"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """The published fixture warehouse file."""
    return build_fixture_warehouse(tmp_path_factory.mktemp("export-warehouse"))


@pytest.fixture(scope="module")
def read(warehouse):
    return plain_reader(warehouse)


@pytest.fixture
def data_dir(warehouse, monkeypatch):
    """NETRA_DATA_DIR pointing at the fixture warehouse (for the command line, which uses the current one)."""
    monkeypatch.setenv("NETRA_DATA_DIR", str(warehouse.parent))
    return warehouse.parent


def png_size(content: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (which must come first)."""
    assert content[:8] == b"\x89PNG\r\n\x1a\n" and content[12:16] == b"IHDR"
    return struct.unpack(">II", content[16:24])


def pdf_pages(content: bytes) -> list[tuple[float, float]]:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(content)).pages
    return [(float(page.mediabox.width), float(page.mediabox.height)) for page in pages]


def test_caption_names_filters_date_and_sources(read):
    loaded = read("warehouse_info").iloc[0]["last_loaded_at"].date()  # when the fixture register was loaded
    caption = caption_for("Judul", JATENG_2024, "id", read)
    assert caption == Caption("Judul", JATENG_WORDS, loaded, ("bawaslu", "kasn"), False, "id")
    assert caption.lines() == [
        "Judul", JATENG_WORDS,
        f"Data per {loaded:%d-%m-%Y} · Sumber: Bawaslu, KASN (register kasus yang dimuat ke Netra)",
    ]


@pytest.mark.parametrize(("synthetic", "lang", "last_line"), [
    (True, "id", "DATA SINTETIS — dibuat untuk demonstrasi, bukan data kasus yang sebenarnya"),
    (True, "en", "SYNTHETIC DATA — generated for demonstration, not real case records"),
    (False, "en", "Data as of unknown date · Source: case registers loaded into Netra"),
])
def test_caption_last_line(synthetic, lang, last_line):
    assert Caption("T", "F", None, (), synthetic, lang).lines()[-1] == last_line


@pytest.mark.parametrize(("caption", "width", "height"), [
    (Caption("T", "F"), 800, 91),  # padding 2×14 + title 25 + two lines of 19
    (Caption("T", "F", synthetic=True), 800, 110),  # + the DATA SINTETIS line
    (Caption("T", "kata " * 30), 800, 110),  # 150 characters of filters wrap onto a second line at 800 px
    (Caption("T", "kata " * 30), 1600, 91),  # … and fit on one line twice as wide
])
def test_caption_height(caption, width, height):
    assert caption_height(caption, width) == height


def _rincian_bars(read, filters, lang):
    frame = read("breakdowns", filters)
    return charts.bar_chart(frame[frame["dimension"] == "position_class"], "position_class", lang), filters


def _top_regions(read, filters, lang):
    return charts.ranking_chart(read("top_regions", filters, 10), "region_name", lang), filters


CHART_KINDS = {**{piece: builder for piece, (_, builder) in PIECES.items()},
               "bars": _rincian_bars, "ranking": _top_regions}


@pytest.mark.parametrize("kind", list(CHART_KINDS))
def test_png_of_each_chart_kind_has_the_requested_size(kind, read):
    figure, used = CHART_KINDS[kind](read, JATENG_2024, "id")
    content = figure_image(figure, "png", Caption(kind, filters_caption(used, "id")), width=800, height=500)
    assert png_size(content) == (1600, 1000)  # PNG at 2× scale, caption block included


def test_svg_and_pdf_have_the_requested_size(read):
    figure, _ = PIECES["funnel"][1](read, JATENG_2024, "id")
    caption = caption_for("Alur", JATENG_2024, "id", read)
    svg = ET.fromstring(figure_image(figure, "svg", caption, width=800, height=500))
    assert (svg.tag, svg.get("width"), svg.get("height")) == ("{http://www.w3.org/2000/svg}svg", "800", "500")
    assert len(svg.findall("{http://www.w3.org/2000/svg}svg")) == 2  # the chart, then the caption block
    assert pdf_pages(figure_image(figure, "pdf", caption, width=800, height=500)) == [(600.0, 375.0)]


def test_a_caption_too_tall_for_the_image_is_refused():
    with pytest.raises(ValueError, match="no room"):
        figure_image(go.Figure(), "png", Caption("T", "F"), width=400, height=150)


def test_concurrent_exports_each_get_their_own_image():
    figure = go.Figure()
    results: dict[int, list[tuple[int, int]]] = {}

    def export(width: int) -> None:
        results[width] = [png_size(figure_image(figure, "png", None, width, 300, scale=1)) for _ in range(3)]

    threads = [threading.Thread(target=export, args=(width,)) for width in (400, 500, 600)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {width: [(width, 300)] * 3 for width in (400, 500, 600)}


def test_pptx_has_a_title_slide_a_captioned_picture_per_chart_and_a_sources_slide(read):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    content = briefing("pptx", list(PIECES), JATENG_2024, "id", read, "Rapat koordinasi", "Catatan rapat")
    deck = Presentation(io.BytesIO(content))
    assert (deck.slide_width, deck.slide_height) == (12191695, 6858000)  # 13.333 × 7.5 in: 16:9
    slides = list(deck.slides)
    texts = [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame] for slide in slides]
    assert len(slides) == len(PIECES) + 2
    assert texts[0][0].splitlines()[:3] == ["Rapat koordinasi", "Catatan rapat", f"Filter: {JATENG_WORDS}"]
    for slide, slide_texts in zip(slides[1:-1], texts[1:-1], strict=True):
        assert [shape.shape_type for shape in slide.shapes].count(MSO_SHAPE_TYPE.PICTURE) == 1
        assert slide_texts[1].splitlines()[0] == JATENG_WORDS
    assert [t[0] for t in texts[1:-1]] == ["Angka utama", "Alur penanganan", "Alur lintas instansi", "Peta kasus",
                                           "Rincian jenis dan tingkat", "Linimasa mingguan",
                                           "Laju mingguan per tahapan, sebelum dan sejak hari-H"]
    assert texts[-1][0].splitlines()[0] == "Sumber dan metode"


def test_pdf_has_a_16_9_page_per_slide(read):
    content = briefing("pdf", ["kpis", "map", "timeline"], JATENG_2024, "id", read, "Rapat")
    assert pdf_pages(content) == [(960.0, 540.0)] * 5


def test_pack_reports_progress_before_each_step(read):
    steps = []
    briefing("pptx", ["funnel", "kpis"], JATENG_2024, "en", read, "Brief", progress=lambda *step: steps.append(step))
    assert steps == [(0, 4, "Brief"), (1, 4, "Headline numbers"), (2, 4, "Enforcement funnel"),
                     (3, 4, "Sources and method"), (4, 4, "")]


def test_election_pieces_are_captioned_with_the_election_they_show(read):
    pack = build_pack(["funnel", "timeline"], Filters(provinces=("33",)), "id", read, "Rapat")
    assert [slide.caption.filters for slide in pack.slides] == [
        f"{COUNTED} · Provinsi: Jawa Tengah", JATENG_WORDS]  # the latest election


def test_command_line_writes_a_pack(data_dir, tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    assert main(["briefing", "--election", "pilkada2024", "--province", "33", "--charts", "kpis,funnel",
                 "--out", str(out)]) == 0
    assert pdf_pages(out.read_bytes()) == [(960.0, 540.0)] * 4  # format from the suffix


@pytest.mark.parametrize(("args", "message"), [
    (["--province", "99"], "Gagal: kode provinsi tidak dikenal: 99"),
    (["--charts", "kpis,pie"], "Gagal: --charts harus berisi nama dari: kpis, funnel"),
    (["--province", "74", "--election", "pilkada2024"], "Gagal: tidak ada kasus untuk filter ini"),
])
def test_command_line_refuses_what_it_cannot_build(args, message, data_dir, tmp_path, capsys):
    assert main(["briefing", *args, "--out", str(tmp_path / "x.pptx")]) == 2
    assert capsys.readouterr().err.startswith(message)
    assert not (tmp_path / "x.pptx").exists()


def test_command_line_without_a_warehouse(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NETRA_DATA_DIR", str(tmp_path / "empty"))
    assert main(["briefing", "--out", str(tmp_path / "x.pptx")]) == 2
    assert capsys.readouterr().err.startswith("Gagal: belum ada gudang data.")


def test_without_a_browser_export_says_so_in_indonesian(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(ExportUnavailable, match="^Ekspor gambar tidak tersedia: peramban Chromium tidak ditemukan"):
        Renderer().render(go.Figure().to_dict(), "png", 100, 100)


def test_the_no_browser_message_follows_the_language(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(ExportUnavailable) as caught:
        Renderer().render(go.Figure().to_dict(), "png", 100, 100)
    assert caught.value.message("en").startswith("Image export is unavailable: the Chromium browser was not found")
    assert caught.value.message("id") == str(caught.value)


def test_command_line_without_a_browser_exits_3(data_dir, tmp_path, monkeypatch, capsys):
    RENDERER.close()  # the next export starts a browser again, and finds none
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert main(["briefing", "--election", "pilkada2024", "--out", str(tmp_path / "x.pptx")]) == 3
    assert "Ekspor gambar tidak tersedia" in capsys.readouterr().err


@pytest.fixture
def app_page(data_dir, tmp_path, monkeypatch):
    """`app_page(script=Briefing, **url)`: a page in AppTest over the fixture warehouse, URL parameters applied."""
    from streamlit.testing.v1 import AppTest

    import settings

    monkeypatch.setenv("NETRA_ROLE", "pimpinan")  # aggregates only: a pack is for every role
    monkeypatch.setenv("NETRA_USERS_FILE", str(tmp_path / "no-users.toml"))

    def open_page(script: str = "pages/briefing_pack.py", **url) -> AppTest:
        at = AppTest.from_file(str(settings.ROOT / "dashboard.py"), default_timeout=120)
        at.query_params.update(url)
        at.run()
        return at.switch_page(script).run()

    return open_page


def _button(at, label: str):
    return next(button for button in at.button if button.label == label)


def test_app_page_builds_a_pack_and_offers_it(app_page):
    at = app_page(el="pilkada2024", prov="33")
    assert not at.exception
    assert at.title[0].value == "Paket briefing · Pilkada 2024"
    assert at.get("download_button") == []  # nothing built yet
    _button(at, "Buat paket").click().run()
    assert not at.exception
    (download,) = at.get("download_button")
    assert download.proto.label == "Unduh PPTX"
    assert at.main.caption[-1].value == JATENG_WORDS  # the filters the pack was built from


def test_app_page_without_cases_says_so(app_page):
    at = app_page(el="pilkada2024", prov="74")
    assert [info.value for info in at.info] == [
        "Tidak ada kasus untuk filter ini. Longgarkan filter di bilah samping atau atur ulang."]
    assert at.get("download_button") == []


def test_app_page_without_a_browser_explains_and_disables_building(app_page, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = app_page(el="pilkada2024")
    assert not at.exception
    assert at.warning[-1].value.startswith("Ekspor gambar tidak tersedia: peramban Chromium tidak ditemukan")
    assert _button(at, "Buat paket").disabled


def test_app_page_without_a_browser_explains_in_english_too(app_page, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = app_page(el="pilkada2024", lang="en")
    assert at.warning[-1].value.startswith("Image export is unavailable: the Chromium browser was not found")


def test_the_headline_slide_says_what_each_percentage_is_of(read):
    cards = kpis.cards_for(read, JATENG_2024, "id")
    figure = kpi_chart(cards, "id")
    labels = [note.text for note in figure.layout.annotations][::3]  # label, value, change per card
    assert labels == ["Dilaporkan", f"Terbukti (% dilaporkan)<br>{cards[1].share}",
                      f"Disanksi (% terbukti)<br>{cards[2].share}", "Median hari lapor → putusan"]
    assert cards[2].label == f"Disanksi · {cards[2].share}"  # the page's card keeps its short label and tooltip


@pytest.mark.parametrize("script", ["pages/overview.py", "pages/breakdowns.py", "pages/regional_map.py"])
def test_every_chart_has_png_svg_and_pdf_buttons(script, app_page):
    at = app_page(script, el="pilkada2024")
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == ["PNG", "SVG", "PDF"] * len(at.get("plotly_chart"))
    assert labels


def test_without_a_browser_charts_say_why_there_is_no_download(app_page, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = app_page("pages/overview.py", el="pilkada2024")
    assert not at.exception
    assert at.get("download_button") == []
    notes = [caption.value for caption in at.main.caption if caption.value.startswith("Ekspor gambar tidak tersedia")]
    assert len(notes) == len(at.get("plotly_chart"))


def test_a_failed_download_is_kept_for_the_session_s_next_run(monkeypatch):
    from ui.app.export_buttons import _FAILURES, _render

    RENDERER.close()
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(ExportUnavailable):
        _render(go.Figure(), "png", Caption("T", "F"), ("session-1", "export_x_png"))
    assert _FAILURES.pop(("session-1", "export_x_png")).startswith("Ekspor gambar tidak tersedia")
