"""rule_matches gives, for every rule, exactly the matches of rule.pattern.finditer(text)."""

from __future__ import annotations

import re

import pytest

from sitrep.stages.times.rules import _WORD_START, Rule, compile_rules
from sitrep.stages.times.scan import combined_scanner, rule_matches

# Written for this test: overlapping and adjacent expressions, matches of several rules at one
# position, expressions at the very start and end, capitals, hyphens and apostrophes.
TEXTS = [
    "Last week, about two weeks ago, officials said the talks would resume next Monday morning.",
    "On March 3, 2022 at 14:30 GMT the column was 40 miles long; by the 200th day of the war it was gone.",
    "The second-quarter results, due in the first half of 2023, cover the year-earlier period too.",
    "Yesterday. Today. Tomorrow. Every other week, twice a month, daily and weekly: 1990s, the '80s.",
    "MONDAY, 12 April 2021 - 09:15 - Kyiv: three days later, 3 to 4 years, a decade or so earlier.",
    "",
    "no expression here at all",
]

Spans = list[tuple[tuple[int, int], dict[str, str | None]]]


def _spans(matches: list[re.Match[str]]) -> Spans:
    return [(m.span(), m.groupdict()) for m in matches]


def _finditer(text: str, rules: tuple[Rule, ...]) -> list[Spans]:
    return [_spans(list(rule.pattern.finditer(text))) for rule in rules]


def _scanned(text: str, rules: tuple[Rule, ...]) -> list[Spans]:
    return [_spans(matches) for matches in rule_matches(text, rules)]


@pytest.fixture(scope="module")
def rules() -> tuple[Rule, ...]:
    return compile_rules()


def test_the_rules_combine(rules) -> None:
    assert combined_scanner(rules) is not None


@pytest.mark.parametrize("text", TEXTS)
def test_the_same_matches_as_finditer(rules, text: str) -> None:
    assert _scanned(text, rules) == _finditer(text, rules)


def test_the_texts_reach_many_rules(rules) -> None:
    hit = {rule.name for text in TEXTS for rule, ms in zip(rules, rule_matches(text, rules), strict=True) if ms}
    assert len(hit) >= 12


def _rule(name: str, source: str, flags: int = re.IGNORECASE) -> Rule:
    return Rule(name, re.compile(f"{_WORD_START}(?:{source})", flags), lambda m, ctx: None)


def test_adjacent_and_overlapping_matches_follow_finditer() -> None:
    rules = (_rule("ab", r"(?P<x>a)\s*b?"), _rule("bb", r"b+(?P<x>\s+b)?"))
    text = "a b a ab b b bb a"
    assert combined_scanner(rules) is not None
    assert _scanned(text, rules) == _finditer(text, rules)
    assert len(_scanned(text, rules)[1]) == 3  # "b" after "a" is taken by the first rule only


def test_uncombinable_rules_fall_back_to_finditer() -> None:
    backref = (_rule("a", r"(?P<w>\w+)\s+(?P=w)"), _rule("b", r"day"))
    other_flags = (_rule("a", r"day"), _rule("b", r"week", 0))
    no_prefix = (Rule("a", re.compile(r"day", re.IGNORECASE), lambda m, ctx: None),)
    text = "the the day, Day, WEEK week xday"
    for rules in (backref, other_flags, no_prefix):
        assert combined_scanner(rules) is None
        assert _scanned(text, rules) == _finditer(text, rules)


def test_a_rule_matching_empty_strings_falls_back_to_finditer() -> None:
    rules = (_rule("maybe", r"(?:days?)?"), _rule("day", r"day"))
    text = "a day, two days"
    assert combined_scanner(rules) is not None
    assert _scanned(text, rules) == _finditer(text, rules)
