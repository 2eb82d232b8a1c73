"""What a rebuild changed: the generation being made against the published one, record by record, per load.

Both are open in one connection (the published generation attached read-only as `before`). A record of one is
paired with its record in the other by the case key (election, source agency, case id, person number), else —
when the key itself was read differently, as a case id made from the row's content is — by its load and register
row when that row holds one record on each side. For every field both generations have (lineage aside: the load
id is kept by a rebuild) it counts, per load, the paired records whose value differs and keeps a few examples;
records with no partner are counted as gone (rejected now, or under another key) or new (recovered, or under
another key). Personal data (name, NIP) is counted, never shown; of the columns kept raw only the headers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.sql import statement

EXAMPLES = 3  # records shown per changed field and file
NOT_COMPARED = ("load_id",)  # kept as it was: the load a record came from, not something read from it
PERSONAL = ("subject_name", "subject_nip")  # changes counted, values never shown
HIDDEN = "(data pribadi)"
RAW = "extra"  # the register's unmapped columns as JSON: any of them may hold a name, so only their headers show
LONGEST = 80  # characters of a value shown in an example


@dataclass
class LoadChanges:
    """What changed in the records of one load: counts, and per field how many with a few examples."""

    changed: int = 0
    gone: int = 0
    new: int = 0
    fields: list[dict] = field(default_factory=list)  # {field, changed, examples: [{case_id, subject_no, row, ...}]}


@dataclass
class Comparison:
    """The rebuilt generation against the published one: case records in each, and what changed per load_id."""

    cases_before: int
    cases_after: int
    loads: dict[str, LoadChanges]

    def of(self, load_id: str) -> LoadChanges:
        return self.loads.get(load_id, LoadChanges())


def attach_published(con: duckdb.DuckDBPyConnection, published: Path) -> None:
    """Open the published generation beside the one `con` is making (read-only, as `before`)."""
    con.execute(statement("attach_published"), [str(published)])


def compare(con: duckdb.DuckDBPyConnection) -> Comparison:
    """Compare the generation `con` is making with the attached published one (see the module's docstring)."""
    con.execute(statement("rebuild_pairs"))
    con.execute(statement("rebuild_changes_table"))
    columns = [name for (name,) in con.execute(statement("shared_case_columns")).fetchall()
               if name not in NOT_COMPARED]
    template = statement("rebuild_field_changes")
    for column in columns:  # names from both catalogues (never input), quoted in the statement
        con.execute(template.replace("{column}", column.replace('"', '""')))
    loads: dict[str, LoadChanges] = {}
    for load_id, changed, gone, new in con.execute(statement("rebuild_changed_records")).fetchall():
        loads[load_id] = LoadChanges(int(changed), int(gone), int(new))
    for load_id, name, changed, examples in con.execute(statement("rebuild_changed_fields"), [EXAMPLES]).fetchall():
        loads.setdefault(load_id, LoadChanges()).fields.append(
            {"field": name, "changed": int(changed), "examples": [_shown(name, example) for example in examples]})
    before, after = con.execute(statement("case_totals")).fetchall()[0]
    return Comparison(int(before), int(after), loads)


def _shown(name: str, example: dict) -> dict:
    """An example as a report shows it: personal data hidden, long text cut."""
    if name in PERSONAL:
        return {**example, "before": HIDDEN, "after": HIDDEN}
    if name == RAW:
        return {**example, "before": _headers(example["before"]), "after": _headers(example["after"])}
    return {**example, "before": _cut(example["before"]), "after": _cut(example["after"])}


def _headers(value: str | None) -> str | None:
    """The unmapped columns a record keeps raw, by header only ('Nama Terlapor, No.')."""
    if value is None:
        return None
    try:
        found = json.loads(value)
    except json.JSONDecodeError:
        return HIDDEN
    return _cut(", ".join(found)) if isinstance(found, dict) else HIDDEN


def _cut(value: str | None) -> str | None:
    return value if value is None or len(value) <= LONGEST else value[: LONGEST - 1] + "…"
