"""Sentence frames that void or narrow the events of a sentence, read from its lemma string.

Three frames, each a named context in contexts.json:

- BOILERPLATE: page furniture, not reporting ("Thank you for supporting our journalism",
  "Sign up for our newsletter", "We use cookies", "All rights reserved"): no event on its line.
- DEBUNK: a fact check or a rebuttal of what is told ("There is no evidence that ...", "the
  video was fake", "falsely claimed"): the debunked act gives no event; the speech acts round
  it (an accusation, a denial, a demand, an investigation) still do. A whole document is in
  this frame when it is a fact check (`is_fact_check`: "Fact check: ..." in the title, a line
  "The claim: ..." or "Our rating: False").
- ORGANISED: a word of organised violence (armed forces or groups, weapons, war, raids,
  protests, abductions), or a party of the document's conflict (conflicts.json), in the
  sentence or the two before it in its paragraph. Without one, a violent ACLED type (Battles,
  Explosions/Remote violence, Violence against civilians) is not coded: "the Bulls shot 32
  percent", "firefighters battled the flames", "apartment blocks were reduced to rubble" (an
  earthquake?) are no battles, explosions or attacks on civilians.

Example: "There is no evidence that troops shelled the village." -> no ASSAULT event.

Known failure modes: word lists decide, so a sports page that names "rockets" or "raids" counts
as organised, and a crime story told without any armed word loses its ACLED type; a debunk in
one sentence does not reach the claim it rebuts in the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.stages.events.detect import Hit, LemmaString, lemma_string
from sitrep.stages.events.tables import Conflict, Tables

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

KEPT_IN_DEBUNK = frozenset({"DISAPPROVE", "REJECT", "DEMAND", "INVESTIGATE"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
STORY_SENTENCES = 2  # how far back a sentence's story may have named organised violence
FACT_CHECK_TITLE = re.compile(r"\bfact[ -]?check", re.IGNORECASE)
FACT_CHECK_LINE = re.compile(r"^[ \t]*(?:fact[ -]?check\b|(?:our )?(?:rating|ruling|verdict)[ \t]*:|the claim[ \t]*:)",
                             re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class Frame:
    boilerplate: tuple[tuple[int, int], ...]  # char ranges of the lines holding page furniture
    debunked: bool
    organised: bool


def read_frame(sent: SpacySpan, text: str, tables: Tables, *, organised_before: bool = False,
               conflict: Conflict | None = None, fact_check: bool = False) -> Frame:
    """The frames of a sentence (`text` is the record text). `organised_before`: the story's
    last sentences told of organised violence ("A landmine planted by the group exploded. The
    explosion took place in the district."); a party of the document's conflict ("the Russians
    took the guards into Belarus") counts as organised too."""
    lemmas = lemma_string(sent)
    return Frame(
        boilerplate=furniture_lines(lemmas, text, tables),
        debunked=fact_check or bool(tables.contexts["DEBUNK"].search(lemmas.text)),
        organised=organised_before or is_organised(lemmas.text, tables, conflict),
    )


def is_fact_check(title: str | None, text: str) -> bool:
    """The document is a fact check: its title says so ("Fact check: ...", "FACT CHECK - ...")
    or a line gives the checked claim or the rating ("The claim: ...", "Our rating: False").
    What a fact check tells is the claim it examines, so the whole document is a debunk frame:
    only the accusations, denials, demands and investigations round the claim are events."""
    return bool(FACT_CHECK_TITLE.search(title or "") or FACT_CHECK_LINE.search(text))


def is_organised(lemmas: str, tables: Tables, conflict: Conflict | None) -> bool:
    if tables.contexts["ORGANISED"].search(lemmas):
        return True
    return conflict is not None and any(p.search(lemmas) for p in conflict.parties.values())


def furniture_lines(lemmas: LemmaString, text: str, tables: Tables) -> tuple[tuple[int, int], ...]:
    """The lines of the sentence that hold boilerplate: the parser can glue a furniture line
    ("Advertisement:") to the report after it, which keeps its events."""
    lines = []
    for match in tables.contexts["BOILERPLATE"].finditer(lemmas.text):
        at = lemmas.token_at(match.start()).idx
        lo = text.rfind("\n", 0, at) + 1
        hi = text.find("\n", at)
        lines.append((lo, len(text) if hi < 0 else hi))
    return tuple(lines)


def organised_story(text: str, previous: list[SpacySpan], sent: SpacySpan, tables: Tables,
                    conflict: Conflict | None = None) -> bool:
    """One of the last STORY_SENTENCES sentences of the paragraph names organised violence
    (`text` is the record text)."""
    for before in reversed(previous[-STORY_SENTENCES:]):
        if "\n\n" in text[before.start_char:sent.start_char]:
            return False
        if is_organised(lemma_string(before).text, tables, conflict):
            return True
    return False


def allows(frame: Frame, hit: Hit, tables: Tables) -> bool:
    """Whether a hit can be an event in this frame."""
    if any(lo <= hit.first.idx < hi for lo, hi in frame.boilerplate):
        return False
    if frame.debunked and hit.cue.plover not in KEPT_IN_DEBUNK:
        return False
    return frame.organised or acled_event_type(hit.cue.acled, tables) not in VIOLENT_TYPES


def acled_event_type(sub: str | None, tables: Tables) -> str | None:
    """The ACLED event type of a cue's sub-event type ("@regain"/"@capture" are Battles)."""
    if sub is None:
        return None
    if sub.startswith("@"):
        return "Battles"
    return tables.acled_types[sub][0]
