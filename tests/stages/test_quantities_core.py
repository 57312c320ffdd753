"""The word-start guard on the quantities core regex changes no match (it is for speed only)."""

from __future__ import annotations

import re

import pytest

from sitrep.stages.quantities import _word_start_guard, load_tables

# Written for this test: digits with separators and scales, written numbers, fractions, ratios,
# vague counts, numbers after punctuation and symbols, and text with none.
TEXTS = [
    "About 3,000 to 4,000 people fled; two-thirds of them, some 1.5 million, went west in 2022.",
    "One in every five homes was hit, half the town lost power and dozens were wounded by 12.30.",
    "Twenty-five tanks, a hundred and twenty trucks, $40bn, €3 mln, 7k rounds, 50% and 1/2 of it.",
    "(3) [4] #5 v2 A-1 9/11 3.5km 10,000-strong; hundreds, thousands, tens of thousands.",
    "nothing numeric here, only words.",
    "",
]


@pytest.fixture(scope="module")
def core() -> re.Pattern[str]:
    return load_tables().core


def test_the_guard_is_on(core) -> None:
    assert core.pattern.startswith(r"(?=\w)(?:")


@pytest.mark.parametrize("text", TEXTS)
def test_the_guarded_core_finds_what_the_bare_core_finds(core, text: str) -> None:
    bare = re.compile(core.pattern[len(r"(?=\w)(?:"):-1], core.flags)
    assert [(m.span(), m.lastgroup) for m in core.finditer(text)] == [(m.span(), m.lastgroup) for m in bare.finditer(text)]


def test_no_guard_when_a_cue_word_starts_with_another_character() -> None:
    cues = {"written_numbers": ["one", "two"], "fractions": ["half"], "vague": ["dozens", "~ten"]}
    assert _word_start_guard("X", cues) == "X"
    assert _word_start_guard("X", {**cues, "vague": ["dozens"]}) == r"(?=\w)(?:X)"
