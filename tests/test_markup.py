"""Outside text in markdown elements (ui.views.markup): rendered as the very characters it holds, in a sentence
or in a small table."""

import pandas as pd
import pytest

from ui.views.markup import BREAK, code_span, escape, markdown_table, plain

PAYLOAD = "# Big ![](http://127.0.0.1:1/track.png) $x^2$ :red[x] <b>b</b>"


@pytest.mark.parametrize(("text", "markdown"), [
    ("register_jateng.csv: dimuat, tetapi 2 baris ditolak", "register_jateng.csv: dimuat, tetapi 2 baris ditolak"),
    ("Baris 14, kolom 'Kabupaten/Kota': 'Tegal' (33.28)", "Baris 14, kolom 'Kabupaten/Kota': 'Tegal' (33.28)"),
    (PAYLOAD, f"\\# Big !\\[\\](http:{BREAK}//127.0.0.1:{BREAK}1/track.png) \\$x^2\\$ :{BREAK}red\\[x\\] "
              "\\<b\\>b\\</b\\>"),
    ("- daftar", "\\- daftar"),
    ("1. daftar", "1\\. daftar"),
    ("**tebal** _miring_ ~~coret~~", "\\*\\*tebal\\*\\* \\_miring\\_ \\~\\~coret\\~\\~"),
    (":smile: :material/home:", f":{BREAK}smile: :{BREAK}material/home:"),
    ("www.contoh.id a@b.id", f"www{BREAK}.contoh.id a@{BREAK}b.id"),
    ("dua\nbaris", "dua baris"),
    ("`kode` & &amp;", "\\`kode\\` \\& \\&amp;"),
])
def test_escape_changes_only_what_could_start_markup(text, markdown):
    assert escape(text) == markdown
    assert plain(markdown) == " ".join(text.split())


@pytest.mark.parametrize(("text", "span"), [
    ("Budi", "`Budi`"),
    (PAYLOAD, f"`{PAYLOAD}`"),
    ("a `b` c", "``a `b` c``"),
    ("`x`", "`` `x` ``"),
    ("", "`  `"),  # only spaces: CommonMark keeps them
])
def test_code_span_holds_any_text_verbatim(text, span):
    assert code_span(text) == span


def test_code_span_cuts_very_long_text():
    assert code_span("x" * 500) == f"`{'x' * 200}…`"


def test_a_small_table_as_markdown_escapes_every_cell_and_right_aligns_numbers():
    frame = pd.DataFrame({"Periode": ["Kampanye | *akhir*", "Masa tenang"], "Kasus": [589, 56],
                          "× laju": ["×4,9", "—"], "Tanggal": ["25-09-2024 – 23-11-2024", "24-11-2024 – 26-11-2024"]})
    lines = markdown_table(frame).splitlines()
    assert lines[1] == "|:---|---:|---:|:---|"  # counts and ratios right, words and dates left
    assert lines[2].startswith("| Kampanye \\| \\*akhir\\* | 589 | ×4,9 |")  # a '|' cannot open a new cell
    assert len(lines) == 4 and all(line.count(" | ") == 3 for line in lines[2:])

