"""Ordered phrase rules: the first rule whose phrase occurs in a text decides its value (earlier rules win)."""

import re

from etl.normalize import fold

_EDGE_BEFORE, _EDGE_AFTER = r"(?<![a-z0-9])", r"(?![a-z0-9])"


def phrase_pattern(phrase: str) -> str:
    """Regex for a phrase on folded text: whole words only; a trailing '*' lets a word run on ('posting*')."""
    parts = []
    for token in phrase.split():
        words = " ".join(re.escape(word) for word in fold(token.rstrip("*")).split())
        parts.append(words + ("[a-z0-9]*" if token.endswith("*") else ""))
    return _EDGE_BEFORE + " ".join(parts) + _EDGE_AFTER


class PhraseRules:
    """(phrase, value) pairs in priority order; consecutive phrases with one value share one compiled regex."""

    def __init__(self, pairs):
        self.blocks: list[tuple[re.Pattern, str]] = []
        for phrase, value in pairs:
            if self.blocks and self.blocks[-1][1] == value:
                pattern = f"{self.blocks[-1][0].pattern}|{phrase_pattern(phrase)}"
                self.blocks[-1] = (re.compile(pattern), value)
            else:
                self.blocks.append((re.compile(phrase_pattern(phrase)), value))

    def first(self, words: str) -> str | None:
        """Value of the earliest rule found in already-folded `words`, or None when no phrase occurs."""
        for pattern, value in self.blocks:
            if pattern.search(words):
                return value
        return None
