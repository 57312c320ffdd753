"""Named places the gazetteer lacks (streets, buildings, venues, camps), located at the town the story puts them in.

spaCy tags "Alder Hey Children's Hospital", "Northumberland Avenue" or "Abu Shouk camp" as a facility,
location or organisation, but no GeoNames extract that sitrep ships carries them. Such a name, of two or more
words ending in a word for a building, a street or a venue (SITE_WORDS: BUILDING_WORDS and buildings that
also name what they house: 'Cloverhill District Court', 'Liverpool Academy', 'Heathrow Animal Reception
Center'; streets and outdoor sites: 'Willow Crescent', 'Kelso Dam'; or a name spaCy ends before a site word
in lower case: 'Abu Shouk camp', 'Azovstal steel plant'), is emitted as a place of kind `other`, without a GeoNames id, at the point of the town named after
it in the same sentence ("X Hospital in Liverpool", "X School, Parkland, Florida"), or, with no town after
it in its sentence, at the story's focus town: the town it names most often (the first of them on a tie).
Only a town (a city-level gazetteer reading) locates a name: a country or a first-level region is too large
to stand for a building's point. GeoWebNews, both parts: about four in five focus-town guesses land within
161 km; a town before the name in its sentence, or a focus town only where it clearly dominates the story,
were measured too and land worse. Institutions named for no building (institute, office, ministry) and
airports (named after their town, which the gazetteer reads: 'Boryspil Airport') are no site words.
Facility and location names without a site word ('Citi Field', 'Eastern Conference', 'Le Pen' mis-tagged)
were measured too: on the hand-annotated news they are mostly no places at all, so they stay out; so does
such a name right before 'in' or 'at' and a town ('Le Bernardin in New York': no gain on the GeoWebNews
check part).
The confidence is LOCATED_CONFIDENCE (the point is the town's, not the building's), and the town is the one
alternative.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.gazetteer.names import name_key
from sitrep.gazetteer.store import Entry
from sitrep.stages.places.recognise import Mention
from sitrep.stages.places.resolve import Resolution

if TYPE_CHECKING:
    from spacy.tokens import Doc

LOCATED_CONFIDENCE = 0.6  # a located name's confidence: the point is its town's, not its own
MAX_WORDS = 8


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


BUILDING_WORDS = frozenset({"arena", "avenue", "barracks", "basilica", "boulevard", "bridge", "camp",
                            "cathedral", "cemetery", "church", "courthouse", "drive", "embassy", "hospital", "hotel",
                            "lane", "mall", "market", "mosque", "palace", "park", "plaza", "prison", "restaurant",
                            "road", "school", "square", "stadium", "station", "street", "temple", "tower"})
# buildings that also name what is housed in them
SITE_WORDS = BUILDING_WORDS | frozenset({"academy", "building", "center", "centre", "clinic", "club", "college",
                                         "complex", "consulate", "court", "factory", "gallery", "hall",
                                         "headquarters", "library", "museum", "plant", "terminal", "theater",
                                         "theatre", "university", "zoo", "base"})
# streets and outdoor sites: 'Willow Crescent', 'Orchard Place', 'Kelso Dam', 'Brook Farm'
SITE_WORDS |= frozenset({"beach", "canal", "close", "crescent", "dam", "estate", "farm", "harbor", "harbour", "lodge",
                         "mine", "pier", "place", "quarter", "ranch", "terrace"})
SITE_LABELS = frozenset({"FAC", "LOC", "ORG", "GPE"})  # spaCy labels a hospital or a street any of these


@dataclass(frozen=True)
class Named:
    """A named entity of the parse: char span, text, spaCy label."""

    start: int
    end: int
    text: str
    label: str


def locatable(e: Named) -> bool:
    """A named site: an entity of two or more words whose last word is a building's, a street's or a venue's
    ('Northumberland Avenue', 'Central Mental Hospital' tagged an organisation); not a name in capitals only."""
    parts = e.text.split()
    if not 1 < len(parts) <= MAX_WORDS or not any(c.islower() for c in e.text):
        return False
    return e.label in SITE_LABELS and parts[-1].lower() in SITE_WORDS


def locate(named: list[Named], resolved: list[Resolution], sentences: list[Sentence]) -> list[Resolution]:
    """Resolutions for the locatable names no mention covers, at their towns' points (see the module doc)."""
    towns = sorted((r for r in resolved if r.entry is not None and r.entry.kind == "city" and not r.mention.demonym),
                   key=lambda r: r.mention.start)
    if not towns:
        return []
    focus = focus_town(towns)
    taken = [(r.mention.start, r.mention.end) for r in resolved]
    out = []
    for e in named:
        if not locatable(e) or any(s < e.end and e.start < t for s, t in taken):
            continue
        m = Mention(e.start, e.end, e.text, (), e.label, True)
        town = _town_of(m, towns, _sentence_of(m, sentences))
        out.append(_located(m, town or focus))
    return out


def focus_town(towns: list[Resolution]) -> Resolution:
    """The town the story names most often (the first named of them on a tie); `towns` in text order."""
    counts = Counter(located_key(r.entry) for r in towns if r.entry is not None)
    top = max(counts.values())
    return next(r for r in towns if r.entry is not None and counts[located_key(r.entry)] == top)


def named_entities(doc: Doc) -> list[Named]:
    """The parse's entities, without a leading 'the' or a trailing possessive; a site word in lower case right
    after the name, or after one or two more lower-case words, ends it ('Abu Shouk camp', 'Azovstal steel
    plant', 'Seasons restaurant'): spaCy leaves that word out of the entity."""
    out = []
    for ent in doc.ents:
        span = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
        if len(span) > 1 and span[-1].lower_ in ("'s", "’s"):
            span = span[:-1]
        elif span.end == ent.end:
            span = doc[span.start:_site_word_end(doc, span.end)]
        out.append(Named(span.start_char, span.end_char, span.text, ent.label_))
    return out


MAX_WORDS_BEFORE_SITE_WORD = 2
# site words that in lower case after a name still name a building ('the Abu Shouk camp'); not the ones with
# another common sense there ('a Premier League club', 'its voter base', 'first place', 'the Nasdaq market')
LOWER_SITE_WORDS = frozenset({"barracks", "bridge", "camp", "cathedral", "cemetery", "church", "dam", "embassy",
                              "factory", "hospital", "hotel", "mall", "mosque", "plant", "prison", "restaurant",
                              "school", "stadium", "station", "street", "temple"})


def _site_word_end(doc: Doc, j: int) -> int:
    """The token index after a lower-case site word that closes the name ending at token j, else j."""
    for k in range(j, min(j + MAX_WORDS_BEFORE_SITE_WORD + 1, len(doc))):
        tok = doc[k]
        if not tok.is_lower or not tok.is_alpha or tok.pos_ not in ("NOUN", "ADJ", "PROPN"):
            return j
        if tok.text in LOWER_SITE_WORDS:
            return k + 1
    return j


def _sentence_of(m: Mention, sentences: list[Sentence]) -> Sentence:
    for s in sentences:
        if s.start <= m.start < s.end:
            return s
    return Sentence(m.start, m.end)


def _town_of(m: Mention, towns: list[Resolution], sent: Sentence) -> Resolution | None:
    """The first town named after the name in its sentence ('X Hospital in Liverpool', 'X School, Parkland')."""
    return next((r for r in towns if m.end <= r.mention.start < sent.end), None)


def _located(m: Mention, town: Resolution) -> Resolution:
    assert town.entry is not None
    t = town.entry
    entry = Entry(0, m.name, "S", "", t.country, t.admin1, t.lat, t.lon, 0, "other")
    margin = math.log(LOCATED_CONFIDENCE / (1.0 - LOCATED_CONFIDENCE))  # the stage's confidence is logistic in it
    return Resolution(m, entry, town.score, ((town.score, entry), (town.score - margin, t)))


def located_key(entry: Entry) -> int | str:
    """The grouping key of a place: its GeoNames id, or for a located name its name key."""
    return entry.geonameid if entry.geonameid != 0 else "~" + name_key(entry.name)

