"""ACTORS stage: persons, organisations, states and groups, one actor per entity.

Approach (one pass of compiled patterns over the text, plus spaCy entities):
  1. Candidate mentions, each with a coreference key, a kind and, when the text says so, a
     role and a side (ISO 3166 alpha-3):
     - persons: spaCy PERSON entities and names from a table of well-known people
       (data/actors/people.json); the words before the name give role and side
       ("Ukrainian army commander-in-chief Valeriy Zaluzhny" -> role "commander-in-chief",
       side UKR), as does an apposition after it (", Ukraine's foreign minister"); a name runs on
       over lower-case particles ("Ursula von" + "der Leyen");
     - organisations: organisation heads after a nationality adjective or "Country's"
       ("the Russian Defense Ministry" -> org RUS) and named organisations (Kremlin, NATO...);
     - groups: nationality + group noun ("Russian troops" -> group RUS), plural demonyms
       ("the Russians"), and bare collective claimants ("experts think") when they are subjects;
     - states: country names and capitals used as agents ("Russia is demanding" -> state RUS);
     - speakers no entity caught: a two-word proper name that is the subject (or its apposition)
       of a reporting verb is a person ("the engineer, Valerii Semenov, told"), the proper-noun
       object of "according to" an organisation; later bare surnames of persons join them;
     - unnamed officials: "a Kremlin spokesman", "the governor of the Belgorod region", "a UK government
       spokesperson", "a European official" (side from the organisation, nationality, country or place),
       kept when no named person with that role precedes; an indefinite one ("a spokesman", "another
       official") is a new person, never an earlier one, and one in apposition to a name describes it;
     - collective speakers: a plural noun phrase that is the subject of a reporting verb ("Aid
       organisations say") is a group, unless it is a thing that reports ("figures show");
     Sides also come from a wider description ("a top Russian commander in Ukraine, Gen. X"), a
     place before the title ("Warsaw Mayor X", side of the place's country), "X, like other
     Ukrainians", the place a person fled from, and an organisation's apposition ("Baza, a channel
     with links to Russian security services"). Possessives without apostrophe ("Russias
     defense ministry") count as possessives, and "Russias"/"UNHCRs Mantoo" are not actors.
     Media outlets and platforms ("the Financial Times", "Telegram") are channels, never actors; clock
     zones ("GMT"), feasts ("Orthodox Easter"), weapons ("HIMARS", "S-300"), hashtags, handles and names
     inside photo credits are never actors (data/actors/not_actors.json); a one-word name that the text
     treats as a place ("recaptured Lyman", "Lyman, a strategic city", "Vovchansk, Lyman and Chuhuiv")
     is no person. A name after a title is a person even when spaCy calls it an organisation
     ("commander-in-chief Oleksandr Pavliuk"); a person with no side takes the side of the organisation
     named right after the role ("a spokesman for Russia's Central Military District").
  2. Overlaps are resolved by priority (persons > named orgs > org heads > groups > states).
  3. Coreference: persons by canonical name or a spelling-blind surname key ("Zelensky", "President
     Zelenskyy" and "Volodimir Zelensky" are one actor; Minnekaev = Minnekayev), role-only mentions ("the president") to the last
     person with that role (or the one well-known person who fits: "the Russian president"),
     bare heads ("the army") to the last organisation with that head, a bare generic head as a
     subject ("the agency said") to the last organisation named.
  4. One Actor per key, named by its fullest form, ids a1.. in order of first mention.

Example: "Russian Foreign Minister Sergei Lavrov opened the door." ->
  Actor(name="Sergei Lavrov", kind="person", role="Foreign Minister", side="RUS").

Known failure modes: a person's side is not inferred from the article's setting (dateline) or
from a description without a nationality ("the minister, Robert Habeck" after "In Germany, ...");
spaCy PERSON entities that are really places are dropped only when the
places stage found them (or "river" precedes them); pronouns are not resolved here (the
claims stage does it for subjects); organisation names outside the tables are kept only as
spaCy ORG entities, with a side only when a nationality adjective is inside them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from unidecode import unidecode

from sitrep.config import Settings
from sitrep.datafiles import load_json
from sitrep.model import Actor, ActorKind, Record, Span
from sitrep.pipeline import Stage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

VERSION = "1.4"

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
GENERIC_HEADS = frozenset({"agency", "ministry"})  # bare "the agency" = the last organisation named
_B = r"(?<![\w-])"  # word boundary that also treats hyphenated words as one
_E = r"(?![\w-])"


# ---------------------------------------------------------------- tables
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
    broad_prefix_re: re.Pattern[str]
    place_prefix_re: re.Pattern[str]
    fled_re: re.Pattern[str]
    like_re: re.Pattern[str]
    appos_nat_re: re.Pattern[str]
    reporting: frozenset[str]
    alpha3: dict[str, str]  # ISO alpha-2 -> alpha-3 (places carry alpha-2)
    junk: NotActors


@dataclass(frozen=True)
class NotActors:
    """Names that are never actors (data/actors/not_actors.json): clock zones, feasts, weapons, credits."""

    zones: frozenset[str]
    holiday_re: re.Pattern[str]
    weapon_words: frozenset[str]
    weapons: frozenset[str]
    designation_re: re.Pattern[str]
    credit_re: re.Pattern[str]
    credit_tail: frozenset[str]
    not_speakers: frozenset[str]


def load_not_actors() -> NotActors:
    d = load_json("actors", "not_actors.json")
    return NotActors(
        zones=frozenset(d["time_zones"]), holiday_re=re.compile("|".join(f"(?:{h})" for h in d["holidays"])),
        weapon_words=frozenset(d["weapon_words"]), weapons=frozenset(d["weapons"]),
        designation_re=re.compile(d["designation_re"]), credit_re=re.compile(d["credit_re"]),
        credit_tail=frozenset(d["credit_tail"]), not_speakers=frozenset(d["not_speaker_nouns"]),
    )


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
    side_pre = rf"(?:(?P<poss>{ctry})(?:['’]s|s)\s+|(?P<nat>{nat})\s+)?"  # "Russias": texts without apostrophes
    caps = alternation(sides["capitals"])
    return Tables(
        adjectives=sides["adjectives"], demonyms=sides["demonyms"], countries=countries,
        capitals=sides["capitals"], heads={k.lower(): v for k, v in orgs["heads"].items()},
        named={k: (v[0], v[1]) for k, v in orgs["named"].items()},
        group_heads={k.lower(): v for k, v in orgs["group_heads"].items()},
        bare_groups=frozenset(orgs["bare_groups"]), media=frozenset(orgs["media"]),
        titles={t.lower(): t for t in titles}, people=by_alias, preferred_country=preferred,
        prefix_re=re.compile(rf"{_B}{side_pre}(?:(?P<org>{heads}|{named})\s+)?(?P<title>{title})\s+$"),
        suffix_re=re.compile(
            rf"^,\s+(?:who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as|became|remains)\s+)?"
            rf"(?:(?i:the|a|an)\s+)?(?:(?i:current|acting)\s+)?{side_pre}(?:(?P<org>{heads}|{named})\s+)?"
            rf"(?P<title>{title}){_E}"
            rf"(?:\s+of\s+(?:the\s+)?(?:(?P<ofnat>{nat})\s+)?(?P<of>{ctry}|{heads}|{named}){_E})?"),
        org_re=re.compile(rf"{_B}{side_pre}(?P<head>{heads})(?:\s+of\s+(?:the\s+)?(?P<of>{ctry}))?{_E}"
                          rf"(?!\s+{title}{_E})"),
        named_re=re.compile(rf"{_B}(?:(?P<nat>{nat})\s+)?(?P<head>{named}){_E}(?!\s+{title}{_E})"),
        group_re=re.compile(rf"{_B}{side_pre}(?P<head>(?i:{alternation(orgs['group_heads'])})){_E}"),
        bare_re=re.compile(rf"{_B}(?P<head>(?i:{alternation(orgs['bare_groups'])})){_E}"),
        demonym_re=re.compile(rf"{_B}(?P<head>{alternation(sides['demonyms'])}){_E}"),
        state_re=re.compile(rf"{_B}(?P<head>{ctry}|{alternation(sides['capitals'])}){_E}"),
        known_re=re.compile(rf"{_B}(?P<head>{alternation(by_alias)}){_E}"),
        role_re=re.compile(
            rf"{_B}(?P<art>(?i:the|a|an|one|another))\s+(?:(?i:senior|top|local|regional|deputy|former|unnamed|acting)\s+)*"
            rf"(?:(?P<nat>{nat})\s+|(?P<poss>{ctry})\s+|(?P<org>{named})\s+|(?P<region>{REGION_ADJECTIVES})\s+|(?P<place>{caps}|[A-Z][\w-]+(?=['’]?s\s))(?:['’]?s)?\s+)?"
            rf"(?:{heads}\s+)?(?P<title>{title})"
            rf"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:\s+(?i:region|oblast|province|city))?"
            rf"(?=\s*[,.;:!?)]|\s+(?:said|says|told|has|had|have|was|is|were|who|which|in|on|at|and)\b))?"
            rf"{_E}(?!\s+[A-Z])"),
        title_after_re=re.compile(rf"\s+{title}{_E}"),
        title_name_re=re.compile(rf"{_B}(?P<title>{title})\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"),
        broad_prefix_re=re.compile(
            rf"{_B}{side_pre}(?:[a-z][\w-]*\s+){{0,3}}(?P<title>{title})(?:\s+(?:in|of|for|to)\s+(?:the\s+)?[A-Z][\w.-]+)?"
            rf"\s*,?\s*(?:{title}\s+)?$"),
        place_prefix_re=re.compile(
            rf"{_B}(?P<place>[A-Z][\w-]+?)(?:['’]?s)?\s+(?:(?i:regional|city|local|deputy)\s+)?"
            rf"(?P<title>{title}),?\s+$"),
        fled_re=re.compile(r"(?i)\b(?:fled|flee(?:ing)?|escaped?|escaping|evacuated)\b(?:\s+[\w-]+){0,5}?\s+from\b"),
        like_re=re.compile(rf",\s+like\s+(?:other|many|most|fellow|all)\s+(?:\w+\s+)?(?P<dem>{alternation(sides['demonyms'])}){_E}"),
        appos_nat_re=re.compile(rf"^,\s+(?i:a|an|the)\s+[^,.;]{{0,80}}?(?P<nat>{nat}|{ctry}){_E}"),
        reporting=frozenset(load_json("claims", "cues.json")["reporting_verbs"]),
        alpha3=alpha3_codes(), junk=load_not_actors(),
    )


def alpha3_codes() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


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
    indefinite: bool = False  # "a spokesman": a new referent, never an earlier person


@dataclass
class Context:
    """What the mention finders look at: the text, the parse and spans to stay out of."""

    text: str
    doc: Doc
    places: list[tuple[int, int]]
    countries: list[tuple[int, int, str]] = field(default_factory=list)  # place mentions with alpha-3
    _words: frozenset[str] | None = None

    def words(self) -> frozenset[str]:
        """The token texts of the document (built on first use)."""
        if self._words is None:
            self._words = frozenset(tok.text for tok in self.doc)
        return self._words

    def country_at(self, start: int, end: int) -> str | None:
        """Country (alpha-3) of a place mention overlapping start..end (`countries` is sorted)."""
        i = bisect.bisect_left(self.countries, (end, -1, ""))
        return next((c for s, e, c in self.countries[max(0, i - 3):i] if s < end and start < e), None)

    def country_after(self, pos: int, limit: int) -> str | None:
        """Country of the first place mention starting in pos..limit."""
        i = bisect.bisect_left(self.countries, (pos, -1, ""))
        return next((c for s, _, c in self.countries[i:i + 1] if s < limit), None)

    def token(self, start: int) -> Token | None:
        """The token that starts exactly at `start`, if any."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) and span[0].idx == start else None

    def is_place(self, start: int, end: int) -> bool:
        """Whether a place mention overlaps start..end (`places` is sorted by start)."""
        i = bisect.bisect_left(self.places, (end, -1))
        return any(s < end and start < e for s, e in self.places[max(0, i - 3):i])


# Regional adjectives that qualify an unnamed official without naming a side ("a European official").
REGION_ADJECTIVES = "(?:European|Western|Arab|African|Asian|Nordic|Baltic|Gulf|Latin American|Middle Eastern)"

# Lower-case name particles inside a person's name ("Ursula von der Leyen", "Ahmad bin Ali").
PARTICLES = ("von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das", "la",
             "le", "al", "bin", "ibn", "ter", "zu")
PARTICLE_TAIL_RE = re.compile(r"(?:\s+(?:" + "|".join(PARTICLES) + r"))+\s+[A-Z][\w'’-]*[a-z]")
PARTICLE_END_RE = re.compile(r"(?:\s+(?:" + "|".join(PARTICLES) + r"))+$")


def surname_key(name: str) -> str:
    return translit_key(name.split()[-1])


def translit_key(word: str) -> str:
    """A spelling-blind key for a transliterated name: Minnekaev = Minnekayev, Zelensky = Zelenskyy = Zelenskiy,
    Podolyak = Podoliak, Shoigu = Shoygu. y/j -> i, kh -> h, w -> v, ck -> k, ph -> f; an i between vowels
    goes (the y glide of "-ayev"); doubled letters collapse."""
    w = re.sub(r"[^a-z]", "", unidecode(word).lower())
    for a, b in (("kh", "h"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("y", "i"), ("j", "i")):
        w = w.replace(a, b)
    w = re.sub(r"(?<=[aeou])i(?=[aeiou])", "", w)
    return re.sub(r"(.)\1+", r"\1", w)


# ---------------------------------------------------------------- names that are never actors
def is_not_actor(t: Tables, ctx: Context, start: int, end: int) -> bool:
    """A clock zone or stamp ("GMT", "18:44 GMT"), a feast ("Orthodox Easter"), a weapon ("HIMARS", "S-300",
    "Storm Shadow missiles"), a hashtag or handle ("#StandWithUkraine"), or a name inside a photo credit."""
    j = t.junk
    name = re.sub(r"^(?i:the)\s+", "", ctx.text[start:end])
    words = name.split()
    if not words or name[0] in "#@" or ctx.text[start - 1:start] in ("#", "@"):
        return True
    if any(w in j.zones for w in words) or re.search(r"\d:\d\d", name) or j.holiday_re.fullmatch(name):
        return True
    after = re.match(r"\s+([a-z]+)", ctx.text[end:end + 20])
    if name in j.weapons or j.designation_re.fullmatch(name) or words[-1].lower() in j.weapon_words \
            or (after is not None and after.group(1) in j.weapon_words and (name in j.weapons or len(words) == 1
                                                                               and name.isupper())):
        return True
    return words[-1] in j.credit_tail or in_credit(t, ctx, start)


def in_credit(t: Tables, ctx: Context, start: int) -> bool:
    """Whether `start` lies in a credit: after "Photo:", "Photograph by", "©"... on its line, before any
    closing bracket or sentence end."""
    line = ctx.text.rfind("\n", 0, start) + 1
    for m in t.junk.credit_re.finditer(ctx.text, line, start):
        between = ctx.text[m.end():start]
        if not re.search(r"[)\]]|[.!?]\s+[A-Z]", between):
            return True
    return False


TOWN_APPOS_RE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:city|town|village|settlement|port|hub|suburb)\b")
TOWN_BEFORE_RE = re.compile(
    r"(?:\b(?:in|near|outside|around|towards?|into)|\b(?:re)?(?:captured|took|seized|liberated|reclaimed|shelled|entered|"
    r"occupied|encircled|surrounded|bombarded|besieged|retook|recaptured))\s+$")
LIST_NEXT_RE = re.compile(r"(?:,\s*|\s+(?:and|or)\s+)([A-Z][\w'’-]+)")
LIST_PREV_RE = re.compile(r"([A-Z][\w'’-]+)(?:,\s*|,?\s+(?:and|or)\s+)$")


def looks_like_town(ctx: Context, start: int, end: int) -> bool:
    """A one-word name that the text treats as a place: "Lyman, a strategic city", "recaptured Lyman",
    "in Lyman", or a list with a place in it ("Vovchansk, Lyman and Chuhuiv")."""
    if " " in ctx.text[start:end] or ctx.text.startswith(("'s", "’s"), end):
        return False
    if TOWN_APPOS_RE.match(ctx.text, end) or TOWN_BEFORE_RE.search(ctx.text[max(0, start - 30):start]):
        return True
    nxt = LIST_NEXT_RE.match(ctx.text, end)
    if nxt is not None and ctx.is_place(nxt.start(1), nxt.end(1)):
        return True
    prev = LIST_PREV_RE.search(ctx.text[max(0, start - 40):start])
    offset = max(0, start - 40)
    return prev is not None and ctx.is_place(offset + prev.start(1), offset + prev.end(1))


def extend_particles(text: str, start: int, end: int) -> int:
    """'Ursula von' + ' der Leyen': a person's name runs on over lower-case particles to the capitalised surname."""
    cut = PARTICLE_END_RE.search(text, start, end)
    base = cut.start() if cut else end
    m = PARTICLE_TAIL_RE.match(text, base)
    return m.end() if m else end


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
        if m is None:
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
        start, joined = ent.start_char, extend_particles(ctx.text, ent.start_char, ent.end_char)
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
        if name in t.media or name in t.countries or name in t.adjectives:
            continue
        yield person(t, ctx, s, e, "p:" + surname_key(name))


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
    if ctx.is_place(start, end) or t.title_after_re.match(ctx.text, end) or is_bare_possessive(t, ctx, name):
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
    """A plural noun phrase that is the subject of a reporting verb is a group that speaks ("Aid organisations
    say", "The European nations hosting refugees say"): the head with its modifiers and a short
    'for'/'of' phrase; not figures, images, reports and other things that report without being actors."""
    for tok in ctx.doc:
        if tok.tag_ != "NNS" or tok.dep_ not in SUBJECT_DEPS or tok.head.lemma_.lower() not in t.reporting:
            continue
        if tok.lower_ in t.junk.not_speakers or tok.lower_ in t.group_heads:
            continue  # known group heads are found by the group patterns, with their sides
        parts = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")] + [tok]
        start, end = parts[0].idx, tok.idx + len(tok)
        prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("for", "of")), None)
        if prep is not None and len(list(prep.subtree)) <= 4:
            end = max(x.idx + len(x) for x in prep.subtree)
        if ctx.is_place(start, end) or is_not_actor(t, ctx, start, end):
            continue
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
        if m.group("art").lower() in ("a", "an") and is_apposition_of_person(ctx, m.start()):
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
        s = m.end("art") + 1
        while ctx.text[s].isspace():
            s += 1
        qualified = bool(m.group("nat") or m.group("poss") or m.group("org") or m.group("place") or m.group("of")
                         or m.group("region"))
        name = ctx.text[s:m.end()]
        yield Mention(s, m.end(), "person", "u:" + name.lower(), name, 1 if qualified else 7, role=title,
                      side=side, link="role", indefinite=m.group("art").lower() != "the")


# ---------------------------------------------------------------- resolution
def select(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, higher priority (lower number) and longer first; text order."""
    chosen: list[Mention] = []
    starts: list[int] = []  # chosen spans never overlap, so sorted by start they are sorted by end too
    ends: list[int] = []
    for m in sorted(mentions, key=lambda m: (m.priority, m.start - m.end, m.start)):
        i = bisect.bisect_right(starts, m.start)
        if (i and ends[i - 1] > m.start) or (i < len(starts) and starts[i] < m.end):
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def resolve_links(t: Tables, mentions: list[Mention], ctx: Context) -> list[Mention]:
    """Role-only mentions to the last person with that role (else an unnamed official when the text
    qualifies it or makes it a speaker), bare heads to the last same-head org."""
    out: list[Mention] = []
    for m in mentions:
        if m.link == "role":
            target = None if m.indefinite else last_with_role(t, out, m)
            if target is not None:
                m.key = target.key
            elif (known := known_with_role(t, m)) is not None:
                m.key = known
            elif m.priority > 1 and not is_speaker_at(t, ctx, m):
                continue
        elif m.link == "head":
            head = m.key.split(":", 2)[2]
            target = next((o for o in reversed(out) if o.kind == "org" and o.key.endswith(":" + head)
                           and o.side is not None), None)
            if target is None and head in GENERIC_HEADS and is_subject_at(ctx, m):
                target = next((o for o in reversed(out) if o.kind == "org" and (
                    o.key[0] in "nx" or head in o.key)), None)
            if target is not None:
                m.key, m.side = target.key, target.side
            elif not is_subject_at(ctx, m):
                continue
        out.append(m)
    return out


LEADER_ROLES = ("president", "prime minister", "chancellor", "premier", "leader")


def role_fits(have: str, want: str) -> bool:
    """'Foreign Minister' fits 'minister'; any head of state or government fits 'leader'."""
    have = have.lower()
    return have.endswith(want) or (want == "leader" and have.endswith(LEADER_ROLES))


def last_with_role(t: Tables, seen: list[Mention], m: Mention) -> Mention | None:
    want = (m.role or "").lower()
    for p in reversed(seen):
        entry = t.people.get(p.key[2:], {}) if p.key.startswith("k:") else {}
        role, side = p.role or entry.get("role"), p.side or entry.get("side")
        if p.kind == "person" and role and role_fits(role, want) and m.side in (None, side):
            return p
    return None


def known_with_role(t: Tables, m: Mention) -> str | None:
    """'the Russian president' before (or without) the name: the one well-known person who fits."""
    if m.side is None or m.indefinite or m.name.lower().startswith(("former", "ex-", "late")):
        return None
    want = (m.role or "").lower()
    fits = {p["name"] for p in t.people.values() if p["side"] == m.side and not p.get("common")
            and role_fits(p["role"], want)}
    return "k:" + fits.pop() if len(fits) == 1 else None


def is_speaker_at(t: Tables, ctx: Context, m: Mention) -> bool:
    tok = head_token(ctx, m.start, m.end)
    return tok is not None and (is_according_to(tok) or tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in t.reporting)


def is_subject_at(ctx: Context, m: Mention) -> bool:
    tok = head_token(ctx, m.start, m.end)
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
    named = [m for m in ms if m.link is None] or [m for m in ms if m.link != "role"] or ms
    if ms[0].kind == "person":
        name = max(named, key=lambda m: (len(m.name.split()), len(m.name))).name
        if entry and (name not in t.people or len(entry["name"].split()) > len(name.split())):
            name = entry["name"]  # the text's longest form is not a known spelling: "Vladimir Putin Credit"
    elif ms[0].kind == "org":
        name = max(named, key=lambda m: len(m.name)).name
    else:
        name = named[0].name
    role = next((m.role for m in ms if m.role), None) or (entry or {}).get("role")
    side = (entry or {}).get("side") or next((m.side for m in ms if m.side), None)
    mentions = tuple(Span(start=m.start, end=m.end) for m in ms)
    return Actor(id=actor_id, name=strip_article(name), kind=ms[0].kind, role=role, side=side, mentions=mentions)


def strip_article(name: str) -> str:
    return re.sub(r"^(?i:the)\s+", "", name)


def find_actors(t: Tables, record: Record, doc: Doc) -> tuple[Actor, ...]:
    """The numbered steps of the module docstring."""
    places = sorted((m.start, m.end) for p in record.places for m in p.mentions)
    countries = [(m.start, m.end, t.alpha3[p.country]) for p in record.places if p.country in t.alpha3
                 for m in p.mentions]
    ctx = Context(record.text, doc, places, sorted(countries))
    orgs = list(org_mentions(t, ctx))
    persons = [*person_mentions(t, ctx), *speaker_mentions(t, ctx), *(m for m in orgs if m.kind == "person")]
    persons += surname_mentions(ctx, persons)
    candidates = [*persons, *(m for m in orgs if m.kind != "person"), *group_mentions(t, ctx),
                  *state_mentions(t, ctx), *role_mentions(t, ctx), *collective_speakers(t, ctx)]
    mentions = resolve_links(t, select(drop_surnames_as_orgs(candidates)), ctx)
    sides_from_affiliation(ctx, mentions)
    return build_actors(t, mentions)


AFFILIATION_RE = re.compile(r",?\s+(?:of|for|at|with|from)\s+(?:the\s+)?")


def sides_from_affiliation(ctx: Context, mentions: list[Mention]) -> None:
    """A person with no side takes the side of the organisation, group or state named right after the
    name or role: "a spokesman for Russia's Central Military District", "the commander of Ukrainian air
    defense". `mentions` is in text order."""
    starts = [m.start for m in mentions]
    for m in mentions:
        if m.kind != "person" or m.side is not None:
            continue
        link = AFFILIATION_RE.match(ctx.text, m.end)
        if link is None:
            continue
        i = bisect.bisect_left(starts, link.end())
        if i < len(mentions) and mentions[i].start == link.end() and mentions[i].kind != "person" and mentions[i].side:
            m.side = mentions[i].side


def drop_surnames_as_orgs(candidates: list[Mention]) -> list[Mention]:
    """spaCy sometimes tags a person's surname as ORG ("Andersson's"): drop those."""
    surnames = {m.key[2:] for m in candidates if m.key.startswith("p:")}
    surnames |= {surname_key(m.key[2:]) for m in candidates if m.key.startswith("k:")}
    return [m for m in candidates if not (m.key.startswith("x:") and surname_key(m.name) in surnames
                                          and len(m.name.split()) == 1)]


def make_actors_stage(settings: Settings | None = None) -> Stage:
    """Load the cue tables once; the stage adds `actors` to a record."""
    tables = load_tables()

    def run(record: Record, parse: Doc) -> Record:
        return record.model_copy(update={"actors": find_actors(tables, record, parse)})

    return Stage(name="actors", version=VERSION, requires=frozenset({"text", "parse", "places"}),
                 provides=frozenset({"actors"}), fn=run)
