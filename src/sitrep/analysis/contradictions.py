"""Contradictions: where sources disagree, with both sides' reports.

Four kinds, each its own function:
- `figure`: two named claimants give values for one measure and subject on the same day whose
  intervals cannot both hold (bounds respected: "more than 3,000" is [3000, inf) and does
  not contradict 3,500; an approximate figure is +-20 %). Growth over days is a series. The
  subject must be a place or an event (or the war-wide area count), else a city's count
  and a national total would look like rivals.
- `claim`: a denial ("fake", "staged", "denied", or a record status `denied`) by one side,
  against the reports of another side about the same place (a shared town or region) in the
  same weeks: the events and claims the denial answers; and a claim whose own sentence
  reports the other side's denial ("..., claims Ukraine has denied": `reported_denials`).
- `control`: two claimants give different, non-null controllers for one place within a day.
- `attribution`: inside one merged event, one side blames a party while another side gives
  a different cause (another actor, or an accident: fire, ammunition explosion).

Example: the Post's "atrocities carried out by Russian troops" in Bucha against Putin's
"the same kind of fake in Bucha": a claim contradiction, sides UKR/USA and RUS.

Known limits: a denial is found by its wording, so a sarcastic "of course it's true" is missed;
claims are matched by place, so a denial that names no place contradicts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from sitrep.analysis.events import family, party_model, place_agreement
from sitrep.analysis.grouping import content_id, report_order, sort_reports
from sitrep.analysis.mentions import ClaimMention, EventMention, PartyInfo, PlaceInfo, fold
from sitrep.analysis.model import About, Contradiction, Party, Report, Series, Side, Timeline

DENIAL = re.compile(r"\b(fakes?|staged|hoax|fabricat\w*|false flag|provocations?|denied|denies|"
                    r"deny|not true|untrue|baseless|disinformation)\b")
OTHER_CAUSE = re.compile(r"\b(fire|accident\w*|ammunition explosion|detonat\w*|malfunction\w*|own (?:missile|air))")
DENIAL_WINDOW = timedelta(days=45)
INF = float("inf")


# ---------------------------------------------------------------- figures
def interval(value: float, bound: str) -> tuple[float, float]:
    if bound == "gt" or bound == "gte":
        return (value, INF)
    if bound == "lt" or bound == "lte":
        return (0.0, value)
    if bound == "approx":
        return (value * 0.8, value * 1.2)
    return (value * 0.99, value * 1.01)


def compatible(a: tuple[float, str], b: tuple[float, str]) -> bool:
    ia, ib = interval(*a), interval(*b)
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def figure_contradictions(series: Iterable[Series]) -> list[Contradiction]:
    by_day: dict[tuple[str, str, str], list[tuple[Series, int]]] = {}
    for s in series:
        if not (s.subject.place or s.subject.event or s.measure.startswith("area")):
            continue  # "refugees" with no place: a city's count and the national total are not rivals
        for i, p in enumerate(s.points):
            if p.said_at:
                by_day.setdefault((s.measure, s.subject.label, p.said_at), []).append((s, i))
    out = []
    for (measure, label, day), pts in sorted(by_day.items()):
        for i, (sa, ia) in enumerate(pts):
            for sb, ib in pts[i + 1:]:
                if sa.id == sb.id or sa.claimant is None or sb.claimant is None or sa.claimant == sb.claimant:
                    continue  # an unattributed figure is a report, not a side
                pa, pb = sa.points[ia], sb.points[ib]
                if not compatible((pa.value, pa.bound), (pb.value, pb.bound)):
                    out.append(_figure_x(measure, label, day, sa, pa.reports, sb, pb.reports))
    return out


def _figure_x(measure: str, label: str, day: str, sa: Series, ra: tuple[Report, ...], sb: Series,
              rb: tuple[Report, ...]) -> Contradiction:
    sides = sorted([Side(claimant=sa.claimant, statement=ra[0].text, reports=ra),
                    Side(claimant=sb.claimant, statement=rb[0].text, reports=rb)],
                   key=lambda s: report_order(s.reports[0]))
    return Contradiction(id=_xid("figure", sides), kind="figure",
                         about=About(label=f"{label} on {day}", event=sa.subject.event, place=sa.subject.place,
                                     measure=measure), sides=tuple(sides))


def _xid(kind: str, sides: list[Side]) -> str:
    firsts = sorted(f"{s.reports[0].article}:{s.reports[0].item}" for s in sides if s.reports)
    return content_id("X", kind, *firsts)


# ---------------------------------------------------------------- claims
def is_denial(m: ClaimMention) -> bool:
    return m.status == "denied" or DENIAL.search(fold(m.report.text)) is not None


def _side(p: PartyInfo | None) -> str | None:
    return p.side if p else None


def claim_contradictions(claims: list[tuple[str, list[ClaimMention]]],
                         events: list[tuple[str, list[EventMention]]],
                         common: frozenset[str] = frozenset()) -> list[Contradiction]:
    """Denials against the other side's reports about the same places, near in time. Places in
    `common` (a capital named in every other article) are too broad to say what is denied."""
    index = _place_index(claims, events)
    for key in common:
        index.pop(key, None)
    out = []
    for claim_id, group in claims:
        denials = [m for m in group if is_denial(m) and set(p.key for p in _fine(m.places)) - common]
        if not denials:
            continue
        denier = next((m.claimant for m in denials if m.claimant), None)
        against = _against(denials, denier, index)
        if against:
            out.append(_claim_x(claim_id, denials, denier, against))
    return out


def reported_denials(claims: list[tuple[str, list[ClaimMention]]]) -> list[Contradiction]:
    """A claim whose own sentence reports another side's denial ("the governor said two
    helicopters fired at a fuel depot, claims Ukraine has denied"): the claimant's words
    against the denier's."""
    out = []
    for _, group in claims:
        for m in sorted(group, key=lambda m: report_order(m.report)):
            if m.denied_by is None:
                continue
            denier, words = m.denied_by
            sides = [Side(claimant=party_model(m.claimant), statement=m.report.text, reports=(m.report,)),
                     Side(claimant=party_model(denier), statement=words.text, reports=(words,))]
            place = next(iter(_fine(m.places) or _fine(m.nearby)), None)
            about = f"what {m.claimant.name if m.claimant else 'a source'} said" + \
                (f" about {place.ref.name}" if place else "")
            out.append(Contradiction(id=_xid("claim", sides), kind="claim",
                                     about=About(label=about, event=None, place=place.ref if place else None,
                                                 measure=None), sides=tuple(sides)))
    return out


# (item id, places, published, claimant, report, is a denial)
Indexed = tuple[str, tuple[PlaceInfo, ...], date | None, PartyInfo | None, Report, bool]
PlaceIndex = dict[str, dict[int, list[Indexed]]]  # place key -> time bucket -> reports (linear lookups)
BUCKET = 15  # days
UNDATED = -1


def _bucket(day: date | None) -> int:
    return day.toordinal() // BUCKET if day is not None else UNDATED


def _file(index: PlaceIndex, key: str, hit: Indexed) -> None:
    index.setdefault(key, {}).setdefault(_bucket(hit[2]), []).append(hit)


def _near_in_time(index: PlaceIndex, key: str, day: date | None) -> list[Indexed]:
    """Reports filed under `key` within the denial window of `day` (all of them when undated)."""
    buckets = index.get(key, {})
    if day is None:
        return [h for hits in buckets.values() for h in hits]
    reach = DENIAL_WINDOW.days // BUCKET + 1
    wanted = [_bucket(day) + i for i in range(-reach, reach + 1)] + [UNDATED]
    return [h for b in wanted for h in buckets.get(b, [])]


def _place_index(claims: list[tuple[str, list[ClaimMention]]],
                 events: list[tuple[str, list[EventMention]]]) -> PlaceIndex:
    """Claims and violent events by the towns they are about. A claim naming no town is about
    the towns of the sentences either side, filed under "@article:town": only a denial in the
    same article answers it ("Reuters saw bodies in Bucha. Ukraine says Russia is guilty of
    genocide", in a story on Putin calling Bucha fake)."""
    index: PlaceIndex = {}
    for cid, group in claims:
        for m in group:
            places = _fine(m.places)
            nearby = () if places or m.claimant is None else _fine(m.nearby)
            keys = [p.key for p in places] + [f"@{m.article}:{p.key}" for p in nearby]
            for key in keys:
                _file(index, key, (cid, places or nearby, m.published, m.claimant, m.report, is_denial(m)))
    for eid, mentions in events:
        for e in mentions:
            if family(e.plover) != "violence":
                continue
            for p in _fine(e.places):
                _file(index, p.key, (eid, _fine(e.places), e.published, e.claimant, e.report, False))
    return index


def _fine(places: Iterable[PlaceInfo]) -> tuple[PlaceInfo, ...]:
    return tuple(p for p in places if p.level >= 2)


def _against(denials: list[ClaimMention], denier: PartyInfo | None,
             index: PlaceIndex) -> list[Indexed]:
    seen: dict[tuple[str, str], Indexed] = {}
    for d in denials:
        hits = [h for p in _fine(d.places) for key in (p.key, f"@{d.article}:{p.key}")
                for h in _near_in_time(index, key, d.published)]
        for hit in hits:
            _, places, published, claimant, report, denial = hit
            if denial or (claimant and denier and claimant.side == denier.side):
                continue
            if d.published and published and abs(d.published - published) > DENIAL_WINDOW:
                continue
            if place_agreement(places, _fine(d.places)) is None:
                continue
            seen[(report.article, report.item)] = hit
    return sorted(seen.values(), key=lambda h: report_order(h[4]))


def index_keys(hits: list[Indexed]) -> set[str]:
    return {p.key for h in hits for p in h[1]}


def _claim_x(claim_id: str, denials: list[ClaimMention], denier: PartyInfo | None,
             against: list[Indexed]) -> Contradiction:
    reports_b = sort_reports(m.report for m in denials)
    reports_a = sort_reports(h[4] for h in against)
    asserter = next((h[3] for h in against if h[3]), None)
    sides = [Side(claimant=party_model(asserter), statement=reports_a[0].text, reports=reports_a),
             Side(claimant=party_model(denier), statement=reports_b[0].text, reports=reports_b)]
    place = next(p for d in denials for p in _fine(d.places) if p.key in index_keys(against)) \
        if against else _fine(denials[0].places)[0]
    return Contradiction(id=_xid("claim", sides), kind="claim",
                         about=About(label=f"what happened in {place.ref.name}", event=None, place=place.ref,
                                     measure=None), sides=tuple(sides))


# ---------------------------------------------------------------- control
def control_contradictions(timelines: Iterable[Timeline]) -> list[Contradiction]:
    out = []
    for tl in timelines:
        held = [e for e in tl.entries if e.controller and e.date and e.claimant]  # entries are in date order
        for i, a in enumerate(held):
            for b in held[i + 1:]:
                if _days_apart(a.date, b.date) > 1:
                    break  # a sweep: only the entries of the next day can disagree with this one
                if a.controller == b.controller:
                    continue
                if a.claimant == b.claimant:
                    continue
                sides = [Side(claimant=a.claimant, statement=f"{a.controller} {a.change}", reports=a.reports),
                         Side(claimant=b.claimant, statement=f"{b.controller} {b.change}", reports=b.reports)]
                out.append(Contradiction(id=_xid("control", sides), kind="control",
                                         about=About(label=f"control of {tl.place.name}", event=None,
                                                     place=tl.place, measure=None), sides=tuple(sides)))
    return out


def _days_apart(a: str | None, b: str | None) -> int:
    try:
        return abs((date.fromisoformat(str(a)[:10]) - date.fromisoformat(str(b)[:10])).days)
    except ValueError:
        return 10**6


# ---------------------------------------------------------------- attribution
def attribution_contradictions(events: list[tuple[str, list[EventMention]]]) -> list[Contradiction]:
    """Within one event: one side blames an actor, another side names another actor or cause."""
    out = []
    for eid, mentions in events:
        if family(mentions[0].plover) != "violence":
            continue
        blames = _blames(mentions)
        parties = sorted(blames)
        for i, a in enumerate(parties):
            for b in parties[i + 1:]:
                if a[0] != b[0] and a[1] != b[1]:
                    out.append(_attribution_x(eid, mentions, blames[a], blames[b]))
                    break
            else:
                continue
            break
    return out


def _blames(mentions: list[EventMention]) -> dict[tuple[str, str], list[EventMention]]:
    """(claimant side, blamed party) -> mentions; blamed is the actor's side or 'other cause'."""
    out: dict[tuple[str, str], list[EventMention]] = {}
    for m in mentions:
        speaker = _side(m.claimant)
        if speaker is None:
            continue
        if m.actor and m.actor.side:
            blamed = m.actor.side
        elif OTHER_CAUSE.search(fold(m.report.text)):
            blamed = "other cause"
        else:
            continue
        out.setdefault((speaker, blamed), []).append(m)
    return out


def _attribution_x(eid: str, mentions: list[EventMention], a: list[EventMention],
                   b: list[EventMention]) -> Contradiction:
    sides = [Side(claimant=party_model(g[0].claimant), statement=g[0].report.text,
                  reports=sort_reports(m.report for m in g)) for g in (a, b)]
    place = next((p.ref for m in mentions for p in m.places if p.level > 0), None)
    return Contradiction(id=_xid("attribution", sides), kind="attribution",
                         about=About(label="who is responsible", event=eid, place=place, measure=None),
                         sides=tuple(sides))


def party_of(p: PartyInfo | None) -> Party | None:
    return party_model(p)
