"""Figure series: every quantity that counts something of the war becomes a point of a series.

Steps:
1. **Measure** (`measure_of`): the unit when it names the measure (killed, wounded, refugees,
   troops...), else the unit plus the words around the figure: people "fled" are refugees,
   km2 "recaptured" is area_regained, dollars of "assistance" are aid, tanks "destroyed"
   are equipment_lost. Figures of anything else (percentages, subscribers) form no series.
2. **Subject** (`subject_of`): casualty and refugee counts are about the finest place of
   their sentence (and the event the sentence reports), a refugee count with no town about
   the one host country its words name, else the war as a whole; aid is
   about its kind (security, humanitarian, refugee) and whether it is a package or a running
   total; areas are about the war as a whole.
3. **Series** per (measure, subject, claimant); a point per (value, bound, said_at): the same
   figure repeated by several articles on one day is one point with several reports.

Example: the seed's Zelensky 1,000 km2 (Thursday) and 2,000 km2 (Saturday) form one
area_regained series of two points; Zaluzhny's "more than 3,000" is a series of its own.

Known limits: a figure whose sentence names neither unit nor measure words ("the number
rose to 40") is not a series; a claimant the extractor missed falls back to the outlet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from sitrep.analysis.events import party_model
from sitrep.analysis.grouping import content_id, report_order, sort_reports
from sitrep.analysis.mentions import MONEY_UNITS, PlaceInfo, QuantityMention, fold
from sitrep.analysis.model import PlaceRef, Point, Series, Subject

UNIT_MEASURE = {
    "killed": "killed", "dead": "killed", "wounded": "wounded", "injured": "wounded", "casualties": "casualties",
    "displaced": "displaced", "refugees": "refugees", "evacuated": "evacuated", "detained": "detained",
    "prisoners": "detained", "missing": "missing", "troops": "troops", "soldiers": "troops",
}
PEOPLE_UNITS = frozenset({"people", "civilians", "children", "count", "soldiers", "persons", "residents"})
EQUIPMENT_UNITS = frozenset({"tanks", "vehicles", "aircraft", "helicopters", "artillery", "launcher", "drones",
                             "planes", "ships", "systems", "system"})
PEOPLE_CUES = (
    ("killed", re.compile(r"\b(killed|dead|died|deaths?|death toll|bodies|massacred?|"
                          r"(?:lost|cost|claimed|took|taken|stolen)\W+(?:\w+\W+){0,2}lives)\b")),
    ("wounded", re.compile(r"\b(wounded|injured|injuries)\b")),
    ("casualties", re.compile(r"\bcasualt")),
    ("displaced", re.compile(r"\b(displaced|(?:leave|left|flee|fled|fleeing|from) their homes|homeless)\b")),
    ("refugees", re.compile(r"\b(refugees?|fled|fleeing|flee)\b")),
    ("evacuated", re.compile(r"\bevacuat")),
    ("detained", re.compile(r"\b(detain|arrest|deport|captive|prisoners?|abduct|filtration)")),
    ("missing", re.compile(r"\bmissing\b")),
    ("troops", re.compile(r"\b(troops|soldiers|servicemen|personnel|forces)\b")),
)
AREA_REGAINED = re.compile(r"\b(recaptur|retak|retook|reclaim|regain|liberat|took back|won back|freed|counter)")
AREA_LOST = re.compile(r"\b(captur|seiz|occup|lost|took|taken|overr|advanc)")
EQUIPMENT_LOST = re.compile(r"\b(destroy|lost|losses|shot down|downed|disabled|captured)")
AID_CUE = re.compile(r"\b(assistance|aid|support|package|weapons|equipment|funding|security|humanitarian|"
                     r"drawdown|provid|donat|pledg|commit)")
AID_KINDS = (
    ("refugee", re.compile(r"\b(refugees?|host|neighbou?ring countries)")),
    ("humanitarian", re.compile(r"\bhumanitarian|in need\b")),
    ("security", re.compile(r"\b(security|weapons|military|defen[cs]e|equipment|drawdown|arms)\b")),
    ("economic", re.compile(r"\b(economic|budget|financial|macroeconomic)\b")),
)
PACKAGE = re.compile(r"\b(additional|new|package|tranche|drawdown|announc\w*|authoriz\w*|latest)\b")
TOTAL_BEFORE = re.compile(r"\b(total|totall?ing|cumulative|altogether|overall|in all)\W+(?:of\W+)?(?:more than |over |about |nearly |some )?$")
PLACE_MEASURES = frozenset({"killed", "wounded", "casualties", "evacuated", "detained", "missing", "equipment_lost",
                            "refugees", "displaced", "troops"})


SIZE_BEFORE = re.compile(r"\b(population|populated|inhabitants|home to|city of|country of)\W+(?:\w+\W+){0,2}$")
TROOPS_LOST = re.compile(r"\b(lost|losses|killed|dead|died|casualt)")


def measure_of(q: QuantityMention) -> str | None:
    """The spec's measure vocabulary, from the unit and the words around the figure. A size
    ("a pre-war population of 44 million") counts nobody; troops "lost" are casualties."""
    unit = q.unit.lower()
    if SIZE_BEFORE.search(q.before):
        return None
    if UNIT_MEASURE.get(unit) == "troops" and TROOPS_LOST.search(q.near):
        return "casualties"
    if unit in UNIT_MEASURE:
        return UNIT_MEASURE[unit]
    if unit in PEOPLE_UNITS:
        return next((m for m, cue in PEOPLE_CUES if cue.search(q.near)), None)
    if unit == "km2":
        for text in (q.context, q.paragraph):
            if AREA_REGAINED.search(text):
                return "area_regained"
            if AREA_LOST.search(text):
                return "area_lost"
        return None
    if unit in EQUIPMENT_UNITS and EQUIPMENT_LOST.search(q.context):
        return "equipment_lost"
    if unit in MONEY_UNITS and (AID_CUE.search(q.near) or AID_CUE.search(q.context)):
        return "aid"
    return None


def subject_of(q: QuantityMention, measure: str) -> tuple[str, str, PlaceInfo | None]:
    """(key, label, place) of what the figure is about."""
    if measure == "aid":
        kind = next((k for k, cue in AID_KINDS if cue.search(q.near)), None) or \
            next((k for k, cue in AID_KINDS if cue.search(q.context)), "general")
        scope = "package" if PACKAGE.search(q.near) and not TOTAL_BEFORE.search(q.before) else "total"
        return f"aid:{kind}:{scope}", f"{kind} assistance ({'running total' if scope == 'total' else 'package'})", None
    if measure in PLACE_MEASURES:
        place = _finest(q.places) or (_host_country(q) if measure == "refugees" else None)
        if place is not None:
            return f"place:{place.key}", f"{measure} in {place.ref.name}", place
    return f"all:{measure}", measure.replace("_", " "), None


HOST_BEFORE = re.compile(r"\b(?:fled|fleeing|flee|went|gone|crossed|arrived|arriving|headed|entered)\b[^.;]{0,30}?"
                         r"\b(?:to|into|in)\s+(?:neighbou?ring\s+)?$")
HOST_AFTER = re.compile(r"^\s+(?:(?:has|had|have)\s+)?(?:already\s+|now\s+)?(?:received|taken in|took in|hosts?|hosted|"
                        r"welcomed|registered|accepted|admitted|sheltered)\b")


def _host_country(q: QuantityMention) -> PlaceInfo | None:
    """The one country the words around a refugee count say took them in ("Romania has
    received over 750,000 refugees", "2.8 million fled at first to Poland"); not the country
    they fled, nor one named for another reason ("since the war in Ukraine began")."""
    hosts = {}
    for p in q.places:
        if p.level != 0:
            continue
        for m in re.finditer(rf"\b{re.escape(fold(p.ref.name))}\b", q.near):
            if HOST_BEFORE.search(q.near[:m.start()]) or HOST_AFTER.match(q.near[m.end():]):
                hosts[p.key] = p
    return next(iter(hosts.values())) if len(hosts) == 1 else None


def _finest(places: Iterable[PlaceInfo]) -> PlaceInfo | None:
    """The finest town or region; a country alone is no subject ("the Russian invasion")."""
    ranked = sorted((p for p in places if p.level > 0), key=lambda p: (-p.level, p.ref.name))
    return ranked[0] if ranked else None


SeriesKey = tuple[str, str, str]


def series_key(q: QuantityMention) -> SeriesKey | None:
    measure = measure_of(q)
    if measure is None:
        return None
    key, _, _ = subject_of(q, measure)
    return (measure, key, claimant_key(q, measure))


def claimant_key(q: QuantityMention, measure: str) -> str:
    """Whose series: the claimant; for aid the giving government (its leader, office and press
    releases state one set of figures)."""
    if q.claimant is None:
        return "-"
    if measure == "aid" and q.claimant.side:
        return "side:" + q.claimant.side
    return q.claimant.key


def series_id(key: SeriesKey) -> str:
    return content_id("F", *key)


def build_series(key: SeriesKey, group: list[QuantityMention], event_of: dict[tuple[str, str], str]) -> Series:
    first = min(group, key=lambda q: report_order(q.report))
    _, label, place = subject_of(first, key[0])
    events = sorted({event_of[(q.article, e)] for q in group for e in q.events if (q.article, e) in event_of})
    subject = Subject(label=label, event=events[0] if len(events) == 1 else None,
                      place=place.ref if place else None)
    return Series(id=series_id(key), measure=key[0], unit=first.unit, subject=subject,
                  claimant=party_model(first.claimant), points=build_points(group))


def build_points(group: list[QuantityMention]) -> tuple[Point, ...]:
    by_point: dict[tuple[float, str, date | None], list[QuantityMention]] = {}
    for q in group:
        by_point.setdefault((q.value, q.bound, q.said_at), []).append(q)
    points = []
    for (value, bound, said), qs in by_point.items():
        reports = sort_reports(q.report for q in qs)
        points.append(Point(said_at=said.isoformat() if said else None, value=value, bound=bound,  # type: ignore[arg-type]
                            report=reports[0], reports=reports))
    return tuple(sorted(points, key=lambda p: (p.said_at or "9999", report_order(p.report), p.value)))


def place_ref(place: PlaceInfo | None) -> PlaceRef | None:
    return place.ref if place else None
