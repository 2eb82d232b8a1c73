"""The one string catalogue: every word the app, its charts and its exports show, in Bahasa Indonesia (default)
and English.

- Interface strings live per area in `ui/strings/<area>.py` as `STRINGS = {key: (id, en)}`; keys are unique
  across areas. `t(key, lang, **values)` picks the language and fills the {placeholders}.
- Vocabulary values (elections, types, statuses, regions, …) are labelled by `label(column, value, lang)` and
  listed by `options(column, lang)`, from `ui/strings/vocabulary.py` and the reference tables. Codes stay codes
  everywhere else.
- A language that is not one of LANGS (None, '', 'xx') reads as DEFAULT_LANG, so no text is ever missing.

tests/test_strings.py holds the catalogue to its promises: both languages everywhere, the same placeholders in
both, every key used by the code.
"""

import importlib
import pkgutil
from functools import lru_cache

from ui.strings import vocabulary

LANGS = {"id": "Bahasa Indonesia", "en": "English"}  # in the order of every (id, en) pair
DEFAULT_LANG = "id"
VOCABULARY = "vocabulary"  # the module of value labels; every other module here is an area of STRINGS


def known_lang(lang) -> str:
    """`lang` when the interface speaks it, else the default language."""
    return lang if lang in LANGS else DEFAULT_LANG


def _pick(pair: tuple[str, str], lang) -> str:
    return pair[list(LANGS).index(known_lang(lang))]


def areas() -> list[str]:
    """The names of the area modules of ui/strings (each defines STRINGS)."""
    return [module.name for module in pkgutil.iter_modules(__path__) if module.name != VOCABULARY]


@lru_cache(maxsize=1)
def all_strings() -> dict[str, tuple[str, str]]:
    """Every interface string, merged from the area modules (duplicate keys are an error)."""
    merged: dict[str, tuple[str, str]] = {}
    for area in areas():
        strings = importlib.import_module(f"{__name__}.{area}").STRINGS
        clash = merged.keys() & strings.keys()
        if clash:
            raise KeyError(f"string keys defined twice: {sorted(clash)}")
        merged.update(strings)
    return merged


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The string `key` in `lang`, with {placeholders} filled from `values`."""
    text = _pick(all_strings()[key], lang)
    return text.format(**values) if values else text


def label(column: str, value, lang: str = DEFAULT_LANG) -> str:
    """The label of one value in `lang`; unknown values fall back to a readable form of the code itself."""
    if value is None:
        return "—"
    pair = vocabulary.labels_of(column).get(value)
    if pair is None:
        return str(value).replace("_", " ").capitalize()
    return _pick(pair, lang)


def options(column: str, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """Every known value of `column` with its label, in vocabulary order (for widgets and legends)."""
    return {value: label(column, value, lang) for value in vocabulary.labels_of(column)}
