"""Find the event cue of a sentence: match the cue table on its lemma string and pick the best hit.

A hit's score is the cue's table score minus a small penalty for how deep its trigger sits in
the dependency tree, so a governing verb ("condemned the attack") beats the event it governs.
A negated trigger ("did not reject") drops the hit unless the cue is written for negation.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.stages.events.tables import Cue, Tables

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

DEPTH_PENALTY = 0.25
MAX_DEPTH = 6
GOVERNED_PENALTY = 1.5
GOVERNING = frozenset({"DEMAND", "REJECT", "DISAPPROVE", "THREATEN", "SUPPORT", "INVESTIGATE", "AGREE"})
SECONDARY_MIN = 3.5  # table score an ACLED-typed runner-up needs to become a second event
NAME_ENTITIES = frozenset({"ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"})


@dataclass(frozen=True)
class Hit:
    cue: Cue
    first: Token  # first token of the match (the trigger head)
    last: Token  # last token of the match
    score: float


@dataclass(frozen=True)
class LemmaString:
    """A sentence as ' lemma lemma ... ' with the start offset of each token in that string."""

    text: str
    starts: tuple[int, ...]
    sent: SpacySpan

    def token_at(self, offset: int) -> Token:
        index = max(bisect_right(self.starts, offset) - 1, 0)
        return self.sent[index]


def lemma_string(sent: SpacySpan) -> LemmaString:
    starts: list[int] = []
    parts: list[str] = []
    pos = 0
    for token in sent:
        word = (token.lemma_ or token.text).lower().replace(" ", "_") or "_"
        starts.append(pos)
        parts.append(word)
        pos += len(word) + 1
    return LemmaString(text=" ".join(parts), starts=tuple(starts), sent=sent)


def depth(token: Token) -> int:
    steps = 0
    while token.head.i != token.i and steps < MAX_DEPTH:
        token = token.head
        steps += 1
    return steps


def is_negated(token: Token) -> bool:
    """The trigger, or the verb it is an auxiliary/particle of, has a negation child."""
    heads = [token] if token.dep_ not in ("aux", "auxpass", "prt") else [token, token.head]
    return any(child.dep_ == "neg" for head in heads for child in head.children)


def is_name_part(token: Token) -> bool:
    """A word inside a proper name ("Storm Corps", "Free Syrian Army") or the second half of a
    hyphenated modifier ("Turkey-backed", "long-threatened") is no trigger."""
    if token.pos_ == "PROPN" and token.ent_type_ in NAME_ENTITIES and token.ent_iob_ != "O":
        return True
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ \
        and not doc[token.i - 1].whitespace_


def cue_hits(cue: Cue, lemmas: LemmaString) -> list[Hit]:
    matches = list(cue.pattern.finditer(lemmas.text))
    if not matches:
        return []
    if cue.with_ is not None and not cue.with_.search(lemmas.text):
        return []
    if cue.without is not None and cue.without.search(lemmas.text):
        return []
    hits = []
    for match in matches:
        first = lemmas.token_at(match.start())
        if is_name_part(first) or (not cue.keeps_negation and is_negated(first)):
            continue
        last = lemmas.token_at(max(match.end() - 1, match.start()))
        hits.append(Hit(cue, first, last, cue.score - DEPTH_PENALTY * depth(first)))
    return hits


def sentence_hits(sent: SpacySpan, tables: Tables) -> list[Hit]:
    """Every hit of the sentence, best first (earliest trigger on ties)."""
    lemmas = lemma_string(sent)
    hits = demote_governed([hit for cue in tables.cues for hit in cue_hits(cue, lemmas)])
    return sorted(hits, key=lambda h: (-h.score, h.first.i))


def demote_governed(hits: list[Hit]) -> list[Hit]:
    """Lower hits that another hit governs: the object of a speech act ("demanded a truce",
    "rejected an ultimatum") or a modifier of another trigger ("fraud investigation")."""
    governors = {h.first.i: h for h in hits if h.cue.plover in GOVERNING}
    out = []
    for hit in hits:
        token, governed = hit.first, False
        for _ in range(3):
            if token.head.i == token.i:
                break
            token = token.head
            if token.i in governors and governors[token.i].cue is not hit.cue and not hit.first.i <= token.i <= hit.last.i:
                governed = True
                break
        out.append(Hit(hit.cue, hit.first, hit.last, hit.score - GOVERNED_PENALTY) if governed else hit)
    return out


def pick_hits(hits: list[Hit], min_score: float = 0.0) -> list[Hit]:
    """The winning hit, plus the best ACLED-typed hit when the winner has no ACLED type.

    "X condemned the shelling of Y" is a DISAPPROVE event and a shelling event. A winning
    blocker (disaster, responsibility claim) yields nothing.
    """
    hits = [h for h in hits if h.cue.score >= min_score]
    if not hits or hits[0].cue.is_blocker:
        return []
    top = hits[0]
    if top.cue.acled is not None:
        return [top]
    second = next((h for h in hits[1:] if h.cue.acled is not None and h.cue.score >= SECONDARY_MIN), None)
    return [top] if second is None else [top, second]
