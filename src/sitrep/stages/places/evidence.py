"""Evidence around a candidate toponym that says place, container, person or common word.

Read by recognise.find_mentions after the gazetteer scan and the cues:

- Containers: "Prymorske, Zaporizhzhia", "Lyman, in the Kharkiv region", "Kurakhivka in Donetsk
  oblast", "New York, Donetsk". A first-level region or country named right after a name (after a
  comma, or 'in'/'of' [the]) that holds one of the name's readings constrains the name to the
  readings inside it, makes it a toponym, and is itself read as the region (not the namesake city:
  Zaporizhzhia Oblast, not Zaporizhzhia; Donetsk Oblast, not Donetsk in Rostov oblast). Not read
  inside a list ("Kherson, Zaporizhzhia and Donetsk").
- Locatives: after 'in', 'near', 'around', 'toward' ..., or the object of a verb of taking, holding,
  attacking or leaving ("recaptured Lyman", "shelled Barvinkove"); names listed after a locative
  one share it ("around Barvinkove and Borodyanka").
- Persons: a name followed by an age in commas ("Kateryna, 34, said") is a person.
- Common words: a one-word name whose lowercase form the same text uses as an ordinary word
  ("the council", "a mass grave", "human rights") is that word, unless a cue or container says
  place or it is a country or first-level region.
- Appositions: "Lyman, a strategic city in eastern Ukraine" says what the name is: a city cue.
- Court cases: a party to one ("United States v. Windsor", "Roe v. Wade") is not a place, unless a cue
  or container says so or it names a country.
- Headlines: in a title-cased line spaCy's labels are unreliable; a name there needs a cue, a
  container, or importance (a country, region or city of 100,000).
- Datelines: a name opening a line and followed by a date, a news agency in brackets or a dash
  ("SOUTH WAZIRISTAN, April 5 (APP):", "KYIV, Ukraine (AP) —", "LONDON -") is where the story was
  filed: a place, whatever spaCy's label.
- Agentive demonyms: "Russian forces", "Russian artillery" name who acts, not where: such a
  mention is still a mention of Russia, but it is no evidence that the story's towns lie there.

Example: "Russian forces shelled Vesele, Donetsk." -> Vesele (village in Donetsk Oblast; not the
Veseles of Zaporizhzhia or Slovakia), Donetsk Oblast (region), Russia (agentive demonym).

Known failure modes: a person's name followed by a region ("Ivan, Kharkiv") whose region has a
village of that name is read as the village; an age apposition needs digits ("Kateryna, 34,").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.gazetteer.store import Entry
from sitrep.nlp.arrays import texts_where

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from sitrep.stages.places.recognise import Mention

CONTAINER_LINK = re.compile(r",\s?|,?\s+(?:in|of)\s+(?:the\s+)?")
LIST_AFTER = re.compile(r",?\s+(?:and|or)\s")
AGE_APPOSITION = re.compile(r",\s*\d{1,3}\s*,")
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# after the place (and an optional ', Country'): ', April 5', ' (AP)', ' (Reuters) -', ' — ', ' - '
DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?\s*(?:,\s*" + MONTH + r"\s+\d{1,2}\b"
                            r"|\([A-Z][A-Za-z/&.\- ]{0,30}\)|\s[—–-]{1,2}\s)")
HEADLINE_MIN_WORDS = 4
HEADLINE_SHARE = 0.8
HEADLINE_MIN_IMPORTANCE = 2


# ---------------------------------------------------------------- containers
def constrain_by_containers(text: str, ms: list[Mention]) -> list[Mention]:
    """'Town, Region' and 'Town in the Region region': the town's readings inside the region; the region read as one."""
    out = list(ms)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.demonym or b.demonym or b.start < a.end or not CONTAINER_LINK.fullmatch(text[a.end:b.start]):
            continue
        if LIST_AFTER.match(text, b.end):
            continue  # 'Kherson, Zaporizhzhia and Donetsk': a list of towns, not a town and its region
        containers = _containers(b, comma=text[a.end:b.start].startswith(","))
        inside = tuple(h for h in a.hits if h.tier == 0 and any(is_inside(h.entry, c) for c in containers))
        if not inside:
            continue
        used = [c for c in containers if any(is_inside(h.entry, c) for h in inside)]
        out[k] = replace(a, hits=inside, contained=True)
        out[k + 1] = _as_container(b, used)
    return out


def _containers(m: Mention, *, comma: bool) -> list[Entry]:
    """First-level regions and countries the mention can name ('in Kharkiv' alone is no container: a city)."""
    if m.cue not in (None, "region"):
        return []
    kinds = [h.entry for h in m.hits if h.tier == 0 and (h.entry.fcode == "ADM1" or h.entry.kind == "country")]
    if m.cue == "region" or comma:
        return kinds
    return [e for e in kinds if e.kind == "country"]


def _as_container(m: Mention, used: list[Entry]) -> Mention:
    ids = {c.geonameid for c in used}
    hits = tuple(h for h in m.hits if h.entry.geonameid in ids)
    cue = "region" if m.cue is None and any(c.fcode == "ADM1" for c in used) else m.cue
    return replace(m, hits=hits, cue=cue)


def is_inside(e: Entry, container: Entry) -> bool:
    """The entry lies in the container: its country, or its first-level region (not the container itself)."""
    if e.geonameid == container.geonameid or e.country != container.country or e.kind == "country":
        return False
    if container.kind == "country":
        return True
    return container.fcode == "ADM1" and e.fcode != "ADM1" and e.admin1 is not None and e.admin1 == container.admin1


# ---------------------------------------------------------------- locatives
def is_locative_object(span: Span, verbs: frozenset[str]) -> bool:
    """The name is the object of a verb of taking, holding, attacking or leaving ('recaptured Lyman'), by the
    parse or right after the verb (the parser often misreads a lone name there as an adverbial)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.pos_ == "VERB" and before.lemma_.lower() in verbs:
        return True
    return any(t.dep_ in ("dobj", "obj") and t.head.pos_ == "VERB" and t.head.lemma_.lower() in verbs for t in span)


def share_locatives(text: str, ms: list[Mention]) -> list[Mention]:
    """'around Barvinkove and Borodyanka': a name listed right after a locative one is locative too."""
    out = list(ms)
    for k in range(1, len(out)):
        prev, m = out[k - 1], out[k]
        if prev.locative and not m.locative and not m.demonym and m.start >= prev.end \
                and text[prev.end:m.start] in (" and ", " or ", ", ", ", and ", ", or "):
            out[k] = replace(m, locative=True)
    return out


# ---------------------------------------------------------------- persons, common words, headlines
def is_aged(text: str, m: Mention) -> bool:
    """'Kateryna, 34, said': an age in commas follows a person's name."""
    return AGE_APPOSITION.match(text, m.end) is not None


def is_dateline(text: str, m: Mention) -> bool:
    """'LONDON, April 5 (Reuters) -': the name opens a line and a date, an agency or a dash follows."""
    before = text[max(0, m.start - 40):m.start].rstrip(" \t")
    opens_line = m.start < 40 and not before or before.endswith("\n")
    return opens_line and DATELINE_AFTER.match(text, m.end) is not None


# 'Lyman, a strategic city in eastern Ukraine', 'Vesele, a small village': an apposition that says what the name is
# the kind word heads the apposition ('a city in', 'a town of 20,000', 'a village.'), not 'a city official' or
# 'a resident of the village'
APPOSITIVE_KIND = re.compile(r",\s+(?:a|an|the)\s+(?:(?!of\b)[a-z-]+\s+){0,3}?(city|town|village|settlement|port|river|"
                             r"region|province)(?=\s+(?:in|on|of|near|that|which|where|with|about|some|just|north|south|"
                             r"east|west)\b|\s*[,.;:)—–-]|\s*$)")
APPOSITIVE_CUES = {"city": "city", "town": "city", "village": "city", "settlement": "city", "port": "city",
                   "river": "river", "region": "region", "province": "region"}


def appositive_cue(text: str, m: Mention) -> str | None:
    """The feature cue an apposition right after the name gives ('Lyman, a strategic city ...' -> city)."""
    found = APPOSITIVE_KIND.match(text, m.end)
    return APPOSITIVE_CUES[found.group(1)] if found else None


CASE_PARTY_BEFORE = re.compile(r"\bv(?:s)?\.\s*$")
CASE_PARTY_AFTER = re.compile(r"\s+v(?:s)?\.\s+[A-Z]")


def is_case_party(text: str, m: Mention) -> bool:
    """'United States v. Windsor', 'Roe v. Wade': a party to a court case, not a place."""
    return bool(CASE_PARTY_BEFORE.search(text, max(0, m.start - 6), m.start)) or \
        CASE_PARTY_AFTER.match(text, m.end) is not None



def lowercase_words(doc: Doc) -> frozenset[str]:
    """Words the text writes in lower case (its ordinary words)."""
    return frozenset(texts_where(doc, "IS_LOWER", "IS_ALPHA"))  # t.text of every t.is_lower and t.is_alpha


def is_common_word(m: Mention, lower: frozenset[str]) -> bool:
    """A one-word name the text also uses as an ordinary word, with no cue or container saying place."""
    return (" " not in m.name and m.name.lower() in lower and not (m.cue or m.contained or m.demonym)
            and not any(h.tier == 0 and (h.entry.kind == "country" or h.entry.fcode == "ADM1") for h in m.hits))


def headline_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of title-cased lines ('Mass Grave Found Near Izium As Ukraine Pushes East')."""
    spans = []
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha and len(t.text) > 3]
        if len(words) >= HEADLINE_MIN_WORDS and sum(t.text[0].isupper() for t in words) >= HEADLINE_SHARE * len(words):
            spans.append((sent.start_char, sent.end_char))
    return spans


def in_spans(m: Mention, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= m.start < e for s, e in spans)


# ---------------------------------------------------------------- demonyms
def is_agentive(doc: Doc, last: int, agents: frozenset[str]) -> bool:
    """'Russian forces', 'Russian air defence': the demonym ending at token `last` modifies who acts."""
    tok = doc[last]
    heads = [tok.head] if tok.dep_ in ("amod", "compound", "nmod") else []
    if last + 1 < len(doc):
        heads.append(doc[last + 1])
    return any(h.lower_ in agents or h.lemma_.lower() in agents for h in heads)
