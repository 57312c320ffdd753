"""Tense of the verb that governs a time expression, read from the spaCy parse.

"He will meet them on Friday" -> future; "Zelensky estimated the area on Thursday" -> past.
Bare weekdays and months are resolved backwards for past, forwards for future.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Tense = Literal["past", "future", "present"]
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "'d", "would"}
_FUTURE_HEADS = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "going"}


def tense_at(parse: Doc | None, start: int, end: int) -> Tense | None:
    """The tense of the first verb up the dependency tree from the expression; None when unknown."""
    if parse is None:
        return None
    span = parse.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    return _verb_tense(verb) if verb is not None else None


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "amod":
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if verb.tag_ == "VB" and (words & {"to"}):
        return _infinitive_tense(verb)
    if verb.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN":
        return "past" if words & {"has", "have", "had", "was", "were"} or not words else None
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "future"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _infinitive_tense(verb: Token) -> Tense | None:
    """'plans to meet Friday' -> future; 'had been due to expire Friday' -> past (the governing clause's tense)."""
    head = verb.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB"):
            break
        head = head.head
    clause = [c for c in head.children if c.dep_ in ("aux", "auxpass")] + [head]
    if any(t.tag_ == "VBD" for t in clause):
        return "past"
    return "future"
