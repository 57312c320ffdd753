"""CLAIMS stage: reported content, who claims it, through which channel, when, and its status.

Approach: one pass over the sentences (spaCy sentences cut again at line breaks), in order:
  1. Attributions found on the parse of each sentence:
     - reporting verbs (data/claims/cues.json): "X says (that) C", "C, X claims", "X speaks of C",
       "X estimated C", quotes ("“C,” X said"); the content C is the verb's clause (also one the parser
       hung on a channel noun: "said in a statement that C"), the object of its preposition, or its
       right-hand objects; "A says B believes C" is B's claim, but "B believes C, A said" is A's; a gapped coordination (", and on Saturday
       evening at 2,000 km2") is a second claim with its own time;
     - anaphoric attributions: "X announced this ...", "This was shown on the map that X made
       public" make the previous sentence X's claim (or complete the claim already there);
     - "according to X, C" (an apposition after X belongs to the attribution; it beats an agentless
       "are believed to" in the same sentence; two of them in one sentence bound each other's content,
       and a quote right after the attribution is its content); quotes inside a sentence whose subject
       is an actor;
     - "C, Kyiv's mayor, Vitali Klitschko, said ..." when the parser hung the verb elsewhere: the
       actor right before the verb claims the sentence up to the attribution; "C, he said in a call"
       with C hung as the verb's adverbial clause: C ("If A, he believes, B": the whole sentence);
     - a coordinated reporting verb with its own actor subject ("Ukraine says A and Biden has
       accused B of C") ends the first claim and starts its own; "call" reports only with its own
       subject and a predicate ("what Semenov called the worst situation");
     - "dismissed Ukrainian claims that C" -> C is the claim of the Ukrainian actor, denied; claims or
       reports of no named owner ("dismissed reports that C") are nobody's (claimant null), never the denier's
       (also where the parser read "Ukrainian claims that C" as a subject and a verb);
       "..., claims Ukraine has denied" denies the claim before it in the same sentence;
     - a line that is a quotation signed after a dash ("“C.” — Name, Outlet", round-ups of views): the
       signer's claim, the outlet its channel; claims inside the content after "According to X," are X's
       account ("According to X, Y shouted A and described B": one claim of X);
     - unattributed reports: "are said to", "reportedly" -> claimant None, status "reported"; a report
       carried by a noun ("a video claiming that C") is reported by that noun;
     - "X said on Monday:" at the end of a sentence + a paragraph opening a quote: the quote is the content;
     - held views: "X's view is that C", "his argument was that C" (cues view_nouns): C is the holder's;
     - intents: "X promised/vowed/pledged (to) C", "X warned Y to C" (the clause or the infinitive).
  2. Claimant: the actor whose mention is in the verb's subject (he/she: the last person named, they/it:
     the last organisation, group or state, at most PRONOUN_REACH sentences back). A subject that is no
     actor stays as written (claimant_text) unless it cannot be a source: a clock zone, a feast, a weapon,
     a time expression or a place. `reported` is only for claims with no claimant. The actor is looked
     for in the subject's core (head, modifiers, appositions, "of/for" phrases), not in its clauses,
     else in a later conjunct ("the author and journalist X told me"); a definite organisation noun
     with no name ("the company", "the think tank", "the Los Gatos, California, company"; the nouns of
     data/actors/speaker_nouns.json: organisations, descriptions such as "the truck maker") is the last organisation named, a media noun ("the newspaper") the last
     medium named;
     a pronoun prefers the last compatible actor named as a subject, never a person the text gives the other
     gender (a he/she/his/her later in the sentence that names the person, or Mr./Mrs./Ms.); "they" may be an unnamed official.
     An I/we subject outside quote marks right after a "C, X said." sentence is X's (texts stripped of
     quote marks); elsewhere it stays the writer's ("We urge C" in an official statement).
     No claim: questions outside quote marks, the writer's inferences from things ("this document
     suggests that C"; a proper name or organisation noun does speak: "the firm indicated C"), phrases in quote marks without a verb ("a “democratic battering ram”").
  3. Channel and said_at come from the attribution part of the sentence (the sentence minus
     the content): channel cues ("on Telegram", "in an interview with the Financial Times",
     "state television", "map"...), and a DATE/TIME of the record. A claim with no channel takes
     the channel of the previous sentence when that sentence names the same claimant.
  4. Verification sentences act on the claims before them in the paragraph: "These figures could
     not be independently confirmed" -> unconfirmed for those with quantities; "The information
     could not be independently verified" -> unverified, and unattributed sentences before it
     become unattributed claims; "X denied this" -> denied; "confirmed by" -> confirmed;
     "has not yet responded", "declined to comment", "neither X nor Y responded" -> response "none";
     an outlet's or fact-checker's debunk ("was false", "no evidence that", "fact-checkers found") ->
     the last claim before it denied. The sentence is kept as evidence.
  5. Quote continuation: a claim ending inside a quote it opened runs on to the closing mark; a
     sentence with no claim that opens a quote right after a quoted claim ("“A,” he said. “B.”",
     or the next paragraph) is a claim of the same claimant and channel, and the chain goes on; an
     I/we subject inside such a quote ("“I worry that C.”") is the quote's speaker.
  6. Quantities and places inside each claim span; ids c1.. in text order.

Example: "Ukrainian army commander-in-chief Valeriy Zaluzhny says his forces recaptured more than
3,000 square kilometers. Zaluzhny wrote this on Telegram today. These figures could not be
independently confirmed." -> one claim, span "his forces recaptured more than 3,000 square
kilometers", claimant Zaluzhny, channel "Telegram", said_at the time "today", status
"unconfirmed", evidence the last sentence.

Known failure modes: the content is what the parser attaches to the verb, so bad parses give
short or long spans; claims spread over several sentences keep only the sentence with the
verb, unless one “quote” holds them all; pronouns other than he/she are resolved only to the last organisation/group/state;
a hedge is applied to all eligible claims before it in the paragraph, even if the writer
meant only one; a quote continuation after a quote is given to the last speaker even when the
writer introduces a new one later ("“B.” — Name"), and texts stripped of quote marks get none.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sitrep.config import Settings
from sitrep.model import Claim, Record
from sitrep.pipeline import Stage
from sitrep.stages.claims.attribution import PARENTHETICAL_STOP, genders
from sitrep.stages.claims.cues import Cues, load_cues
from sitrep.stages.claims.drafts import MAX_SPAN, Doc2, Draft
from sitrep.stages.claims.finders import (
    according_drafts,
    headline_drafts,
    quote_drafts,
    reported_drafts,
    signed_quote_drafts,
    verb_drafts,
    view_drafts,
)
from sitrep.stages.claims.frames import fill_frames
from sitrep.stages.claims.hedges import apply_hedges
from sitrep.stages.claims.quotes import (
    continue_quotes,
    extend_quotes,
    first_person_speakers,
    stripped_quote_speakers,
    unmarked_quote_leads,
)
from sitrep.stages.claims.units import split_units

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["MAX_SPAN", "PARENTHETICAL_STOP", "VERSION", "find_claims", "make_claims_stage"]

VERSION = "1.23"


# ---------------------------------------------------------------- assembly
def find_claims(cues: Cues, record: Record, doc: Doc) -> tuple[Claim, ...]:
    d = Doc2(
        text=record.text, cues=cues, units=split_units(doc, record.text), actors=record.actors,
        mentions=sorted((m.start, m.end, a.id) for a in record.actors for m in a.mentions),
        kinds={a.id: a.kind for a in record.actors},
        times=[(t.start, t.end, t.id) for t in record.times if t.type in ("DATE", "TIME")],
        places=[(m.start, m.end) for p in record.places for m in p.mentions],
        longest=max((m.end - m.start for a in record.actors for m in a.mentions), default=0), doc=doc,
        unnamed=frozenset(a.id for a in record.actors if a.kind == "person" and a.role
                          and a.name.lower().endswith(a.role.lower())),
    )
    d.genders = genders(d.units, d.mentions, d.kinds)
    drafts: list[Draft] = []
    for unit in d.units:
        found = verb_drafts(d, unit, drafts)
        according = according_drafts(d, unit)
        found = [x for x in found if not within_source(x, according)
                 and (x.claimant or x.claimant_text or not overlaps_any(x, according))]
        found += [x for x in according if not overlaps_any(x, found)]
        found += view_drafts(d, unit, found)
        found += quote_drafts(d, unit, found)
        found += reported_drafts(d, unit, found)
        found += headline_drafts(d, unit, found)
        drafts.extend(found)
        apply_hedges(d, unit, drafts)
    if signed := signed_quote_drafts(d, drafts):
        drafts = sorted([*drafts, *signed], key=lambda x: (x.start, x.end))
    drafts = extend_quotes(d, drafts)
    fill_frames(d, drafts)
    drafts = continue_quotes(d, dedupe(d, drafts))
    unmarked_quote_leads(d, drafts)
    first_person_speakers(d, drafts)
    stripped_quote_speakers(d, drafts)
    return number(record, drafts)


def within_source(x: Draft, according: list[Draft]) -> bool:
    """'According to X, Y shouted C and described D': a claim inside the content that follows an
    'according to X' is part of X's account, not a claim of its own."""
    return any(a.frame and a.frame[0][1] <= a.start <= x.start and x.end <= a.end for a in according)


def overlaps_any(x: Draft, others: list[Draft]) -> bool:
    return any(o.start < x.end and x.start < o.end for o in others)


def dedupe(d: Doc2, drafts: list[Draft]) -> list[Draft]:
    """One draft per span. Of two speakers of one span the nearer wins: in "Harris announced that
    the State Department has determined that C" C is the State Department's finding."""
    seen: set[tuple[int, int]] = set()
    out = []
    named = SpeakerIndex(d.mentions)
    for x in sorted(drafts, key=lambda x: (x.start, x.end, -named.last_before(x.claimant, x.start))):
        if (x.start, x.end) not in seen:
            seen.add((x.start, x.end))
            out.append(x)
    return out


class SpeakerIndex:
    """Where each actor is named, for "where is this claimant last named before offset N" in log time."""

    def __init__(self, mentions: Iterable[tuple[int, int, str]]) -> None:
        by_actor: dict[str, list[tuple[int, int]]] = {}
        for start, end, actor in mentions:
            by_actor.setdefault(actor, []).append((end, start))
        self.ends: dict[str, list[int]] = {}
        self.best_start: dict[str, list[int]] = {}  # running maximum of the starts, in end order
        for actor, spans in by_actor.items():
            spans.sort()
            self.ends[actor] = [e for e, _ in spans]
            self.best_start[actor] = list(itertools.accumulate((st for _, st in spans), max))

    def last_before(self, actor: str | None, offset: int) -> int:
        """The latest start of a mention of `actor` ending at or before `offset` (-1 when there is none)."""
        if actor is None or actor not in self.ends:
            return -1
        k = bisect.bisect_right(self.ends[actor], offset)
        return self.best_start[actor][k - 1] if k else -1


def inside(spans: list[tuple[int, int, str]], start: int, end: int, order: dict[str, int]) -> tuple[str, ...]:
    """Ids of the (start-sorted) spans lying within start..end, in record order."""
    lo = bisect.bisect_left(spans, (start, -1, ""))
    hi = bisect.bisect_left(spans, (end, -1, ""))
    return tuple(sorted({i for _s, e, i in spans[lo:hi] if e <= end}, key=order.__getitem__))


def number(record: Record, drafts: list[Draft]) -> tuple[Claim, ...]:
    claims = []
    qspans = sorted((q.start, q.end, q.id) for q in record.quantities)
    pspans = sorted((m.start, m.end, p.id) for p in record.places for m in p.mentions)
    order = {x_id: i for i, x_id in enumerate([q.id for q in record.quantities] + [p.id for p in record.places])}
    for i, x in enumerate(drafts, start=1):
        quantities = inside(qspans, x.start, x.end, order)
        places = inside(pspans, x.start, x.end, order)
        claims.append(Claim(
            id=f"c{i}", start=x.start, end=x.end, claimant=x.claimant,
            claimant_text=None if x.claimant else x.claimant_text, channel=x.channel, said_at=x.said_at,
            status="asserted" if x.claimant and x.status == "reported" else x.status,
            evidence=tuple(dict.fromkeys(x.evidence)), quantities=quantities, places=places,
            response="none" if x.response else None, quote=x.quote,
        ))
    return tuple(claims)


def make_claims_stage(settings: Settings | None = None) -> Stage:
    """Load the cue tables once; the stage adds `claims` to a record."""
    cues = load_cues()

    def run(record: Record, parse: Doc) -> Record:
        return record.model_copy(update={"claims": find_claims(cues, record, parse)})

    return Stage(name="claims", version=VERSION, requires=frozenset({"text", "parse", "actors", "times", "quantities", "places"}),
                 provides=frozenset({"claims"}), fn=run)
