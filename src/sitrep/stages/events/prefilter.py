"""Skip the cue patterns that cannot match a sentence, without changing any match (speed only).

Every cue pattern starts a match at the start of a word of the lemma string (`(?<!\\S)`), and
most begin with literal words ("(air|aerial|drone) ~ (strike*|raid*)"). `first_keys(pattern)`
reads the compiled pattern (Python's own regex parser) and returns the set of up to 3-character
beginnings that the first word of any match must start with, or None when it cannot tell (a
character class, a wildcard or case folding first). A sentence whose words start with none of
a cue's keys has no match of it, so the cue's regex need not be run there: running it would
find nothing. The keys are computed once per pattern and process.

Example: "(air|aerial|drone) ~ (strike*|raid*)" -> {"air", "aer", "dro"}; the sentence
"troops shelled the town" has the word beginnings {"t", "tr", "tro", "s", "sh", ...}, none of
them a key, so the air-strike cue is skipped.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

KEY_CHARS = 3
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
    return None if "" in keys else frozenset(keys)


def word_beginnings(text: str) -> set[str]:
    """The first 1..KEY_CHARS characters of every whitespace-separated word of `text`."""
    return {word[:n] for word in set(text.split()) for n in range(1, KEY_CHARS + 1)}


def may_match(pattern: re.Pattern[str], beginnings: set[str]) -> bool:
    keys = first_keys(pattern)
    return keys is None or not keys.isdisjoint(beginnings)


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
        return {""} if char.isspace() else {char + p for p in _prefixes(rest, need - 1)}
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
