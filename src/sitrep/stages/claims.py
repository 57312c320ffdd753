"""CLAIMS stage: reported content, who claims it, through which channel, when, and its status.

Approach: one pass over the sentences (spaCy sentences cut again at line breaks), in order:
  1. Attributions found on the parse of each sentence:
     - reporting verbs (data/claims/cues.json): "X says (that) C", "C, X claims", "X speaks of C",
       "X estimated C", quotes ("“C,” X said"); the content C is the verb's clause, the object
       of its preposition, or its right-hand objects; a gapped coordination (", and on Saturday
       evening at 2,000 km2") is a second claim with its own time;
     - anaphoric attributions: "X announced this ...", "This was shown on the map that X made
       public" make the previous sentence X's claim (or complete the claim already there);
     - "according to X, C" (an apposition after X belongs to the attribution; it beats an agentless
       "are believed to" in the same sentence); quotes inside a sentence whose subject is an actor;
     - "C, Kyiv's mayor, Vitali Klitschko, said ..." when the parser hung the verb elsewhere: the
       actor right before the verb claims the sentence up to the attribution;
     - a coordinated reporting verb with its own actor subject ("Ukraine says A and Biden has
       accused B of C") ends the first claim and starts its own; "call" reports only with its own
       subject and a predicate ("what Semenov called the worst situation");
     - "dismissed Ukrainian claims that C" -> C is the claim of the Ukrainian actor, denied;
       "..., claims Ukraine has denied" denies the claim before it in the same sentence;
     - unattributed reports: "are said to", "reportedly" -> claimant None, status "reported"; a report
       carried by a noun ("a video claiming that C") is reported by that noun;
     - intents: "X promised/vowed/pledged (to) C", "X warned Y to C" (the clause or the infinitive).
  2. Claimant: the actor whose mention is in the verb's subject (he/she: the last person named, they/it:
     the last organisation, group or state, at most PRONOUN_REACH sentences back). A subject that is no
     actor stays as written (claimant_text) unless it cannot be a source: a clock zone, a feast, a weapon,
     a time expression or a place. `reported` is only for claims with no claimant. The actor is looked
     for in the subject's core (head, modifiers, appositions, "of/for" phrases), not in its clauses;
     a pronoun prefers the last compatible actor named as a subject; "they" may be an unnamed official.
     No claim: questions outside quote marks, the writer's inferences from things ("this document
     suggests that C"), phrases in quote marks without a verb ("a “democratic battering ram”").
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
     or the next paragraph) is a claim of the same claimant and channel, and the chain goes on.
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
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sitrep.config import Settings
from sitrep.datafiles import load_json
from sitrep.model import Actor, Claim, ClaimStatus, Record, Span
from sitrep.pipeline import Stage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

VERSION = "1.5"

MAX_SPAN = 400
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
EDGE_CHARS = " \t\n,.;:!?“”\"'‘’«»()-–—"
QUOTE_RE = re.compile(r"[“\"«]([^“”\"«»]+?)[”\"»]")
# Where a misparsed copula's content stops: a semicolon, or a comma that does not open a short
# parenthetical closed by another comma ("they were, in effect, abandoned"; "it is, of course, a trap").
PARENTHETICAL_STOP = re.compile(r";|,(?!\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+,)")


# ---------------------------------------------------------------- cue tables
@dataclass(frozen=True)
class Cues:
    verbs: dict[str, str]
    prep_verbs: dict[str, frozenset[str]]
    anaphoric_verbs: frozenset[str]
    anaphora: frozenset[str]
    denial_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    source_nouns: frozenset[str]
    media: frozenset[str]
    evidence_nouns: frozenset[str]
    reported_re: re.Pattern[str]
    unconfirmed_re: re.Pattern[str]
    unverified_re: re.Pattern[str]
    confirmed_re: re.Pattern[str]
    figures_re: re.Pattern[str]
    response_re: re.Pattern[str]
    debunk_re: re.Pattern[str]
    inference_verbs: frozenset[str]
    not_source_re: re.Pattern[str]
    channels: tuple[tuple[re.Pattern[str], str], ...]
    adjectives: dict[str, str] = field(default_factory=dict)  # nationality adjective -> alpha-3


def load_cues() -> Cues:
    d: dict[str, Any] = load_json("claims", "cues.json")

    def rx(p: str) -> re.Pattern[str]:
        return re.compile(p, re.IGNORECASE)

    return Cues(
        verbs=d["reporting_verbs"],
        prep_verbs={k: frozenset(v) for k, v in d["prep_verbs"].items()},
        anaphoric_verbs=frozenset(d["anaphoric_verbs"]), anaphora=frozenset(d["anaphora"]),
        denial_verbs=frozenset(d["denial_verbs"]), claim_nouns=frozenset(d["claim_nouns"]),
        source_nouns=frozenset(d["source_nouns"]), media=frozenset(load_json("actors", "organisations.json")["media"]),
        evidence_nouns=frozenset(d["evidence_nouns"]),
        reported_re=rx("|".join(f"(?:{p})" for p in d["reported_re"])),
        unconfirmed_re=rx(d["unconfirmed_re"]), unverified_re=rx(d["unverified_re"]),
        confirmed_re=rx(d["confirmed_re"]), figures_re=rx(d["figures_re"]), response_re=rx(d["response_re"]),
        debunk_re=rx("|".join(f"(?:{x})" for x in d["debunk_re"])), not_source_re=not_source_pattern(),
        inference_verbs=frozenset(d["inference_verbs"]),
        channels=tuple((re.compile(p) if "(?P<outlet>" in p else rx(p), label) for p, label in d["channels"]),
        adjectives=load_json("actors", "sides.json")["adjectives"],
    )


def not_source_pattern() -> re.Pattern[str]:
    """Clock zones, feasts and weapons (data/actors/not_actors.json) are never a claimant as written."""
    d = load_json("actors", "not_actors.json")
    names = "|".join(re.escape(w) for w in sorted([*d["time_zones"], *d["weapons"]], key=len, reverse=True))
    return re.compile(f"(?:{names})|{d['designation_re']}|" + "|".join(f"(?:{h})" for h in d["holidays"]))


# ---------------------------------------------------------------- sentences
@dataclass
class Unit:
    """A sentence cut at line breaks; `para` numbers the paragraphs."""

    index: int
    start: int
    end: int
    para: int
    tokens: list[Token]


def split_units(doc: Doc, text: str) -> list[Unit]:
    """Sentences cut at line breaks. `text` is the record text (Doc.text is rebuilt on every access)."""
    pieces: list[list[Token]] = []
    current: list[Token] = []
    for tok in doc:  # one pass; doc.sents re-scans the document per sentence in this spaCy version
        if current and (tok.is_sent_start or (tok.is_space and "\n" in tok.text)):
            pieces.append(current)
            current = []
        if not tok.is_space:
            current.append(tok)
    if current:
        pieces.append(current)
    units: list[Unit] = []
    para = 0
    for toks in pieces:
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        if units and "\n" in text[units[-1].end:start]:
            para += 1
        units.append(Unit(len(units), start, end, para, toks))
    return units


# ---------------------------------------------------------------- drafts
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


# ---------------------------------------------------------------- attribution by verbs
def subject_of(verb: Token) -> Token | None:
    """The verb's subject; shared subjects of conjuncts and participles; a relative pronoun's antecedent."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return subject_of(verb.head)
    return None


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def claimant_of(d: Doc2, who: Token | None, unit: Unit) -> tuple[str | None, str | None, ClaimStatus]:
    """Actor id, the claimant as written when no actor matches, and the default status."""
    if who is None:
        return None, None, "reported"
    lo = max(who.left_edge.idx, unit.start)
    hi = min(who.right_edge.idx + len(who.right_edge), unit.end)
    actor = d.actor_in(*core_span(who, unit))
    if actor:
        return actor, None, "asserted"
    author = author_of(who)
    if author is not None:
        return claimant_of(d, author, unit)
    lower = who.lower_
    floor = d.units[max(0, unit.index - PRONOUN_REACH)].start
    if lower in ("he", "she"):
        return antecedent(d, who.idx, ("person",), floor), None, "asserted"
    if lower == "it":
        return antecedent(d, who.idx, ("org", "state", "group"), floor), None, "asserted"
    if lower == "they":  # also the singular they of an unnamed official ("a Swedish official ... They said")
        return antecedent(d, who.idx, ("org", "state", "group", "unnamed"), floor), None, "asserted"
    if who.lemma_.lower() in d.cues.source_nouns:
        return None, d.text[lo:hi], "reported"
    if who.lemma_.lower() in d.cues.evidence_nouns or any(t.lemma_.lower() in d.cues.evidence_nouns for t in who.subtree):
        return None, d.text[lo:hi], "confirmed"
    if not is_possible_source(d, lo, hi):
        return None, None, "reported"
    return None, d.text[lo:hi], "asserted"


DOCUMENT_NOUNS = frozenset({"article", "essay", "op-ed", "column", "letter", "book", "manifesto", "treatise", "blog"})


def author_of(document: Token) -> Token | None:
    """Who speaks through a piece of writing: "Putin released an article arguing that ..." and
    "Putin's essay argued that ..." are Putin's claims, not the article's."""
    if document.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    owner = next((c for c in document.children if c.dep_ == "poss"), None)
    if owner is None and document.dep_ in ("dobj", "obj") and document.head.pos_ in ("VERB", "AUX"):
        owner = subject_of(document.head)
    return owner if owner is not None and owner is not document and owner.lemma_.lower() not in DOCUMENT_NOUNS else None


def is_possible_source(d: Doc2, start: int, end: int) -> bool:
    """A subject that no actor matched can still be a source ("the engineer"), unless it is a time
    expression or a clock zone ("GMT"), a place ("Kharkiv said" when no actor took it) or a feast."""
    text = d.text[start:end].strip()
    if d.cues.not_source_re.fullmatch(strip_the(text)):
        return False
    return not any(s < end and start < e for s, e, _ in d.times) and not any(
        s <= start and end <= e for s, e in d.places)


PRONOUN_REACH = 3  # he/she/they resolve to an actor named at most this many sentences back
CORE_DEPS = frozenset({"compound", "amod", "poss", "appos", "flat", "nmod", "det", "nummod", "case", "punct"})


def core_span(who: Token, unit: Unit) -> tuple[int, int]:
    """The subject without its clauses and non-affiliation phrases: "video footage recorded in B. after the
    withdrawal of Russian troops" -> "video footage"; "a spokesman for the Kremlin" keeps "for the Kremlin"."""
    keep = [who]
    for child in who.children:
        if child.dep_ in CORE_DEPS or (child.dep_ == "prep" and child.lower_ in ("of", "for", "at")):
            keep.extend(child.subtree)
    lo = max(min(t.idx for t in keep), unit.start)
    hi = min(max(t.idx + len(t) for t in keep), unit.end)
    return lo, hi


def antecedent(d: Doc2, pos: int, kinds: Sequence[str], floor: int) -> str | None:
    """The actor a pronoun at `pos` refers to: the last one of those kinds named as a subject (or as a
    speaker's apposition) since `floor`, else the last one named at all ("X, like others, has had it
    with Putin. 'We...', he said" -> X, not Putin)."""
    lo = bisect.bisect_left(d.mentions, (floor, -1, ""))
    hi = bisect.bisect_left(d.mentions, (pos, -1, ""))
    fallback = None
    for s, e, a in reversed(d.mentions[lo:hi]):
        if d.kinds[a] not in kinds and not ("unnamed" in kinds and a in d.unnamed):
            continue
        fallback = fallback or a
        if d.doc is not None and is_subject_mention(d.doc, s, e):
            return a
    return fallback


def is_subject_mention(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.dep_ in ("appos", "compound", "conj") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in SUBJECT_DEPS


def strip_the(text: str) -> str:
    return re.sub(r"^(?i:the)\s+", "", text)


def content_of(d: Doc2, verb: Token, unit: Unit) -> list[tuple[int, int, int | None]]:
    """Content spans of a reporting verb: (start, end, start of a leading time phrase or None)."""
    mode = d.cues.verbs[verb.lemma_.lower()]
    clause = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    if clause:
        sp = clause_span(clause, unit)
        if sp and clause[0].pos_ == "AUX" and not any(
                c.dep_ in ("attr", "acomp", "xcomp", "ccomp", "prep", "advmod") for c in clause[0].children):
            # a copula without its complement ("what they say are C", "worry they were, in effect, C"): misparse
            stop = re.search(PARENTHETICAL_STOP, d.text[sp[1] + 1:unit.end])
            sp = (sp[0], sp[1] + 1 + stop.start() if stop and sp[1] - sp[0] < 8 else unit.end)
        return [(*sp, None)] if sp else []
    preps = d.cues.prep_verbs.get(verb.lemma_.lower(), frozenset())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            sp = span_of(objs, unit)
            return [(*sp, None)] if sp else []
    if mode == "intent":  # "vowed to stay", "warned Kyiv to withdraw": the infinitive is the content
        xcomp = [c for c in verb.children if c.dep_ == "xcomp" and c.idx > verb.idx]
        sp = span_of(xcomp, unit)
        if sp and d.text.startswith("to ", sp[0]):
            sp = (sp[0] + 3, sp[1])
        return [(*sp, None)] if sp else []
    if mode != "object":
        return []
    return right_segments(verb, unit)


def right_segments(verb: Token, unit: Unit) -> list[tuple[int, int, int | None]]:
    """Objects to the right of the verb, split at a gapped coordination (no second verb)."""
    right = [c for c in verb.rights if c.dep_ not in ("punct", "conj", "advcl", "mark") and unit.start <= c.idx < unit.end]
    segments: list[list[Token]] = [[]]
    for c in right:
        if c.dep_ == "cc":
            segments.append([])
        else:
            segments[-1].append(c)
    if not any(c.dep_ in ("dobj", "attr", "oprd") for c in segments[0]):
        return []
    out = []
    for seg in segments:
        sp = span_of(seg, unit)
        if sp:
            out.append((sp[0], sp[1], seg[0].idx if seg and seg[0].dep_ == "prep" else None))
    return out


def is_anaphoric(d: Doc2, tok: Token) -> bool:
    return tok.lower_ in d.cues.anaphora and tok.head.lower_ not in ("so",)


def anaphoric_target(d: Doc2, verb: Token) -> Token | None:
    """The 'this' in "X announced this" / "This was shown"."""
    if verb.lemma_.lower() not in d.cues.anaphoric_verbs:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and is_anaphoric(d, child) and not list(child.children):
            return child
    return None


def gap_time(d: Doc2, seg_start: int | None, content_start: int) -> tuple[str | None, int]:
    """A time in the leading prepositional phrase of a gapped segment belongs to the elided verb."""
    if seg_start is None:
        return None, content_start
    for s, e, tid in d.times:
        if seg_start <= s and e <= content_start + 40 and s < content_start + 40:
            return tid, max(content_start, e)
    return None, content_start


# ---------------------------------------------------------------- finders
def verb_drafts(d: Doc2, unit: Unit, drafts: list[Draft]) -> list[Draft]:
    """Claims attributed by reporting verbs in one sentence, highest verbs first."""
    found: list[Draft] = []
    verbs = [t for t in unit.tokens if t.lemma_.lower() in d.cues.verbs and is_verb_like(t)]
    verbs.sort(key=lambda t: len(list(t.ancestors)))
    for verb in verbs:
        inside = [f for f in found if f.start <= verb.idx < f.end]
        if inside and not split_coordinated(d, verb, unit, inside):
            continue
        found.extend(drafts_for_verb(d, verb, unit, drafts, found))
    return found


def split_coordinated(d: Doc2, verb: Token, unit: Unit, inside: list[Draft]) -> bool:
    """'X says A and Y has accused B of C': a coordinated reporting verb with its own actor subject
    ends the first claim and starts its own."""
    who = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if who is None or claimant_of(d, who, unit)[0] is None:
        return False
    left = who.left_edge
    inner = [t for t in who.doc[left.i:who.i] if t.dep_ == "cc"]  # "genocide and U.S. President Biden" misparsed
    if verb.dep_ != "conj" and not inner:
        return False
    prev = inner[-1] if inner else (left.nbor(-1) if left.i > 0 else None)
    cut = prev.idx if prev is not None and prev.dep_ in ("cc", "punct") else left.idx
    for f in inside:
        f.start, f.end = trim(d.text, f.start, cut)
    return True


def is_verb_like(tok: Token) -> bool:
    """A verb, or a word the tagger took for a noun but the parser gave a subject and a clause ("..., the staff claims")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and bool(deps & {"ccomp", "parataxis"})


def drafts_for_verb(d: Doc2, verb: Token, unit: Unit, drafts: list[Draft],
                    found: Sequence[Draft] = ()) -> list[Draft]:
    if anaphoric_target(d, verb) is not None:
        anaphoric_attribution(d, verb, unit, drafts)
        return []
    if verb.lemma_.lower() == "call" and not is_characterisation(verb):
        return []
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and verb.lemma_.lower() in ("say", "report", "believe", "think", "allege", "claim", "rumor", "rumour"):
        return reported_passive(d, verb, unit)
    who = agent_of(verb) if passive else subject_of(verb)
    if who is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return noun_report(d, verb, unit)  # "a video claiming that C"
    if who is None:  # an active verb without a subject attributes nothing
        return []
    claimant, as_written, status = claimant_of(d, who, unit)
    if not (unit.start <= who.idx < unit.end):  # parse ran across a heading: take the actor before the verb
        claimant, as_written = d.last_actor_before(verb.idx, ("person", "org", "state", "group"), unit.start), None
        if claimant is None:
            return []
    channel: str | None = None
    if as_written and strip_the(as_written) in d.cues.media:
        channel, status = strip_the(as_written), "reported"
    if verb.lemma_.lower() in d.cues.denial_verbs:
        if is_claim_apposition(d, verb):
            return deny_in_sentence(d, verb, unit, found)  # "..., claims Ukraine has denied"
        return denial(d, verb, unit, drafts, claimant, as_written)
    out: list[Draft] = []
    contents = content_of(d, verb, unit)
    if not contents and (trailing := trailing_attribution(d, verb, unit)) is not None:
        claimant, as_written, status, contents = trailing[0], None, "asserted", [trailing[1]]
    if claimant is None and status == "asserted" and verb.lemma_.lower() in d.cues.inference_verbs:
        return []  # "this document suggests that C", "the fact that X shows C": the writer's reasoning
    for start, end, seg in contents:
        said_at, start = gap_time(d, seg, start) if seg is not None and out else (None, start)
        s, e = trim(d.text, start, end)
        if e - s < 8 or (is_question(d, unit) and not is_quoted(d.text, s, e)):
            continue
        inner = relayed_speaker(d, verb, s)
        draft = Draft(s, e, unit.index, inner or claimant, None if inner else as_written,
                      "asserted" if inner else status, said_at=said_at, channel=channel,
                      quote=is_quoted(d.text, s, e))
        out.append(draft)
    frame_for(out, unit)
    return out


def relayed_speaker(d: Doc2, verb: Token, content_start: int) -> str | None:
    """The actor of a reporting verb between the verb and its content: in "Harris announced that
    the State Department has determined, after a review, that C" C is the State Department's
    finding, relayed by Harris (found by position, as the parser often hangs the inner verb elsewhere)."""
    gap = list(tokens_before(verb, content_start))
    inner = next((t for t in reversed(gap) if t.lemma_.lower() in d.cues.verbs and t.pos_ in ("VERB", "AUX")), None)
    if inner is None:
        return None
    named = [(s, a) for s, e, a in d.mentions if verb.idx + len(verb) <= s and e <= inner.idx]
    return named[-1][1] if named else None


def tokens_before(verb: Token, end_char: int) -> Iterator[Token]:
    """The tokens after `verb` that start before `end_char` (a walk from the verb, not a scan of the document)."""
    doc = verb.doc
    for i in range(verb.i + 1, len(doc)):
        if doc[i].idx >= end_char:
            return
        yield doc[i]


def noun_report(d: Doc2, verb: Token, unit: Unit) -> list[Draft]:
    """'A video claiming that C', 'posts suggesting C': C is reported by the noun (an actor when it is one)."""
    clause = [c for c in verb.children if c.dep_ == "ccomp"]
    sp = clause_span(clause, unit) if clause else None
    if sp is None:
        return []
    head = verb.head
    lo, hi = head.left_edge.idx, head.idx + len(head)
    claimant = d.actor_in(lo, hi)
    author = author_of(head) if claimant is None else None
    if author is not None:  # "Putin released an article arguing that C": Putin's claim
        claimant = claimant_of(d, author, unit)[0]
    s, e = trim(d.text, *sp)
    if e - s < 8:
        return []
    draft = Draft(s, e, unit.index, claimant, None if claimant else d.text[lo:hi],
                  "asserted" if claimant else "reported")
    frame_for([draft], unit)
    return [draft]


def trailing_attribution(d: Doc2, verb: Token, unit: Unit) -> tuple[str, tuple[int, int, None]] | None:
    """'C, Kyiv's mayor, Vitali Klitschko, said in a statement' when the parser hung 'said' elsewhere:
    the actor named right before the verb claims the sentence up to the attribution."""
    hit = next(((s, e, a) for s, e, a in reversed(d.mentions) if unit.start < s and e <= verb.idx
                and d.text[e:verb.idx] in (" ", ", ", ",")), None)
    if hit is None or any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        return None
    cut = d.text.rfind(",", unit.start, hit[0])
    while cut > unit.start:
        prev = d.text.rfind(",", unit.start, cut)
        segment = d.text[prev + 1:cut] if prev > unit.start else ""
        if not segment or len(segment.split()) > 4 or any(w in segment for w in (" is ", " was ", " are ")):
            break
        cut = prev  # skip an appositive title: ", Kyiv's mayor,"
    if cut <= unit.start:
        return None
    rest = d.text[verb.idx + len(verb):unit.end]
    if rest.startswith(",") and len(rest.split()) > 2:  # "C1, those officials say, C2": the whole sentence
        cut = unit.end
    s, e = trim(d.text, unit.start, cut)
    return (hit[2], (s, e, None)) if e - s >= 8 else None


def is_characterisation(verb: Token) -> bool:
    """'what Semenov called the worst situation': 'call' reports only with its own subject and a predicate."""
    deps = {c.dep_ for c in verb.children}
    return "oprd" in deps and bool(deps & SUBJECT_DEPS)


def frame_for(out: list[Draft], unit: Unit) -> None:
    """Attribution frame: the sentence minus every content span of the same verb."""
    spans = sorted((x.start, x.end) for x in out)
    gaps, pos = [], unit.start
    for s, e in spans:
        gaps.append((pos, s))
        pos = e
    gaps.append((pos, unit.end))
    for x in out:
        x.frame = [g for g in gaps if g[0] < g[1]]


def reported_passive(d: Doc2, verb: Token, unit: Unit) -> list[Draft]:
    """'Russian troops are said to have abandoned ...' / 'It is reported that ...'."""
    who = agent_of(verb)
    claimant, as_written, _ = claimant_of(d, who, unit) if who is not None else (None, None, "reported")
    clause = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clause and not any(c.dep_ == "xcomp" for c in verb.children):
        return []  # "abuses were reported in Mali" reports an event, it attributes nothing
    sp = span_of(clause, unit) if clause else (unit.start, unit.end)
    if sp is None:
        return []
    s, e = trim(d.text, *sp)
    status: ClaimStatus = "asserted" if claimant or as_written else "reported"
    draft = Draft(s, e, unit.index, claimant, as_written, status, evidence=[Span(start=unit.start, end=unit.end)])
    draft.frame = [(unit.start, unit.end)]
    return [draft]


def denial(d: Doc2, verb: Token, unit: Unit, drafts: list[Draft], claimant: str | None,
           as_written: str | None) -> list[Draft]:
    """'X denied that C' -> claim C with status denied; 'X rejected the claims' -> earlier claim denied."""
    evidence = Span(start=unit.start, end=unit.end)
    content = [c for c in verb.children if c.dep_ == "ccomp" or (c.dep_ in ("dobj", "xcomp") and c.tag_ == "VBG")]
    noun = next((o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in d.cues.claim_nouns), None)
    if not content and noun is not None:  # "denied reports that C"
        content = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.idx > noun.idx]
        owner = claim_owner(d, noun)
        if content and owner is not None:  # "dismissed Ukrainian claims that C": the claim is Ukraine's
            claimant, as_written = owner, None
    if content:
        sp = clause_span(content, unit)
        if sp is None:
            return []
        s, e = trim(d.text, *sp)
        draft = Draft(s, e, unit.index, claimant, as_written, "denied", evidence=[evidence])
        frame_for([draft], unit)
        return [draft]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() in d.cues.claim_nouns or is_anaphoric(d, obj):
        for prior in in_scope(d, drafts, unit, same_unit=False)[-1:]:
            if prior.claimant != claimant or claimant is None:
                prior.status, prior.evidence = "denied", [*prior.evidence, evidence]
    return []


def is_claim_apposition(d: Doc2, verb: Token) -> bool:
    """'..., claims Ukraine has denied': the denial hangs off a claim noun after a comma."""
    head = verb.head
    if head.lemma_.lower() not in d.cues.claim_nouns or head is verb:
        return False
    after_comma = head.i > 0 and head.nbor(-1).text == ","
    return verb.dep_ == "relcl" or (after_comma and not any(c.dep_ in SUBJECT_DEPS for c in head.children))


def deny_in_sentence(d: Doc2, verb: Token, unit: Unit, found: Sequence[Draft]) -> list[Draft]:
    """'X said that C, claims Y has denied': the claim before the noun in the same sentence is denied."""
    before = [x for x in found if x.end <= verb.head.idx + len(verb.head)]
    for x in before[-1:]:
        x.status = "denied"
        x.evidence.append(Span(start=unit.start, end=unit.end))
    return []


def claim_owner(d: Doc2, noun: Token) -> str | None:
    """The actor whose claim a noun is: 'Ukrainian and Western claims' -> the actor with side UKR."""
    for mod in noun.children:
        for tok in [mod, *mod.conjuncts]:
            code = d.cues.adjectives.get(tok.text)
            if tok.dep_ in ("amod", "conj", "compound") and code:
                by_kind = sorted((a for a in d.actors if a.side == code), key=lambda a: ("state", "org", "group",
                                 "person").index(a.kind))
                if by_kind:
                    return by_kind[0].id
    return None


def anaphoric_attribution(d: Doc2, verb: Token, unit: Unit, drafts: list[Draft]) -> None:
    """'X announced this' / 'This was shown on the map that X made public': the previous sentence is X's claim."""
    if unit.index == 0:
        return
    prev = d.units[unit.index - 1]
    if prev.para != unit.para:
        return
    who = agent_of(verb) or subject_of(verb)
    claimant, as_written, status = claimant_of(d, who, unit)
    if who is not None and is_anaphoric(d, who) or claimant is None and as_written is None:
        claimant = d.actor_in(unit.start, unit.end)
        status = "asserted" if claimant else "reported"
    lemma = verb.lemma_.lower()
    frame = [(unit.start, unit.end)]
    existing = [x for x in drafts if x.unit == prev.index]
    if lemma in d.cues.denial_verbs or (lemma == "confirm" and existing and existing[-1].claimant != claimant):
        for x in existing[-1:]:
            x.status = "denied" if lemma in d.cues.denial_verbs else "confirmed"
            x.evidence.append(Span(start=unit.start, end=unit.end))
        return
    if existing:
        for x in existing:
            if x.claimant is None or x.claimant == claimant:
                x.claimant = x.claimant or claimant
                x.status = "asserted" if x.claimant and x.status == "reported" else x.status
                x.frame = [*x.frame, *frame]
        return
    s, e = trim(d.text, prev.start, prev.end)
    drafts.append(Draft(s, e, prev.index, claimant, as_written, status, frame=frame))


def according_drafts(d: Doc2, unit: Unit) -> list[Draft]:
    """'According to X, C' and 'C, according to X'."""
    out = []
    for tok in unit.tokens:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if obj is None:
            continue
        claimant, as_written, status = claimant_of(d, obj, unit)
        lo, hi = tok.idx, obj.right_edge.idx + len(obj.right_edge)
        appos = re.match(r",\s+(?:a|an|the)\s[^,]{3,120},", d.text[hi:unit.end])
        if appos and lo - unit.start < 3:  # "According to X, a Telegram channel close to Y, C"
            hi += appos.end() - 1
        s, e = (hi, unit.end) if lo - unit.start < unit.end - hi else (unit.start, lo)
        s, e = trim(d.text, s, e)
        if e - s >= 8:
            out.append(Draft(s, e, unit.index, claimant, as_written, status, frame=[(lo, hi)]))
    return out


def quote_drafts(d: Doc2, unit: Unit, covered: list[Draft]) -> list[Draft]:
    """Quotes of three words or more, not yet inside a claim, in a sentence whose subject is an actor."""
    text = d.text[unit.start:unit.end]
    out = []
    for m in QUOTE_RE.finditer(text):
        s, e = trim(d.text, unit.start + m.start(1), unit.start + m.end(1))
        if len(d.text[s:e].split()) < 3 or any(c.start < e and s < c.end for c in covered):
            continue
        if not has_verb(d, s, e):
            continue  # a phrase in quote marks ("a “democratic battering ram”") characterises, it reports nothing
        root = next((t for t in unit.tokens if t.dep_ == "ROOT"), None)
        who = subject_of(root) if root is not None else None
        if who is None or who.idx >= s and who.idx < e:
            continue
        claimant, as_written, status = claimant_of(d, who, unit)
        if claimant is None:
            continue
        draft = Draft(s, e, unit.index, claimant, as_written, status, quote=True)
        frame_for([draft], unit)
        out.append(draft)
    return out


def has_verb(d: Doc2, start: int, end: int) -> bool:
    span = d.doc.char_span(start, end, alignment_mode="expand") if d.doc is not None else None
    return span is None or any(t.pos_ in ("VERB", "AUX") for t in span)


def is_question(d: Doc2, unit: Unit) -> bool:
    """A sentence ending with a question mark: outside quote marks, a question reports no proposition."""
    return d.text[unit.start:unit.end].rstrip(" ”\"'’").endswith("?")


def reported_drafts(d: Doc2, unit: Unit, covered: list[Draft]) -> list[Draft]:
    """Sentences with a hearsay cue ('reportedly', 'are said to') and no attributed claim."""
    text = d.text[unit.start:unit.end]
    m = d.cues.reported_re.search(text)
    if m is None or any(c.unit == unit.index for c in covered):
        return []
    s, e = trim(d.text, unit.start, unit.end)
    if is_question(d, unit):
        return []
    return [Draft(s, e, unit.index, None, None, "reported", evidence=[Span(start=unit.start, end=unit.end)],
                  frame=[(unit.start, unit.end)])]


# ---------------------------------------------------------------- hedges
def in_scope(d: Doc2, drafts: list[Draft], unit: Unit, same_unit: bool = True) -> list[Draft]:
    """Claims a verification/response sentence speaks about: earlier in its paragraph (or the previous one)."""
    def before(x: Draft) -> bool:
        return x.unit < unit.index or (same_unit and x.unit == unit.index and x.end <= unit.end)

    mine = [x for x in drafts if before(x) and d.units[x.unit].para == unit.para]
    if mine:
        return sorted(mine, key=lambda x: x.start)
    prev_para = unit.para - 1
    return sorted((x for x in drafts if before(x) and d.units[x.unit].para == prev_para), key=lambda x: x.start)


def apply_hedges(d: Doc2, unit: Unit, drafts: list[Draft]) -> None:
    text = d.text[unit.start:unit.end]
    evidence = Span(start=unit.start, end=unit.end)
    hedge = d.cues.unconfirmed_re.search(text) or d.cues.unverified_re.search(text)
    if hedge:
        status: ClaimStatus = "unverified" if d.cues.unverified_re.search(text) else "unconfirmed"
        subject = text[:hedge.start()]
        if not d.cues.figures_re.search(subject):
            add_unattributed(d, unit, drafts)
        targets = in_scope(d, drafts, unit)
        if d.cues.figures_re.search(subject):
            with_figures = [x for x in targets if has_quantity(d, x)]
            targets = with_figures or targets
        for x in targets:
            if x.status in ("asserted", "reported", "unconfirmed", "unverified"):
                x.status = status
                x.evidence.append(evidence)
    elif d.cues.debunk_re.search(text):
        for x in in_scope(d, drafts, unit, same_unit=False)[-1:]:
            x.status = "denied"
            x.evidence.append(evidence)
    elif d.cues.confirmed_re.search(text) and not any(x.unit == unit.index for x in drafts):
        for x in in_scope(d, drafts, unit)[-1:]:
            x.status = "confirmed"
            x.evidence.append(evidence)
    if d.cues.response_re.search(text):
        for x in in_scope(d, drafts, unit, same_unit=False):
            x.response = "none"


def add_unattributed(d: Doc2, hedge: Unit, drafts: list[Draft]) -> None:
    """Sentences before a hedge in its paragraph, with no claim yet, become unattributed claims."""
    for u in reversed(d.units[:hedge.index]):
        if u.para != hedge.para or any(x.unit == u.index for x in drafts):
            if u.para != hedge.para:
                break
            continue
        if is_hedge_or_response(d, u):
            break
        s, e = trim(d.text, u.start, u.end)
        if e - s >= 8:
            drafts.append(Draft(s, e, u.index, None, None, "reported", frame=[]))


def is_hedge_or_response(d: Doc2, u: Unit) -> bool:
    text = d.text[u.start:u.end]
    return bool(d.cues.unconfirmed_re.search(text) or d.cues.unverified_re.search(text)
                or d.cues.response_re.search(text))



def has_quantity(d: Doc2, x: Draft) -> bool:
    return bool(re.search(r"\d", d.text[x.start:x.end])) or any(
        w in d.text[x.start:x.end].lower() for w in ("hundreds", "thousands", "dozens", "half", "third"))


# ---------------------------------------------------------------- channel and time
def channel_in(d: Doc2, spans: Iterable[tuple[int, int]]) -> str | None:
    for pattern, label in d.cues.channels:
        for s, e in spans:
            m = pattern.search(d.text, s, e)
            if m:
                outlet = m.groupdict().get("outlet")
                return label.format(outlet=("the " + outlet) if outlet and "the " + outlet in d.text[s:e] else outlet)
    return None


def time_in(d: Doc2, spans: Iterable[tuple[int, int]]) -> str | None:
    for s, e in spans:
        for ts, te, tid in d.times:
            if s <= ts and te <= e:
                return tid
    return None


def fill_frames(d: Doc2, drafts: list[Draft]) -> None:
    """Channel and said_at from each claim's attribution frame; else the channel of the previous sentence."""
    for x in drafts:
        x.channel = x.channel or channel_in(d, x.frame)
        x.said_at = x.said_at or time_in(d, x.frame)
    by_unit: dict[int, list[Draft]] = {}
    for x in drafts:
        by_unit.setdefault(x.unit, []).append(x)
    for x in drafts:
        if x.channel is None and x.claimant is not None and x.unit > 0:
            prev = d.units[x.unit - 1]
            others = [y for y in by_unit.get(prev.index, []) if y.claimant != x.claimant]
            named = x.claimant in d.actors_between(prev.start, prev.end)
            if named and not others and prev.para == d.units[x.unit].para:
                x.channel = channel_in(d, [(prev.start, prev.end)])


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
    drafts: list[Draft] = []
    for unit in d.units:
        found = verb_drafts(d, unit, drafts)
        according = according_drafts(d, unit)
        found = [x for x in found if x.claimant or x.claimant_text or not overlaps_any(x, according)]
        found += [x for x in according if not overlaps_any(x, found)]
        found += quote_drafts(d, unit, found)
        found += reported_drafts(d, unit, found)
        drafts.extend(found)
        apply_hedges(d, unit, drafts)
    extend_quotes(d, drafts)
    fill_frames(d, drafts)
    drafts = continue_quotes(d, dedupe(d, drafts))
    return number(record, drafts)


def paragraph_start(d: Doc2, unit: int) -> int:
    """Start offset of the paragraph holding unit `unit`."""
    para = d.units[unit].para
    while unit > 0 and d.units[unit - 1].para == para:
        unit -= 1
    return d.units[unit].start


def extend_quotes(d: Doc2, drafts: list[Draft]) -> None:
    """'“A. B,” he said': a quote over several sentences is one claim, from its opening mark.

    Only a claim that ends at the closing mark grows, when the opening mark is in an earlier sentence
    of the same paragraph, no mark closes in between and no other claim lies in that stretch."""
    starts = sorted(x.start for x in drafts)
    for x in drafts:
        if "”" not in d.text[x.end:x.end + 3]:
            continue
        floor = paragraph_start(d, x.unit)
        opening = d.text.rfind("“", floor, x.start)
        if opening < 0 or opening >= d.units[x.unit].start or d.text.find("”", opening, x.start) >= 0:
            continue
        s, _ = trim(d.text, opening, x.start)
        i = bisect.bisect_left(starts, s)
        if (i < len(starts) and starts[i] < x.start) or x.end - s > MAX_SPAN:
            continue
        x.start, x.quote = s, True


CLOSING = {"“": "”", "\"": "\"", "«": "»"}


def quote_close(d: Doc2, opening: int) -> int | None:
    """Offset of the mark closing the quote opened at `opening`, if it is in the same paragraph."""
    close = d.text.find(CLOSING[d.text[opening]], opening + 1)
    nl = d.text.find("\n", opening)
    if close < 0 or (0 <= nl < close):
        return None
    return close


def run_on(d: Doc2, x: Draft, limit: int) -> None:
    """'X said they “A. B.”': a claim ending inside a quote it opened runs on to the closing mark
    (before `limit`, the start of the next claim)."""
    opening = d.text.rfind("“", x.start, x.end)
    if opening < 0 or d.text.find("”", opening, x.end) >= 0:
        return
    close = quote_close(d, opening)
    if close is not None and x.end < close < limit and close - x.start <= MAX_SPAN:
        x.end = trim(d.text, x.start, close)[1]


def continuation(d: Doc2, unit: Unit, last: Draft) -> Draft | None:
    """A sentence that opens a quote right after a quote attributed to `last`'s claimant (“A,” he said. “B.”)."""
    opening = unit.start
    if d.text[opening] not in CLOSING or (last.claimant is None and last.claimant_text is None):
        return None
    prev = d.units[unit.index - 1]
    if not (last.quote or any(q in d.text[prev.start:prev.end] for q in "”\"»")):
        return None
    close = quote_close(d, opening)
    end = close if close is not None and close - opening <= MAX_SPAN else d.text.find("\n", opening)
    s, e = trim(d.text, opening, end if end > opening else len(d.text))
    if e - s < 8:
        return None
    status: ClaimStatus = "reported" if last.status == "reported" else "asserted"
    return Draft(s, e, unit.index, last.claimant, last.claimant_text, status, channel=last.channel,
                 said_at=last.said_at, quote=True)


def continue_quotes(d: Doc2, drafts: list[Draft]) -> list[Draft]:
    """Quote paragraphs and sentences that go on from the quote claimed just before them.

    A sentence with no claim that opens with a quote mark, right after a sentence holding a quote
    claim (or a claim whose sentence closes a quote), is a claim of the same claimant with the same
    channel; the chain goes on over following quotes. Drafts come sorted by start."""
    out: list[Draft] = []
    i = 0
    last: Draft | None = None
    last_end = -1  # end offset of the unit that holds `last`
    covered_to = -1
    for unit in d.units:
        here = []
        while i < len(drafts) and drafts[i].start < unit.end:
            run_on(d, drafts[i], drafts[i + 1].start if i + 1 < len(drafts) else len(d.text))
            here.append(drafts[i])
            i += 1
        out.extend(here)
        covered_to = max([covered_to] + [x.end for x in here])
        if here:
            last, last_end = here[-1], unit.end
            continue
        if unit.start < covered_to:
            last_end = unit.end if last is not None else last_end
            continue
        prev_end = d.units[unit.index - 1].end if unit.index else -2
        new = continuation(d, unit, last) if last is not None and last_end == prev_end else None
        if new is None:
            last = None
            continue
        out.append(new)
        covered_to = new.end
        last, last_end = new, unit.end
    return out


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
