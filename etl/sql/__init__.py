"""The loader's SQL, one named statement per file (each starts with a comment saying what it does)."""

from functools import cache
from pathlib import Path

SQL_DIR = Path(__file__).parent


@cache
def statement(name: str) -> str:
    """The text of etl/sql/<name>.sql."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
