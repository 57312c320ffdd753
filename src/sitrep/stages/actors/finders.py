"""Mention finders: persons, organisations, speakers, groups, states and roles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sitrep.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from sitrep.stages.actors.filters import extend_particles, is_not_actor, looks_like_town, strip_possessive
from sitrep.stages.actors.mentions import Context, Mention, surname_key
from sitrep.stages.actors.tables import SUBJECT_DEPS, Tables, alternation


def side_of(t: Tables, m: re.Match[str]) -> str | None:
    """Side named by the nat / poss / ofnat / of groups of a match, first one wins."""
    groups = m.groupdict()
    for g in ("nat", "poss", "ofnat", "of"):
        value = groups.get(g)
        if value:
            code = t.adjectives.get(value) or t.countries.get(value) or (t.named.get(value) or (None, ""))[0]
            if code:
                return code
    return None


def describe_person(t: Tables, ctx: Context, start: int, end: int) -> tuple[str | None, str | None]:
    """Role and side from the title before the name or an apposition after it; else the side from
    a wider description before the name ("a top Russian battlefield commander, Gen. X"), a place
    before the title ("Warsaw Mayor X") or the place the person fled from."""
    line_start = ctx.text.rfind("\n", 0, start) + 1
    offset = max(line_start, start - 90)
    before = ctx.text[offset:start]
    role: str | None = None
    side: str | None = None
    finders = (lambda: t.prefix_re.search(before), lambda: t.suffix_re.match(ctx.text[end:end + 120]),
               lambda: t.broad_prefix_re.search(before))
    for find in finders:  # lazily: the wider patterns only when the narrow ones gave no side
        m = find()
        if m is None or (find is finders[1] and speaks_next(t, ctx, end + m.end())):
            continue
        role = role or t.titles.get(m.group("title").lower(), m.group("title"))
        org = m.groupdict().get("org")
        side = side_of(t, m) or (t.named[org][0] if org in t.named else None)
        if side:
            break
    if side is None:
        m = t.place_prefix_re.search(before)
        if m is not None:
            side = place_side(t, ctx, offset + m.start("place"), offset + m.end("place") + 1)
            role = role or t.titles.get(m.group("title").lower(), m.group("title"))
    like = t.like_re.match(ctx.text, end)
    return role, side or (t.demonyms[like.group("dem")] if like else None) or fled_side(t, ctx, end)


def speaks_next(t: Tables, ctx: Context, pos: int) -> bool:
    """'Putin, the official said, ...': a role phrase right before a reporting verb is that verb's
    subject (another person), not an apposition describing the name before it."""
    m = re.match(r"\s+", ctx.text[pos:pos + 3])
    tok = ctx.token(pos + (m.end() if m else 0))
    return tok is not None and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in t.reporting


def place_side(t: Tables, ctx: Context, start: int, end: int) -> str | None:
    """Side of a place name at start..end (a place mention of the record or a capital)."""
    word = ctx.text[start:end].rstrip("s'’ ")
    return ctx.country_at(start, end) or t.capitals.get(word) or t.countries.get(word)


def fled_side(t: Tables, ctx: Context, end: int) -> str | None:
    """'X, who fled from Kharkiv ...' / 'X made a daring escape from Mariupol': the country fled from."""
    stop = min((i for i in (ctx.text.find(". ", end), ctx.text.find("\n", end)) if i >= 0), default=len(ctx.text))
    m = t.fled_re.search(ctx.text, end, min(stop, end + 120))
    return ctx.country_after(m.end(), m.end() + 60) if m else None


def person_mentions(t: Tables, ctx: Context) -> list[Mention]:
    out: list[Mention] = []
    ents = [e for e in ctx.doc.ents if e.label_ == "PERSON"]
    taken: list[tuple[int, int]] = []
    for ent in ents:
        start = last_line_start(ctx.text, ent.start_char, ent.end_char)
        joined = extend_particles(ctx.text, start, ent.end_char)
        end = strip_possessive(ctx.text, start, joined)
        name = ctx.text[start:end]
        if joined > ent.end_char and name[0].isupper():  # "Ursula von der Leyen": a person even if "Leyen" looks like a place
            taken.append((start, end))
            out.append(person(t, ctx, start, end, "p:" + surname_key(name)))
            continue
        if is_not_actor(t, ctx, start, end) or not (is_person_name(t, ctx, name, start, end)
                                                     or is_described_person(t, ctx, name, start, end)):
            continue
        known = t.known_re.search(name)
        if known is None and looks_like_town(ctx, start, end):
            continue
        key = "k:" + t.people[known.group("head")]["name"] if known else "p:" + surname_key(name)
        out.append(person(t, ctx, start, end, key))
        taken.append((start, end))
    for m in t.known_re.finditer(ctx.text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken) or ctx.is_place(s, e) or in_entity(ctx, s, e, ("GPE", "LOC")):
            continue
        entry = t.people[m.group("head")]
        mention = person(t, ctx, s, e, "k:" + entry["name"])
        if entry.get("common") and mention.role is None:
            continue
        out.append(mention)
    out.extend(titled_names(t, ctx, taken))
    return out


def appositive_names(t: Tables, ctx: Context, taken: list[Mention]) -> Iterable[Mention]:
    """'Norway's envoy to the UN, Aino Virta, told CNN': a capitalised name in apposition to a role noun
    is a person even when the tagger calls it a place or misses it (not when the places stage placed it)."""
    roles = title_heads(t.titles)
    doc = ctx.doc
    for tok in (doc[i] for i in tokens_with(doc, "DEP", ("appos",))):
        if tok.pos_ != "PROPN" or tok.head.lower_ not in roles:
            continue
        parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
        start, end = parts[0].idx, tok.idx + len(tok)
        if len(parts) < 2 or not all(p.text[:1].isupper() for p in parts) or any(
                m.start < end and start < m.end for m in taken):
            continue
        if ctx.is_place(start, end) or is_not_actor(t, ctx, start, end):
            continue
        yield person(t, ctx, start, end, "p:" + surname_key(ctx.text[start:end]))


def title_heads(titles: dict[str, str]) -> frozenset[str]:
    """The last word of every title ('envoy' of 'special envoy'); built once per table (speed only)."""
    entry = _TITLE_HEADS.get(id(titles))
    if entry is not None and entry[0] is titles:
        return entry[1]
    if len(_TITLE_HEADS) >= 8:
        _TITLE_HEADS.clear()
    _TITLE_HEADS[id(titles)] = (titles, frozenset(title.split()[-1] for title in titles))
    return title_heads(titles)


_TITLE_HEADS: dict[int, tuple[dict[str, str], frozenset[str]]] = {}


def tokens_with(doc: Doc, attr: str, labels: tuple[str, ...]) -> list[int]:
    """Indices of the tokens whose attr ("POS", "TAG" or "DEP") is one of `labels`, read as one array (speed
    only: a finder that tests one of these first visits only those tokens)."""
    from spacy.parts_of_speech import IDS

    if not len(doc):
        return []
    ids = {IDS[label] for label in labels} if attr == "POS" else {doc.vocab.strings[label] for label in labels}
    return [i for i, value in enumerate(doc.to_array(attr).tolist()) if value in ids]


def titled_names(t: Tables, ctx: Context, taken: list[tuple[int, int]]) -> Iterable[Mention]:
    """Capitalised names right after a title that spaCy did not tag ("President Zelenskyy")."""
    for m in t.title_name_re.finditer(ctx.text):
        s, e = m.span("name")
        e = strip_possessive(ctx.text, s, e)
        tok = ctx.token(s)
        if tok is None or tok.pos_ != "PROPN" or any(a < e and s < b for a, b in taken):
            continue
        name = ctx.text[s:e]
        if in_entity(ctx, s, e, ("GPE", "LOC", "NORP", "FAC")) or ctx.is_place(s, e) or is_not_actor(t, ctx, s, e):
            continue
        if in_entity(ctx, s, e, ("ORG",)) and not is_titled_person_name(t, name):
            continue  # "General Staff", "Commander Forces": an organisation; "commander Oleksandr Pavliuk": a person
        if name in t.media or name in t.countries or name in t.adjectives or is_org_head(t, ctx.text[m.start():e]):
            continue  # "General Staff": an organisation head, not General + a name
        yield person(t, ctx, s, e, "p:" + surname_key(name))


def is_org_head(t: Tables, text: str) -> bool:
    """A title with the word after it that is an organisation head of the tables ('General Staff')."""
    return " ".join(text.split()).lower() in t.heads


def is_titled_person_name(t: Tables, name: str) -> bool:
    """Two or three capitalised words after a title, none an organisation word, a title or a known name."""
    parts = name.split()
    return 2 <= len(parts) <= 3 and all(p[:1].isupper() and p[1:2].islower() for p in parts) and not any(
        p in ORG_WORDS or p.lower() in t.titles or p in t.named or p in t.countries or p in t.adjectives
        for p in parts)


def in_entity(ctx: Context, start: int, end: int, labels: Sequence[str]) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(tok.ent_type_ in labels for tok in span)


def is_bare_possessive(t: Tables, ctx: Context, name: str) -> bool:
    """'Russias', 'Chernobyls', 'UNHCRs Mantoo': a possessive written without its apostrophe."""
    first = name.split()[0]
    if len(first) < 4 or not first.endswith("s") or first.endswith("ss"):
        return False
    stem = first[:-1]
    return stem in t.countries or stem in t.capitals or stem in ctx.words()


def is_described_person(t: Tables, ctx: Context, name: str, start: int, end: int) -> bool:
    """A full name (two or three capitalised words) with a role before or after it is a person even where
    the places stage matched it ("Finland's ambassador to the US, Mikko Hautala": not a village)."""
    if not is_titled_person_name(t, name) or "\n" in name:
        return False
    return describe_person(t, ctx, start, end)[0] is not None


def is_person_name(t: Tables, ctx: Context, name: str, start: int, end: int) -> bool:
    if not name or not name[0].isupper() or ctx.is_place(start, end) or is_bare_possessive(t, ctx, name):
        return False
    if "\n" in name or name in t.media or name in t.countries or name in t.capitals or name in t.adjectives \
            or name in t.demonyms:
        return False
    return re.search(r"(?i)\brivers?\s+(?:\w+\s+and\s+)?$", ctx.text[max(0, start - 30):start]) is None


def person(t: Tables, ctx: Context, start: int, end: int, key: str) -> Mention:
    role, side = describe_person(t, ctx, start, end)
    return Mention(start, end, "person", key, ctx.text[start:end], 0, role=role, side=side)


def org_mentions(t: Tables, ctx: Context) -> Iterable[Mention]:
    for m in t.named_re.finditer(ctx.text):
        side, kind = t.named[m.group("head")]
        s = m.start()
        yield Mention(s, m.end(), kind_of(kind), "n:" + m.group("head"), m.group(0), 1,
                      side=side_of(t, m) or side)
    for m in t.org_re.finditer(ctx.text):
        head = t.heads[m.group("head").lower()]
        side = side_of(t, m)
        bare = not (m.group("nat") or m.group("poss") or m.group("of"))
        if is_modifier_adjective(ctx, m.start("head"), m.end("head")) or (
                bare and is_role_possessor(t, ctx, m.start("head"), m.end("head"))):
            continue  # "military experts said", "Russian military bloggers": an adjective, the group speaks
        yield Mention(m.start(), m.end(), "org", f"o:{side}:{head}", m.group(0), 2, side=side,
                      link="head" if bare else None)
    for e in ctx.doc.ents:
        if e.label_ == "ORG":
            yield from org_entity(t, ctx, e.start_char, e.end_char)


def is_modifier_adjective(ctx: Context, start: int, end: int) -> bool:
    """An organisation head used as an adjective of the noun after it ('military experts', 'Russian military
    bloggers'): no organisation is named."""
    tok = last_token(ctx, start, end)
    return tok is not None and tok.dep_ == "amod" and tok.head.i > tok.i


def is_role_possessor(t: Tables, ctx: Context, start: int, end: int) -> bool:
    """A bare organisation head that owns a role ('the ministry's spokesman said'): the person speaks; the
    head is resolved with the role, not as an organisation of its own."""
    tok = last_token(ctx, start, end)
    return tok is not None and tok.dep_ == "poss" and tok.head.lower_ in t.titles


def last_line_start(text: str, start: int, end: int) -> int:
    """Where the last line of an entity starts: a name never runs over a line break ('Advertisement\\nTesla')."""
    cut = text.rfind("\n", start, end)
    return start if cut < 0 or cut + 1 >= end else cut + 1


def org_entity(t: Tables, ctx: Context, start: int, end: int) -> Iterable[Mention]:
    """A spaCy ORG entity that no table matched; not a medium, a place, a demonym or a person's title. One cut at
    a line break ('Photo\\nMaria Kowalska') has an unreliable label: a person's name in it is a person."""
    cut, start = start, last_line_start(ctx.text, start, end)
    if cut != start and is_titled_person_name(t, ctx.text[start:strip_possessive(ctx.text, start, end)]):
        yield person(t, ctx, start, strip_possessive(ctx.text, start, end), "p:" + surname_key(ctx.text[start:end]))
        return
    start += 4 if ctx.text.startswith(("the ", "The "), start) else 0
    end = strip_possessive(ctx.text, start, end)
    name = ctx.text[start:end]
    if "\n" in name or name in t.media or name in t.countries or name in t.demonyms or name in t.adjectives:
        return
    if (ctx.is_place(start, end) and not org_despite_place(t, ctx, start, end)) or t.title_after_re.match(ctx.text, end) \
            or is_bare_possessive(t, ctx, name):
        return
    if is_title_tail(t, ctx.text, start, end):
        return  # "the Secretary of State": the title's "State", not an organisation
    if is_not_actor(t, ctx, start, end):
        return
    if is_titled_person_name(t, name) and describe_person(t, ctx, start, end)[0] is not None:
        yield person(t, ctx, start, end, "p:" + surname_key(name))  # "the UN envoy for Sudan, Ramtane Lamamra"
        return
    nat = next((t.adjectives[w] for w in name.split() if w in t.adjectives), None)
    yield Mention(start, end, "org", "x:" + name.lower(), name, 3, side=nat or appos_side(t, ctx, end))


def org_despite_place(t: Tables, ctx: Context, start: int, end: int) -> bool:
    """An organisation entity the places stage also placed is still an organisation when the place is only
    a part of a longer name with an organisation word ('the U.S. Department of Justice'), or when the entity
    itself speaks ('Amazon said', 'according to Google') and is not placed as a town. Countries and capitals
    never (their governments are states: 'Kyiv said'), nor a town that speaks ('Kharkiv said')."""
    name = ctx.text[start:end]
    if name in t.countries or name in t.capitals:
        return False
    words = name.split()
    if len(words) >= 2 and any(w in ORG_WORDS for w in words):
        return True
    tok = head_token(ctx, start, end)
    return tok is not None and (is_according_to(tok) or is_speaker(t, tok)) and not ctx.is_town(start, end)


def is_speaker(t: Tables, tok: Token) -> bool:
    """The subject of a reporting verb ('Amazon said', 'the plant's engineer told'), also through an adjective
    with an infinitive ('his rivals were quick to accuse')."""
    if tok.dep_ not in SUBJECT_DEPS or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    return tok.head.lemma_.lower() in t.reporting or any(
        g.dep_ == "xcomp" and g.lemma_.lower() in t.reporting for c in tok.head.children if c.dep_ == "acomp"
        for g in c.children)


def is_title_tail(t: Tables, text: str, start: int, end: int) -> bool:
    """The entity ends a title that has an 'of' phrase ('Secretary of State', 'Minister of Defence')."""
    before = text[max(0, start - 40):end].lower()
    return any(" of " in title and before.endswith(title.lower()) for title in t.titles)


def appos_side(t: Tables, ctx: Context, end: int) -> str | None:
    """Side named in an apposition: 'Baza, a Telegram channel with links to Russian security services'."""
    m = t.appos_nat_re.match(ctx.text[end:end + 120])
    return side_of(t, m) if m else None


def speaker_mentions(t: Tables, ctx: Context) -> Iterable[Mention]:
    """Proper names that report something but that no entity or table caught: the subject of a
    reporting verb or its apposition ('the plant's engineer, Valerii Semenov, told ...') becomes a
    person when it has two or more capitalised words; the object of 'according to' an organisation."""
    for tok in ctx.doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "NORP"):
            continue
        top = tok
        for _ in range(3):  # "the plant's engineer, Valerii Semenov, told": climb the appositions
            if top.dep_ != "appos":
                break
            top = top.head
        speaker = top.dep_ in SUBJECT_DEPS and top.head.lemma_.lower() in t.reporting
        if not (speaker or is_according_to(tok)):
            continue
        parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
        start, end = parts[0].idx, tok.idx + len(tok)
        name = ctx.text[start:end]
        if not all(w[:1].isupper() for w in name.split()) or name in t.media or name in t.countries \
                or name in t.capitals or name in t.demonyms or name in t.adjectives or name in t.named:
            continue
        if is_not_actor(t, ctx, start, end):
            continue
        if len(parts) >= 2 and looks_like_person(t, parts):
            yield person(t, ctx, start, end, "p:" + surname_key(name))
        elif is_according_to(tok) and (not ctx.is_place(start, end) or re.match(r",\s+(?:a|an)\s", ctx.text[end:])):
            yield Mention(start, end, "org", "x:" + name.lower(), name, 6, side=appos_side(t, ctx, end))


CALENDAR_RE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
                         r"August|September|October|November|December|Today|Yesterday|Tomorrow")


def untagged_speakers(t: Tables, ctx: Context) -> Iterable[Mention]:
    """A one-word proper name that speaks but that no entity caught ('Pfizer said', 'according to Gazprom'):
    a person when the text also writes it after a first name or a title ('Ime Udoka ... Udoka said'), else
    an organisation. Not a place, a country, a capital, a medium, a table name or a sentence-initial common word."""
    doc = ctx.doc
    for tok in (doc[i] for i in tokens_with(doc, "POS", ("PROPN",))):
        if tok.ent_type_ in ("PERSON", "NORP", "GPE", "LOC", "FAC"):
            continue
        if not (is_speaker(t, tok) or is_according_to(tok)) or any(c.dep_ == "compound" for c in tok.lefts):
            continue
        name, start = tok.text, tok.idx
        end = start + len(name)
        if not re.fullmatch(r"[A-Z][\w'’-]*[a-z][\w'’-]*", name) or name in t.media or name in t.countries \
                or name in t.capitals or name in t.demonyms or name in t.adjectives or name in t.named \
                or name.lower() in t.titles or CALENDAR_RE.fullmatch(name) or ctx.is_place(start, end) \
                or is_not_actor(t, ctx, start, end):
            continue
        full = re.search(r"(?<![\w-])([A-Z][a-z]+)\s+" + re.escape(name) + r"(?![\w-])", ctx.text)
        if full is not None and not in_entity(ctx, full.start(), full.end(), ("ORG", "GPE", "LOC", "FAC")):
            titled = full.group(1).lower() in t.titles  # "Coach Udoka": a titled surname
            person_name = name if titled else full.group(0)
            yield Mention(start, end, "person", "p:" + surname_key(person_name), person_name, 9)
        elif full is not None and in_entity(ctx, full.start(), full.end(), ("ORG",)):
            yield Mention(start, end, "org", "x:" + full.group(0).lower(), full.group(0), 9)  # the same entity
        else:
            yield Mention(start, end, "org", "x:" + name.lower(), name, 9)


SPEAKER_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod"})
PRONOUN_POSSESSIVES = frozenset({"his", "her", "its", "their", "my", "our", "your"})


def noun_speakers(t: Tables, ctx: Context) -> Iterable[Mention]:
    """A singular common noun for a person or a body that speaks, named by its phrase: 'a store employee
    said' (person), 'according to one resident', 'a consumer from Ohio told', 'the state's attorney general's
    office said', 'the city housing office said' (organisation), 'his wife said'. An organisation noun needs a
    naming modifier (a name or a possessive, not an adjective or a place: 'the Helsinki-based company'), and
    neither it nor a voice noun takes a possessive pronoun ('the company', 'his office', 'her lawyer': the
    claims stage resolves those to an earlier actor)."""
    doc = ctx.doc
    for tok in (doc[i] for i in tokens_with(doc, "TAG", ("NN",))):
        if tok.pos_ != "NOUN" or not (is_speaker(t, tok) or is_according_to(tok)):
            continue
        lemma = tok.lemma_.lower()
        person_noun = lemma in t.speaker_persons
        document = lemma in t.speaker_documents and not any(c.dep_ == "poss" for c in tok.children) and not (
            is_speaker(t, tok) and tok.head.lemma_.lower() in t.inference_verbs)
        if not person_noun and not document and lemma not in t.speaker_orgs:
            continue
        mods = [c for c in tok.lefts if c.dep_ in SPEAKER_MODIFIERS]
        if (any(c.lower_ in PRONOUN_POSSESSIVES for c in mods) and (not person_noun or lemma in t.voice_nouns)) \
                or any(c.dep_ == "compound" and c.lower_ in t.titles for c in mods):
            continue  # "his office", "her lawyer": someone's voice ("his wife" is her own); "press secretary": a title
        naming = [c for c in mods if c.dep_ in ("compound", "poss", "nmod") and c.pos_ != "ADJ"
                  and c.ent_type_ not in ("GPE", "LOC")]
        if not person_noun and not document and not naming:  # "the Helsinki-based company", "the Espoo company"
            continue
        first = min((c.left_edge for c in mods), key=lambda x: x.i, default=tok)
        if first.dep_ == "det" and first.lower_ in ("the", "a", "an"):
            first = first.doc[first.i + 1]
        start, end = first.idx, tok.idx + len(tok)
        prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "at", "in")), None)
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None and obj.i - tok.i <= 5:  # "a version of the tale (passed on for centuries)": the object's core
            end = obj.idx + len(obj)
        name = ctx.text[start:end].rstrip(", ")
        end = start + len(name)
        if ctx.is_place(tok.idx, tok.idx + len(tok)) or is_not_actor(t, ctx, start, end):
            continue
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in mods)
        key = f"w:{start}" if indefinite else "w:" + name.lower()
        yield Mention(start, end, "person" if person_noun else "org", key, name, 9, indefinite=indefinite)


def repeated_org_names(ctx: Context, orgs: list[Mention]) -> Iterable[Mention]:
    """An organisation spaCy tagged once is the same organisation wherever its exact name recurs ('Netflix
    lost ... While Netflix believes ...'), also where the tagger missed it or called it a place."""
    seen = {m.name: m for m in orgs if m.kind == "org" and m.key.startswith("x:") and m.name[:1].isupper()}
    for name, m in seen.items():
        for hit in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", ctx.text):
            if hit.start() != m.start:
                yield Mention(hit.start(), hit.end(), "org", m.key, name, 8, side=m.side)


def outlet_speakers(t: Tables, ctx: Context) -> Iterable[Mention]:
    """A news outlet that itself reports ('Le Monde reported', 'the Economist noted', 'according to
    Reuters') is the source of what it says: an organisation. An outlet someone speaks to ('told
    Reuters') stays a channel, and platforms and photo credits ('on Telegram', 'Getty Images') are never sources."""
    if t.outlet_re is None:
        return
    for m in t.outlet_re.finditer(ctx.text):
        tok = head_token(ctx, m.start(), m.end())
        if tok is not None and (is_speaker(t, tok) or is_according_to(tok)):
            name = m.group(0)
            yield Mention(m.start(), m.end(), "org", "x:" + strip_the_word(name).lower(), strip_the_word(name), 3)


def strip_the_word(name: str) -> str:
    return re.sub(r"^(?i:the)\s+", "", name)


ORG_WORDS = frozenset({
    "Ministry", "Office", "Agency", "Council", "Committee", "Service", "Forces", "Army", "Command", "Group",
    "Department", "Staff", "Guard", "Police", "Court", "Commission", "Union", "Institute", "Center", "Centre",
    "Corp", "Company", "University", "News", "Media", "Times", "Post", "Press", "Administration", "Government",
    "House", "Bank", "Fund", "Watch", "Organization", "Organisation", "Association", "Network", "Channel", "Party"})


def looks_like_person(t: Tables, parts: list[Token]) -> bool:
    """Two or more capitalised words, none an organisation word, a title or part of an ORG/place entity,
    and no capitalised word before them in the same phrase ('Human Rights Watch')."""
    before = parts[0].i - 1
    if before >= 0 and parts[0].doc[before].text[:1].isupper() and parts[0].doc[before].head.i >= parts[0].i:
        return False
    return not any(p.ent_type_ in ("ORG", "GPE", "FAC", "NORP") or p.text in ORG_WORDS or p.text.lower() in t.titles
                   for p in parts) and parts[0].ent_type_ != "LOC"


def collective_speakers(t: Tables, ctx: Context) -> Iterable[Mention]:
    """A plural noun phrase that is the subject of a reporting verb (or the object of 'according to') is a group
    that speaks ("Aid organisations say", "The European nations hosting refugees say", "according to aid
    workers"): the head with its modifiers and a short
    'for'/'of' phrase; not figures, images, reports and other things that report without being actors."""
    doc = ctx.doc
    for tok in (doc[i] for i in tokens_with(doc, "TAG", ("NNS", "NNPS"))):
        if not (is_speaker(t, tok) or is_according_to(tok)):
            continue
        if tok.lower_ in t.junk.not_speakers:
            continue  # a known group head with a side ("Russian troops") is found by the group patterns first
        parts = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")] + [tok]
        start, end = parts[0].idx, tok.idx + len(tok)
        prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("for", "of")), None)
        if prep is not None and len(list(prep.subtree)) <= 4:
            end = max(x.idx + len(x) for x in prep.subtree)
        if ctx.is_place(tok.idx, tok.idx + len(tok)) or is_not_actor(t, ctx, start, end):
            continue  # "European" read as Europe does not make "The European nations" a place
        name = ctx.text[start:end]
        side = next((t.adjectives[w] for w in name.split() if w in t.adjectives), None)
        yield Mention(start, end, "group", "c:" + name.lower(), name, 8, side=side)


def surname_mentions(ctx: Context, mentions: list[Mention]) -> Iterable[Mention]:
    """Later bare surnames of persons named in full that spaCy did not tag ('Shevchuck fears ...')."""
    full: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == "person" and m.key.startswith("p:") and len(m.name.split()) >= 2:
            full.setdefault(m.name.split()[-1], m)
    if not full:
        return
    taken = [(m.start, m.end) for m in mentions if m.kind == "person"]
    for hit in re.finditer(rf"(?<![\w-]){alternation(full)}(?![\w-])", ctx.text):  # one pass for all surnames
        s, e = hit.span()
        first = full[hit.group(0)]
        if s <= first.start or any(a < e and s < b for a, b in taken):
            continue
        tok = ctx.token(s)
        if ctx.is_place(s, e) and (tok is None or tok.dep_ not in SUBJECT_DEPS):
            continue
        yield Mention(s, e, "person", first.key, hit.group(0), 0)


def kind_of(kind: str) -> ActorKind:
    return "group" if kind == "group" else "org"


def group_mentions(t: Tables, ctx: Context) -> Iterable[Mention]:
    for m in t.group_re.finditer(ctx.text):
        side = side_of(t, m)
        head = t.group_heads[m.group("head").lower()]
        if side is None:
            continue
        yield Mention(m.start(), m.end(), "group", f"g:{side}:{head}", m.group(0), 4, side=side)
    for m in t.bare_re.finditer(ctx.text):
        tok = last_token(ctx, m.start(), m.end())
        if tok is not None and (tok.dep_ in SUBJECT_DEPS or is_according_to(tok)):
            head = t.group_heads.get(m.group("head").lower(), m.group("head").lower())
            yield Mention(m.start(), m.end(), "group", f"g:None:{head}", m.group(0), 6)
    for m in t.demonym_re.finditer(ctx.text):
        tok = ctx.token(m.start())
        if tok is not None and tok.dep_ not in ("amod", "compound") and tok.pos_ in ("NOUN", "PROPN"):
            side = t.demonyms[m.group("head")]
            yield Mention(m.start(), m.end(), "group", f"d:{side}", m.group(0), 5, side=side)


def state_mentions(t: Tables, ctx: Context) -> Iterable[Mention]:
    for m in t.state_re.finditer(ctx.text):
        tok = last_token(ctx, m.start(), m.end())
        if tok is None or not (tok.dep_ in SUBJECT_DEPS or is_according_to(tok) or is_agent(tok)):
            continue
        head = m.group("head")
        side = t.countries.get(head) or t.capitals.get(head)
        if side:
            name = t.preferred_country.get(side, head) if head in t.capitals else head
            yield Mention(m.start(), m.end(), "state", "s:" + side, name, 5, side=side)


def last_token(ctx: Context, start: int, end: int) -> Token | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def head_token(ctx: Context, start: int, end: int) -> Token | None:
    """The syntactic head of a mention: 'Secretary' in 'the Secretary of State', 'governor' in 'the governor
    of the region' (the last token is the 'of' phrase's noun)."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def is_according_to(tok: Token) -> bool:
    head = tok.head
    return head.lower_ == "to" and head.head.lower_ == "according"


def is_agent(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


# A role followed by the name it describes: "the minister, Robert Habeck", "the UN envoy for Sudan, Ramtane Lamamra".
ROLE_THEN_NAME_RE = re.compile(
    r"(?:\s+(?:for|of|to|in)\s+(?:the\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?)?,\s+((?:[A-Z][\w'’.-]+\s+){1,2}[A-Z][\w'’.-]+)")


def is_apposition_of_person(ctx: Context, start: int) -> bool:
    """Whether `start` follows "Name, " where Name is a spaCy person."""
    m = re.search(r"([A-Z][\w'’.-]+),\s+$", ctx.text[max(0, start - 40):start])
    if m is None:
        return False
    offset = max(0, start - 40)
    return in_entity(ctx, offset + m.start(1), offset + m.end(1), ("PERSON",))


def role_mentions(t: Tables, ctx: Context) -> Iterable[Mention]:
    """'the president' (linked to the last president) and unnamed officials: 'a Kremlin spokesman',
    'the governor of the Belgorod region', 'a senior Ukrainian official'. A role followed by a name
    in apposition ('the minister, Robert Habeck') is the person's description, not a mention."""
    for m in t.role_re.finditer(ctx.text):
        named = ROLE_THEN_NAME_RE.match(ctx.text[m.end():m.end() + 80])
        if named and (in_entity(ctx, m.end() + named.start(1), m.end() + named.start(1) + 2, ("PERSON",))
                      or is_titled_person_name(t, named.group(1))):
            continue
        art = (m.group("art") or "").lower()  # none before a possessive country: "Ukraine's foreign minister"
        if art in ("a", "an") and is_apposition_of_person(ctx, m.start()):
            continue  # "Charles Michel, a former Belgian prime minister,": his description
        head = last_token(ctx, m.start("title"), m.end("title"))
        if head is not None and head.dep_ in ("compound", "amod"):  # "the general staff"
            continue
        title = t.titles.get(m.group("title").lower(), m.group("title"))
        side = side_of(t, m) or (t.named[m.group("org")][0] if m.group("org") else None)
        if side is None and m.group("place"):
            side = place_side(t, ctx, m.start("place"), m.end("place"))
        if side is None and m.group("of"):
            side = place_side(t, ctx, m.start("of"), m.end("of"))
        s = m.end("art") + 1 if art else m.start()
        while ctx.text[s].isspace():
            s += 1
        qualified = bool(m.group("nat") or m.group("poss") or m.group("org") or m.group("place") or m.group("of")
                         or m.group("region"))
        name = ctx.text[s:m.end()]
        yield Mention(s, m.end(), "person", "u:" + name.lower(), name, 1 if qualified else 7, role=title,
                      side=side, link="role", indefinite=art not in ("the", ""))
