"""Events: one item per real-world event, merged from the event mentions of every article.

Steps (each a function below):
1. **Collapse** identical mentions (the same wire sentence on several sites) into one node.
2. **Block**: a node is filed under its own places (city, region, country) and, as a member,
   under the places that contain them, each crossed with its type family and the weeks its
   date can fall in (`date_blocks`: two undated mentions meet only when reported within
   BOTH_UNDATED of each other). Only owner x owner and owner x member pairs of a block are
   compared, so the work grows with the mentions of a place and week, not with all of them. Mentions of one article are also
   compared with each other (headline, lead and a later paragraph are one event). A strike
   campaign against a class of infrastructure told without a day ("strikes on Ukraine's energy
   grid") is also filed by its class and season: its readings months apart can be one event;
   an act numbered in its series ("the first tranche of sanctions") by its type and number.
3. **Score** a pair: types compatible (and the same ACLED event type when both have one),
   places agree (same place or one inside the other), dates agree (same day; an unknown date
   lies inside the reporting window; a stated year bounds it), actors do not conflict, stated
   sums of money agree; then points for place precision, date, actors (a person one report
   resolves and the other only names counts too), wording and trigger. Pairs over the
   threshold are linked, with the reasons kept for `sitrep events --explain`.
4. **Union** the links, strongest first, each only when the two groups it joins agree as
   wholes (`join_profiles`: one ACLED event type, a common day for every stated date, one
   number per series); each resulting group is one event (`build_event`). A refused link is
   kept, with why, for `--explain`.

Example: "Reuters saw dead bodies in the town of Bucha" (Reuters, 12 April) and "atrocities
carried out by Russian troops" in Bucha (Washington Post, 20 April) share the town and the
violence family, have no conflicting dates or actors: one event, two outlets.

Known limits: country-wide mentions need shared wording to merge, so a paraphrase with no
common words stays apart; the pairs compared grow with the mentions of one place in one date
window (a denser corpus compares more per mention: 160 pairs per article at 1,000 replicated
dev articles, 229 at 10,000), since no block is capped (a cap that keeps the result
independent of ingest order would have to pick its pairs from the block's content).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from sitrep.analysis.grouping import UnionFind, content_id, count_outlets, report_order, sort_reports
from sitrep.analysis.mentions import DateSpan, EventMention, PartyInfo, PlaceInfo, fold
from sitrep.analysis.model import Event, Fatalities, MergeReason, Party, PlaceRef

FAMILY = {"ASSAULT": "violence", "CRIME": "violence", "COERCE": "violence", "FIGHT": "violence",
          "RETREAT": "retreat", "CONCEDE": "retreat"}
WINDOW = timedelta(days=30)  # an undated event happened within this time before the report
BOTH_UNDATED = timedelta(days=14)  # two undated reports this far apart can be the same event
NEAR_KM = {"retreat": 60.0}  # families whose events cover an area, not a point
IN_ARTICLE_THRESHOLD = 4.0
CROSS_THRESHOLD = 5.0
STATUS_ORDER = ("disputed", "confirmed", "denied", "unconfirmed", "asserted", "reported")

MentionKey = tuple[str, str]  # (article, item)

# A campaign against a class of infrastructure ("punishing strikes damaging energy grid
# infrastructure", "When Russia attacked Ukraine's energy infrastructure"): told without a day,
# it lasts a season, so its readings in statements months apart are one event.
CAMPAIGN = timedelta(days=183)
CAMPAIGN_BUCKET = 92  # days; a reading looks two buckets either way (>= CAMPAIGN)
CAMPAIGN_POINTS = 3.0
INFRASTRUCTURE = (
    ("energy", re.compile(r"\b(?:energy|power|electric\w*|heating)\W+(?:\w+\W+){0,2}?"
                          r"(?:grids?|infrastructure|systems?|facilit\w*|plants?|stations?|suppl\w*|networks?)\b")),
    ("water", re.compile(r"\bwater\W+(?:\w+\W+){0,1}?(?:infrastructure|systems?|suppl\w*|facilit\w*|networks?)\b")),
    ("ports", re.compile(r"\b(?:grain|sea|port)\W+(?:\w+\W+){0,1}?(?:ports?|terminals?|infrastructure|facilit\w*)\b")),
    ("rail", re.compile(r"\brail(?:way)?s?\W+(?:\w+\W+){0,1}?(?:infrastructure|networks?|lines?|stations?|hubs?)\b")),
)


def family(plover: str | None) -> str:
    return FAMILY.get(plover or "", plover or "none")


def mention_key(m: EventMention) -> MentionKey:
    return (m.article, m.item)


def signature(m: EventMention) -> tuple[object, ...]:
    """Everything but the article: equal signatures are the same sentence reported twice. An
    undated sentence also keeps the fortnight it was published in ("shelled Kharkiv overnight"
    in April and again in May is two shellings; copies a day apart still link by their score)."""
    fortnight = m.published.toordinal() // BOTH_UNDATED.days if m.when is None and m.published else None
    return (m.plover, m.acled, m.trigger, m.actor.key if m.actor else None, m.target.key if m.target else None,
            tuple(sorted(p.key for p in m.places)), m.when, m.stems, m.killed, fortnight)


# An act numbered in its series ("the first tranche of sanctions", "the third round of talks",
# "the 10th package"): the same ordinal of the same series is the same act, another is another.
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth")
SERIES = re.compile(r"\b(" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))\W+(?:\w+\W+){0,2}?"
                    r"(tranches?|packages?|rounds?|waves?|batch(?:es)?)\b")
SERIES_POINTS = 3.0


@lru_cache(maxsize=1 << 14)
def series_of(text: str) -> tuple[str, str] | None:
    """(ordinal, series noun) when the sentence numbers exactly one act of one series."""
    found = {(_ordinal(m[1]), m[2][:4]) for m in SERIES.finditer(text.lower())}
    return found.pop() if len(found) == 1 else None


def _ordinal(word: str) -> str:
    return str(ORDINALS.index(word) + 1) if word in ORDINALS else word[:-2]


def series_agreement(a: EventMention, b: EventMention) -> bool | None:
    """True: the same numbered act; False: two acts of one series; None: nothing to tell."""
    sa, sb = series_of(a.report.text), series_of(b.report.text)
    if sa is None or sb is None or sa[1] != sb[1]:
        return None
    return sa == sb


# "a new package of military aid" ... "We're setting out a new package": in one article the new
# act of a series is one act (across articles every month has its new package).
NEW_IN_SERIES = re.compile(r"\b(?:new|latest|fresh|additional)\W+(?:\w+\W+){0,2}?(tranches?|packages?|rounds?|waves?|batch(?:es)?)\b")


@lru_cache(maxsize=1 << 14)
def new_in_series(text: str) -> str | None:
    """The series noun when the sentence tells exactly one new act of one series."""
    found = {m[1][:4] for m in NEW_IN_SERIES.finditer(text.lower())}
    return found.pop() if len(found) == 1 else None


def same_new_act(a: EventMention, b: EventMention) -> bool:
    """Two mentions of one article, one type, each telling 'a new <series noun>' of the same noun."""
    if a.article != b.article or a.plover != b.plover:
        return False
    na = new_in_series(a.report.text)
    return na is not None and na == new_in_series(b.report.text)


PRIOR_ACT = re.compile(r"\b(?:follows?|following|builds? on|comes? (?:on top of|after)|in addition to)"
                       r"(?: up on| on from)?\s+(?:our|the|its|their|last|yesterday|earlier|previous|an? )")


PHRASE_END = re.compile(r"[,;:]|\s(?:and|but|while)\s")


def recalls_prior_act(m: EventMention) -> bool:
    """The mention's trigger is in the phrase after 'follows (up on) our ...': the act recalled as
    before ("This action follows up on yesterday's action targeting X"), not a later predicate
    of today's act ("..., and cuts them off, freezes their assets")."""
    return _recalls_prior(m.report.text, m.trigger)


@lru_cache(maxsize=1 << 16)
def _recalls_prior(sentence: str, trigger: str) -> bool:
    text = fold(sentence)
    if "follow" not in text and "build" not in text and "addition" not in text and "come" not in text:
        return False
    cue = PRIOR_ACT.search(text)
    at = text.find(trigger) if trigger else -1
    return cue is not None and at >= cue.start() and PHRASE_END.search(text, cue.end(), max(cue.end(), at)) is None


def campaign(m: EventMention) -> str | None:
    """The class of infrastructure a strike campaign told without a day is aimed at, else None:
    the trigger names the class, the strike is remote violence, and no day is stated."""
    if family(m.plover) != "violence" or (m.when is not None and m.when.precision == "day"):
        return None
    if m.acled is not None and m.acled[0] != "Explosions/Remote violence":
        return None
    return _infrastructure(m.trigger)


@lru_cache(maxsize=1 << 16)
def _infrastructure(trigger: str) -> str | None:
    return next((cls for cls, cue in INFRASTRUCTURE if cue.search(trigger)), None)


def same_campaign(a: EventMention, b: EventMention) -> str | None:
    """The class two readings of one campaign share (published within a season of each other)."""
    cls = campaign(a)
    if cls is None or cls != campaign(b):
        return None
    if a.published is not None and b.published is not None and abs(a.published - b.published) > CAMPAIGN:
        return None
    return cls


def campaign_buckets(m: EventMention) -> tuple[str, int, range] | None:
    """(the campaign's block name, the bucket a campaign reading is filed in, the buckets it looks in)."""
    cls = campaign(m)
    if cls is None or m.published is None:
        return None
    own = m.published.toordinal() // CAMPAIGN_BUCKET
    return "campaign:" + cls, own, range(own - 2, own + 3)


# ---------------------------------------------------------------- places and dates
def location(m: EventMention) -> tuple[PlaceInfo, ...]:
    """Where it happened: the finer places when there are any, else the countries."""
    fine = tuple(p for p in m.places if p.level > 0)
    return fine or tuple(m.places)


def containers(p: PlaceInfo) -> frozenset[str]:
    """Keys of the places that contain p (its region, its country)."""
    return p.held_by


def own_keys(p: PlaceInfo) -> frozenset[str]:
    """Its own key, with its region or country key when it is that region or country."""
    return p.own


def place_agreement(a: tuple[PlaceInfo, ...], b: tuple[PlaceInfo, ...], near_km: float = 0.0) -> int | None:
    """The level (2 city, 1 region, 0 country) at which the places agree, None if they don't.
    With `near_km`, two towns that close agree at region level (a withdrawal "from the Kyiv
    region" is reported from Kyiv, Borodianka and Bucha alike)."""
    best: int | None = None
    for pa in a:
        for pb in b:
            level = _pair_level(pa, pb)
            if level is None and near_km and _distance_km(pa, pb) <= near_km:
                level = 1
            if level is not None and (best is None or level > best):
                best = level
    return best


def _pair_level(pa: PlaceInfo, pb: PlaceInfo) -> int | None:
    if pa.key == pb.key or not pa.own.isdisjoint(pb.own) or not pa.own.isdisjoint(pb.held_by) \
            or not pb.own.isdisjoint(pa.held_by):
        return min(pa.level, pb.level)
    return None


def _distance_km(pa: PlaceInfo, pb: PlaceInfo) -> float:
    a, b = pa.ref, pb.ref
    if pa.level == 0 or pb.level == 0 or None in (a.lat, a.lon, b.lat, b.lon):
        return float("inf")
    p1, p2 = math.radians(a.lat or 0.0), math.radians(b.lat or 0.0)
    dp, dl = p2 - p1, math.radians((b.lon or 0.0) - (a.lon or 0.0))
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def grid_keys(p: PlaceInfo) -> tuple[str | None, frozenset[str]]:
    """(its own one-degree cell, the eight cells around it), for the nearness block."""
    if p.level == 0 or p.ref.lat is None or p.ref.lon is None:
        return None, frozenset()
    i, j = math.floor(p.ref.lat), math.floor(p.ref.lon)
    around = frozenset(f"grid:{i + di}:{j + dj}" for di in (-1, 0, 1) for dj in (-1, 0, 1) if di or dj)
    return f"grid:{i}:{j}", around


def date_window(m: EventMention) -> tuple[date, date] | None:
    if m.when is not None:
        return (m.when.first, m.when.last)
    if m.published is not None:
        return (m.published - WINDOW, m.published + timedelta(days=1))
    return None


def date_agreement(a: EventMention, b: EventMention) -> float | None:
    """2 same stated day, 1 compatible, 0.5 both undated and close, None when they disagree."""
    if a.when is not None and b.when is not None:
        return _stated_agreement(a.when, b.when)
    if a.when is None and b.when is None:
        if a.article == b.article or a.published is None or b.published is None:
            return 0.5
        return 0.5 if abs(a.published - b.published) <= BOTH_UNDATED else None
    wa, wb = date_window(a), date_window(b)
    if wa is None or wb is None:
        return 0.5
    return 1.0 if wa[0] <= wb[1] and wb[0] <= wa[1] else None


def _stated_agreement(a: DateSpan, b: DateSpan) -> float | None:
    slack = timedelta(days=1)
    if a.first - slack <= b.last and b.first - slack <= a.last:
        return 2.0 if a.precision == b.precision == "day" and abs(a.first - b.first) <= slack else 1.0
    return None


def weeks(m: EventMention) -> list[tuple[int, int]]:
    window = date_window(m)
    if window is None:
        return [(0, 0)]
    first, last = window[0] - timedelta(days=1), window[1] + timedelta(days=1)
    out = []
    day = first
    while day <= last + timedelta(days=6):
        iso = day.isocalendar()
        out.append((iso[0], iso[1]))
        day += timedelta(days=7)
    return sorted(set(out))


DateBlock = tuple[str, object]  # (kind, ISO week or day ordinal): see `date_blocks`


def date_blocks(m: EventMention) -> tuple[list[DateBlock], list[DateBlock]]:
    """(the date blocks a mention looks in, those it is filed in), so that two mentions meet
    only when their dates can agree (`date_agreement`), whatever order they come in:
    - a stated day d meets stated days d-1..d+1 ("d", by day), undated mentions reported on
      d-1..d+30 ("u", by report day: d lies in their reporting window) and coarser stated
      dates over its weeks ("D" / "Dd");
    - a stated week, month or year meets every stated date and undated window over its weeks;
    - an undated mention meets stated days inside its window, coarser dates over its weeks,
      and other undated mentions reported within BOTH_UNDATED ("N", by report day)."""
    own = weeks(m)
    if m.when is not None and m.when.first == m.when.last:
        day = m.when.first.toordinal()
        looks: list[DateBlock] = [("d", day + n) for n in (-1, 0, 1)] + [("D", w) for w in own]
        looks += [("u", day + n) for n in range(-1, WINDOW.days + 1)]
        return looks, [("d", day)] + [("Dd", w) for w in own]
    coarse: list[DateBlock] = [("D", w) for w in own]
    if m.when is not None:
        return coarse + [("Dd", w) for w in own] + [("U", w) for w in own], coarse
    if m.published is None:
        return [("N", (0, 0))], [("N", (0, 0))]
    report = m.published.toordinal()
    looks = coarse + [("N", report + n) for n in range(-BOTH_UNDATED.days, BOTH_UNDATED.days + 1)]
    looks += [("d", report + n) for n in range(-WINDOW.days, 2)]
    return looks, [("U", w) for w in own] + [("u", report), ("N", report)]


# ---------------------------------------------------------------- scoring a pair
def same_party(a: PartyInfo | None, b: PartyInfo | None) -> bool:
    """One actor: the same key, or a state and its armed forces ("Russia launched its invasion",
    "an attack by Russian military forces": g:RUS:forces and s:RUS:russia)."""
    if a is None or b is None:
        return False
    if a.key == b.key:
        return True
    if not a.side or a.side != b.side:
        return False
    keys = (a.key, b.key)
    return f"g:{a.side}:forces" in keys and any(k.startswith(f"s:{a.side}:") for k in keys)


def parties_conflict(a: PartyInfo | None, b: PartyInfo | None) -> bool:
    if a is None or b is None:
        return False
    if a.side and b.side and a.side != b.side:
        return True
    return a.kind == b.kind == "person" and a.key != b.key


SYMMETRIC = frozenset({"CONSULT"})  # a meeting: who met whom is told either way round


def participants_conflict(a: EventMention, b: EventMention) -> bool:
    """Actors or targets conflict; for a meeting whose reports both name who met whom, in both
    readings ("Le Pen flew to Moscow to meet Putin" and "Putin meets Le Pen": one meeting)."""
    straight = parties_conflict(a.actor, b.actor) or parties_conflict(a.target, b.target)
    if not straight or a.plover not in SYMMETRIC or b.plover not in SYMMETRIC:
        return straight
    if None in (a.actor, a.target, b.actor, b.target):
        return straight
    return parties_conflict(a.actor, b.target) or parties_conflict(a.target, b.actor)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b)) ** 0.5 / max(len(a), len(b)) ** 0.5


def score_pair(a: EventMention, b: EventMention) -> tuple[float, tuple[str, ...]] | None:
    """A link score and its reasons, or None when the two cannot be one event."""
    if family(a.plover) != family(b.plover):
        return None
    same_article = a.article == b.article
    if same_article and a.segment is not None and b.segment is not None and a.segment.start == b.segment.start:
        return 10.0, ("one item of a sentence listing places",)  # "the Black Sea port of Odesa"
    # the cheap vetoes first (most candidate pairs fail one): ACLED type, date, parties, sums
    if a.acled and b.acled and a.acled[0] != b.acled[0] and a.report.start != b.report.start:
        return None  # a battle and a missile strike are two events for ACLED, however close
    when = date_agreement(a, b)
    season = same_campaign(a, b)
    if when is None and season is not None:
        when = 0.5  # a campaign's readings months apart
    if when is None:
        return None
    if participants_conflict(a, b):
        return None
    if a.amounts and b.amounts and not set(a.amounts) & set(b.amounts):
        return None  # "$800 million in security assistance" and "$1.1 billion": two packages
    numbered = series_agreement(a, b) if a.plover == b.plover else None
    if numbered is False:
        return None  # "the first tranche" and "the second tranche"
    where = place_agreement(location(a), location(b), NEAR_KM.get(family(a.plover), 0.0))
    if where is None and not (same_article and (not a.places or not b.places)) and not numbered:
        return None  # (a numbered act is placed by its partners in one report, its target in another)
    why = [f"type {a.plover}~{b.plover}", f"place level {where}", f"date {when}"]
    score = (where if where is not None else 0) + when
    score += _party_points(a, b, why) + _wording_points(a, b, why)
    if season is not None:
        score += CAMPAIGN_POINTS
        why.append(f"one campaign against {season} infrastructure")
    if numbered:
        score += SERIES_POINTS
        why.append("the same numbered act of its series")
    elif same_article and same_new_act(a, b):
        score += SERIES_POINTS
        why.append("the same new act of its series in one article")
    if same_article:
        score += 1
        why.append("same article")
        if abs(b.report.start - a.report.end) <= 2 or abs(a.report.start - b.report.end) <= 2:
            score += 1
            why.append("next sentence")
    if not same_article and season is None and not numbered and not _corroborated(a, b, where, when):
        return None
    if same_article and not _same_story(a, b, when):
        return None
    return score, tuple(why)


def _corroborated(a: EventMention, b: EventMention, where: int | None, when: float) -> bool:
    """Across articles, a shared place and window is not enough without a stated common day:
    the reports must also share wording or an actor (or, for an area-wide change such as a
    withdrawal, the same ACLED sub-type)."""
    wording = overlap(a.stems, b.stems)
    same_actor = same_party(a.actor, b.actor)
    area_change = family(a.plover) in NEAR_KM and a.acled is not None and a.acled == b.acled
    if (where or 0) < 1:  # one country: shared wording, or one side's withdrawal on a stated date
        return wording >= 0.25 or (area_change and same_actor and (a.when or b.when) is not None)
    if when >= 2:
        return True
    return same_actor or area_change or wording >= 0.2 or bool(named_participants(a, b))


def _same_story(a: EventMention, b: EventMention, when: float) -> bool:
    """In one article the main town is in every sentence: two mentions there are one event only
    with a sign of it (one sentence, the next sentence, one stated day, one actor, one person
    as target, "a new <series noun>" in both, one trigger, shared wording or figures). An act the article says today's act follows ("This follows our
    joint action earlier this week to impose ...") is an earlier act, not today's."""
    if a.report.start != b.report.start and recalls_prior_act(a) != recalls_prior_act(b):
        return False
    if a.report.start == b.report.start or when >= 2:
        return True
    if abs(b.report.start - a.report.end) <= 2 or abs(a.report.start - b.report.end) <= 2:
        return True
    same_actor = same_party(a.actor, b.actor)
    shared_figure = bool(a.killed and set(a.killed) & set(b.killed))
    return (same_actor or shared_figure or same_person_target(a, b) or same_new_act(a, b)
            or bool(a.trigger and a.trigger == b.trigger)
            or overlap(a.stems, b.stems) >= 0.3)


def same_person_target(a: EventMention, b: EventMention) -> bool:
    """One person is what both mentions happen to ("X was shot", later "X was killed"): in one
    article that person's name ties the sentences to one event, as a shared actor does; a group
    or a country ("Ukraine") is the target of too many acts to tell."""
    return a.target is not None and b.target is not None and a.target.kind == "person" and a.target.key == b.target.key


def named_participants(a: EventMention, b: EventMention) -> list[str]:
    """People one report has as actor or target and the other names in its words without
    resolving them ("During Johnson's visit" beside "Mr. Johnson ... traveled to Kyiv")."""
    out = []
    for one, other in ((a, b), (b, a)):
        for p in (one.actor, one.target):
            if p is None or p.kind != "person" or not p.key.startswith("p:"):
                continue
            if any(q is not None and q.key == p.key for q in (other.actor, other.target)):
                continue
            surname = p.name.split()[-1].removesuffix("'s") if p.name.split() else ""
            if surname[:1].isupper() and re.search(rf"\b{re.escape(surname)}\b", other.report.text) and p.name not in out:
                out.append(p.name)
    return out


def _party_points(a: EventMention, b: EventMention, why: list[str]) -> float:
    points = 0.0
    for name in named_participants(a, b)[:2]:
        points += 1
        why.append(f"{name} named in both")
    if a.actor is not None and same_party(a.actor, b.actor):
        points += 1
        why.append(f"same actor {a.actor.name}")
    if a.target and b.target and a.target.key == b.target.key:
        points += 1
        why.append(f"same target {a.target.name}")
    if a.plover in SYMMETRIC and b.plover in SYMMETRIC:
        for one, other in ((a.actor, b.target), (a.target, b.actor)):
            if one is not None and other is not None and one.key == other.key:
                points += 1
                why.append(f"{one.name} met in both")
    return points


def _wording_points(a: EventMention, b: EventMention, why: list[str]) -> float:
    points = 4 * overlap(a.stems, b.stems)
    if points:
        why.append(f"wording {points / 4:.2f}")
    if a.plover == b.plover:
        points += 1
    if a.trigger and a.trigger == b.trigger:
        points += 1
        why.append(f"trigger '{a.trigger}'")
    if a.acled and a.acled == b.acled:
        points += 1.5 if family(a.plover) in NEAR_KM else 0.5
        why.append(f"same ACLED {a.acled[1]}")
    if a.killed and set(a.killed) & set(b.killed):
        points += 1
        why.append("same figure")
    return points


def is_link(a: EventMention, b: EventMention) -> tuple[float, tuple[str, ...]] | None:
    scored = score_pair(a, b)
    if scored is None:
        return None
    threshold = IN_ARTICLE_THRESHOLD if a.article == b.article else CROSS_THRESHOLD
    return scored if scored[0] >= threshold else None


# ---------------------------------------------------------------- the index
@dataclass
class EventIndex:
    """Blocks, nodes and links of all event mentions seen so far; `add` links new ones in."""

    mentions: dict[MentionKey, EventMention] = field(default_factory=dict)
    nodes: dict[tuple[object, ...], list[MentionKey]] = field(default_factory=dict)
    owners: dict[tuple[object, ...], list[tuple[object, ...]]] = field(default_factory=dict)
    members: dict[tuple[object, ...], list[tuple[object, ...]]] = field(default_factory=dict)
    by_article: dict[str, list[MentionKey]] = field(default_factory=dict)
    links: dict[frozenset[MentionKey], tuple[float, tuple[str, ...]]] = field(default_factory=dict)
    uf: UnionFind[MentionKey] = field(default_factory=UnionFind)
    tried: int = 0  # pairs scored so far (the benchmark's measure of work: machine-independent)

    def add(self, mentions: Iterable[EventMention]) -> set[MentionKey]:
        """File new mentions, link them to what they match; returns the touched mention keys."""
        touched: set[MentionKey] = set()
        for m in sorted(mentions, key=lambda m: (m.article, m.item)):
            key = mention_key(m)
            if key in self.mentions:
                continue
            self.mentions[key] = m
            self.uf.add(key)
            touched.add(key)
            self._file(m, key, touched)
        roots = {self.uf.find(t) for t in touched}
        return {k for k in self.uf.parent if self.uf.find(k) in roots}

    def _file(self, m: EventMention, key: MentionKey, touched: set[MentionKey]) -> None:
        sig = signature(m)
        for other in self.by_article.get(m.article, []):
            self._try(key, other)
        self.by_article.setdefault(m.article, []).append(key)
        if sig in self.nodes:
            first = self.nodes[sig][0]
            self.nodes[sig].append(key)
            self._link(key, first, 10.0, ("identical mention",))
            return
        self.nodes[sig] = [key]
        for other_sig in self._candidates(m, sig):
            self._try(key, self.nodes[other_sig][0])

    def _candidates(self, m: EventMention, sig: tuple[object, ...]) -> set[tuple[object, ...]]:
        fam, out = family(m.plover), set[tuple[object, ...]]()
        places = location(m)
        own = {k for p in places for k in own_keys(p)}
        held = {k for p in places for k in containers(p)} - own
        if fam in NEAR_KM:
            for p in places:
                cell, around = grid_keys(p)
                if cell:
                    own.add(cell)
                    held |= around
        looks, filed = date_blocks(m)
        for when in looks:
            for k in own:
                out.update(self.owners.get((fam, k, *when), ()))
                out.update(self.members.get((fam, k, *when), ()))
            for k in held:
                out.update(self.owners.get((fam, k, *when), ()))
        for when in filed:
            for k in own:
                self.owners.setdefault((fam, k, *when), []).append(sig)
            for k in held:
                self.members.setdefault((fam, k, *when), []).append(sig)
        buckets = campaign_buckets(m)
        if buckets is not None:
            name, own_bucket, looked = buckets
            for b in looked:
                out.update(self.owners.get((fam, name, b), ()))
            self.owners.setdefault((fam, name, own_bucket), []).append(sig)
        numbered = series_of(m.report.text)
        if numbered is not None:
            year = m.published.year if m.published else 0
            for y in (year - 1, year, year + 1):
                out.update(self.owners.get((m.plover, "series:" + ":".join(numbered), y), ()))
            self.owners.setdefault((m.plover, "series:" + ":".join(numbered), year), []).append(sig)
        out.discard(sig)
        return out

    def _try(self, a: MentionKey, b: MentionKey) -> None:
        self.tried += 1
        link = is_link(self.mentions[a], self.mentions[b])
        if link is not None:
            self._link(a, b, *link)

    def _link(self, a: MentionKey, b: MentionKey, score: float, why: tuple[str, ...]) -> None:
        self.links[frozenset((a, b))] = (score, why)
        self.uf.union(a, b)

    def groups(self) -> list[list[EventMention]]:
        return [[self.mentions[k] for k in g] for g in self.merged()[0]]

    def merged(self) -> tuple[list[list[MentionKey]], dict[frozenset[MentionKey], str]]:
        """The events (lists of mention keys) and the links refused because they would join two
        incompatible groups, with why: each connected component of the links is re-joined link
        by link, strongest first, and a link joins its two groups only when the groups agree as
        wholes (`join_profiles`), so A~B and B~C do not make A and C one event when they clash."""
        by_root: dict[MentionKey, list[tuple[frozenset[MentionKey], float]]] = {}
        for pair, (score, _) in self.links.items():
            by_root.setdefault(self.uf.find(next(iter(pair))), []).append((pair, score))
        out: list[list[MentionKey]] = []
        refused: dict[frozenset[MentionKey], str] = {}
        for group in self.uf.groups():
            links = by_root.get(self.uf.find(group[0]), [])
            if len(group) <= 2:
                out.append(group)
                continue
            out.extend(self._rejoin(group, links, refused))
        return out, refused

    def _rejoin(self, group: list[MentionKey], links: list[tuple[frozenset[MentionKey], float]],
                refused: dict[frozenset[MentionKey], str]) -> list[list[MentionKey]]:
        uf: UnionFind[MentionKey] = UnionFind()
        profiles = {k: mention_profile(self.mentions[k]) for k in group}
        for k in group:
            uf.add(k)
        for pair, _ in sorted(links, key=lambda ls: (-ls[1], sorted(map(str, ls[0])))):
            a, b = sorted(pair) if len(pair) == 2 else (next(iter(pair)),) * 2
            ra, rb = uf.find(a), uf.find(b)
            if ra == rb:
                continue
            joined = join_profiles(profiles[ra], profiles[rb])
            if isinstance(joined, str):
                refused[pair] = joined
                continue
            uf.union(ra, rb)
            profiles[uf.find(ra)] = joined
        return uf.groups()

    def reasons(self, keys: Iterable[MentionKey]) -> list[MergeReason]:
        """The links inside the event, and those that touch it but were refused (why: 'kept apart: ...')."""
        keyset = set(keys)
        refused = self.merged()[1]
        out = []
        for pair, (score, why) in self.links.items():
            a, b = sorted(pair) if len(pair) == 2 else (next(iter(pair)),) * 2
            inside = a in keyset and b in keyset
            if inside or ((a in keyset or b in keyset) and pair in refused):
                why = why if pair not in refused else (*why, f"kept apart: {refused[pair]}")
                out.append(MergeReason(a=self.mentions[a].report, b=self.mentions[b].report,
                                       score=round(score, 2), why=why))
        return sorted(out, key=lambda r: (report_order(r.a), report_order(r.b)))


# ---------------------------------------------------------------- groups that agree as wholes
@dataclass(frozen=True)
class Profile:
    """What a group of linked mentions states as a whole: the ACLED event types, the days every
    stated date allows (latest first day, earliest last day), the numbered acts of each series."""

    acled: frozenset[str] = frozenset()
    first: date | None = None
    last: date | None = None
    series: frozenset[tuple[str, str]] = frozenset()
    towns: tuple[tuple[PlaceInfo, ...], ...] = ()  # the distinct town/region sets its mentions name
    near_km: float = 0.0


def mention_profile(m: EventMention) -> Profile:
    """A stated date bounds the group unless it is a campaign's reading (a season, not a day)."""
    span = m.when if m.when is not None and campaign(m) is None else None
    numbered = series_of(m.report.text)
    fine = tuple(sorted((p for p in m.places if p.level > 0), key=lambda p: p.key))
    return Profile(acled=frozenset({m.acled[0]}) if m.acled else frozenset(),
                   first=span.first if span else None, last=span.last if span else None,
                   series=frozenset({numbered}) if numbered else frozenset(),
                   towns=(fine,) if fine else (), near_km=NEAR_KM.get(family(m.plover), 0.0))


def join_profiles(a: Profile, b: Profile) -> Profile | str:
    """The joined profile, or why the two groups cannot be one event: two ACLED event types (a
    battle and a missile strike; a group that already holds both, from one sentence, may take
    either), stated dates with no common day (one day of slack, as between two reports), two
    numbers of one series, or towns that do not agree (Kyiv and Lviv joined through a mention
    that names only the country)."""
    acled = a.acled | b.acled
    if len(acled) > 1 and not (acled <= a.acled or acled <= b.acled):
        return "ACLED types " + " / ".join(sorted(acled))
    firsts = [d for d in (a.first, b.first) if d is not None]
    lasts = [d for d in (a.last, b.last) if d is not None]
    first, last = (max(firsts) if firsts else None), (min(lasts) if lasts else None)
    if first is not None and last is not None and first - timedelta(days=1) > last:
        return f"stated dates {first.isoformat()} / {last.isoformat()} have no common day"
    series = a.series | b.series
    nouns = [noun for _, noun in series]
    if len(nouns) != len(set(nouns)):
        return "two numbers of one series"
    for ta in a.towns:
        for tb in b.towns:
            if ta != tb and place_agreement(ta, tb, a.near_km) is None:
                return f"towns {ta[0].ref.name} / {tb[0].ref.name} apart"
    towns = tuple(dict.fromkeys(a.towns + b.towns))
    return Profile(acled=acled, first=first, last=last, series=series, towns=towns, near_km=a.near_km)


# ---------------------------------------------------------------- one event from its mentions
def event_id(group: list[EventMention]) -> str:
    first = min(group, key=lambda m: report_order(m.report))
    return content_id("E", first.article, first.item)


def build_event(group: list[EventMention], groups: dict[str, str]) -> Event:
    reports = sort_reports(m.segment or m.report for m in group)
    outlets, articles = count_outlets(reports, groups)
    day, precision = event_date(group)
    return Event(
        id=event_id(group), plover=_most_common([m.plover for m in group]),
        acled=event_acled(group), date=day, date_precision=precision,
        places=event_places(group), actor=_party([m.actor for m in group]),
        target=_party([m.target for m in group]), fatalities=fatalities(group), status=event_status(group),
        reports=reports, outlets=outlets, articles=articles)


def _most_common(values: list[object]) -> object:  # type: ignore[misc]
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]


ACLED_PRIORITY = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests",
                  "Strategic developments")


def event_acled(group: list[EventMention]) -> tuple[str, str] | None:
    """ACLED's own precedence: a strike that also killed civilians is remote violence, not an attack."""
    counts = Counter(m.acled for m in group if m.acled)
    if not counts:
        return None
    def rank(kv: tuple[tuple[str, str], int]) -> tuple[int, int, str]:
        kind = kv[0][0]
        return (ACLED_PRIORITY.index(kind) if kind in ACLED_PRIORITY else 99, -kv[1], str(kv[0]))
    return sorted(counts.items(), key=rank)[0][0]


def _party(parties: list[PartyInfo | None]) -> Party | None:
    counts = Counter(p.key for p in parties if p is not None)
    if not counts:
        return None
    key = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    names = sorted((p for p in parties if p is not None and p.key == key), key=lambda p: (-len(p.name), p.name))
    best = names[0]
    return Party(name=best.name, side=best.side, kind=best.kind)


def party_model(p: PartyInfo | None) -> Party | None:
    return Party(name=p.name, side=p.side, kind=p.kind) if p is not None else None


def stated_date(group: list[EventMention]) -> tuple[str, str] | None:
    """(date, precision) the reports of the event state most often, finest precision first."""
    for precision in ("day", "week", "month"):
        stated = Counter(m.when.first for m in group if m.when and m.when.precision == precision)
        if stated:
            return sorted(stated.items(), key=lambda kv: (-kv[1], kv[0]))[0][0].isoformat(), precision
    return None


def event_date(group: list[EventMention]) -> tuple[str | None, str | None]:
    """The stated date; else, as ACLED codes an event whose date the reports do not give, the
    first report's date at week precision (a stated year only keeps mentions of different
    years apart: a wrongly attached year must not hide the date)."""
    stated = stated_date(group)
    if stated is not None:
        return stated
    reported = sorted(m.published for m in group if m.published)
    return (reported[0].isoformat(), "week") if reported else (None, None)


def event_places(group: list[EventMention]) -> tuple[PlaceRef, ...]:
    seen: dict[str, PlaceInfo] = {}
    for m in group:
        for p in location(m):
            seen.setdefault(p.key, p)
    if not seen:  # no report names a place: where the (first) article is
        inferred = [m.article_place for m in sorted(group, key=lambda m: report_order(m.report)) if m.article_place]
        seen = {inferred[0].key: inferred[0]} if inferred else {}
    return tuple(p.ref for p in sorted(seen.values(), key=lambda p: (-p.level, p.ref.name)))


def fatalities(group: list[EventMention]) -> Fatalities | None:
    """ACLED's rule: the lowest figure of the latest report that gives one."""
    dated = [(m.published or date.min, m) for m in group if m.killed and family(m.plover) == "violence"]
    if not dated:
        return None
    latest = max(d for d, _ in dated)
    value, bound, m = min(((v, b, m) for d, m in dated if d == latest for v, b in m.killed),
                          key=lambda t: (t[0], t[2].article, t[2].item))
    return Fatalities(value=value, bound=bound, claimant=party_model(m.claimant),  # type: ignore[arg-type]
                      as_of=m.published.isoformat() if m.published else None)


def event_status(group: list[EventMention]) -> str:
    """disputed when one side asserts and another denies; else the strongest status reported."""
    statuses = {m.status or "reported" for m in group}
    deniers = {m.claimant.side for m in group if m.status == "denied" and m.claimant}
    asserters = {m.claimant.side for m in group if m.status != "denied" and m.claimant}
    if "denied" in statuses and (asserters - deniers or statuses - {"denied"}):
        return "disputed"
    if "unverified" in statuses:
        statuses.add("unconfirmed")
    return next(s for s in STATUS_ORDER if s in statuses or s == "reported")
