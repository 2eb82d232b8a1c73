"""Structural promises: named SQL files pair with query functions (the string catalogue's are in test_strings.py)."""

import inspect

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
