"""Text from outside Netra — register cells, file names, a search typed in, a link's values — shown through
Streamlit's markdown elements (st.info, st.error, st.caption, button labels) as the very characters it holds:
never a heading, list, link, image, colour, formula, emoji or icon shortcode, autolink or HTML.

Where a value can go in a table cell (st.dataframe) or st.text instead, that is better still: those never
interpret anything. These helpers are for text inside a sentence. `escape` changes only what could start
markup, so ordinary text (a file name, a loader's sentence) stays as it is.
"""

from __future__ import annotations

import re

ALWAYS = frozenset("\\`*[]<>$&|~")  # markup wherever they stand (emphasis, links, images, HTML, maths, entities, …)
LINE_START = frozenset("#-+=")  # markup only at the start of a line: heading, list, rule, setext underline
BREAK = "\u200b"  # zero-width space: keeps ':smile:', ':material/…:', 'http://…', 'www.', 'a@b.c' from forming
LEADING_NUMBER = re.compile(r"\d+[.)]")  # '1. ' or '1) ' at the start: an ordered list
MAX_SHOWN = 200  # characters of one outside value shown in a sentence; the rest is cut with '…'


def escape(text: str) -> str:
    """`text` as markdown that renders to exactly these characters, on one line (line breaks become spaces)."""
    flat = " ".join(str(text).split())
    number = LEADING_NUMBER.match(flat)
    out = []
    for i, char in enumerate(flat):
        before, after = flat[i - 1] if i else " ", flat[i + 1] if i + 1 < len(flat) else " "
        if char in ALWAYS or (i == 0 and char in LINE_START) or (number and i == number.end() - 1):
            out.append("\\" + char)
        elif char == "_" and not (before.isalnum() and after.isalnum()):  # inside a word '_' never emphasises
            out.append("\\_")
        elif char in ":@" and not after.isspace():
            out.append(char + BREAK)
        else:
            out.append(char)
    return "".join(out).replace("www.", f"www{BREAK}.")


def code_span(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` as an inline code span: shown verbatim in a monospace box, whatever backticks it holds."""
    flat = " ".join(str(text).split())
    flat = flat if len(flat) <= limit else flat[:limit] + "…"
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def plain(markdown: str) -> str:
    """What a person reads of text made by `escape`: the escapes and breaks taken out (for tests and logs)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(BREAK, "")


NUMBER_CELL = re.compile(r"^(—|[×+\-−<]?\s?[\d.,]+%?)$")  # a count, rate, ratio or share as written for people


def markdown_table(frame) -> str:
    """`frame` (a small DataFrame of finished cells) as a markdown table: every cell escaped, number columns
    right-aligned. It draws as plain HTML, without the data grid's ~1.2 MB of code to fetch and compile: for a
    table of a few rows read at a glance, where sorting and scrolling add nothing."""
    columns = list(frame.columns)
    right = [all(NUMBER_CELL.match(str(v)) for v in frame[c]) for c in columns]  # escape() writes '|' as '\|'
    lines = ["| " + " | ".join(escape(c) for c in columns) + " |",
             "|" + "|".join("---:" if r else ":---" for r in right) + "|"]
    lines += ["| " + " | ".join(escape(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)
