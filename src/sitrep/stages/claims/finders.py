"""Finders: each turns one kind of attribution in a sentence into drafts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from sitrep.model import ClaimStatus, Span
from sitrep.stages.claims.acts import is_hedged_inference, is_unrealised
from sitrep.stages.claims.attribution import (
    agent_of,
    anaphoric_target,
    author_of,
    claimant_of,
    content_of,
    gap_time,
    is_anaphoric,
    is_appeal,
    org_noun,
    strip_the,
    subject_of,
)
from sitrep.stages.claims.drafts import QUOTE_RE, SUBJECT_DEPS, Doc2, Draft, clause_span, is_quoted, span_of, trim
from sitrep.stages.claims.hedges import in_scope
from sitrep.stages.claims.units import Unit

if TYPE_CHECKING:
    from spacy.tokens import Token


def verb_drafts(d: Doc2, unit: Unit, drafts: list[Draft]) -> list[Draft]:
    """Claims attributed by reporting verbs in one sentence, highest verbs first."""
    found: list[Draft] = []
    verbs = [t for t in unit.tokens if t.lemma_.lower() in d.cues.verbs and is_verb_like(t) and has_particle(d, t)]
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
    if verb.dep_ != "conj" and not inner and not after_comma_and(left):
        return False  # ", and Y said B" hung under the first verb's clause is coordinated too
    prev = inner[-1] if inner else (left.nbor(-1) if left.i > 0 else None)
    cut = prev.idx if prev is not None and prev.dep_ in ("cc", "punct") else left.idx
    for f in inside:
        f.start, f.end = trim(d.text, f.start, cut)
    return True


def after_comma_and(tok: Token) -> bool:
    """The token opens a new clause after ', and' / ', but' (or a semicolon)."""
    if tok.i < 2:
        return False
    prev = tok.nbor(-1)
    return prev.text == ";" or (prev.lower_ in ("and", "but") and prev.nbor(-1).text in (",", ";"))


def has_particle(d: Doc2, verb: Token) -> bool:
    """A verb that reports only with its particle has it ('pointed out that C', not 'pointed to the map')."""
    particle = d.cues.particle_verbs.get(verb.lemma_.lower())
    return particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)


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
    if verb.lemma_.lower() == "call" and not (is_characterisation(verb) or is_appeal(verb)):
        return []
    if verb.lemma_.lower() in d.cues.questioning_verbs and questions_a_person(d, verb):
        return []  # "police questioned the driver": an interrogation, not doubt about a claim
    if is_unrealised(verb) or is_hedged_inference(verb, d.cues.inference_verbs):
        return []  # "is expected to announce", "will likely announce", "remarks seem to suggest"
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and verb.lemma_.lower() in ("say", "report", "believe", "think", "allege", "claim", "rumor", "rumour"):
        return reported_passive(d, verb, unit)
    who = agent_of(verb) if passive else subject_of(verb)
    if who is not None and not (unit.start <= who.idx < unit.end):  # "Photo\nThe night shift said": the line's own subject
        who = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and unit.start <= c.idx < unit.end), who)
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
    if is_called_false(d, verb):  # "Russia called the report a fabrication": a denial of the report
        return denial(d, verb, unit, drafts, claimant, as_written)
    if verb.lemma_.lower() in d.cues.denial_verbs:
        if is_claim_apposition(d, verb):
            return deny_in_sentence(d, verb, unit, found)  # "..., claims Ukraine has denied"
        return denial(d, verb, unit, drafts, claimant, as_written)
    out: list[Draft] = []
    relayed = relayed_verb(d, verb, unit, claimant)
    if relayed is not None:  # "A announced that B has determined that C": C is B's finding
        return drafts_for_verb(d, relayed, unit, drafts, found)
    contents = relative_content(d, verb, unit) or content_of(d, verb, unit) or parenthetical_content(verb, unit)
    if not contents and (trailing := trailing_attribution(d, verb, unit)) is not None:
        claimant, as_written, status, contents = trailing[0], None, "asserted", [trailing[1]]
    if not contents and (claimant or as_written):
        contents = fronted_content(d, verb, who, unit)
    if not contents and (claimant or as_written) and (quoted := colon_quote(d, verb, unit)) is not None:
        return [quoted_draft(d, quoted, claimant, as_written, status, unit)]
    if claimant is None and status == "asserted" and verb.lemma_.lower() in d.cues.inference_verbs \
            and not is_named_agent(d, who):
        return []  # "this document suggests that C", "the fact that X shows C": the writer's reasoning
    for start, end, seg in contents:
        said_at, start = gap_time(d, seg, start) if seg is not None and out else (None, start)
        s, e = trim(d.text, start, end)
        if e - s < 8 or (is_question(d, unit) and not is_quoted(d.text, s, e)) or leaves_quote(d, verb, s, e):
            continue
        inner = relayed_speaker(d, verb, s)
        draft = Draft(s, e, unit.index, inner or claimant, None if inner else as_written,
                      "asserted" if inner else status, said_at=said_at, channel=channel,
                      quote=is_quoted(d.text, s, e))
        out.append(draft)
    frame_for(out, unit)
    return out


def questions_a_person(d: Doc2, verb: Token) -> bool:
    """The object of 'question' is a person: a pronoun, a name, an actor or a person noun ('two suspects')."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return True  # nothing questioned that could be a claim
    return obj.pos_ == "PRON" or obj.ent_type_ == "PERSON" or obj.lemma_.lower() in d.cues.person_nouns \
        or d.actor_in(obj.left_edge.idx, obj.idx + len(obj)) is not None


def is_named_agent(d: Doc2, who: Token) -> bool:
    """A subject that can speak for itself: a proper name or an organisation noun ('Netflix indicated',
    'the firm indicated'), not a thing that shows something ('this document suggests')."""
    return who.pos_ == "PROPN" or org_noun(d, who) is not None


def relayed_verb(d: Doc2, verb: Token, unit: Unit, claimant: str | None) -> Token | None:
    """The reporting verb heading `verb`'s content clause when another actor is its subject: in
    "A announced that B has determined that C" (or "A says B believes C") C is B's claim, relayed by A.
    Not a clause before the verb: in "B believes C, A said" A's sentence is reported, B's belief is A's claim."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None or clause.i < verb.i or clause.lemma_.lower() not in d.cues.verbs \
            or clause.lemma_.lower() in d.cues.denial_verbs:
        return None
    if d.cues.verbs[clause.lemma_.lower()] == "intent" or not any(c.dep_ == "ccomp" for c in clause.children):
        return None
    who = subject_of(clause)
    inner = claimant_of(d, who, unit)[0] if who is not None and who.head.i == clause.i else None
    return clause if inner is not None and inner != claimant else None


def relative_content(d: Doc2, verb: Token, unit: Unit) -> list[tuple[int, int, int | None]]:
    """'X, who says C, does Y': the content of a non-restrictive relative reporting clause ends at the
    comma that closes it (the parser often runs the clause on into the main verb)."""
    rel = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in ("who", "which")), None)
    if rel is None or rel.i == 0 or rel.nbor(-1).text != "," or d.cues.verbs[verb.lemma_.lower()] != "clause":
        return []
    start = verb.idx + len(verb)
    m = re.search(r",(?!\d)", d.text[start:unit.end])
    if m is None:
        return []
    end = start + m.start()
    return [(start, end, None)] if has_verb(d, start, end) else []


def parenthetical_content(verb: Token, unit: Unit) -> list[tuple[int, int, int | None]]:
    """'The town, he said, will flood': a reporting verb set off by commas inside the sentence it reports
    (parsed as parataxis) claims the whole sentence."""
    if verb.dep_ != "parataxis" or not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    doc, left, right = verb.doc, verb.left_edge, verb.right_edge
    before = left if left.text == "," else (doc[left.i - 1] if left.i else None)
    after = right if right.text == "," else (doc[right.i + 1] if right.i + 1 < len(doc) else None)
    if before is None or after is None or before.text != "," or after.text != ",":
        return []
    return [(unit.start, unit.end, None)] if unit.start < before.idx and after.idx + 1 < unit.end else []


def leaves_quote(d: Doc2, verb: Token, start: int, end: int) -> bool:
    """A verb inside quote marks whose content reaches outside them ('has grist for a loud “I told
    you so”'): a quoted phrase, not a report of what the sentence says."""
    opening = max(d.text.rfind(q, 0, verb.idx) for q in "“«")
    if opening < 0 or d.text.find("\n", opening, verb.idx) >= 0 or max(d.text.find(q, opening, verb.idx) for q in "”»") >= 0:
        return False
    closes = [i for i in (d.text.find(q, verb.idx) for q in "”»") if i >= 0]
    close = min(closes) if closes else -1
    return close >= 0 and (start < opening or end > close + 1)


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
    if head.dep_ in ("dobj", "obj") and (is_imperative(head.head) or is_unrealised(head.head)):
        return []  # "Sign a document saying C, or ...", "will publish a report saying C": no report yet
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


def is_imperative(verb: Token) -> bool:
    """A base-form verb heading its sentence without a subject: 'Sign a document ...'."""
    return (verb.tag_ == "VB" and verb.dep_ in ("ROOT", "conj") and not any(
        c.dep_ in (*SUBJECT_DEPS, "aux", "auxpass") for c in verb.children))


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


def fronted_content(d: Doc2, verb: Token, who: Token, unit: Unit) -> list[tuple[int, int, int | None]]:
    """'C, he said in a video call' when the parser hung C on the verb as an adverbial clause: the
    subject comes right after a comma and right before the verb, and the clause before it is the content
    (the whole sentence when the attribution is set off by commas inside it: 'If A, he believes, B')."""
    doc = verb.doc
    left = who.left_edge
    if who.right_edge.i + 1 != verb.i or left.i == 0 or doc[left.i - 1].text != "," or any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return []
    if not any(c.dep_ == "advcl" and c.i < left.i and c.idx >= unit.start for c in verb.children):
        return []
    after = verb.right_edge.i + 1
    if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].idx < unit.end:
        return [(unit.start, unit.end, None)]  # "If A, he believes, B": set off inside the sentence it reports
    return [(unit.start, doc[left.i - 1].idx, None)]


CHARACTERISING = frozenset({"call", "describe", "characterize", "characterise", "dismiss"})


def is_called_false(d: Doc2, verb: Token) -> bool:
    """'called the report a fabrication', 'described the claims as fake', 'dismissed it as propaganda':
    a claim noun (or 'it', 'this') characterised with a word of falsity (cues falsity_words)."""
    if verb.lemma_.lower() not in CHARACTERISING:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not (obj.lemma_.lower() in d.cues.claim_nouns or is_anaphoric(d, obj)):
        return False
    preds = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")]
    preds += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    preds += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    words = {t.lemma_.lower() for p in preds for t in p.subtree}
    return bool(words & d.cues.falsity_words)


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
    if len(content) == 1 and content[0].lemma_.lower() in d.cues.claim_nouns and content[0].tag_ in ("NNS", "VBZ") \
            and any(c.dep_ == "nsubj" and c.text in d.cues.adjectives for c in content[0].children):
        noun, content = content[0], []  # "dismissed Ukrainian claims that C" misparsed as "Ukrainian | claims that C"
    if not content and noun is not None:  # "denied reports that C"
        content = [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.idx > noun.idx]
        owner = claim_owner(d, noun)
        if content:  # "dismissed Ukrainian claims that C": the claim is Ukraine's; "denied reports that C": no one named
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
            if tok.dep_ in ("amod", "conj", "compound", "nsubj") and code:  # nsubj: "Ukrainian | claims" misparsed
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
    frames = []
    for tok in unit.tokens:
        if tok.lower_ != "according":
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if obj is None:
            continue
        lo, hi = tok.idx, obj.right_edge.idx + len(obj.right_edge)
        appos = re.match(r",\s+(?:a|an|the)\s[^,]{3,120},", d.text[hi:unit.end])
        if appos and lo - unit.start < 3:  # "According to X, a Telegram channel close to Y, C"
            hi += appos.end() - 1
        frames.append((lo, hi, obj))
    out = []
    for k, (lo, hi, obj) in enumerate(frames):
        claimant, as_written, status = claimant_of(d, obj, unit)
        floor = frames[k - 1][1] if k else unit.start  # the content stops at another 'according to'
        ceiling = frames[k + 1][0] if k + 1 < len(frames) else unit.end
        if QUOTE_AFTER_RE.match(d.text, hi, unit.end) or lo - floor < ceiling - hi:
            s, e = hi, ceiling  # "who, according to X, “C”": the quote after the attribution
        else:
            s, e = floor, lo
        s, e = trim(d.text, s, e)
        if e - s >= 8:
            out.append(Draft(s, e, unit.index, claimant, as_written, status, frame=[(lo, hi)]))
    return out


QUOTE_AFTER_RE = re.compile(r",?\s*[“\"]")


def quote_drafts(d: Doc2, unit: Unit, covered: list[Draft]) -> list[Draft]:
    """Quotes of three words or more, not yet inside a claim, in a sentence whose subject is an actor."""
    text = d.text[unit.start:unit.end]
    out = []
    for m in QUOTE_RE.finditer(text):
        s, e = trim(d.text, unit.start + m.start(1), unit.start + m.end(1))
        if len(d.text[s:e].split()) < 3 or any(c.start < e and s < c.end for c in covered):
            continue
        if not has_clause(d, s, e) and not is_quoted_passage(d, s, e):
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


QUOTED_PASSAGE_WORDS = 6


def is_quoted_passage(d: Doc2, start: int, end: int) -> bool:
    """A verbless quote of QUOTED_PASSAGE_WORDS words or more that is a verb's object ('the report
    identified “the central role of farming in ...”') is quoted content; one inside a noun or
    prepositional phrase ('an assault on “basic things such as ...”') characterises."""
    span = d.doc.char_span(start, end, alignment_mode="expand") if d.doc is not None else None
    if span is None or len(d.text[start:end].split()) < QUOTED_PASSAGE_WORDS:
        return False
    return any(t.dep_ in ("dobj", "obj", "attr", "oprd", "ccomp") and t.head.pos_ in ("VERB", "AUX")
               and not start <= t.head.idx < end for t in span)


def has_clause(d: Doc2, start: int, end: int) -> bool:
    """A finite verb, or a verb with its subject, inside the span: "“we will fight”" reports, "a kind of
    “democratic battering ram”" (a participle in a noun phrase) does not."""
    span = d.doc.char_span(start, end, alignment_mode="expand") if d.doc is not None else None
    return span is None or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or (
        t.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in t.children)) for t in span)


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


HEADLINE_DASH = re.compile(r"\s+[-–—]\s+$")


def headline_drafts(d: Doc2, unit: Unit, covered: list[Draft]) -> list[Draft]:
    """Headline and summary lines that name their speaker: 'Holm: the dam will hold' and 'The dam will
    hold - Holm'. Only a line that is a paragraph of its own and has no claim yet; the speaker is an actor
    whose mention is the whole part before the colon, or after the dash at the line's end."""
    if any(c.unit == unit.index for c in covered) or not is_own_line(d, unit):
        return []
    line = d.text[unit.start:unit.end]
    for s, e, actor in d.mentions:
        if s < unit.start or e > unit.end or d.kinds[actor] not in ("person", "org", "group", "state"):
            continue
        dash = HEADLINE_DASH.search(d.text[unit.start:s]) if e == unit.end else None
        if s == unit.start and line[e - unit.start:e - unit.start + 1] == ":":
            start, end = trim(d.text, e + 1, unit.end)
        elif dash is not None:
            start, end = trim(d.text, unit.start, unit.start + dash.start())
        else:
            continue
        if len(d.text[start:end].split()) >= 3 and has_verb(d, start, end):
            return [Draft(start, end, unit.index, actor, None, "asserted", frame=[(s, e)])]
    return []


def is_own_line(d: Doc2, unit: Unit) -> bool:
    before = d.units[unit.index - 1] if unit.index else None
    after = d.units[unit.index + 1] if unit.index + 1 < len(d.units) else None
    return (before is None or before.para != unit.para) and (after is None or after.para != unit.para)


SIGNED_QUOTE_RE = re.compile(r"(?m)^[ \t]*[“\"«](?P<quote>[^“”\"«»\n]{8,}?)[”\"»][ \t]*[—–-]+[ \t]*(?P<who>[^\n]+)$")


def signed_quote_drafts(d: Doc2, drafts: list[Draft]) -> list[Draft]:
    """A line that is a quotation signed after a dash ('“C.” — Name, Outlet', as in round-ups of views): C is
    the claim of the actor named right after the dash; the words after the name's comma are the channel."""
    out = []
    for m in SIGNED_QUOTE_RE.finditer(d.text):
        s, e = trim(d.text, m.start("quote"), m.end("quote"))
        who, comma = m.start("who"), d.text.find(",", m.start("who"), m.end("who"))
        name_end = comma if comma >= 0 else m.end("who")  # "— Columnist Mara Lind, Coastal Review"
        hit = next(((en, a) for st, en, a in d.mentions if who <= st and en <= name_end
                    and d.kinds[a] in ("person", "org", "group")), None)
        if hit is None or any(x.start < e and s < x.end for x in drafts):
            continue
        end, actor = hit
        rest = d.text[end:m.end("who")].strip()
        channel = rest[1:].strip() if rest.startswith(",") and 0 < len(rest[1:].split()) <= 5 else None
        unit = next((u.index for u in d.units if u.start <= s < u.end), None)
        if unit is not None:
            out.append(Draft(s, e, unit, actor, None, "asserted", channel=channel or None, quote=True,
                             frame=[(m.start("who"), m.end("who"))]))
    return out


def view_drafts(d: Doc2, unit: Unit, covered: list[Draft]) -> list[Draft]:
    """'X's view is that C', 'his argument was that C' (cues view_nouns): C is the possessor's claim."""
    out = []
    for tok in unit.tokens:
        if tok.lemma_.lower() not in d.cues.view_nouns or tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        clause = [c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.head.i
                  and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        sp = clause_span(clause, unit) if owner is not None and clause else None
        if sp is None:
            continue
        claimant, as_written, status = claimant_of(d, owner, unit)
        s, e = trim(d.text, *sp)
        if (claimant or as_written) and e - s >= 8 and not any(c.start < e and s < c.end for c in covered):
            draft = Draft(s, e, unit.index, claimant, as_written, status)
            frame_for([draft], unit)
            out.append(draft)
    return out


def colon_quote(d: Doc2, verb: Token, unit: Unit) -> tuple[int, int, int] | None:
    """'Mayor X said on Monday:' + a paragraph that opens a quote: the quote (start, end, its unit) is the content."""
    if not d.text[unit.start:unit.end].endswith(":") or unit.index + 1 >= len(d.units) \
            or any(t.i > verb.i and t.pos_ == "VERB" for t in unit.tokens):
        return None
    nxt = d.units[unit.index + 1]
    if d.text[nxt.start] not in "“\"«":
        return None
    close = min((i for i in (d.text.find(q, nxt.start + 1) for q in "”\"»") if i >= 0), default=-1)
    nl = d.text.find("\n", nxt.start)
    end = close if close >= 0 and (nl < 0 or close < nl) else (nl if nl >= 0 else len(d.text))
    s, e = trim(d.text, nxt.start, end)
    return (s, e, nxt.index) if e - s >= 8 else None


def quoted_draft(d: Doc2, quoted: tuple[int, int, int], claimant: str | None, as_written: str | None,
                 status: ClaimStatus, unit: Unit) -> Draft:
    s, e, index = quoted
    return Draft(s, e, index, claimant, as_written, status, quote=True, frame=[(unit.start, unit.end)])
