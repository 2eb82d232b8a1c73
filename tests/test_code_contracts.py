"""Structural promises kept by tests over the repository's own source.

Named SQL files pair with Warehouse methods; domain rules are written once; dependencies point one way
(pages → ui → warehouse/geo, etl → warehouse/geo); interface strings exist in both languages.
"""

from __future__ import annotations

import ast
import inspect
import re
import subprocess
from pathlib import Path

import pytest

from ui.i18n import all_strings
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


def test_every_named_query_is_a_documented_method_with_its_sql_file_or_reshapes_one():
    for name in QUERIES:
        method = getattr(Warehouse, name)
        assert method.__doc__, f"Warehouse.{name} needs a docstring"
        body = inspect.getsource(method)
        assert (reader.SQL_DIR / f"{name}.sql").exists() or re.search(r"self\.\w+\(", body), name


def test_the_funnel_and_the_headline_numbers_are_one_query_and_the_data_extent_one_file():
    assert not (reader.SQL_DIR / "funnel.sql").exists() and "funnel" not in QUERIES
    assert "funnel_chart(read(\"kpis\"" in (ROOT / "ui" / "briefing.py").read_text(encoding="utf-8")
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


@pytest.mark.parametrize("folder", ["ui/figures", "ui/views"])
def test_figure_and_view_builders_never_import_streamlit(folder):
    """Pure builders (DataFrame in, figure or frame out) stay testable without a Streamlit runtime."""
    if not (ROOT / folder).is_dir():
        pytest.skip(f"{folder}/ does not exist yet (it comes with the ui/ restructure); the rule holds once it does")
    offenders = {str(p.relative_to(ROOT)): touches(imported_modules(p), ("streamlit",)) for p in python_files(folder)}
    assert {name: found for name, found in offenders.items() if found} == {}


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


def test_every_interface_string_has_both_languages():
    for key, pair in all_strings().items():
        assert len(pair) == 2 and all(text.strip() for text in pair), key
