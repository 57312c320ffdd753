"""Skip the cue patterns that cannot match a sentence, without changing any match (speed only).

Every cue pattern starts a match at the start of a word of the lemma string (`(?<!\\S)`), and
most begin with literal words ("(air|aerial|drone) ~ (strike*|raid*)"). `first_keys(pattern)`
reads the compiled pattern (Python's own regex parser) and returns the set of up to 3-character
beginnings that the first word of any match must start with, or None when it cannot tell (a
character class, a wildcard or case folding first). A sentence whose words start with none of
a cue's keys has no match of it, so the cue's regex need not be run there: running it would
find nothing. `candidate_cues` looks the sentence's word beginnings up in an index of the keys
(built once per cue table and process) and returns the cues that may match, in table order.

Example: "(air|aerial|drone) ~ (strike*|raid*)" -> {"air", "aer", "dro"}; the sentence
"troops shelled the town" has the word beginnings {"t", "tr", "tro", "s", "sh", ...}, none of
them a key, so the air-strike cue is skipped.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, TypeVar

C = TypeVar("C")

KEY_CHARS = 6
WHOLE = " "  # a key ending in it is a whole word ("be " = the word "be", not "because")
WORD_START = r"(?<!\S)"  # how every cue pattern begins (tables.compile_pattern); others are never skipped


@cache
def first_keys(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Beginnings (<= KEY_CHARS characters, no space) one of which starts the first word of any
    match; None if some match may begin otherwise."""
    import re._parser as parser  # type: ignore[import-not-found]

    if pattern.flags & re.IGNORECASE or not pattern.pattern.startswith(WORD_START):
        return None
    try:
        keys = _prefixes(list(parser.parse(pattern.pattern)), KEY_CHARS)
    except _Unknown:
        return None
    return None if "" in keys or WHOLE in keys else frozenset(keys)  # WHOLE alone: an empty match


def word_beginnings(text: str) -> set[str]:
    """The first 1..KEY_CHARS characters of every whitespace-separated word of `text`, and each
    word shorter than KEY_CHARS followed by WHOLE."""
    words = set(text.split())
    return {word[:n] for word in words for n in range(1, KEY_CHARS + 1)} | {w + WHOLE for w in words if len(w) < KEY_CHARS}


def candidate_cues(cues: tuple[C, ...], text: str) -> list[C]:
    """The cues (objects with a `.pattern`), in their order, whose pattern may match `text`:
    every other one has no match in it."""
    index = _cue_index(cues)
    found = set(index.always)
    of_word = index.of_word
    for word in set(text.split()):
        numbers = of_word.get(word)
        if numbers is None:
            numbers = index.word_cues(word)
        found.update(numbers)
    return [cues[i] for i in sorted(found)]


class _CueIndex:
    """Cue numbers never skipped, key -> numbers of the cues it may start, and (speed only) the
    cue numbers each word seen so far may start, so a word repeated across sentences is looked up once."""

    def __init__(self, cues: tuple[Any, ...], always: tuple[int, ...], by_key: dict[str, tuple[int, ...]]) -> None:
        self.cues = cues
        self.always = always
        self.by_key = by_key
        self.of_word: dict[str, tuple[int, ...]] = {}

    def word_cues(self, word: str) -> tuple[int, ...]:
        by_key = self.by_key
        numbers: set[int] = set()
        for n in range(1, min(len(word), KEY_CHARS) + 1):
            numbers.update(by_key.get(word[:n], ()))
        if len(word) < KEY_CHARS:
            numbers.update(by_key.get(word + WHOLE, ()))
        if len(self.of_word) >= 100_000:
            self.of_word.clear()
        self.of_word[word] = out = tuple(numbers)
        return out


def _cue_index(cues: tuple[Any, ...]) -> _CueIndex:
    """The index of a cue table; built once per table."""
    entry = _INDEXES.get(id(cues))
    if entry is not None and entry.cues is cues:
        return entry
    always: list[int] = []
    by_key: dict[str, list[int]] = {}
    for number, cue in enumerate(cues):
        keys = first_keys(cue.pattern)
        if keys is None:
            always.append(number)
        for key in keys or ():
            by_key.setdefault(key, []).append(number)
    if len(_INDEXES) >= 8:
        _INDEXES.clear()
    _INDEXES[id(cues)] = _CueIndex(cues, tuple(always), {k: tuple(v) for k, v in by_key.items()})
    return _cue_index(cues)


_INDEXES: dict[int, _CueIndex] = {}


def may_match(pattern: re.Pattern[str], beginnings: set[str]) -> bool:
    keys = first_keys(pattern)
    return keys is None or not keys.isdisjoint(beginnings)


@cache
def _word_end() -> list[Any]:
    r"""The parsed body of (?!\S)."""
    import re._parser as parser

    return list(parser.parse(r"(?!\S)")[0][1][1])


class _Unknown(Exception):
    """A construct the prefix reader does not follow: the pattern is never skipped."""


def _prefixes(items: list[tuple[Any, Any]], need: int) -> set[str]:
    """Strings one of which begins every match of the sequence `items` (cut at whitespace or at
    `need` characters); "" means any beginning is possible."""
    from re import _constants as c  # type: ignore[attr-defined]

    if need == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op is c.LITERAL:
        char = chr(av)
        return {WHOLE} if char.isspace() else {char + p for p in _prefixes(rest, need - 1)}
    if op is c.ASSERT_NOT and av[0] == 1 and list(av[1]) == _word_end():
        return {WHOLE}  # (?!\S): the word ends here
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _prefixes(rest, need)
    if op is c.SUBPATTERN:
        _, add_flags, _, sub = av
        if add_flags & re.IGNORECASE:
            raise _Unknown
        return _prefixes(list(sub) + rest, need)
    if op is c.BRANCH:
        return {p for branch in av[1] for p in _prefixes(list(branch) + rest, need)}
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, _, sub = av
        once = {p for p in _prefixes(list(sub), need)}  # a match starts with one repetition of sub
        return once | _prefixes(rest, need) if low == 0 else once
    return {""}  # a class, a wildcard, a back-reference: any character may come first
