"""Find toponym mentions: gazetteer scan of capitalised runs + spaCy entities + cue words.

Steps (see `find_mentions`):
1. scan runs of capitalised tokens for the longest name the gazetteer knows (exact key,
   then the transliteration skeleton), and spaCy GPE/LOC/FAC entities it did not cover;
2. read feature cues around each name ("Kherson region", "city of X", "rivers X and Y");
3. read the evidence around each candidate (evidence.py): a region or country that contains it
   ("Vesele, Donetsk"), locative prepositions and verbs ("shelled Lyman"), an age ("Kateryna, 34,"),
   the same word in lower case elsewhere ("a mass grave"), a title-cased headline;
4. keep a candidate when the evidence says toponym: a GPE/LOC/FAC label, a cue, a container, or
   an important place (country, region, feature, large city) whose label is not a person's;
5. adjectival demonyms ("Russian forces") become mentions of their country or area.

Transliteration skeletons (names.skeleton_key) fold the competing romanisations of Cyrillic
names, so a skeleton-only match counts only for places in countries whose names are romanised
from Cyrillic (SKELETON_COUNTRIES): 'Yulia' is not Juba, 'State' is not Statte.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sitrep.gazetteer.names import name_key
from sitrep.gazetteer.store import Gazetteer, Hit
from sitrep.nlp.arrays import token_texts
from sitrep.stages.places import evidence
from sitrep.stages.places.tables import Tables, region_type_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
CONNECTORS = frozenset({"of", "de", "del", "la", "al", "el", "upon", "on", "da", "do", "du", "von", "van",
                        "der", "le", "les", "-", "y", "and", "'s", "’s"})  # 'People's Republic of Korea'
POSSESSIVE = frozenset({"'s", "’s"})
COORDINATORS = frozenset({"and", "or", ","})
MAX_TOKENS = 6
# A ship's name after its class noun: 'the cruiser Moskva', 'the flagship, the Moskva', 'warship "Kyiv"'.
VESSEL_BEFORE = re.compile(r"\b(?:cruiser|warship|flagship|battleship|frigate|destroyer|corvette|submarine|ship|vessel|"
                           r"tanker|freighter|icebreaker|aircraft carrier)s?,?\s+(?:the\s+)?[\"'“‘]?$", re.IGNORECASE)
# a company or armed group named after the name: 'the Wagner group', 'Wagner mercenaries', 'Wagner PMC'
COMPANY_AFTER = re.compile(r"\s+(?:group|company|corporation|mercenar(?:y|ies)|PMC|private military)\b")
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "across", "throughout", "around", "toward",
                                   "towards", "into", "beyond", "outskirts"})
# Former Soviet and other Cyrillic-script countries: the transliteration skeleton is built for their names
SKELETON_COUNTRIES = frozenset({"UA", "RU", "BY", "MD", "KZ", "KG", "TJ", "UZ", "TM", "AZ", "AM", "GE", "BG", "RS",
                                "MK", "ME", "BA", "MN"})
PLACE_PREPOSITIONS = frozenset({"at", "to", "from"})  # with a place label: 'at the Rogers Centre'
FACILITY_LOOKAHEAD = 3
FACILITY_TOWN_POPULATION = 15_000  # a named facility's town: big enough to be the one meant  # capitalised words after a name that may end in a facility word


@dataclass(frozen=True)
class Mention:
    """A candidate toponym: char span, lookup text, gazetteer hits and the evidence around it."""

    start: int
    end: int
    name: str
    hits: tuple[Hit, ...]
    label: str | None = None  # spaCy label of the entity it lies in
    exact_ent: bool = False  # the entity is exactly this name
    cue: str | None = None  # region|county|river|city|area
    cue_plural: bool = False  # the cue word is plural ('regions', 'rivers'): it may cover a comma list
    demonym: str | None = None  # demonym target (ISO2 or place name)
    propn: bool = True
    inner: bool = False  # a proper noun right before it: part of a longer name ("Royal Street")
    continues: bool = False  # a proper noun right after it ("Pakistan Army", "Walker County Sheriff")
    facility: bool = False  # names a facility's town ('Dubai World Trade Centre'): town readings only
    comma_next: bool = False  # the next mention follows after a bare comma ("Parkland, Florida")
    listed_next: bool = False  # the next mention follows after 'and', 'or', ', and' or ', or' (a list)
    locative: bool = False  # after a locative preposition ('in Klamath Falls') or verb ('shelled Lyman')
    contained: bool = False  # a region or country named next holds it ('Vesele, Donetsk'): hits constrained
    headline: bool = False  # in a title-cased line, where spaCy's labels say little
    aged: bool = False  # an age in commas follows ('Kateryna, 34, said'): a person
    agent: bool = False  # a demonym naming who acts ('Russian forces'): no evidence of where the story is
    dateline: bool = False  # opens a dateline ('LONDON, April 5 (Reuters) -'): where the story was filed


def find_mentions(doc: Doc, gaz: Gazetteer, tables: Tables, *, demonyms: bool = True,
                  text: str | None = None) -> list[Mention]:
    """All toponym mentions in the doc, in text order, non-overlapping (`text`: doc.text, if at hand)."""
    full = doc.text if text is None else text  # Doc.text is rebuilt on every access: read it once
    ent_of = _entity_index(doc)
    found = list(_scan(doc, full, gaz, tables, ent_of))
    found += _uncovered_entities(doc, len(full), gaz, found, tables)
    if demonyms:
        found += _demonyms(doc, full, tables, found)
    found = _with_cues(doc, full, sorted(found, key=lambda m: m.start), tables)
    found = [m for m in found if not _in_facility_name(doc, m, tables)]
    found = [_facility_named(doc, m, tables) for m in found]
    found = _with_evidence(doc, full, found)
    people = _person_name_words(doc) | _surnames(doc, found)
    lower = evidence.lowercase_words(doc)
    ships = _vessel_names(full, found) | _company_names(full, found)
    accepted = [is_toponym(m, tables) and not _a_persons_name(m, people) and not evidence.is_common_word(m, lower)
                and not (name_key(m.name) in ships and not m.cue) for m in found]
    kept = [m for m in _one_sense_per_story(found, accepted) if not _a_case_party(full, m)]
    return _comma_links(full, kept)


def _a_case_party(full: str, m: Mention) -> bool:
    """A court case's party ('Roe v. Wade'), with no cue, container or country reading: wherever the story
    names the case it names a party, even when the name is a place elsewhere in the story."""
    if m.cue or m.contained or m.demonym or _is_country(m):
        return False
    return evidence.is_case_party(full, m)


def _with_evidence(doc: Doc, full: str, found: list[Mention]) -> list[Mention]:
    """Containers, shared locatives, ages and headlines (see evidence.py)."""
    found = evidence.constrain_by_containers(full, found)
    found = evidence.share_locatives(full, found)
    heads = evidence.headline_spans(doc)
    org_ends = {ent.end_char for ent in doc.ents if ent.label_ in ("ORG", "FAC")}
    found = [replace(m, locative=True) if not m.demonym and _seat_of(full, m, org_ends) else m for m in found]
    return [_with_line_evidence(full, m, heads) for m in found]


def _seat_of(full: str, m: Mention, org_ends: set[int]) -> bool:
    """'the Federal University of Technology, Owerri': a name right after an organisation and a comma is its seat."""
    k = m.start - 1
    while k >= 0 and full[k] == " ":
        k -= 1
    return k >= 0 and full[k] == "," and k in org_ends


def _with_line_evidence(full: str, m: Mention, heads: list[tuple[int, int]]) -> Mention:
    """Age, headline and dateline flags and an apposition's cue of one mention (a dateline's name is locative)."""
    dateline = not m.demonym and evidence.is_dateline(full, m)
    if m.cue is None and not m.demonym:
        m = replace(m, cue=evidence.appositive_cue(full, m))
    hits = m.hits
    if dateline and any(h.entry.kind != "river" for h in hits):
        hits = tuple(h for h in hits if h.entry.kind != "river")  # a story is filed from a town, not a river
    return replace(m, hits=hits, aged=evidence.is_aged(full, m), headline=evidence.in_spans(m, heads),
                   dateline=dateline, locative=m.locative or dateline)


def _vessel_names(full: str, found: list[Mention]) -> frozenset[str]:
    """Name keys the story gives a ship ('the cruiser Moskva'): that name is the ship throughout the
    story ('the sinking of the Moskva'), unless a cue says place ('in Moskva region')."""
    return frozenset(name_key(m.name) for m in found if VESSEL_BEFORE.search(full, max(0, m.start - 40), m.start))


def _company_names(full: str, found: list[Mention]) -> frozenset[str]:
    """Name keys the story gives a company or armed group ('the Wagner group', 'Wagner mercenaries'): a town
    below the big-city class that names a group is that group throughout the story, unless a cue says place."""
    return frozenset(name_key(m.name) for m in found
                     if not m.demonym and importance(m.hits) < 2 and COMPANY_AFTER.match(full, m.end))


def _person_name_words(doc: Doc) -> frozenset[str]:
    """Name keys of the words of the story's multi-word person names ('Mohamed Salah', 'Yulia Tymoshenko')."""
    return frozenset(name_key(t.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                     for t in ent if is_capitalised(t))


def _surnames(doc: Doc, found: list[Mention]) -> frozenset[str]:
    """Name keys of one-word names the story writes right after a given name ('Valerii Semenov', 'Noel Conway'):
    a capitalised proper noun inside a sentence, outside a headline, that is no place mention itself."""
    tok_at = token_starts(doc)
    starts = {m.start for m in found}
    out = set()
    for m in found:
        i = tok_at.get(m.start)
        if i is None or i == 0 or " " in m.name or not m.inner or m.headline or m.demonym:
            continue
        prev = doc[i - 1]
        if prev.pos_ == "PROPN" and prev.is_title and not prev.is_sent_start and prev.idx not in starts:
            out.add(name_key(m.name))
    return frozenset(out)


def _a_persons_name(m: Mention, people: frozenset[str]) -> bool:
    """A bare one-word name that the story uses as a person's name ('Salah' after 'Mohamed Salah') is that
    person again, unless a cue says place or it names a country, region or big city."""
    exact = tuple(h for h in m.hits if h.tier == 0)  # a spelling variant of a person's name is never the place
    return (not m.cue and not m.contained and not m.demonym and " " not in m.name and name_key(m.name) in people
            and importance(exact) < 2)


LIST_LINKS = frozenset({" and ", " or ", ", and ", ", or "})


def _comma_links(text: str, ms: list[Mention]) -> list[Mention]:
    """Mark mentions followed by ', <next mention>' (a town and its region or country) or by 'and'/'or'."""
    out = []
    for k, m in enumerate(ms):
        between = text[m.end:ms[k + 1].start] if k + 1 < len(ms) else None
        if between in (",", ", "):
            m = replace(m, comma_next=True)
        elif between in LIST_LINKS:
            m = replace(m, listed_next=True)
        out.append(m)
    return out


def _in_facility_name(doc: Doc, m: Mention, tables: Tables) -> bool:
    """'Royal Street', 'University of Arizona', 'Pearl Harbor': the name belongs to another feature."""
    if m.cue or m.demonym:
        return False
    if _facility_follows(doc, m, tables, 1):
        return True
    before = doc.char_span(max(0, m.start - 40), m.start, alignment_mode="expand")
    if before is None or not len(before):
        return False
    words = [t for t in before if not t.is_space]
    if words and words[-1].lower_ == "of" and len(words) > 1:
        words = words[:-1]
    return bool(words) and words[-1].is_title and words[-1].lower_ in tables.facility_before


def _facility_named(doc: Doc, m: Mention, tables: Tables) -> Mention:
    """'Colorado State University', 'British Embassy', 'Dubai World Trade Centre': the feature lies in a town
    or first-level region of that name (a state university), not in a country, so only those readings stay;
    the resolver prefers the town when the region has a town namesake (Dubai)."""
    if m.demonym or not _facility_follows(doc, m, tables, FACILITY_LOOKAHEAD):
        return m  # 'British Embassy' still mentions the United Kingdom
    key = name_key(m.name)
    towns = tuple(h for h in m.hits if name_key(h.entry.name) == key and (
        h.entry.fcode == "ADM1" or h.entry.kind == "city" and h.entry.population >= FACILITY_TOWN_POPULATION))
    return replace(m, hits=towns, facility=True)


def _facility_follows(doc: Doc, m: Mention, tables: Tables, width: int) -> bool:
    """A facility word closes the capitalised run right after the name: 'Florida Atlantic University'."""
    if not len(doc) or m.end >= doc[-1].idx + len(doc[-1]):
        return False
    after = doc.char_span(m.end, min(m.end + 80, doc[-1].idx + len(doc[-1])), alignment_mode="expand")
    if after is None:
        return False
    # "St. Peter's Basilica" (a saint's), but "Britain's High Court", "Russia's Embassy" (the country's own)
    end = _after_possessive(after, m.end) if width == 1 and importance(m.hits) < 3 else m.end
    for tok in [t for t in after if not t.is_space and t.idx >= end][:width]:
        if tok.idx != end + 1 or not is_capitalised(tok):
            return False
        if tok.lower_ in tables.facility_after:
            return True
        end = tok.idx + len(tok.text)
    return False


def _after_possessive(after: Span, start: int) -> int:
    """Where a possessive right at `start` ends ('St. Peter|'s Basilica'), else `start`."""
    first = after[0] if len(after) else None
    if first is not None and first.idx == start and first.lower_ in POSSESSIVE:
        return start + len(first.text)
    return start


def _one_sense_per_story(found: list[Mention], accepted: list[bool]) -> list[Mention]:
    """A name accepted once is a toponym wherever else it occurs (unless inside a longer person name)."""
    keys = {name_key(m.name) for m, ok in zip(found, accepted, strict=True) if ok and not m.demonym}
    return [m for m, ok in zip(found, accepted, strict=True)
            if ok or (m.hits and name_key(m.name) in keys and (m.label != "PERSON" or m.exact_ent))]


# ---------------------------------------------------------------- 1. scan
def _entity_index(doc: Doc) -> dict[int, Span]:
    return {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}


def token_starts(doc: Doc) -> dict[int, int]:
    """Character offset -> index of the token starting there (read as one array: speed only)."""
    from spacy.attrs import IDX

    return {idx: i for i, idx in enumerate(doc.to_array(IDX).tolist())} if len(doc) else {}


def token_ends(doc: Doc) -> dict[int, int]:
    """Character offset -> index of the token ending there."""
    from spacy.attrs import IDX, LENGTH

    rows = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
    return {idx + length: i for i, (idx, length) in enumerate(rows)}


def is_capitalised(tok: Token) -> bool:
    text = tok.text
    first = text[:1]
    return first.isupper() and (first.isalpha() or any(c.isalpha() for c in text))  # speed: most end at first


def _scan(doc: Doc, full: str, gaz: Gazetteer, tables: Tables, ent_of: dict[int, Span]) -> Iterator[Mention]:
    i, n, last_end, last_country = 0, len(doc), -1, False
    while i < n:
        tok = doc[i]
        if not is_capitalised(tok) or tok.lower_ in ("the", "a", "an"):
            i += 1
            continue
        if i + 1 < n and f"{tok.text} {doc[i + 1].text}" in tables.demonyms:
            i += 2  # 'Central American migrants': a demonym, read in step 4
            continue
        min_len = 2 if tok.text in tables.demonyms else 1  # "Indian Ocean", but "Russian" is a demonym
        found = _directional(doc, full, i, gaz, ent_of) or _longest_match(doc, full, i, gaz, ent_of, min_len)
        if found is None:
            i += 1
            continue
        mention = found[0]
        if mention.inner and i == last_end and doc[i - 1].whitespace_ and _is_country(mention) and last_country:
            mention = replace(mention, inner=False)  # 'Greece Italy': a list of countries, not one longer name
        yield mention
        i = last_end = found[1]
        last_country = _is_country(mention)


DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                        "southeastern", "southwestern"})


def _directional(doc: Doc, full: str, i: int, gaz: Gazetteer, ent_of: dict[int, Span]) -> tuple[Mention, int] | None:
    """'West Wales', 'Eastern Ukraine', 'North London': a compass word and a country, region or big city is a
    mention of that place (the span keeps the compass word); names the gazetteer has whole ('South Africa',
    'North Carolina', 'West Bank') are read whole."""
    if doc[i].lower_ not in DIRECTIONS or i + 1 >= len(doc) or not doc[i].whitespace_ or not is_capitalised(doc[i + 1]):
        return None
    if _longest_match(doc, full, i, gaz, ent_of, 2) is not None:
        return None
    found = _longest_match(doc, full, i + 1, gaz, ent_of)
    if found is None or importance(tuple(h for h in found[0].hits if h.tier == 0)) < 2:
        return None
    mention, end = found
    return replace(mention, start=doc[i].idx, inner=False), end


def _is_country(m: Mention) -> bool:
    return any(h.tier == 0 and h.entry.kind == "country" for h in m.hits)


def _longest_match(doc: Doc, full: str, i: int, gaz: Gazetteer, ent_of: dict[int, Span],
                   min_len: int = 1) -> tuple[Mention, int] | None:
    ends = [j for j in _run_ends(doc, i) if j - i >= min_len]
    for fuzzy in (False, True):
        for j in reversed(ends):
            if fuzzy and j - i > 3:
                continue
            text = full[doc[i].idx:doc[j - 1].idx + len(doc[j - 1].text)]
            hits = romanised(plausible_hits(text, gaz.lookup(text, fuzzy=fuzzy)))
            if not fuzzy and _period_follows(full, text, doc[i].idx):
                hits += gaz.lookup_abbreviation(text)  # 'Springfield, Mass.'; never 'Mass grave'
            if hits and (not fuzzy or hits[0].tier == 1):
                return _mention(doc, i, j, text, hits, ent_of), j
    return None


def romanised(hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """Skeleton (tier 1) hits only for places whose names are romanised from Cyrillic (SKELETON_COUNTRIES)."""
    return tuple(h for h in hits if h.tier != 1 or h.entry.country in SKELETON_COUNTRIES)


def _period_follows(full: str, text: str, start: int) -> bool:
    """'Mass.', 'Calif.--' (one token), or 'Mass' and then a period."""
    return text.rstrip("-–—").endswith(".") or full[start + len(text):start + len(text) + 1] == "."


def is_acronym(text: str) -> bool:
    """'MoD', 'AMLO', 'UConn', 'CMB': one word with two or more capitals that is not title case."""
    return " " not in text and not text.istitle() and sum(c.isupper() for c in text) >= 2


def plausible_hits(text: str, hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """An acronym names a town only by the town's own name ('LONDON' in a dateline), never by an
    alternate (airport codes such as 'MOD' for Modesto), and never a second-level region ('MIDI');
    countries, first-level regions and areas keep theirs (UK, EU)."""
    if hits and len(text.rstrip(".")) <= 3 and not text.isupper():
        # 'Car' in 'Touring Car' is not CAR; a two- or three-letter name is a code only in capitals
        hits = tuple(h for h in hits if name_key(h.entry.name) == name_key(text))
    if not hits or not is_acronym(text):
        return hits
    key = name_key(text)
    return tuple(h for h in hits if h.entry.kind not in ("city", "region") or h.entry.fcode == "ADM1"
                 or name_key(h.entry.name) == key and h.entry.kind == "city")


def _run_ends(doc: Doc, i: int) -> list[int]:
    """Token indices j (exclusive) such that doc[i:j] is a plausible name: capitalised at both ends."""
    ends = []
    j = i
    while j < len(doc) and j - i < MAX_TOKENS:
        tok = doc[j]
        if is_capitalised(tok):
            ends.append(j + 1)
        elif tok.lower_ not in CONNECTORS or tok.whitespace_ == "" and tok.text != "-":
            break
        if tok.lower_ == "and" and j > i:
            break
        j += 1
    return ends


def _mention(doc: Doc, i: int, j: int, text: str, hits: tuple[Hit, ...], ent_of: dict[int, Span]) -> Mention:
    ent = ent_of.get(i)
    label = ent.label_ if ent is not None else None
    exact = ent is not None and ent.start == i and ent.end == j
    if ent is not None and ent.start == i - 1 and doc[i - 1].lower_ == "the" and ent.end == j:
        exact = True
    propn = any(t.pos_ == "PROPN" for t in doc[i:j])
    inner = i > 0 and _is_name_part(doc[i - 1])
    continues = j < len(doc) and _is_name_part(doc[j])
    after = i > 0 and doc[i - 1].lower_ in LOCATIVE_PREPOSITIONS
    locative = after or evidence.is_locative_object(doc[i:j], LOCATIVE_VERBS)
    return Mention(doc[i].idx, doc[i].idx + len(text), text, hits, label, exact, propn=propn, inner=inner,
                   continues=continues, locative=locative)


# lemmas of verbs whose object is a place: taking, holding, attacking, leaving it
LOCATIVE_VERBS = frozenset({"capture", "recapture", "retake", "reclaim", "regain", "liberate", "seize", "occupy", "shell",
                            "bomb", "strike", "attack", "storm", "encircle", "surround", "besiege", "enter", "evacuate", "abandon",
                            "defend", "hold", "reach", "bombard", "raid", "target", "hit", "visit", "flee", "leave"})


def _after_locative(doc: Doc, i: int) -> bool:
    """Token i follows 'in', 'at', 'near' ... directly or after 'the' ('at the Rogers Centre')."""
    k = i - 1 if i > 0 and doc[i].lower_ != "the" else i - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in LOCATIVE_PREPOSITIONS | PLACE_PREPOSITIONS


def _is_name_part(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and is_capitalised(tok) and tok.whitespace_ != "" or tok.text == "-"


class _Coverage:
    """Which characters of the text the given spans cover: O(1)-ish overlap tests, no scan of all spans."""

    def __init__(self, size: int, spans: Iterable[tuple[int, int]]) -> None:
        self.chars = bytearray(size + 1)
        for start, end in spans:
            self.chars[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.chars.find(1, start, end) >= 0


def _uncovered_entities(doc: Doc, size: int, gaz: Gazetteer, found: list[Mention],
                        tables: Tables) -> list[Mention]:
    """GPE/LOC/FAC entities the scan did not reach: fuzzy look-up of the whole name. A demonym
    tagged GPE ('Emirati handler') is left to the demonym step."""
    covered = _Coverage(size, ((m.start, m.end) for m in found))
    out = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or covered.overlaps(ent.start_char, ent.end_char):
            continue
        if ent.text in tables.demonyms:
            continue
        span = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
        hits = romanised(plausible_hits(span.text, gaz.lookup(span.text, fuzzy=ent.label_ != "FAC")))
        out.append(Mention(span.start_char, span.end_char, span.text, hits, ent.label_, True,
                           locative=_after_locative(doc, ent.start)))
    return out


# ---------------------------------------------------------------- 2. cues
def _with_cues(doc: Doc, full: str, mentions: list[Mention], tables: Tables) -> list[Mention]:
    tok_at, tok_end = token_starts(doc), token_ends(doc)
    out = [_cue_of(doc, m, tok_at, tok_end, tables) for m in mentions]
    kept = [m for k, m in enumerate(out) if k == 0 or m.start >= out[k - 1].end]  # 'Oaxaca State': not 'State'
    return _share_cues(full, kept)


def _cue_of(doc: Doc, m: Mention, tok_at: dict[int, int], tok_end: dict[int, int], tables: Tables) -> Mention:
    if m.demonym or m.start not in tok_at or m.end not in tok_end:
        return m
    i, j = tok_at[m.start], tok_end[m.end]
    if j + 1 < len(doc) and doc[j + 1].lower_ in tables.cues_after:
        nxt = doc[j + 1]
        return replace(m, cue=tables.cues_after[nxt.lower_], end=nxt.idx + len(nxt.text),
                       cue_plural=_plural(nxt.lower_))
    k = i - 1
    of = k >= 0 and doc[k].lower_ == "of"
    k -= 1 if of else 0
    if k >= 0 and doc[k].lower_ in tables.cues_before and (doc[k].is_lower or doc[k].is_sent_start and of):
        # 'the state of Oaxaca', 'City of Kyiv ...' opening a sentence; not 'Secretary of State Antony Blinken'
        # or 'State Minister Fowzie' (a capitalised title)
        return replace(m, cue=tables.cues_before[doc[k].lower_], cue_plural=_plural(doc[k].lower_))
    return _own_type_word(m, tables)


def _own_type_word(m: Mention, tables: Tables) -> Mention:
    """'Borno State', 'Suffolk County', 'Kharkiv Oblast' matched whole: the name's own last word is its cue,
    when a reading of the whole name is of that kind (not 'Kansas City' read as a region)."""
    words = m.name.split()
    kind = tables.cues_after.get(words[-1].lower()) if len(words) > 1 else None
    if kind is None or not any(h.tier == 0 and _fits_kind(h.entry.kind, h.entry.fcode, kind) for h in m.hits):
        return m
    return replace(m, cue=kind)


def _fits_kind(kind: str, fcode: str, cue: str) -> bool:
    """Does a gazetteer entry's kind fit a cue word's kind (county: a second-level region)?"""
    if cue == "county":
        return kind == "region" and fcode != "ADM1"
    return kind == cue


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("'s")


def _share_cues(text: str, ms: list[Mention]) -> list[Mention]:
    """'rivers Oskil and Severski Donets', 'Donetsk and Luhansk regions': one cue for the list."""
    for order in (range(1, len(ms)), range(len(ms) - 2, -1, -1)):
        for k in order:
            other = ms[k - 1] if order.step == 1 else ms[k + 1]
            a, b = (other, ms[k]) if order.step == 1 else (ms[k], other)
            if ms[k].cue is None and other.cue and not other.demonym and _coordinated(text, a, b, other.cue_plural):
                ms[k] = replace(ms[k], cue=other.cue, cue_plural=other.cue_plural)
    return ms


def _coordinated(text: str, a: Mention, b: Mention, plural: bool) -> bool:
    """Only 'and', 'or' (or, under a plural cue, commas) between mention a and the following mention b.

    'Oaxaca State, Mexico' and 'Matias Romero, Oaxaca State' are a place and its container, not a list.
    """
    if b.start < a.end:
        return False
    between = text[a.start + len(a.name):b.start].strip()
    if between.strip(",").strip() in ("and", "or"):
        return True
    return plural and between in ("", ",")


# ---------------------------------------------------------------- 3. decide
def is_toponym(m: Mention, tables: Tables) -> bool:
    if m.demonym:
        return True
    if m.contained and m.hits:
        return True  # 'Vesele, Donetsk': the region named next holds one of its readings
    if m.dateline and any(h.tier == 0 for h in m.hits):
        return True  # 'SOUTH WAZIRISTAN, April 5 (APP):' names where the story was filed
    if name_key(m.name) in tables.not_places and not m.cue:
        return False
    if m.facility and not m.hits:
        return False
    if m.name.lower() in tables.facility_after and not m.exact_ent:  # 'University', 'Center' of a longer name
        return False
    if m.aged and not m.cue:
        return False  # 'Kateryna, 34, said'
    if m.hits and all(h.tier == 1 for h in m.hits) and importance(m.hits) == 0 and not m.cue:
        return False  # a spelling-variant match of a village is too loose even with a place label
    if m.label in PLACE_LABELS and not m.exact_ent and m.continues and importance(m.hits) < 2 and not m.cue:
        return False  # 'Abu Shouk camp': the start of a longer place name the gazetteer lacks, not Abu (India)
    sure = m.cue is not None or (m.label in PLACE_LABELS and m.exact_ent)
    if not sure and (m.inner and not _is_country(m) or all(h.tier == 1 for h in m.hits)):
        return False
    if m.label in PLACE_LABELS or m.cue:
        return bool(m.hits) or m.label in PLACE_LABELS
    if m.label in NUMERIC_LABELS and any(c.isdigit() for c in m.name) or not m.hits:
        return False  # a digit-free 'DATE' ('in Manbij') is a tagging slip: judged as unlabelled below
    return _weighed(m, importance(m.hits))


def _weighed(m: Mention, weight: int) -> bool:
    """No place label or cue: the candidate's importance against what spaCy says it is."""
    if m.headline and weight < evidence.HEADLINE_MIN_IMPORTANCE and not m.locative:
        return False  # every word is capitalised and tagged a proper noun: 'Human Rights Groups Condemn ...'
    label = None if m.label in NUMERIC_LABELS else m.label
    if m.continues and weight < 2:
        return False
    if label == "PERSON":
        return m.exact_ent and (weight >= 3 or weight >= 1 and m.locative)
    if label == "ORG":
        return weight >= 2 or weight >= 1 and m.locative and m.exact_ent
    if label is not None:
        return weight >= (1 if m.exact_ent else 2)
    return m.propn and weight >= 1


def importance(hits: tuple[Hit, ...]) -> int:
    """3: country, continent, first-level region or mapped feature; 2: city >= 100k; 1: >= 5k; 0."""
    best = 0
    for h in hits:
        e = h.entry
        if h.tier == 1 and e.population < 20_000:
            continue
        if e.kind in ("country", "river", "area") or e.fcode == "ADM1":
            best = max(best, 3)
        elif e.population >= 100_000:
            best = max(best, 2)
        elif e.population >= 5_000 or e.fcode == "ADM2" and _own_name(e.name):
            best = max(best, 1)
    return best


def _own_name(name: str) -> bool:
    """A second-level region's name without a type word ('Ceredigion', not 'Suffolk County' read as 'Suffolk')."""
    return name.split()[-1].lower() not in REGION_TYPE_WORDS


REGION_TYPE_WORDS = region_type_words()  # cues.json: the type words of its region, county and city cues


# ---------------------------------------------------------------- 4. demonyms
def _demonyms(doc: Doc, full: str, tables: Tables, found: list[Mention]) -> list[Mention]:
    taken = _Coverage(len(full), ((m.start, m.end) for m in found))
    words = token_texts(doc)
    out = []
    i = 0
    while i < len(words):
        width = _demonym_width(words, i, tables)
        if not width:
            i += 1
            continue
        first, last = doc[i], doc[i + width - 1]
        start, end = first.idx, last.idx + len(last.text)
        demonym = " ".join(words[i:i + width])
        if demonym not in tables.vague_demonyms and not taken.overlaps(start, end) and _is_modifier(doc, i + width):
            agent = evidence.is_agentive(doc, i + width - 1, tables.agent_nouns)
            out.append(Mention(start, end, full[start:end], (), "NORP", demonym=tables.demonyms[demonym], agent=agent))
        i += width
    return out


def _demonym_width(words: list[str], i: int, tables: Tables) -> int:
    """1 or 2 when a demonym ('Russian', 'South African') starts at token i, else 0."""
    if i + 1 < len(words) and f"{words[i]} {words[i + 1]}" in tables.demonyms:
        return 2
    return 1 if words[i] in tables.demonyms else 0


def _is_modifier(doc: Doc, j: int) -> bool:
    """The demonym modifies what follows ('Russian forces', 'Russian-held'), not a language or people."""
    if j >= len(doc):
        return False
    nxt = doc[j]
    if nxt.text in DEMONYM_LINKS:
        return _coordinated_modifier(doc, j)
    return nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.text in ("-", "–")


DEMONYM_LINKS = frozenset({"and", "or", ","})
MAX_COORDINATED = 6  # tokens scanned after a demonym for 'X, Y and other Z'


def _coordinated_modifier(doc: Doc, j: int) -> bool:
    """'the Russian and Venezuelan delegations', 'German, Irish and other immigrant groups': coordinated
    adjectives that end in a noun; not 'speaks Russian and English' (no noun after the list)."""
    adjectives = 0
    for tok in doc[j:j + MAX_COORDINATED]:
        if tok.text in DEMONYM_LINKS:
            continue
        if tok.pos_ == "ADJ" or tok.pos_ == "PROPN" and tok.text[:1].isupper():
            adjectives += 1
            continue
        return adjectives > 0 and tok.pos_ == "NOUN"
    return False
