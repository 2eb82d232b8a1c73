"""Ordered phrase rules: the first rule whose phrase occurs in a text decides its value (earlier rules win).

Phrases are matched word by word on folded text (see `fold`), indexed by their first word, so a 20-word
description costs a few dict lookups instead of one regex per rule: the loader may meet 100k distinct ones.
"""

from etl.normalize import fold

PREFIX_KEY = 3  # wildcard phrases are indexed by their first three letters


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Folded words of a phrase; a word that ends in '*' matches any word starting with it ('posting*')."""
    words: list[str] = []
    for token in phrase.split():
        folded = fold(token.rstrip("*")).split()
        if token.endswith("*") and folded:
            folded[-1] += "*"
        words.extend(folded)
    return tuple(words)


def _word_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


class PhraseRules:
    """(phrase, value) pairs in priority order; consecutive pairs with one value form one rule."""

    def __init__(self, pairs):
        self.values: list[str] = []
        self.by_first_word: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self.by_prefix: dict[str, list[tuple[str, int, tuple[str, ...]]]] = {}  # first word 'xyz*', by 'xyz'[:3]
        for phrase, value in pairs:
            if not self.values or self.values[-1] != value:
                self.values.append(value)
            words = phrase_words(phrase)
            entry = (len(self.values) - 1, words)
            if words[0].endswith("*"):
                prefix = words[0][:-1]
                if len(prefix) < PREFIX_KEY:
                    raise ValueError(f"wildcard phrase {phrase!r} needs at least {PREFIX_KEY} letters before '*'")
                self.by_prefix.setdefault(prefix[:PREFIX_KEY], []).append((prefix, *entry))
            else:
                self.by_first_word.setdefault(words[0], []).append(entry)

    def first(self, words: str) -> str | None:
        """Value of the earliest rule with a phrase in already-folded `words`, or None when no phrase occurs."""
        text = words.split()
        best = len(self.values)
        for start, word in enumerate(text):
            for rule, phrase in self.by_first_word.get(word, ()):
                if rule < best and self._at(text, start, phrase):
                    best = rule
            for prefix, rule, phrase in self.by_prefix.get(word[:PREFIX_KEY], ()):
                if rule < best and word.startswith(prefix) and self._at(text, start, phrase):
                    best = rule
        return self.values[best] if best < len(self.values) else None

    @staticmethod
    def _at(text: list[str], start: int, phrase: tuple[str, ...]) -> bool:
        """True when `phrase` occurs in `text` beginning at word `start`."""
        if start + len(phrase) > len(text):
            return False
        return all(_word_matches(pattern, word) for pattern, word in zip(phrase, text[start:], strict=False))
