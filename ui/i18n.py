"""Interface strings in Bahasa Indonesia (default) and English.

Strings live per area in `ui/strings/<area>.py` as `STRINGS = {key: (id, en)}`; keys are unique across areas
(a test checks it). Vocabulary values (types, statuses, regions) are labelled by `warehouse.labels`.
"""

import importlib
import pkgutil
from functools import lru_cache

import ui.strings

LANGS = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANG = "id"


@lru_cache(maxsize=1)
def all_strings() -> dict[str, tuple[str, str]]:
    """Every interface string, merged from the modules of ui/strings (duplicate keys are an error)."""
    merged: dict[str, tuple[str, str]] = {}
    for module in pkgutil.iter_modules(ui.strings.__path__):
        strings = importlib.import_module(f"ui.strings.{module.name}").STRINGS
        clash = merged.keys() & strings.keys()
        if clash:
            raise KeyError(f"string keys defined twice: {sorted(clash)}")
        merged.update(strings)
    return merged


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The string `key` in `lang`, with {placeholders} filled from `values`."""
    text = all_strings()[key][1 if lang == "en" else 0]
    return text.format(**values) if values else text
