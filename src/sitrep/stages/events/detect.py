"""Find the event cue of a sentence: match the cue table on its lemma string and pick the best hit.

A hit's score is the cue's table score minus a small penalty for how deep its trigger sits in
the dependency tree, so a governing verb ("condemned the attack") beats the event it governs.
A negated trigger ("did not reject") drops the hit unless the cue is written for negation.
A trigger in a clause that sets an earlier background ("five years after crowds burned the
embassy", "since troops invaded") is lowered, so the main clause's event comes first.

A sentence can hold several events: the winner, the best ACLED-typed hit, and every other hit
with its own clause ("Ukrainian forces repelled the attack, and Moscow has withdrawn troops").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.stages.events.arguments import clause_verb
from sitrep.stages.events.mood import is_reported
from sitrep.stages.events.prefilter import candidate_cues
from sitrep.stages.events.tables import Cue, Tables

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

DEPTH_PENALTY = 0.25
MAX_DEPTH = 6
GOVERNED_PENALTY = 1.5
GOVERNING = frozenset({"DEMAND", "REJECT", "DISAPPROVE", "THREATEN", "SUPPORT", "INVESTIGATE", "AGREE"})
SECONDARY_MIN = 3.5  # table score an ACLED-typed runner-up needs to become a second event
EXTRA_MIN = 2.0  # table score any other hit in its own clause needs to become an extra event
BACKGROUND_PENALTY = 1.0
BACKGROUND_MARKS = frozenset({"since", "before", "until", "once"})
TIME_OFFSET_MARKS = frozenset({"after"})  # background only with an offset: "five years after"
VIOLENT = frozenset({"ASSAULT", "COERCE"})
INTENT_VERBS = frozenset({"promise", "pledge", "vow", "plan", "intend", "prepare", "offer", "threaten", "swear"})
SHOW_VERBS = frozenset({"demonstrate", "rally"})
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


@lru_cache(maxsize=16)  # speed only: a sentence's lemma string is read by the cue match and the frames
def lemma_string(sent: SpacySpan) -> LemmaString:
    starts: list[int] = []
    parts: list[str] = []
    pos = 0
    for token in sent:
        text = token.text
        if text == "March" and is_month_march(token):  # the text test first: speed only
            word = "_month_"
        else:
            word = (token.lemma_ or text).lower().replace(" ", "_") or "_"
        starts.append(pos)
        parts.append(word)
        pos += len(word) + 1
    return LemmaString(text=" ".join(parts), starts=tuple(starts), sent=sent)


def is_month_march(token: Token) -> bool:
    """ "March 31", "in March": the month, not a protest march."""
    if token.text != "March":
        return False
    doc = token.doc
    near = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return token.ent_type_ == "DATE" or any(t.like_num for t in near)


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


def cue_hits(cue: Cue, lemmas: LemmaString, idioms: tuple[tuple[int, int], ...] = (),
             tables: Tables | None = None) -> list[Hit]:
    """The cue's hits in the sentence; a trigger inside an idiom (`idioms`: ranges of the lemma
    string) is none: "a great deal", "crossed back into", "heart attack", "battled the flames";
    nor is a word that names a person rather than an act ("his supporters", "the mediator"),
    nor a verb-only word used otherwise ("look back", "a fund")."""
    matches = list(cue.pattern.finditer(lemmas.text))
    if idioms:
        matches = [m for m in matches if not any(lo <= m.start() < hi for lo, hi in idioms)]
    if not matches:
        return []
    if cue.with_ is not None and not cue.with_.search(lemmas.text):
        return []
    if cue.without is not None and cue.without.search(lemmas.text):
        return []
    hits = []
    for match in matches:
        first = lemmas.token_at(match.start())
        if is_name_part(first) or (not cue.keeps_negation and is_negated(first)) or is_no_act(first, tables):
            continue
        if cue.acled is None and first.pos_ == "ADJ" and first.dep_ == "amod":
            continue  # "the fraudulent election", "a supportive statement": a quality, not an act
        if (cue.reported_only and not is_reported(first)) or is_figurative_protest(cue, first):
            continue
        last = lemmas.token_at(max(match.end() - 1, match.start()))
        penalty = DEPTH_PENALTY * depth(first) + (BACKGROUND_PENALTY if in_background(first) else 0.0)
        hits.append(Hit(cue, first, last, cue.score - penalty))
    return hits


def is_no_act(token: Token, tables: Tables | None) -> bool:
    """An agent noun (AGENT_NOUN: "supporters", "defenders"), a VERB_ONLY word that is not a
    verb here ("pop back", "look back") or a NOUN_ONLY word that is one ("powers granted"); a
    modal "should"/"must" of a copula ("it should be for their safety") or in an inverted condition ("should they join") demands nothing."""
    if tables is None:
        return False
    lemma = token.lemma_.lower()
    if tables.contexts["AGENT_NOUN"].fullmatch(lemma) and token.pos_ == "NOUN":
        return True
    if tables.contexts["VERB_ONLY"].fullmatch(lemma) and token.pos_ != "VERB":
        return True
    if tables.contexts["NOUN_ONLY"].fullmatch(lemma) and token.pos_ == "VERB":
        return True  # "the powers granted to the office": the verb grants no aid (a grant does)
    if lemma in ("should", "must") and token.dep_ == "aux":
        head = token.head
        return head.lemma_.lower() == "be" or any(c.dep_ == "nsubj" and c.i > token.i for c in head.children)
    return False


def is_figurative_protest(cue: Cue, token: Token) -> bool:
    """ "demonstrated resilience", "rallied the international community": with an object these
    verbs mean show / gather support, not a street protest."""
    return cue.plover == "PROTEST" and token.pos_ == "VERB" and token.lemma_.lower() in SHOW_VERBS \
        and any(c.dep_ in ("dobj", "ccomp") for c in token.children)


def in_background(token: Token) -> bool:
    """The trigger's clause is introduced by "since", "before", "until", "once", or by "after"
    with a time offset ("five years after"); a bare "after" often gives the cause ("was killed
    after guards opened fire"), so it is no background."""
    verb = clause_verb(token)
    if verb.dep_ == "pcomp":
        return _is_background(verb.head.lemma_.lower(), verb.head)
    if verb.dep_ != "advcl":
        return False
    return any(c.dep_ == "mark" and _is_background(c.lemma_.lower(), verb) for c in verb.children)


def _is_background(mark: str, holder: Token) -> bool:
    if mark in BACKGROUND_MARKS:
        return True
    return mark in TIME_OFFSET_MARKS and any(c.dep_ == "npadvmod" for c in holder.children)


def sentence_hits(sent: SpacySpan, tables: Tables) -> list[Hit]:
    """Every hit of the sentence, best first (earliest trigger on ties)."""
    lemmas = lemma_string(sent)
    idioms = tuple(m.span() for m in tables.contexts["IDIOM"].finditer(lemmas.text))
    cues = candidate_cues(tables.cues, lemmas.text)  # speed only: the others cannot match (prefilter.py)
    hits = demote_governed([hit for cue in cues for hit in cue_hits(cue, lemmas, idioms, tables)])
    return sorted(hits, key=lambda h: (-h.score, h.first.i))


def demote_governed(hits: list[Hit]) -> list[Hit]:
    """Lower hits that another hit governs: the object of a speech act ("demanded a truce",
    "rejected an ultimatum") or a modifier of another trigger ("fraud investigation"). Backing a
    sanction is no SUPPORT event of its own: the sanction is the event ("Britain backed the
    sanctions against Moscow")."""
    governors = {h.first.i: h for h in hits if h.cue.plover in GOVERNING}
    out = []
    for hit in hits:
        token, governed = hit.first, False
        for _ in range(3):
            if token.head.i == token.i:
                break
            token = token.head
            if token.i in governors and governors[token.i].cue is not hit.cue and not hit.first.i <= token.i <= hit.last.i \
                    and not (hit.cue.plover == "SANCTION" and governors[token.i].cue.plover == "SUPPORT"):
                governed = True
                break
        out.append(Hit(hit.cue, hit.first, hit.last, hit.score - GOVERNED_PENALTY) if governed else hit)
    return out


def is_violent(cue: Cue) -> bool:
    """A cue a disaster or a responsibility claim can be mistaken for (anything ACLED-typed, force)."""
    return cue.acled is not None or cue.plover in VIOLENT


def pick_hits(hits: list[Hit], min_violent: float = 0.0) -> list[Hit]:
    """The winning hit, the best ACLED-typed hit when the winner has none, then one hit per
    further clause.

    "X condemned the shelling of Y" is a DISAPPROVE event and a shelling event. A blocker
    (disaster, responsibility claim) drops the violent hits it outscores; violent hits below
    `min_violent` (just after a blocker sentence) are dropped too.
    """
    blocker = next((h for h in hits if h.cue.is_blocker), None)
    hits = [h for h in hits if not h.cue.is_blocker and not (is_violent(h.cue) and (
        h.cue.score < min_violent or (blocker is not None and h.score < blocker.score)))]
    hits = promote_intended_acts(hits)
    if not hits:
        return []
    picked = [hits[0]]
    if hits[0].cue.acled is None:
        second = next((h for h in hits[1:] if h.cue.acled is not None and h.cue.score >= SECONDARY_MIN), None)
        picked += [second] if second is not None else []
    clauses = {clause_verb(h.first).i for h in picked}
    for hit in hits[1:]:
        clause = clause_verb(hit.first).i
        if hit.cue.score >= EXTRA_MIN and clause not in clauses and not any(_overlap(hit, p) for p in picked):
            picked.append(hit)
            clauses.add(clause)
    return picked + other_kinds_of_act(hits, picked)


def other_kinds_of_act(hits: list[Hit], picked: list[Hit]) -> list[Hit]:
    """ACLED-typed hits of another ACLED sub-type and PLOVER type than every picked hit, inside a
    picked clause: "After the withdrawal, reporters saw bodies in the streets" is a withdrawal
    (RETREAT) and killings (ASSAULT), though both sit in one clause. One per type, strong cues
    only; a second hit of a picked PLOVER type is that event told twice ("shelled ... with
    rockets")."""
    kinds = {h.cue.acled for h in picked if h.cue.acled}
    types = {h.cue.plover for h in picked}
    if not kinds:
        return []
    out: list[Hit] = []
    for hit in hits:
        if hit in picked or hit.cue.acled is None or hit.cue.acled in kinds or hit.cue.plover in types \
                or hit.cue.score < SECONDARY_MIN:
            continue
        if not any(_overlap(hit, p) for p in picked + out):
            out.append(hit)
            kinds.add(hit.cue.acled)
            types.add(hit.cue.plover)
    return out


def _overlap(a: Hit, b: Hit) -> bool:
    return a.first.i <= b.last.i and b.first.i <= a.last.i


def promote_intended_acts(hits: list[Hit]) -> list[Hit]:
    """ "promised to bomb targets": a violent act governed by an intent verb replaces the AGREE
    hit of that verb (the mood rule then makes it a THREATEN)."""
    out = list(hits)
    for i, hit in enumerate(out):
        if hit.cue.plover != "AGREE" or hit.first.lemma_.lower() not in INTENT_VERBS:
            continue
        act = next((h for h in out if is_violent(h.cue) and _governed_by_intent(h.first, hit.first)), None)
        if act is not None:
            out.remove(act)
            out[i] = Hit(act.cue, act.first, act.last, hit.score)
    return out


def _governed_by_intent(token: Token, intent: Token) -> bool:
    verb = clause_verb(token)
    return verb.dep_ == "xcomp" and verb.head.i == intent.i
