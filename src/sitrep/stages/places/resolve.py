"""Pick one gazetteer entry per mention: priors, cues, transliteration tier, document coherence.

score(entry) = prior(kind, population) + cue bonus - fuzzy penalty + coherence, where
coherence rewards entries in the countries and first-level regions the rest of the story
is about (computed from a first pass without it: clear winners weigh 2, loose ones 1,
demonyms in passing 1). When no country, region or feature reading competes, a town or
county by its own name also gets a dominance bonus (its country holds most of the story,
scaled by the evidence) and a bonus for its region's share of the story. A name listed
with a first-level region ('California or Washington') reads as a region too. A region sharing its name with a city
inside it ("Kherson" / Kherson Oblast) yields to the city unless a cue says region.
National capitals get a bonus (Washington -> DC), and so does the city a first-level region
is named after (Donetsk in Donetsk Oblast, not Donetsk in Rostov oblast); a region or country named right after a
comma contains the name ("Parkland, Florida"), for every bare mention of that name in the story.
A demonym naming who acts ("Russian forces") is a mention of its country but no context: the
story's towns are not pulled toward the attacker's country.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import cached_property

from sitrep.gazetteer.names import name_key
from sitrep.gazetteer.store import Entry, Gazetteer, Hit
from sitrep.stages.places.recognise import Mention

COUNTRY_WEIGHT = 3.5  # times the share of the story's other mentions in the candidate's country
DOMINANCE_WEIGHT = 4.0  # more when that country holds most of the story, scaled by how many mentions say so
DOMINANCE_SUPPORT = 6  # evidence weight (2 per clear mention, 1 per loose one or demonym) for the full bonus
REGION_WEIGHT = 2.0  # another mention lies in the candidate's first-level region
REGION_SHARE_WEIGHT = 2.0  # times that region's share of the story: Iowa over Illinois for 'Montgomery County'
CLEAR_MARGIN = 2.0  # a first-pass winner by this margin counts twice as much as a loose one
LOOSE_MARGIN = 0.5  # below this the first-pass winner is a guess and does not count at all
MAX_DEMONYM_EVIDENCE = 3  # per country: 'none of the injured were British' is evidence, not a mention
PRIMARY_NAME_BONUS = 2.5
CAPITAL_BONUS = 3.0  # a national capital (GeoNames PPLC) is the usual referent of its name
REGION_SEAT_BONUS = 3.0  # the city a first-level region is named after (Donetsk in Donetsk Oblast)
CONTAINER_BONUS = 6.0  # 'Parkland, Florida': the reading inside the region or country named next
CUE_BONUS = {
    ("region", "ADM1"): 8.0, ("region", "ADM2"): 5.0, ("county", "ADM2"): 8.0, ("county", "ADM1"): 2.0,
    ("river", "river"): 12.0, ("area", "area"): 6.0, ("city", "city"): 4.0,
}


@dataclass(frozen=True)
class Resolution:
    mention: Mention
    entry: Entry | None
    score: float
    ranked: tuple[tuple[float, Entry], ...]  # all candidates, best first


@dataclass(frozen=True)
class Context:
    countries: Counter[str]
    admin1: Counter[tuple[str, str]]

    @cached_property
    def size(self) -> int:
        return sum(self.countries.values())


EMPTY = Context(Counter(), Counter())


def resolve_all(mentions: list[Mention], gaz: Gazetteer, evidence: Counter[str] | None = None) -> list[Resolution]:
    """Two passes: priors only, then again with the context of the story's other mentions.

    Linear in the mentions: the story's context is counted once, and each distinct name
    sees it minus its own mentions' share (computed once per name, not once per mention).
    `evidence`: country codes the story names in passing (demonyms that are not place mentions).
    """
    keys = [name_key(m.name) for m in mentions]
    first = [resolve_one(m, gaz, EMPTY) for m in mentions]
    total, by_key = context_parts(first, keys)
    for country, n in (evidence or Counter()).items():
        total.countries[country] += min(n, MAX_DEMONYM_EVIDENCE)
    contexts = {k: _without(total, by_key.get(k)) for k in dict.fromkeys(keys)}
    containers = [_container(first, k) for k in range(len(first))]
    anchored = _anchored(keys, mentions, containers)
    mentions = [_state_in_list(first, k) for k in range(len(first))]
    return [resolve_one(m, gaz, contexts[k], c or (anchored.get(k) if m.cue is None else None))
            for m, k, c in zip(mentions, keys, containers, strict=True)]


def _state_in_list(first: list[Resolution], k: int) -> Mention:
    """'California or Washington', 'New York and New Jersey': a name listed with a first-level region is one too
    (its region reading stands as if cued), unless that region is a town's container ('Camden, New Jersey')."""
    m = first[k].mention
    if m.cue is not None or not any(h.entry.fcode == "ADM1" for h in m.hits):
        return m
    before = k > 0 and first[k - 1].mention.listed_next and _bare_region(first, k - 1)
    after = m.listed_next and k + 1 < len(first) and _bare_region(first, k + 1)
    return replace(m, cue="region") if before or after else m


def _bare_region(first: list[Resolution], k: int) -> bool:
    e = first[k].entry
    return e is not None and e.fcode == "ADM1" and not (k > 0 and first[k - 1].mention.comma_next)


def _anchored(keys: list[str], mentions: list[Mention], containers: list[Entry | None]) -> dict[str, Entry]:
    """One sense per story: 'Parkland, Florida' once places every other bare 'Parkland' in Florida too."""
    out: dict[str, Entry] = {}
    for key, m, c in zip(keys, mentions, containers, strict=True):
        if c is not None and m.cue is None:
            out.setdefault(key, c)
    return out


def _container(first: list[Resolution], k: int) -> Entry | None:
    """The region or country named right after mention k ('Parkland, Florida'), if any."""
    if not first[k].mention.comma_next or k + 1 >= len(first):
        return None
    nxt = first[k + 1].entry
    return nxt if nxt is not None and (nxt.kind == "country" or nxt.fcode in ("ADM1", "ADM2")) else None


def _inside(e: Entry, container: Entry) -> bool:
    if e.geonameid == container.geonameid or e.country != container.country:
        return False
    return container.kind == "country" or (e.admin1 is not None and e.admin1 == container.admin1)


def resolve_one(m: Mention, gaz: Gazetteer, context: Context, container: Entry | None = None) -> Resolution:
    hits = m.hits or _demonym_hits(m, gaz)
    if not hits:
        return Resolution(m, None, 0.0, ())
    boost = not any(h.tier == 0 and _major(h.entry) for h in hits)
    ranked = sorted(((score(h, m, hits, context, boost=boost) + _container_bonus(h.entry, container), h.entry)
                     for h in hits), key=lambda p: -p[0])
    return Resolution(m, ranked[0][1], ranked[0][0], tuple(ranked))


def _container_bonus(e: Entry, container: Entry | None) -> float:
    return CONTAINER_BONUS if container is not None and _inside(e, container) else 0.0


def _demonym_hits(m: Mention, gaz: Gazetteer) -> tuple[Hit, ...]:
    if not m.demonym:
        return ()
    target = m.demonym
    if len(target) == 2 and target.isupper():
        entry = gaz.country(target)
        return (Hit(entry, 0),) if entry else ()
    return gaz.lookup(target, fuzzy=False)


def _major(e: Entry) -> bool:
    """A country, continent, mapped feature or first-level region: a story's town namesakes never outrank it
    by coherence alone (Mexico, Missouri in a US story; the Atlantic, Iowa)."""
    return e.kind in ("country", "river", "area") or e.fcode in ("ADM1", "CONT")


def score(hit: Hit, m: Mention, hits: tuple[Hit, ...], context: Context, *, boost: bool = True) -> float:
    e = hit.entry
    value = prior(e) - (2.0 if hit.tier else 0.0)
    kind = e.fcode if e.fcode in ("ADM1", "ADM2") else e.kind
    if m.cue:
        value += CUE_BONUS.get((m.cue, kind), 0.0)
    if e.kind == "city" and name_key(e.name) == name_key(m.name):
        value += PRIMARY_NAME_BONUS  # the town's own name, not a district name listed among its alternates
        value += CAPITAL_BONUS if e.fcode == "PPLC" else 0.0
        value += REGION_SEAT_BONUS if _names_its_region(e, hits) else 0.0
    if e.fcode == "ADM1" and m.cue != "region" and _has_city_namesake(e, hits):
        value -= 5.0
    own_name = name_key(e.name) == name_key(m.name)  # not a district or old name listed among its alternates
    return value + coherence(e, context, boost=boost and own_name)


def prior(e: Entry) -> float:
    """Importance before context: countries > continents/features > regions > cities by size."""
    if e.kind == "country":
        return 14.0
    if e.fcode == "CONT":
        return 12.0
    if e.kind in ("river", "area"):
        return 9.0
    if e.fcode == "ADM1":
        return 6.0 + 0.75 * math.log10(e.population + 1)
    if e.fcode == "ADM2":
        return 3.5
    return 1.5 * math.log10(e.population + 1)


def _names_its_region(city: Entry, hits: tuple[Hit, ...]) -> bool:
    """Another reading of the name is the first-level region the city lies in: 'Donetsk' is the city Donetsk
    Oblast is named after, not the smaller Donetsk in Rostov oblast, whatever else the story mentions."""
    return any(h.tier == 0 and h.entry.fcode == "ADM1" and h.entry.country == city.country
               and h.entry.admin1 == city.admin1 for h in hits)


def _has_city_namesake(region: Entry, hits: tuple[Hit, ...]) -> bool:
    """A town of the region bears its name (Kherson), or a big city elsewhere does (Washington)."""
    for h in hits:
        e = h.entry
        if e.kind == "city" and h.tier == 0 and (e.population >= 500_000 or (
                e.country == region.country and e.admin1 == region.admin1 and e.population >= 10_000)):
            return True
    return False


def coherence(e: Entry, context: Context, *, boost: bool = True) -> float:
    """Country share and region support; with `boost` (no major reading competes), a dominance bonus when the
    country holds most of the story and a bonus for the region's share of it."""
    total = context.size
    if not total:
        return 0.0
    if e.country is None:  # oceans, seas, continents: as coherent as the story's main country
        return COUNTRY_WEIGHT * max(context.countries.values()) / total
    support = context.countries[e.country]
    value = COUNTRY_WEIGHT * support / total + (dominance(support, total) if boost else 0.0)
    region = context.admin1[(e.country, e.admin1)] if e.kind != "country" and e.admin1 else 0
    if region:
        value += REGION_WEIGHT + (REGION_SHARE_WEIGHT * region / total if boost else 0.0)
    return value


def dominance(support: int, total: int) -> float:
    """0 up to half the story; then rising with the share and with the amount of evidence."""
    share = support / total
    if share <= 0.5:
        return 0.0
    return DOMINANCE_WEIGHT * (share - 0.5) * 2 * min(1.0, support / DOMINANCE_SUPPORT)


def story_context(resolutions: list[Resolution], skip: str = "") -> Context:
    """Countries and regions of the other confidently resolved mentions (clear winners only)."""
    total, by_key = context_parts(resolutions, [name_key(r.mention.name) for r in resolutions])
    return _without(total, by_key.get(skip))


def context_parts(resolutions: list[Resolution], keys: list[str]) -> tuple[Context, dict[str, Context]]:
    """The whole story's context and each name key's share of it: clear winners weigh 2, loose ones 1."""
    total = Context(Counter(), Counter())
    by_key: dict[str, Context] = {}
    for r, key in zip(resolutions, keys, strict=True):
        if r.entry is None or r.entry.country is None or r.mention.agent:
            continue  # 'Russian forces shelled Donetsk': who acts says nothing about where
        margin = r.score - r.ranked[1][0] if len(r.ranked) > 1 else 10.0
        if margin < LOOSE_MARGIN:
            continue
        weight = 2 if margin >= CLEAR_MARGIN else 1
        part = by_key.setdefault(key, Context(Counter(), Counter()))
        for ctx in (total, part):
            ctx.countries[r.entry.country] += weight
            if r.entry.admin1:
                ctx.admin1[(r.entry.country, r.entry.admin1)] += weight
    return total, by_key


def _without(total: Context, part: Context | None) -> Context:
    """The context minus one name's share (Counter subtraction drops the zero counts)."""
    if part is None:
        return total
    return Context(total.countries - part.countries, total.admin1 - part.admin1)
