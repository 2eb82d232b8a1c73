"""Structural promises kept by tests over the repository's own source.

Named SQL files pair with Warehouse methods; domain rules are written once; dependencies point one way
(pages → ui → warehouse/geo, etl → warehouse/geo; inside ui/ by kind); icons are Material Symbols, never emoji
(the string catalogue's promises are in test_strings.py).
"""

from __future__ import annotations

import ast
import inspect
import re
import subprocess
from pathlib import Path

import pytest
from streamlit.string_util import is_material_icon

import settings
from warehouse import reader
from warehouse.reader import QUERIES, Warehouse

ROOT = Path(__file__).resolve().parents[1]
PROVEN_PAIR = re.compile(r"""['"]terbukti['"]\s*,\s*['"]disanksi['"]""")
STATUS_WORD = re.compile(r"""'(terbukti|disanksi)'""")
BASIS_CASE = re.compile(r"""when\s+'(incident|report|decision)_date'\s+then""", re.IGNORECASE)
SQL_TEXT = re.compile(r"^\s*(select|with)\b[\s\S]*\bfrom\b|\b(insert\s+into|delete\s+from|create\s+(or\s+replace\s+)?"
                      r"(table|view|macro))\b|\bupdate\s+\w+\s+set\b", re.IGNORECASE)
NO_STREAMLIT_OR_UI = ("streamlit", "ui")  # what etl/, warehouse/ and geo/ must never import
PAGES_MUST_NOT = ("etl", "duckdb", "warehouse.db", "warehouse.reader", "warehouse.queries")


def source_files(*suffixes: str) -> list[Path]:
    """The repository's tracked files with these suffixes, tests excluded (tests may spell values out)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.split()
    return [ROOT / name for name in listed
            if name.endswith(suffixes) and not name.startswith("tests/") and (ROOT / name).is_file()]


def imported_modules(path: Path) -> set[str]:
    """Every module a Python file imports, by its full dotted name (relative imports are not used here)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def touches(modules: set[str], forbidden: tuple[str, ...]) -> set[str]:
    """The imported modules that are, or live inside, one of the forbidden ones."""
    return {m for m in modules if any(m == f or m.startswith(f + ".") for f in forbidden)}


def python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_every_sql_file_states_its_grain_and_is_run_by_a_warehouse_method():
    source = inspect.getsource(Warehouse)
    for path in sorted(reader.SQL_DIR.glob("*.sql")):
        assert reader.sql_text(path.stem).startswith("-- one row"), f"{path.name} must start with its grain"
        assert f'self.run("{path.stem}"' in source, f"{path.name} has no Warehouse method"
        assert "?" not in reader.sql_text(path.stem), f"{path.name}: named parameters ($name) only"


def test_a_shared_piece_of_sql_is_written_once_and_every_include_resolves():
    parts = sorted((reader.SQL_DIR / "parts").glob("*.sql"))
    assert [p.stem for p in parts] == ["election_races"]
    queries = {path.stem: path.read_text(encoding="utf-8") for path in reader.SQL_DIR.glob("*.sql")}
    for part in parts:
        users = [name for name, text in queries.items() if f"{{include:{part.stem}}}" in text]
        assert len(users) >= 2, f"{part.name} is shared by {users}: a part used once belongs in its query"
        assert "races as (" not in "".join(text for name, text in queries.items() if name in users)
    for name in queries:
        text = reader.expanded(name)
        assert not reader.INCLUDE_SLOT.search(text), f"{name}.sql has an include that did not resolve"
    stalled = reader.expanded("stalled_cases")
    assert "with stages as (" in stalled and "{include" not in stalled


def test_every_named_query_is_a_documented_method_with_its_sql_file_or_reshapes_one():
    for name in QUERIES:
        method = getattr(Warehouse, name)
        assert method.__doc__, f"Warehouse.{name} needs a docstring"
        body = inspect.getsource(method)
        assert (reader.SQL_DIR / f"{name}.sql").exists() or re.search(r"self\.\w+\(", body), name


def test_the_funnel_and_the_headline_numbers_are_one_query_and_the_data_extent_one_file():
    assert not (reader.SQL_DIR / "funnel.sql").exists() and "funnel" not in QUERIES
    assert "funnel_chart(read(\"kpis\"" in (ROOT / "ui" / "export" / "briefing.py").read_text(encoding="utf-8")
    assert [p.name for p in reader.SQL_DIR.glob("data_extent*.sql")] == ["data_extent.sql"]


def test_the_proven_and_sanctioned_rule_and_the_date_basis_case_are_written_once():
    files = source_files(".py", ".sql", ".toml", ".md")
    proven = sorted(str(p.relative_to(ROOT)) for p in files if PROVEN_PAIR.search(p.read_text(encoding="utf-8")))
    basis = sorted(str(p.relative_to(ROOT)) for p in files if BASIS_CASE.search(p.read_text(encoding="utf-8")))
    assert proven == ["warehouse/vocab.py"]
    assert basis == []  # warehouse/rules.py generates it from vocab.DATE_BASES; nobody spells it out
    in_sql = [p.name for p in source_files(".sql") if STATUS_WORD.search(p.read_text(encoding="utf-8"))]
    assert in_sql == [], "SQL uses is_proven(status) / is_sanctioned(status), never the status words"


@pytest.mark.parametrize("folder", ["etl", "warehouse", "geo"])
def test_etl_warehouse_and_geo_never_import_streamlit_or_ui(folder):
    offenders = {str(p.relative_to(ROOT)): touches(imported_modules(p), NO_STREAMLIT_OR_UI)
                 for p in python_files(folder)}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_settings_imports_neither_streamlit_nor_ui():
    assert touches(imported_modules(ROOT / "settings.py"), NO_STREAMLIT_OR_UI) == set()


def test_warehouse_and_geo_never_import_etl():
    for path in python_files("warehouse") + python_files("geo"):
        assert touches(imported_modules(path), ("etl",)) == set(), path.name


def test_pages_never_import_etl_or_duckdb_and_hold_no_sql():
    for path in sorted((ROOT / "pages").glob("*.py")):
        assert touches(imported_modules(path), PAGES_MUST_NOT) == set(), path.name
        strings = [node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                   if isinstance(node, ast.Constant) and isinstance(node.value, str)]
        assert [text for text in strings if SQL_TEXT.search(text)] == [], path.name


def test_the_checks_of_this_file_catch_what_they_are_for(tmp_path):
    """One-defect fixtures: each detector fires on the thing it forbids."""
    page = tmp_path / "page.py"
    page.write_text('import duckdb\nfrom etl.load import load_files\nQ = "select count(*) from cases"\n')
    assert touches(imported_modules(page), PAGES_MUST_NOT) == {"duckdb", "etl.load", "etl.load.load_files"}
    assert SQL_TEXT.search("select count(*) from cases") and SQL_TEXT.search("insert into cases values (1)")
    assert not SQL_TEXT.search("Pilih provinsi dari daftar")
    assert PROVEN_PAIR.search("status in ('terbukti', 'disanksi')")
    assert BASIS_CASE.search("case ? when 'report_date' then report_date")
    assert touches({"streamlit.runtime", "uiua"}, NO_STREAMLIT_OR_UI) == {"streamlit.runtime"}


# ---- icons: Material Symbols only (the font ships in Streamlit's wheel); emoji draw as empty boxes without an
# emoji font (headless browsers, many office PCs).
INTERFACE = sorted([*settings.ROOT.joinpath("ui").rglob("*.py"), *settings.ROOT.joinpath("pages").glob("*.py"),
                    settings.ROOT / "dashboard.py"])
EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\ufe0f\u200d\u20e3]")
BANNERS = {"info", "warning", "error", "success"}


def _calls(path: Path):
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Call)]


def test_no_emoji_in_the_interface_code():
    hits = [f"{path.relative_to(settings.ROOT)}:{n}: {line.strip()}" for path in INTERFACE
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if EMOJI.search(line)]
    assert not hits


def test_every_icon_literal_is_a_material_symbol():
    literals = [node.value for path in INTERFACE for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.match(r"^:\w+/", node.value)]
    assert literals
    for icon in literals:
        pack, name = re.fullmatch(r":(\w+)/(\w+):", icon).groups()
        assert pack == "material" and is_material_icon(name), icon


def test_every_icon_argument_and_page_icon_is_material():
    for path in INTERFACE:
        for call in _calls(path):
            for keyword in call.keywords:
                if keyword.arg in ("icon", "page_icon") and isinstance(keyword.value, ast.Constant):
                    assert keyword.value.value.startswith(":material/"), f"{path.name}:{call.lineno}"
    frame = ast.parse(settings.ROOT.joinpath("dashboard.py").read_text(encoding="utf-8"))
    pages = next(ast.literal_eval(node.value) for node in frame.body
                 if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES")
    assert len(pages) == 11 and all(icon.startswith(":material/") for _, _, icon, _ in pages)  # + cross-agency


def test_every_banner_carries_an_icon():
    bare = [f"{path.relative_to(settings.ROOT)}:{call.lineno}" for path in INTERFACE for call in _calls(path)
            if isinstance(call.func, ast.Attribute) and call.func.attr in BANNERS
            and "st" in ast.unparse(call.func.value).split(".") and "icon" not in {k.arg for k in call.keywords}]
    assert not bare


def test_the_favicon_is_a_local_image():
    frame = settings.ROOT.joinpath("dashboard.py").read_text(encoding="utf-8")
    assert 'FAVICON = settings.STATIC_DIR / "netra-icon.png"' in frame and "page_icon=FAVICON" in frame
    assert settings.STATIC_DIR.joinpath("netra-icon.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---- ui/ by kind: dependencies point one way (app → export → figures → views → strings), Streamlit in app/ only
MAY_IMPORT = {
    "app": {"app", "export", "figures", "views", "strings"},
    "export": {"export", "figures", "views", "strings"},
    "figures": {"figures", "views", "strings"},
    "views": {"views", "strings"},
    "strings": {"strings"},
}


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return names | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


@pytest.mark.parametrize("kind", sorted(MAY_IMPORT))
def test_ui_parts_import_only_downwards(kind):
    for path in settings.ROOT.joinpath("ui", kind).rglob("*.py"):
        imported = _imported(path)
        parts = {name.split(".")[1] for name in imported if name.startswith("ui.")}
        assert parts <= MAY_IMPORT[kind], (path.name, parts - MAY_IMPORT[kind])
        if kind != "app":
            assert not {name for name in imported if name.split(".")[0] == "streamlit"}, path.name


def test_every_loader_sql_file_says_what_it_does_and_is_used():
    import etl
    from etl.sql import SQL_DIR

    source = "\n".join(path.read_text(encoding="utf-8") for path in Path(etl.__file__).parent.rglob("*.py"))
    for path in SQL_DIR.glob("*.sql"):
        assert path.read_text(encoding="utf-8").startswith("-- "), f"{path.name} must start with what it does"
        assert f'"{path.stem}"' in source, f"{path.name} is used by no loader code"


# ---- register text is never markdown (issue 9 defect 4): no st.table (it renders cells as markdown), no raw HTML
def test_no_interface_code_renders_cells_or_html_as_markup():
    hits = [f"{path.relative_to(settings.ROOT)}:{call.lineno}" for path in INTERFACE for call in _calls(path)
            if (isinstance(call.func, ast.Attribute) and call.func.attr == "table")
            or any(keyword.arg == "unsafe_allow_html" for keyword in call.keywords)]
    assert not hits
