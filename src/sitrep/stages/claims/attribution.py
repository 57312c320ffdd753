"""Attribution by reporting verbs: the subject as claimant, pronouns, the content of the verb."""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from sitrep.model import ClaimStatus
from sitrep.stages.claims.drafts import SUBJECT_DEPS, Doc2, clause_span, span_of
from sitrep.stages.claims.units import Unit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Where a misparsed copula's content stops: a semicolon, or a comma that does not open a short
# parenthetical closed by another comma ("they were, in effect, abandoned"; "it is, of course, a trap").
PARENTHETICAL_STOP = re.compile(r";|,(?!\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+,)")


RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; shared subjects of conjuncts and participles; a relative pronoun's antecedent."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1:  # "the bandits whom he claims run the region": 'whom' is the content's subject
        subjects = [c for c in subjects if c.lower_ not in RELATIVE_PRONOUNS] or subjects
    for child in subjects:
        if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return verb.head
        return child
    if verb.dep_ == "xcomp" and (obj := next((c for c in verb.head.children if c.dep_ in ("dobj", "obj")
                                             and c.i < verb.i), None)) is not None:
        return obj  # "the loss prompted the board to point out C": the object does the reporting
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head is not verb.head:
        return subject_of(verb.head.head)  # "his rivals were quick to accuse him of C": the copula's subject
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
    floor = d.units[max(0, unit.index - PRONOUN_REACH)].start
    voice = voice_owner(d, who)
    if voice is not None and (named := antecedent(d, voice.idx, PRONOUN_KINDS[voice.lower_], floor,
                                                  gender=PRONOUN_GENDERS.get(voice.lower_))):
        return named, None, "asserted"  # "his office said" speaks for him
    actor = d.actor_in(*core_span(who, unit)) or conjunct_actor(d, who, unit)
    if actor:
        return actor, None, "asserted"
    author = author_of(who) or earlier_document_author(d, who, unit)
    if author is not None:
        return claimant_of(d, author, d.units[next(u.index for u in d.units if u.start <= author.idx < u.end)]
                           if not (unit.start <= author.idx < unit.end) else unit)
    if who.lower_ in PRONOUN_KINDS:
        return antecedent(d, who.idx, PRONOUN_KINDS[who.lower_], floor,
                          gender=PRONOUN_GENDERS.get(who.lower_)), None, "asserted"
    if (noun := definite_org_noun(d, who)) is not None and (named := org_antecedent(d, who.idx, noun, floor)):
        return named, None, "asserted"  # "the company said": the last organisation named
    if who.lemma_.lower() in d.cues.source_nouns:
        return None, d.text[lo:hi], "reported"
    if who.lemma_.lower() in d.cues.evidence_nouns or any(t.lemma_.lower() in d.cues.evidence_nouns
                                                          for t in who.subtree if unit.start <= t.idx < unit.end):
        return None, d.text[lo:hi], "confirmed"
    if not is_possible_source(d, lo, hi):
        return None, None, "reported"
    return None, d.text[lo:hi], "asserted"


# he/she: the last person; it: the last organisation, group or state; they also the singular they of an
# unnamed official ("a Swedish official ... They said"); possessives alike ("his office said")
PRONOUN_GENDERS = {"he": "m", "his": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
PRONOUN_KINDS: dict[str, tuple[str, ...]] = {
    "he": ("person",), "she": ("person",), "his": ("person",), "her": ("person",),
    "it": ("org", "state", "group"), "its": ("org", "state", "group"),
    "they": ("org", "state", "group", "unnamed"), "their": ("org", "state", "group", "unnamed"),
}


def org_noun(d: Doc2, tok: Token) -> str | None:
    """'org' or 'media' when the noun (with the compound before it: 'think tank', 'news agency') is one of
    the organisation or media nouns of data/actors/speaker_nouns.json."""
    word = tok.lemma_.lower()
    before = [c.lower_ for c in tok.lefts if c.dep_ == "compound"]
    for name in ([f"{before[-1]} {word}"] if before else []) + [word]:
        if name in d.cues.media_nouns:
            return "media"
        if name in d.cues.org_nouns:
            return "org"
    return None


def definite_org_noun(d: Doc2, who: Token) -> str | None:
    """'The company', 'the think tank', 'the newspaper', 'the Los Gatos, California, company': the/this +
    an organisation or media noun, no name of its own; 'org' or 'media', else None."""
    if who.left_edge.lower_ not in ("the", "this"):
        return None
    heads = [who, *(c for c in who.children if c.dep_ == "appos")]  # "the Los Gatos, California, company"
    for h in heads:
        kind = org_noun(d, h)
        if kind is not None and not any(c.dep_ in ("poss", "prep") for c in h.children):
            return kind
    return None


def org_antecedent(d: Doc2, pos: int, noun: str, floor: int) -> str | None:
    """The organisation a definite organisation noun refers back to: the last one named since `floor`;
    for a media noun the last medium named anywhere before ('The Journal reported ... the newspaper said')."""
    if noun == "org":
        return antecedent(d, pos, ("org",), floor)
    names = {a.id: a.name for a in d.actors if a.kind == "org"}
    media = {a for a, name in names.items() if is_medium_name(d, name)}
    return antecedent(d, pos, ("org",), 0, among=media)


def is_medium_name(d: Doc2, name: str) -> bool:
    """A news medium: one of the media table's names, or a name ending in a media word ('Suffolk Times')."""
    words = name.split()
    return name in d.cues.media or (len(words) >= 2 and words[-1] in d.cues.media_words)


def voice_owner(d: Doc2, who: Token) -> Token | None:
    """The possessive pronoun of a noun that speaks for someone: "his office", "her spokesman", "their aides"."""
    if who.lemma_.lower() not in d.cues.voice_nouns:
        return None
    return next((c for c in who.children if c.dep_ == "poss" and c.lower_ in PRONOUN_KINDS), None)


AUTHORING_VERBS = frozenset({"publish", "write", "pen", "release", "issue", "post", "sign", "author"})
DOCUMENT_NOUNS = frozenset({"article", "essay", "op-ed", "column", "letter", "book", "manifesto", "treatise", "blog"})


def author_of(document: Token) -> Token | None:
    """Who speaks through a piece of writing: "Putin released an article arguing that ..." and
    "Putin's essay argued that ..." are Putin's claims, not the article's."""
    if document.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    owner = next((c for c in document.children if c.dep_ == "poss"), None)
    if owner is None and document.dep_ in ("dobj", "obj") and document.head.pos_ in ("VERB", "AUX"):
        owner = subject_of(document.head)
    if owner is None:  # "a treatise he published last summer"
        rel = next((c for c in document.children if c.dep_ == "relcl" and c.lemma_.lower() in AUTHORING_VERBS), None)
        owner = next((c for c in rel.children if c.dep_ == "nsubj"), None) if rel is not None else None
    return owner if owner is not None and owner.i != document.i and owner.lemma_.lower() not in DOCUMENT_NOUNS else None


def earlier_document_author(d: Doc2, who: Token, unit: Unit) -> Token | None:
    """'The article portrayed ...' (a definite document noun with no owner): the author of the last
    document named in the sentences before, as in 'a treatise he published ... The article argued C'."""
    if who.lemma_.lower() not in DOCUMENT_NOUNS or any(c.dep_ == "poss" for c in who.children) or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in who.children):
        return None
    for u in reversed(d.units[max(0, unit.index - PRONOUN_REACH):unit.index + 1]):
        for tok in reversed(u.tokens):
            if tok.i < who.i and tok.lemma_.lower() in DOCUMENT_NOUNS and (author := author_of(tok)) is not None:
                return author
    return None


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


def conjunct_actor(d: Doc2, who: Token, unit: Unit) -> str | None:
    """'the author and journalist X told me': the parser may hang the name as a conjunct of a
    common-noun head; when the head's core names no actor, the first conjunct that does speaks."""
    for conj in who.conjuncts:
        if conj.i > who.i and (actor := d.actor_in(*core_span(conj, unit))):
            return actor
    return None


def antecedent(d: Doc2, pos: int, kinds: Sequence[str], floor: int,
               among: Collection[str] | None = None, gender: str | None = None) -> str | None:
    """The actor a pronoun at `pos` refers to: the last one of those kinds named as a subject (or as a
    speaker's apposition) since `floor`, else the last one named at all ("X, like others, has had it
    with Putin. 'We...', he said" -> X, not Putin)."""
    lo = bisect.bisect_left(d.mentions, (floor, -1, ""))
    hi = bisect.bisect_left(d.mentions, (pos, -1, ""))
    fallback = None
    for s, e, a in reversed(d.mentions[lo:hi]):
        if d.kinds[a] not in kinds and not ("unnamed" in kinds and a in d.unnamed) or (among is not None and a not in among):
            continue
        if gender is not None and d.genders.get(a, gender) != gender:
            continue  # "Catherine appointed her adviser. He informed her C": not Catherine
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
    return tok.dep_ in SUBJECT_DEPS and not is_bare_participle(tok.head)


def is_bare_participle(verb: Token) -> bool:
    """'troops aiming to capture the city': a participle without an auxiliary heads a reduced relative
    clause (the parser may still give it a subject), so its 'subject' is no clause subject."""
    return verb.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


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
    if (channelled := channel_clause(verb, unit)) is not None:
        return [channelled]
    preps = d.cues.prep_verbs.get(verb.lemma_.lower(), frozenset())
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            sp = span_of(objs, unit)
            return [(*sp, None)] if sp else []
    if mode == "intent" or is_appeal(verb):
        return intent_content(d, verb, unit)
    if (extracted := extracted_content(verb, unit)) is not None:
        return [extracted]
    if mode != "object":
        return []
    if verb.lemma_.lower() in d.cues.characterising_verbs and not any(
            c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return []  # "described the scene": no 'as' phrase, no claim
    return right_segments(verb, unit)


CHANNEL_PREPS = frozenset({"in", "on", "during"})


def channel_clause(verb: Token, unit: Unit) -> tuple[int, int, int | None] | None:
    """'said in a statement that C', 'wrote in a post on Monday that C': the parser hangs the that-clause
    on the channel noun; it is the verb's content."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in CHANNEL_PREPS and c.i > verb.i):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            clause = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i
                      and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)]
            sp = clause_span(clause, unit) if clause else None
            if sp is not None:
                return (*sp, None)
    return None


def extracted_content(verb: Token, unit: Unit) -> tuple[int, int, int | None] | None:
    """'the bandits whom he claims run the region': the relative's antecedent is the subject of the
    content, which runs from the antecedent to the end of the verb's complement."""
    if verb.dep_ != "relcl" or not any(c.lower_ in RELATIVE_PRONOUNS and c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    comp = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.idx > verb.idx]
    if not comp or sum(c.dep_ in SUBJECT_DEPS for c in verb.children) < 2:
        return None
    sp = span_of(comp, unit)
    return (max(verb.head.idx, unit.start), sp[1], None) if sp else None


def is_appeal(verb: Token) -> bool:
    """'X called on Y to do Z', 'X called for Z': an appeal, whose content is the infinitive or the object of 'for'."""
    if verb.lemma_.lower() != "call":
        return False
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children)}
    return "for" in preps or ("on" in preps and any(c.dep_ == "xcomp" for c in verb.children))


def intent_content(d: Doc2, verb: Token, unit: Unit) -> list[tuple[int, int, int | None]]:
    """'vowed to stay', 'warned Kyiv to withdraw', 'called on Y to talk': the infinitive is the content;
    without one, the object ('promised a quick answer') or what is called for ('called for more aid')."""
    xcomp = [c for c in verb.children if c.dep_ == "xcomp" and c.idx > verb.idx]
    sp = span_of(xcomp, unit)
    if sp and d.text.startswith("to ", sp[0]):
        sp = (sp[0] + 3, sp[1])
    if sp is None:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and c.idx > verb.idx]
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and verb.lemma_.lower() == "call"):
            objs += [g for g in prep.children if g.dep_ == "pobj"]
        sp = span_of(objs, unit)
    return [(*sp, None)] if sp else []


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


HONORIFICS = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f"}


def genders(units: Sequence[Unit], mentions: Sequence[tuple[int, int, str]], kinds: dict[str, str]) -> dict[str, str]:
    """The gender the text gives a person: a he/she pronoun later in the sentence that names the person, with
    no other person named in between ('Anna Holm said her ministry ...'), or Mr./Mrs./Ms. before the name.
    Persons with contradicting evidence are left out."""
    votes: dict[str, set[str]] = {}
    persons = [(s, e, a) for s, e, a in mentions if kinds.get(a) == "person"]
    starts = [s for s, _, _ in persons]
    for unit in units:
        for i, tok in enumerate(unit.tokens):
            g = PRONOUN_GENDERS.get(tok.lower_) if tok.pos_ == "PRON" else None
            if i and unit.tokens[i - 1].lower_ in HONORIFICS:
                k = bisect.bisect_left(starts, tok.idx)
                if k < len(persons) and persons[k][0] == tok.idx:
                    votes.setdefault(persons[k][2], set()).add(HONORIFICS[unit.tokens[i - 1].lower_])
            if g is None:
                continue
            k = bisect.bisect_left(starts, tok.idx) - 1
            if k >= 0 and persons[k][0] >= unit.start and persons[k][1] <= tok.idx:
                votes.setdefault(persons[k][2], set()).add(g)
    return {a: next(iter(v)) for a, v in votes.items() if len(v) == 1}
