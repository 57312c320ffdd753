"""Candidate mentions and the per-record context the finders share."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from unidecode import unidecode

from sitrep.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token



# ---------------------------------------------------------------- mentions
@dataclass
class Mention:
    start: int
    end: int
    kind: ActorKind
    key: str
    name: str
    priority: int
    role: str | None = None
    side: str | None = None
    link: str | None = None  # "role" / "head": resolved against earlier mentions
    indefinite: bool = False  # "a spokesman": a new referent, never an earlier person


@dataclass
class Context:
    """What the mention finders look at: the text, the parse and spans to stay out of."""

    text: str
    doc: Doc
    places: list[tuple[int, int]]
    countries: list[tuple[int, int, str]] = field(default_factory=list)  # place mentions with alpha-3
    towns: list[tuple[int, int]] = field(default_factory=list)  # mentions of places of kind "city"
    _words: frozenset[str] | None = None

    def words(self) -> frozenset[str]:
        """The token texts of the document (built on first use)."""
        if self._words is None:
            from spacy.attrs import ORTH

            strings = self.doc.vocab.strings  # each distinct text once (speed only): the texts of ORTH
            orths = set(self.doc.to_array(ORTH).tolist()) if len(self.doc) else set()
            self._words = frozenset(strings[orth] for orth in orths)
        return self._words

    def is_town(self, start: int, end: int) -> bool:
        """Whether a mention of a city overlaps start..end (`towns` is sorted by start)."""
        i = bisect.bisect_left(self.towns, (end, -1))
        return any(s < end and start < e for s, e in self.towns[max(0, i - 3):i])

    def country_at(self, start: int, end: int) -> str | None:
        """Country (alpha-3) of a place mention overlapping start..end (`countries` is sorted)."""
        i = bisect.bisect_left(self.countries, (end, -1, ""))
        return next((c for s, e, c in self.countries[max(0, i - 3):i] if s < end and start < e), None)

    def country_after(self, pos: int, limit: int) -> str | None:
        """Country of the first place mention starting in pos..limit."""
        i = bisect.bisect_left(self.countries, (pos, -1, ""))
        return next((c for s, _, c in self.countries[i:i + 1] if s < limit), None)

    def token(self, start: int) -> Token | None:
        """The token that starts exactly at `start`, if any."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) and span[0].idx == start else None

    def is_place(self, start: int, end: int) -> bool:
        """Whether a place mention overlaps start..end (`places` is sorted by start)."""
        i = bisect.bisect_left(self.places, (end, -1))
        return any(s < end and start < e for s, e in self.places[max(0, i - 3):i])


# Lower-case name particles inside a person's name ("Ursula von der Leyen", "Ahmad bin Ali").
PARTICLES = ("von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das", "la",
             "le", "al", "bin", "ibn", "ter", "zu")
PARTICLE_TAIL_RE = re.compile(r"(?:\s+(?:" + "|".join(PARTICLES) + r"))+\s+[A-Z][\w'’-]*[a-z]")
PARTICLE_END_RE = re.compile(r"(?:\s+(?:" + "|".join(PARTICLES) + r"))+$")


def surname_key(name: str) -> str:
    return translit_key(name.split()[-1])


def translit_key(word: str) -> str:
    """A spelling-blind key for a transliterated name: Minnekaev = Minnekayev, Zelensky = Zelenskyy = Zelenskiy,
    Podolyak = Podoliak, Shoigu = Shoygu. y/j -> i, kh -> h, w -> v, ck -> k, ph -> f; an i between vowels
    goes (the y glide of "-ayev"); doubled letters collapse."""
    w = re.sub(r"[^a-z]", "", unidecode(word).lower())
    for a, b in (("kh", "h"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("y", "i"), ("j", "i")):
        w = w.replace(a, b)
    w = re.sub(r"(?<=[aeou])i(?=[aeiou])", "", w)
    return re.sub(r"(.)\1+", r"\1", w)
