"""The cue prefilter never skips a cue that matches: skipping only saves time."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.stages.events.prefilter import candidate_cues, first_keys, may_match, word_beginnings
from sitrep.stages.events.tables import compile_pattern, load_tables


@pytest.fixture(scope="module")
def tables():
    return load_tables()


def test_keys_of_a_literal_alternation() -> None:
    pattern = compile_pattern("(air|aerial|drone) ~ (strike*|raid*)", {})
    assert first_keys(pattern) == frozenset({"air ", "aerial", "drone "})
    assert not may_match(pattern, word_beginnings("troop shell the town"))
    assert may_match(pattern, word_beginnings("a drone hit the depot"))


def test_patterns_it_cannot_read_are_never_skipped() -> None:
    assert first_keys(compile_pattern("[a-z]+ attack*", {})) is None  # a class first
    assert first_keys(re.compile(r"attack")) is None  # no word-start guard: may match inside a word
    assert first_keys(re.compile(r"(?<!\S)(?i:attack)")) is None  # case folding
    assert first_keys(compile_pattern("(shell*)?", {})) is None  # may match nothing


def test_optional_first_word_keeps_both_beginnings() -> None:
    pattern = compile_pattern("(heavy )?shelling*", {})
    assert first_keys(pattern) == frozenset({"heavy ", "shelli"})


WORDS = ["air", "strike", "airstrike", "drone", "attack", "shell", "shelling", "the", "troop", "protest",
         "police", "tear", "gas", "kill", "sanction", "-", "f", "16", "not", "\n\n", "say", "capture", "retake",
         "city", "fire", "march", "_month_", "be", "have", "demand", "reject", "aid", "negotiate", "talk"]


@given(st.lists(st.sampled_from(WORDS), max_size=25))
@settings(max_examples=300, deadline=None)
def test_a_skipped_cue_has_no_match(words: list[str]) -> None:
    text = " ".join(words)
    beginnings = word_beginnings(text)
    for cue in load_tables_once().cues:
        for pattern in (cue.pattern, cue.with_, cue.without):
            if pattern is not None and not may_match(pattern, beginnings):
                assert pattern.search(text) is None, (cue.name, text)


def test_nearly_every_cue_of_the_table_is_read(tables) -> None:
    readable = [cue for cue in tables.cues if first_keys(cue.pattern) is not None]
    assert len(readable) >= 0.9 * len(tables.cues)  # else the prefilter saves little: look at why


_TABLES: list[object] = []


def load_tables_once():
    if not _TABLES:
        _TABLES.append(load_tables())
    return _TABLES[0]


@given(st.lists(st.sampled_from(WORDS), max_size=25))
@settings(max_examples=200, deadline=None)
def test_candidate_cues_are_the_cues_that_may_match_in_order(words: list[str]) -> None:
    text = " ".join(words)
    cues = load_tables_once().cues
    beginnings = word_beginnings(text)
    assert candidate_cues(cues, text) == [cue for cue in cues if may_match(cue.pattern, beginnings)]
    assert all(cue in candidate_cues(cues, text) for cue in cues if cue.pattern.search(text))


def test_whole_word_keys() -> None:
    pattern = compile_pattern("(be|jet) attack*", {})
    assert first_keys(pattern) == frozenset({"be ", "jet "})
    assert not may_match(pattern, word_beginnings("because jets attack"))
    assert may_match(pattern, word_beginnings("jet attack"))
