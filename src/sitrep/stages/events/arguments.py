"""Link an event to the record: who acted (actor), on whom (target), where, when, and the claim.

Actor and target come from the dependency parse around the trigger: the subject (or passive
agent) of the trigger's clause, and its object. They are linked to `record.actors` by mention
overlap. Places and times are those the record found inside the event span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.model import Claim, Place, Record, TimeExpr
from sitrep.spans import SpanIndex
from sitrep.timewords import is_compared_time

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "csubj")
OBJECT_DEPS = ("dobj", "obj", "pobj", "dative", "attr")


def clause_verb(token: Token) -> Token:
    """The verb whose clause the trigger belongs to (the trigger itself when it is a verb)."""
    steps = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and steps < 4:
        token = token.head
        steps += 1
    return token


def subject_range(verb: Token) -> tuple[int, int] | None:
    """Char range of the subject (or the `by` agent of a passive) of a verb, following relative clauses up."""
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _range(objs[0])
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return (verb.head.left_edge.idx, verb.head.idx + len(verb.head))
            return _range(child)
    if verb.dep_ in ("xcomp", "conj", "advcl", "relcl") and verb.head.i != verb.i:
        if verb.dep_ == "relcl":
            return (verb.head.left_edge.idx, verb.head.idx + len(verb.head))
        return subject_range(verb.head)
    return None


def noun_agent(noun: Token) -> Token | None:
    """Who acts in an event noun's own "by" phrase ("an unprovoked attack by Russian military
    forces", "the capture of the town by rebels"): the head of the phrase's object, or None. The
    one reader of that phrase for the stage (the actor) and for eventive.py (a named attacker)."""
    if noun.pos_ != "NOUN":
        return None
    for prep in noun.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def patient_range(verb: Token) -> tuple[int, int] | None:
    """Char range of the passive subject ("the terrorists were pushed back"), if any."""
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return _range(child)
    return None


def source_range(verb: Token) -> tuple[int, int] | None:
    """Char range of what a verb takes something from ("retook the town from the rebels")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _range(objs[0])
    return None


def object_range(verb: Token) -> tuple[int, int] | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "dative", "nsubjpass"):
            return _range(child)
    for child in verb.children:
        if child.dep_ == "prep":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _range(objs[0])
    return None


def _range(token: Token) -> tuple[int, int]:
    right = token.right_edge
    return (token.left_edge.idx, right.idx + len(right))


@dataclass(frozen=True)
class ArgumentIndex:
    """The record's actors, places, times and claims, indexed by span for one document."""

    actors: SpanIndex[str]
    places: SpanIndex[Place]
    times: SpanIndex[TimeExpr]
    claims: SpanIndex[Claim]
    sides: dict[str, str | None]


def index_arguments(record: Record) -> ArgumentIndex:
    return ArgumentIndex(
        actors=SpanIndex((m.start, m.end, i, a.id) for i, a in enumerate(record.actors) for m in a.mentions),
        places=SpanIndex((m.start, m.end, i, p) for i, p in enumerate(record.places) for m in p.mentions),
        times=SpanIndex((t.start, t.end, i, t) for i, t in enumerate(record.times)),
        claims=SpanIndex((c.start, c.end, i, c) for i, c in enumerate(record.claims)),
        sides={a.id: a.side for a in record.actors},
    )


def actor_in(index: ArgumentIndex, where: tuple[int, int] | None) -> str | None:
    """The first actor (in record order) with a mention overlapping `where`."""
    if where is None:
        return None
    rows = index.actors.overlapping(*where)
    return min(rows, key=lambda r: r[2])[3] if rows else None


def actor_side(index: ArgumentIndex, actor_id: str | None) -> str | None:
    return index.sides.get(actor_id) if actor_id else None


def places_in(index: ArgumentIndex, start: int, end: int) -> list[Place]:
    """Places with a mention inside [start, end), ordered by their first mention there."""
    first: dict[int, tuple[int, Place]] = {}
    for m_start, _, order, place in index.places.inside(start, end):
        if order not in first or m_start < first[order][0]:
            first[order] = (m_start, place)
    return [p for _, (_, p) in sorted(first.items(), key=lambda kv: (kv[1][0], kv[0]))]


def place_mentions_in(index: ArgumentIndex, start: int, end: int) -> dict[str, list[tuple[int, int]]]:
    """Place id -> its mentions lying inside [start, end)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for m_start, m_end, _, place in index.places.inside(start, end):
        found.setdefault(place.id, []).append((m_start, m_end))
    return found




CLOCK_ONLY = re.compile(r"(?:(?:about|around|at|approximately|shortly (?:before|after)|just (?:before|after))\s+)?"
                        r"\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|o'clock|hours?)?"
                        r"\s*(?:GMT|UTC|[ECMP][SD]T|ET|CES?T|EES?T|BST|MSK|local time)?\s*$", re.I)


def time_in(index: ArgumentIndex, start: int, end: int, near: int, text: str = "") -> str | None:
    """The time expression of the span nearest the trigger (a stated date before a bare clock
    time, whose day is only the document's), leaving out a time the sentence only compares with ("measures that go far beyond 2014", "more than in 2014", "compared with last
    year"): "Today, the administration is imposing measures that go far beyond 2014" is today."""
    inside = [r for r in index.times.inside(start, end) if not is_compared_time(text, r[0])]
    if not inside:
        return None
    dated = [r for r in inside if not CLOCK_ONLY.match(r[3].text or "")]
    inside = dated or inside  # "shot about 8:10 a.m. on April 4": the clock time's day is a guess, the date is stated
    return min(inside, key=lambda r: (abs(r[0] - near), r[2]))[3].id


def claim_for(index: ArgumentIndex, start: int, end: int, trigger: int) -> str | None:
    """The claim whose span holds the trigger, else the first one overlapping the event span."""
    holding = index.claims.overlapping(trigger, trigger + 1)
    if holding:
        return min(holding, key=lambda r: (r[1] - r[0], r[2]))[3].id
    overlapping = index.claims.overlapping(start, end)
    return min(overlapping, key=lambda r: r[2])[3].id if overlapping else None
