"""Link an event to the record: who acted (actor), on whom (target), where, when, and the claim.

Actor and target come from the dependency parse around the trigger: the subject (or passive
agent) of the trigger's clause, and its object. They are linked to `record.actors` by mention
overlap. Places and times are those the record found inside the event span.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.model import Actor, Claim, Place, Record, TimeExpr

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


def patient_range(verb: Token) -> tuple[int, int] | None:
    """Char range of the passive subject ("the terrorists were pushed back"), if any."""
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return _range(child)
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


def actor_in(actors: tuple[Actor, ...], where: tuple[int, int] | None) -> str | None:
    if where is None:
        return None
    for actor in actors:
        if any(m.start < where[1] and where[0] < m.end for m in actor.mentions):
            return actor.id
    return None


def actor_side(record: Record, actor_id: str | None) -> str | None:
    for actor in record.actors:
        if actor.id == actor_id:
            return actor.side
    return None


def places_in(places: tuple[Place, ...], start: int, end: int) -> list[Place]:
    """Places with a mention inside [start, end), ordered by their first mention there."""
    found = []
    for place in places:
        offsets = [m.start for m in place.mentions if start <= m.start and m.end <= end]
        if offsets:
            found.append((min(offsets), place))
    return [p for _, p in sorted(found, key=lambda x: x[0])]


def time_in(times: tuple[TimeExpr, ...], start: int, end: int, near: int) -> str | None:
    inside = [t for t in times if start <= t.start and t.end <= end]
    if not inside:
        return None
    return min(inside, key=lambda t: abs(t.start - near)).id


def claim_for(claims: tuple[Claim, ...], start: int, end: int, trigger: int) -> str | None:
    """The claim whose span holds the trigger, else the first one overlapping the event span."""
    holding = [c for c in claims if c.start <= trigger < c.end]
    if holding:
        return min(holding, key=lambda c: c.end - c.start).id
    overlapping = [c for c in claims if c.start < end and start < c.end]
    return overlapping[0].id if overlapping else None
