"""The one string catalogue (ui/strings): both languages everywhere, the same placeholders, every key used by the
code, every key the code builds present — and no language branch left outside the catalogue."""

import ast
import re
import string

import pytest

import settings
from ui.export.images import FORMATS
from ui.figures import charts
from ui.figures import timeline as timeline_charts
from ui.figures.theme import FUNNEL_COLORS
from ui.strings import DEFAULT_LANG, LANGS, all_strings, areas, known_lang, label, options, t, vocabulary
from ui.views import audit_trail, bins, kpis, linking, links, loading, map_numbers, roles, tables
from ui.views import timeline as timeline_logic
from warehouse.filters import LIST_COLUMNS
from warehouse.vocab import ELECTIONS, EMPLOYEE_CHOICES, SEVERITIES, STATUSES, UNITS, VIOLATION_TYPES

ROOT = settings.ROOT
CODE = sorted(p for p in [*ROOT.joinpath("ui").rglob("*.py"), *ROOT.joinpath("pages").glob("*.py"),
                          ROOT / "dashboard.py"] if "strings" not in p.relative_to(ROOT).parts)

# Keys the code builds from a template (t(f"rb_{column}", lang)), with the values each template is filled from:
# the code's own constants, so a new value without its string, or a string nothing builds, fails here.
FAMILIES = {
    "rb_{}": charts.DIMENSIONS,
    "ch_stage_{}": tuple(FUNNEL_COLORS),
    "kpi_{}": kpis.MEASURES,
    "kpi_{}_help": kpis.MEASURES,
    "bp_kpi_{}": kpis.MEASURES,
    "kpi_non_asn_{}": UNITS,
    "cap_{}": tuple(LIST_COLUMNS),
    "role_{}": roles.ROLES,
    "export_{}": tuple(FORMATS),
    "peta_level_{}": map_numbers.LEVELS,
    "peta_unmapped_{}": map_numbers.LEVELS,
    "peta_metric_{}": map_numbers.METRICS,
    "peta_metric_short_{}": map_numbers.METRICS,
    "map_colorbar_{}": map_numbers.METRICS,
    "map_no_value_{}": map_numbers.METRICS,
    "dx_col_{}": tuple({*tables.TABLE_COLUMNS, *tables.DETAIL_COLUMNS, *tables.SORT_KEYS} - {"region"}),
    "ab_col_{}": tables.QUALITY_COLUMNS,
    "ld_col_{}": loading.COUNT_COLUMNS,
    "ld_field_{}": loading.REPORT_FIELDS,
    "ld_how_{}": loading.HOWS,
    "ld_export_{}": loading.KINDS,
    "ld_sheet_{}": loading.KINDS,
    "lk_field_{}": linking.FIELDS,
    "lk_done_{}": linking.KINDS,
    "lk_decision_{}": linking.KINDS,
    "lk_outcome_{}": linking.OUTCOMES,
    "lk_col_{}": linking.DECISION_COLUMNS,
    "tl_{}": tuple(timeline_charts.LAG_COLORS),
    "tl_axis_{}": timeline_logic.AXES,
    "tl_stack_{}": timeline_logic.STACKS,
    "tl_measure_{}": timeline_logic.MEASURES,
    "tl_period_{}": timeline_logic.NAMED_PERIODS,
    "au_event_{}": audit_trail.EVENTS,
    "au_outcome_{}": audit_trail.OUTCOMES,
    "au_col_{}": audit_trail.SHOWN_COLUMNS,
    "link_why_{}": links.REASONS,
    "bin_change_{}": tuple(str(i) for i in range(len(bins.CHANGE_LOWS))),
}


def _trees():
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in CODE]


def _key_templates() -> dict[str, list[str]]:
    """Every f-string handed to t() as its key, as a template ('rb_{}'), with where it is."""
    found: dict[str, list[str]] = {}
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args:
                for key in ast.walk(node.args[0]):
                    if isinstance(key, ast.JoinedStr):
                        template = "".join(part.value if isinstance(part, ast.Constant) else "{}"
                                           for part in key.values)
                        found.setdefault(template, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _literals() -> set[str]:
    """Every string constant in the code (outside ui/strings)."""
    return {node.value for _, tree in _trees() for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def _built_keys() -> set[str]:
    return {template.format(value) for template, values in FAMILIES.items() for value in values}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_interface_string_has_both_languages():
    for key, pair in all_strings().items():
        assert len(pair) == 2 and all(text.strip() for text in pair), key


def test_placeholders_are_the_same_in_both_languages():
    mismatched = {key: (_fields(id_text), _fields(en_text)) for key, (id_text, en_text) in all_strings().items()
                  if _fields(id_text) != _fields(en_text)}
    assert not mismatched


def test_areas_are_every_module_but_the_vocabulary():
    modules = {path.stem for path in ROOT.joinpath("ui", "strings").glob("*.py")} - {"__init__"}
    assert set(areas()) == modules - {"vocabulary"}
    assert vocabulary.labels_of("severity") and not hasattr(vocabulary, "STRINGS")


def test_every_key_template_in_the_code_is_a_declared_family():
    undeclared = {template: where for template, where in _key_templates().items() if template not in FAMILIES}
    assert not undeclared, "declare these in FAMILIES, with the constants their values come from"


def test_every_key_a_family_builds_exists():
    assert not sorted(_built_keys() - all_strings().keys())


def test_every_key_is_used_by_the_code():
    unused = sorted(all_strings().keys() - _literals() - _built_keys())
    assert not unused


def test_no_language_branch_outside_the_catalogue():
    branch = re.compile(r"""\blang\s*[!=]=\s*["']|["']\s*[!=]=\s*lang\b|\blang\s+(not\s+)?in\s*[(\[{]\s*["']""")
    places = [*CODE, *ROOT.joinpath("ui", "strings").glob("*.py"), *ROOT.joinpath("warehouse").rglob("*.py")]
    hits = [f"{path.relative_to(ROOT)}:{n}" for path in places
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if branch.search(line)]
    assert not hits


def test_the_warehouse_speaks_no_language():
    for path in ROOT.joinpath("warehouse").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {getattr(node, "id", None) or getattr(node, "arg", None) for node in ast.walk(tree)}
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert "lang" not in names, path
        assert not {module for module in imported if module.split(".")[0] == "ui"}, path


@pytest.mark.parametrize(("lang", "expected"), [("id", "id"), ("en", "en"), (None, "id"), ("", "id"),
                                                 ("xx", "id"), ("EN", "id")])
def test_an_unknown_language_reads_as_the_default(lang, expected):
    assert known_lang(lang) == expected
    assert t("f_reset", lang) == t("f_reset", expected)
    assert label("severity", "berat", lang) == label("severity", "berat", expected)


def test_languages_and_their_order():
    assert list(LANGS) == ["id", "en"] and DEFAULT_LANG == "id"
    assert t("cap_more", "id", n=2) == "+2 lainnya" and t("cap_more", "en", n=2) == "+2 more"


@pytest.mark.parametrize(("column", "values"), [("election", ELECTIONS), ("severity", SEVERITIES),
                                                 ("status", STATUSES), ("violation_type", VIOLATION_TYPES),
                                                 ("employee_choice", EMPLOYEE_CHOICES), ("unit", UNITS)])
def test_every_vocabulary_value_has_a_label_in_both_languages(column, values):
    for lang in LANGS:
        labels = options(column, lang)
        assert list(labels) == list(values)
        assert all(text.strip() and text != value for value, text in labels.items()), (column, lang)


def test_labels_of_values_and_reference_tables():
    assert label("status", "disanksi", "en") == "Sanctioned"
    assert label("severity", "berat", "id") == "Berat"
    assert label("province_code", "33", "en") == "Jawa Tengah"
    assert label("region_code", "33.25") == "Kabupaten Batang"
    assert label("status", None) == "—"
    assert label("status", "belum_ada") == "Belum ada"  # an unknown code stays readable
    assert len(options("region_code")) == 514


def test_the_sanctioned_slide_label_says_its_share_is_of_the_proven():
    assert t("bp_kpi_sanctioned", "id") == "Disanksi (% terbukti)"
    assert t("bp_kpi_sanctioned", "en") == "Sanctioned (% of proven)"


def test_numbers_use_the_marks_of_the_language():
    assert t("num_separators", "id") == ",." and t("num_separators", "en") == ".,"
    assert charts.month_ticks("2024-07-15", "2024-09-20", "id")["ticktext"] == ["Agu 2024", "Sep 2024"]
    assert charts.month_ticks("2024-07-15", "2024-09-20", "en")["ticktext"] == ["Aug 2024", "Sep 2024"]
