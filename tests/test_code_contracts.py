"""Structural promises: named SQL files pair with query functions; icons are Material Symbols, never emoji (the
string catalogue's promises are in test_strings.py)."""

import ast
import inspect
import re
from pathlib import Path

import pytest
from streamlit.string_util import is_material_icon

import settings
from warehouse import queries


def test_every_sql_file_states_its_grain_and_is_used():
    sql_names = {path.stem for path in queries.SQL_DIR.glob("*.sql")}
    source = inspect.getsource(queries)
    for name in sql_names:
        first_line = queries.sql_text(name).splitlines()[0]
        assert first_line.startswith("-- one row"), f"{name}.sql must start with its grain"
        assert f'"{name}"' in source or name.startswith("data_extent_"), f"{name}.sql has no query function"


def test_every_query_function_has_its_sql_file():
    sql_names = {path.stem for path in queries.SQL_DIR.glob("*.sql")}
    helpers = {"run_named", "sql_text"}
    for name, function in inspect.getmembers(queries, inspect.isfunction):
        if function.__module__ == queries.__name__ and name not in helpers and not name.startswith("_"):
            expected = {f"data_extent_{b}" for b in ("incident_date", "report_date", "decision_date")} \
                if name == "data_extent" else {name}
            assert expected <= sql_names, f"{name}() has no SQL file"


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
    assert len(pages) == 9 and all(icon.startswith(":material/") for _, _, icon, _ in pages)  # + the audit page


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


# ---- register text is never markdown (issue 9 defect 4): no st.table (it renders cells as markdown), no raw HTML
def test_no_interface_code_renders_cells_or_html_as_markup():
    hits = [f"{path.relative_to(settings.ROOT)}:{call.lineno}" for path in INTERFACE for call in _calls(path)
            if (isinstance(call.func, ast.Attribute) and call.func.attr == "table")
            or any(keyword.arg == "unsafe_allow_html" for keyword in call.keywords)]
    assert not hits
