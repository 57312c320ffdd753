"""ACTORS stage: persons, organisations, states and groups, one actor per entity.

Approach (one pass of compiled patterns over the text, plus spaCy entities):
  1. Candidate mentions, each with a coreference key, a kind and, when the text says so, a
     role and a side (ISO 3166 alpha-3):
     - persons: spaCy PERSON entities and names from a table of well-known people
       (data/actors/people.json); the words before the name give role and side
       ("Ukrainian army commander-in-chief Valeriy Zaluzhny" -> role "commander-in-chief",
       side UKR), as does an apposition after it (", Ukraine's foreign minister");
     - organisations: organisation heads after a nationality adjective or "Country's"
       ("the Russian Defense Ministry" -> org RUS) and named organisations (Kremlin, NATO...);
     - groups: nationality + group noun ("Russian troops" -> group RUS), plural demonyms
       ("the Russians"), and bare collective claimants ("experts think") when they are subjects;
     - states: country names and capitals used as agents ("Russia is demanding" -> state RUS).
     Media outlets and platforms ("the Financial Times", "Telegram") are channels, never actors.
  2. Overlaps are resolved by priority (persons > named orgs > org heads > groups > states).
  3. Coreference: persons by canonical name or surname ("Zelensky", "President Zelensky" and
     "Volodimir Zelensky" are one actor), role-only mentions ("the president") to the last
     person with that role, bare heads ("the army") to the last organisation with that head.
  4. One Actor per key, named by its fullest form, ids a1.. in order of first mention.

Example: "Russian Foreign Minister Sergei Lavrov opened the door." ->
  Actor(name="Sergei Lavrov", kind="person", role="Foreign Minister", side="RUS").

Known failure modes: spaCy PERSON entities that are really places are dropped only when the
places stage found them (or "river" precedes them); pronouns are not resolved here (the
claims stage does it for subjects); organisation names outside the tables are kept only as
spaCy ORG entities, with a side only when a nationality adjective is inside them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from unidecode import unidecode

from sitrep.model import Actor, ActorKind, Record, Span
from sitrep.pipeline import Stage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

VERSION = "1.0"

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_B = r"(?<![\w-])"  # word boundary that also treats hyphenated words as one
_E = r"(?![\w-])"


# ---------------------------------------------------------------- tables
def load_json(folder: str, name: str) -> Any:
    """A data table shipped in sitrep/data/<folder>/<name>."""
    return json.loads(resources.files("sitrep").joinpath("data", folder, name).read_text(encoding="utf-8"))


def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of `words`, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def country_names() -> dict[str, str]:
    """Country names (pycountry names, common names and the table's aliases) -> alpha-3."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names[value] = c.alpha_3
    names.update(load_json("actors", "sides.json")["countries"])
    return names


@dataclass(frozen=True)
class Tables:
    """The cue tables and the patterns compiled from them (built once by the factory)."""

    adjectives: dict[str, str]
    demonyms: dict[str, str]
    countries: dict[str, str]
    capitals: dict[str, str | None]
    heads: dict[str, str]  # lower-cased surface -> coreference key
    named: dict[str, tuple[str | None, str]]
    group_heads: dict[str, str]
    bare_groups: frozenset[str]
    media: frozenset[str]
    titles: dict[str, str]  # lower-cased -> as listed
    people: dict[str, dict[str, Any]]  # alias or name -> person entry
    preferred_country: dict[str, str]
    prefix_re: re.Pattern[str]
    suffix_re: re.Pattern[str]
    org_re: re.Pattern[str]
    named_re: re.Pattern[str]
    group_re: re.Pattern[str]
    bare_re: re.Pattern[str]
    demonym_re: re.Pattern[str]
    state_re: re.Pattern[str]
    known_re: re.Pattern[str]
    role_re: re.Pattern[str]
    title_after_re: re.Pattern[str]
    title_name_re: re.Pattern[str]


def load_tables() -> Tables:
    sides = load_json("actors", "sides.json")
    orgs = load_json("actors", "organisations.json")
    titles = load_json("actors", "titles.json")["titles"]
    people = load_json("actors", "people.json")["people"]
    countries = country_names()
    by_alias = {a: p for p in people for a in [p["name"], *p["aliases"]]}
    preferred: dict[str, str] = {}
    for name, code in sides["countries"].items():
        preferred.setdefault(code, name)
    nat = alternation(sides["adjectives"])
    ctry = alternation(countries)
    title = "(?i:" + alternation(titles) + ")"
    heads = "(?i:" + alternation(orgs["heads"]) + ")"
    named = alternation(orgs["named"])
    side_pre = rf"(?:(?P<poss>{ctry})['’]s\s+|(?P<nat>{nat})\s+)?"
    return Tables(
        adjectives=sides["adjectives"], demonyms=sides["demonyms"], countries=countries,
        capitals=sides["capitals"], heads={k.lower(): v for k, v in orgs["heads"].items()},
        named={k: (v[0], v[1]) for k, v in orgs["named"].items()},
        group_heads={k.lower(): v for k, v in orgs["group_heads"].items()},
        bare_groups=frozenset(orgs["bare_groups"]), media=frozenset(orgs["media"]),
        titles={t.lower(): t for t in titles}, people=by_alias, preferred_country=preferred,
        prefix_re=re.compile(rf"{_B}{side_pre}(?:(?P<org>{heads}|{named})\s+)?(?P<title>{title})\s+$"),
        suffix_re=re.compile(
            rf"^,\s+(?:(?i:the|a|an)\s+)?{side_pre}(?:(?P<org>{heads}|{named})\s+)?(?P<title>{title}){_E}"
            rf"(?:\s+of\s+(?:the\s+)?(?:(?P<ofnat>{nat})\s+)?(?P<of>{ctry}|{heads}|{named}){_E})?"),
        org_re=re.compile(rf"{_B}{side_pre}(?P<head>{heads})(?:\s+of\s+(?:the\s+)?(?P<of>{ctry}))?{_E}"
                          rf"(?!\s+{title}{_E})"),
        named_re=re.compile(rf"{_B}(?:(?P<nat>{nat})\s+)?(?P<head>{named}){_E}(?!\s+{title}{_E})"),
        group_re=re.compile(rf"{_B}{side_pre}(?P<head>(?i:{alternation(orgs['group_heads'])})){_E}"),
        bare_re=re.compile(rf"{_B}(?P<head>(?i:{alternation(orgs['bare_groups'])})){_E}"),
        demonym_re=re.compile(rf"{_B}(?P<head>{alternation(sides['demonyms'])}){_E}"),
        state_re=re.compile(rf"{_B}(?P<head>{ctry}|{alternation(sides['capitals'])}){_E}"),
        known_re=re.compile(rf"{_B}(?P<head>{alternation(by_alias)}){_E}"),
        role_re=re.compile(rf"{_B}(?i:the)\s+(?:(?P<nat>{nat})\s+)?(?P<title>{title}){_E}(?!\s+[A-Z])"),
        title_after_re=re.compile(rf"\s+{title}{_E}"),
        title_name_re=re.compile(rf"{_B}(?P<title>{title})\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"),
    )


# ---------------------------------------------------------------- mentions
@dataclass
class Mention:
    start: int
    end: int
    kind: ActorKind
    key: str
    name: str
    priority: int
    role: str | None = None
    side: str | None = None
    link: str | None = None  # "role" / "head": resolved against earlier mentions


@dataclass
class Context:
    """What the mention finders look at: the text, the parse and spans to stay out of."""

    text: str
    doc: Doc
    places: list[tuple[int, int]]

    def token(self, start: int) -> Token | None:
        """The token that starts exactly at `start`, if any."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) and span[0].idx == start else None

    def is_place(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.places)


def surname_key(name: str) -> str:
    return unidecode(name.split()[-1]).lower().strip(".")


def strip_possessive(text: str, start: int, end: int) -> int:
    """End offset without a trailing 's / ’s."""
    return end - 2 if text[start:end].endswith(("'s", "’s")) else end


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
    """Role and side from the title before the name or an apposition after it."""
    line_start = ctx.text.rfind("\n", 0, start) + 1
    before = ctx.text[max(line_start, start - 90):start]
    m = t.prefix_re.search(before)
    if m is None:
        m = t.suffix_re.match(ctx.text[end:end + 120])
    if m is None:
        return None, None
    side = side_of(t, m)
    org = m.groupdict().get("org")
    if side is None and org in t.named:
        side = t.named[org][0]
    return t.titles.get(m.group("title").lower(), m.group("title")), side


def person_mentions(t: Tables, ctx: Context) -> list[Mention]:
    out: list[Mention] = []
    ents = [e for e in ctx.doc.ents if e.label_ == "PERSON"]
    taken: list[tuple[int, int]] = []
    for ent in ents:
        start, end = ent.start_char, strip_possessive(ctx.text, ent.start_char, ent.end_char)
        name = ctx.text[start:end]
        if not is_person_name(t, ctx, name, start, end):
            continue
        known = t.known_re.search(name)
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


def titled_names(t: Tables, ctx: Context, taken: list[tuple[int, int]]) -> Iterable[Mention]:
    """Capitalised names right after a title that spaCy did not tag ("President Zelenskyy")."""
    for m in t.title_name_re.finditer(ctx.text):
        s, e = m.span("name")
        e = strip_possessive(ctx.text, s, e)
        tok = ctx.token(s)
        if tok is None or tok.pos_ != "PROPN" or any(a < e and s < b for a, b in taken):
            continue
        if in_entity(ctx, s, e, ("GPE", "LOC", "ORG", "NORP", "FAC")) or ctx.is_place(s, e):
            continue
        name = ctx.text[s:e]
        if name in t.media or name in t.countries or name in t.adjectives:
            continue
        yield person(t, ctx, s, e, "p:" + surname_key(name))


def in_entity(ctx: Context, start: int, end: int, labels: Sequence[str]) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(tok.ent_type_ in labels for tok in span)


def is_person_name(t: Tables, ctx: Context, name: str, start: int, end: int) -> bool:
    if not name or not name[0].isupper() or ctx.is_place(start, end):
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
        yield Mention(m.start(), m.end(), "org", f"o:{side}:{head}", m.group(0), 2, side=side,
                      link="head" if bare else None)
    for e in ctx.doc.ents:
        if e.label_ == "ORG":
            yield from org_entity(t, ctx, e.start_char, e.end_char)


def org_entity(t: Tables, ctx: Context, start: int, end: int) -> Iterable[Mention]:
    """A spaCy ORG entity that no table matched; not a medium, a place, a demonym or a person's title."""
    start += 4 if ctx.text.startswith(("the ", "The "), start) else 0
    end = strip_possessive(ctx.text, start, end)
    name = ctx.text[start:end]
    if "\n" in name or name in t.media or name in t.countries or name in t.demonyms or name in t.adjectives:
        return
    if ctx.is_place(start, end) or t.title_after_re.match(ctx.text, end):
        return
    nat = next((t.adjectives[w] for w in name.split() if w in t.adjectives), None)
    yield Mention(start, end, "org", "x:" + name.lower(), name, 3, side=nat)


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


def is_according_to(tok: Token) -> bool:
    head = tok.head
    return head.lower_ == "to" and head.head.lower_ == "according"


def is_agent(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def role_mentions(t: Tables, ctx: Context) -> Iterable[Mention]:
    for m in t.role_re.finditer(ctx.text):
        s = m.start("nat") if m.group("nat") else m.start("title")
        title = t.titles.get(m.group("title").lower(), m.group("title"))
        yield Mention(s, m.end(), "person", "", ctx.text[s:m.end()], 7, role=title,
                      side=side_of(t, m), link="role")


# ---------------------------------------------------------------- resolution
def select(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, higher priority (lower number) and longer first; text order."""
    chosen: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.priority, m.start - m.end, m.start)):
        if all(m.end <= c.start or c.end <= m.start for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def resolve_links(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """Role-only mentions to the last person with that role, bare heads to the last same-head org."""
    out: list[Mention] = []
    for m in mentions:
        if m.link == "role":
            target = last_with_role(out, m)
            if target is None:
                continue
            m.key = target.key
        elif m.link == "head":
            head = m.key.split(":", 2)[2]
            target = next((o for o in reversed(out) if o.kind == "org" and o.key.endswith(":" + head)
                           and o.side is not None), None)
            if target is not None:
                m.key, m.side = target.key, target.side
            elif not is_subject_at(ctx, m):
                continue
        out.append(m)
    return out


def last_with_role(seen: list[Mention], m: Mention) -> Mention | None:
    want = (m.role or "").lower()
    for p in reversed(seen):
        if p.kind == "person" and p.role and p.role.lower().endswith(want) and m.side in (None, p.side):
            return p
    return None


def is_subject_at(ctx: Context, m: Mention) -> bool:
    tok = last_token(ctx, m.start, m.end)
    return tok is not None and (tok.dep_ in SUBJECT_DEPS or is_according_to(tok))


def build_actors(t: Tables, mentions: list[Mention]) -> tuple[Actor, ...]:
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    actors = []
    for i, (key, ms) in enumerate(sorted(groups.items(), key=lambda kv: kv[1][0].start), start=1):
        actors.append(make_actor(t, f"a{i}", key, ms))
    return tuple(actors)


def make_actor(t: Tables, actor_id: str, key: str, ms: list[Mention]) -> Actor:
    entry = t.people.get(key[2:]) if key.startswith("k:") else None
    named = [m for m in ms if m.link != "role"] or ms
    if ms[0].kind == "person":
        name = max(named, key=lambda m: (len(m.name.split()), len(m.name))).name
        if entry and (name not in t.people or len(entry["name"].split()) > len(name.split())):
            name = entry["name"]  # the text's longest form is not a known spelling: "Vladimir Putin Credit"
    elif ms[0].kind == "org":
        name = max(named, key=lambda m: len(m.name)).name
    else:
        name = named[0].name
    role = next((m.role for m in ms if m.role), None) or (entry or {}).get("role")
    side = next((m.side for m in ms if m.side), None) or (entry or {}).get("side")
    mentions = tuple(Span(start=m.start, end=m.end) for m in ms)
    return Actor(id=actor_id, name=strip_article(name), kind=ms[0].kind, role=role, side=side, mentions=mentions)


def strip_article(name: str) -> str:
    return re.sub(r"^(?i:the)\s+", "", name)


def find_actors(t: Tables, record: Record, doc: Doc) -> tuple[Actor, ...]:
    """The numbered steps of the module docstring."""
    places = [(m.start, m.end) for p in record.places for m in p.mentions]
    ctx = Context(record.text, doc, places)
    candidates = [*person_mentions(t, ctx), *org_mentions(t, ctx), *group_mentions(t, ctx),
                  *state_mentions(t, ctx), *role_mentions(t, ctx)]
    mentions = resolve_links(select(drop_surnames_as_orgs(candidates)), ctx)
    return build_actors(t, mentions)


def drop_surnames_as_orgs(candidates: list[Mention]) -> list[Mention]:
    """spaCy sometimes tags a person's surname as ORG ("Andersson's"): drop those."""
    surnames = {m.key[2:] for m in candidates if m.key.startswith("p:")}
    surnames |= {surname_key(m.key[2:]) for m in candidates if m.key.startswith("k:")}
    return [m for m in candidates if not (m.key.startswith("x:") and surname_key(m.name) in surnames
                                          and len(m.name.split()) == 1)]


def make_actors_stage() -> Stage:
    """Load the cue tables once; the stage adds `actors` to a record."""
    tables = load_tables()

    def run(record: Record, parse: Doc) -> Record:
        return record.model_copy(update={"actors": find_actors(tables, record, parse)})

    return Stage(name="actors", version=VERSION, requires=frozenset({"text", "parse"}),
                 provides=frozenset({"actors"}), fn=run)
