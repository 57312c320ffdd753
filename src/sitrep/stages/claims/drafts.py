"""Drafts (claims being built), the per-record context the finders share, and span helpers."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sitrep.model import Actor, ClaimStatus, Span
from sitrep.stages.claims.cues import Cues
from sitrep.stages.claims.units import Unit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_SPAN = 400
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
EDGE_CHARS = " \t\n,.;:!?“”\"'‘’«»()-–—"
QUOTE_RE = re.compile(r"[“\"«]([^“”\"«»]+?)[”\"»]")


@dataclass
class Draft:
    start: int
    end: int
    unit: int
    claimant: str | None = None
    claimant_text: str | None = None
    status: ClaimStatus = "asserted"
    channel: str | None = None
    said_at: str | None = None
    evidence: list[Span] = field(default_factory=list)
    response: str | None = None
    quote: bool = False
    frame: list[tuple[int, int]] = field(default_factory=list)  # where attribution cues are looked for


@dataclass
class Doc2:
    """Everything the finders share for one record."""

    text: str
    cues: Cues
    units: list[Unit]
    actors: tuple[Actor, ...]
    mentions: list[tuple[int, int, str]]  # start, end, actor id, in text order
    kinds: dict[str, str]
    times: list[tuple[int, int, str]]  # DATE/TIME expressions: start, end, id
    places: list[tuple[int, int]] = field(default_factory=list)  # place mentions
    longest: int = 0  # the longest mention, to bound searches in `mentions`
    doc: Doc | None = None
    unnamed: frozenset[str] = frozenset()  # persons known only by their role ("a Swedish official")
    genders: dict[str, str] = field(default_factory=dict)  # person id -> "m"/"f" where the text says so

    def actors_between(self, start: int, end: int) -> set[str]:
        """Actors with a mention starting in start..end (mentions are sorted by start)."""
        lo = bisect.bisect_left(self.mentions, (start, -1, ""))
        hi = bisect.bisect_left(self.mentions, (end, -1, ""))
        return {a for _, _, a in self.mentions[lo:hi]}

    def actor_in(self, start: int, end: int, prefer_person: bool = True) -> str | None:
        lo = bisect.bisect_left(self.mentions, (start - self.longest, -1, ""))
        hi = bisect.bisect_left(self.mentions, (end, -1, ""))
        hits = [(s, e, a) for s, e, a in self.mentions[lo:hi] if s < end and start < e]
        if prefer_person:
            persons = [h for h in hits if self.kinds[h[2]] == "person"]
            hits = persons or hits
        return hits[0][2] if hits else None

    def last_actor_before(self, pos: int, kinds: Sequence[str], floor: int) -> str | None:
        lo = bisect.bisect_left(self.mentions, (floor, -1, ""))
        hi = bisect.bisect_left(self.mentions, (pos, -1, ""))
        for _s, _e, a in reversed(self.mentions[lo:hi]):
            if self.kinds[a] in kinds:
                return a
        return None


def span_of(tokens: Iterable[Token], unit: Unit) -> tuple[int, int] | None:
    toks = list(tokens)
    if not toks:
        return None
    start = max(min(t.left_edge.idx for t in toks), unit.start)
    end = min(max(t.right_edge.idx + len(t.right_edge) for t in toks), unit.end)
    return (start, end) if start < end else None


def clause_span(clause: list[Token], unit: Unit) -> tuple[int, int] | None:
    """Span of a content clause without its complementiser ("says that C" -> C)."""
    sp = span_of(clause, unit)
    if sp is None:
        return None
    lead = next((t for c in clause for t in c.children if t.dep_ == "mark" and t.idx == sp[0]), None)
    return ((lead.idx + len(lead)) if lead is not None else sp[0], sp[1])


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip punctuation, quote marks and spaces at both edges; cap the length at MAX_SPAN."""
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    if end - start > MAX_SPAN:
        cut = text.rfind(" ", start, start + MAX_SPAN)
        end = cut if cut > start else start + MAX_SPAN
    return start, end


def is_quoted(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 3):start], text[end:end + 3]
    return any(q in before for q in "“\"«") and any(q in after for q in "”\"»")
