"""Control timelines: who held which place when, according to whom.

Steps:
1. **Read** each territorial event mention, each claim about a place (`control_change`) and
   each sentence saying who holds a place as it is written (`mentions.standing_control`:
   "Kherson remains under Russian control", "Ukrainian forces still hold Bakhmut"):
   the ACLED sub-type and the words of the sentence say the change (recaptured, captured,
   withdrew, encircled, holds, contested), the actor's side (or the opposite of the
   target's) says who holds the place afterwards. A withdrawal has controller null unless
   the sentence says who took over.
2. **Entries**: one per (place, change, controller) and merged event (or one article), so
   the reports of one recapture in several articles give one entry. The date is the event's
   stated date at its precision (the finest, then the earliest), else the earliest report's
   publication date. The trigger word decides the change (the
   sentence only for sieges and standing holds), attempts ("tried to seize") are no change,
   and a capture, recapture or withdrawal needs an armed party with a side.
3. **Timelines**: entries of one place in date order. `find_timeline` looks a place up in any
   spelling: by gazetteer id when a gazetteer is given, else by folded name.

Example: "The Ukrainian army has also reclaimed Izyum" gives Izium: recaptured, controller
UKR, claimant Zelensky (the claim the event rests on), status asserted.

Known limits: countries get no timeline (control of a whole country is not a place fact);
a sentence naming several towns gives each the same change, which is wrong when the verb
only governs one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.analysis.events import party_model
from sitrep.analysis.grouping import UnionFind, content_id, report_order, sort_reports
from sitrep.analysis.mentions import ClaimMention, EventMention, PartyInfo, PlaceInfo, StandingControl, fold
from sitrep.analysis.model import Report, Timeline, TimelineEntry

OPPONENT = {"UKR": "RUS", "RUS": "UKR"}
CUES = (
    ("encircled", re.compile(r"\b(besieg|encircl|surrounded|siege|blockad|cut off)")),  # not "the district surrounding"
    ("recaptured", re.compile(r"\b(recaptur|retak|retook|reclaim|regain|liberat|took back|won back|"
                              r"counteroffensives? in|counter-offensives? in)")),
    ("holds", re.compile(r"\b(under (?:russian|ukrainian) control|remains? under|still (?:hold|control)|"
                         r"failed (?:in its objective of |to )captur|failed to take|win the battle (?:for|of))")),
    ("captured", re.compile(r"\b(captur|seiz|took control|taken control|occup|fell to|overr|took over|"
                            r"rumbled into|annex)")),
    ("withdrew", re.compile(r"\b(withdr|retreat|pulled (?:out|back)|departed|abandon|left|leaving|fled)")),
    ("contested", re.compile(r"\b(fighting (?:for|in|around)|battle (?:for|of)|contested|clashes)")),
)
CUE = dict(CUES)
ATTEMPT = re.compile(r"\b(attempts?|tried|trying|aim\w*|sought|seeking|plan\w*|wants?|wanted|could|would|"
                     r"failed|bid|intend\w*|threat\w*)\W+(?:\w+\W+){0,2}(?:to\W+)?(?:\w+\W+)?$")
ACLED_CHANGE = {"Government regains territory": "recaptured", "Non-state actor overtakes territory": "captured",
                "Non-violent transfer of territory": "withdrew"}
TERRITORIAL = frozenset({"ASSAULT", "RETREAT", "COERCE", "CONCEDE", "FIGHT", "MOBILIZE"})
SIDE_WORDS = (("RUS", re.compile(r"\brussi(?:an|ans|a's|as)\b")), ("UKR", re.compile(r"\bukrain(?:ian|ians|e's|es)\b")))
UNDER = re.compile(r"under (russian|ukrainian) control")


@dataclass(frozen=True)
class ControlMention:
    place: PlaceInfo
    group: str  # the event id (or claim id) this reading belongs to
    change: str
    controller: str | None
    claimant: PartyInfo | None
    status: str
    report: Report
    date: str | None
    precision: str | None = "day"  # day|week|month: how finely `date` is known


def control_change(plover: str | None, acled: tuple[str, str] | None, trigger: str, sentence: str) -> str | None:
    """The change the trigger word says; the sentence only for a siege or a standing hold."""
    folded, words = fold(sentence), fold(trigger)
    for change in ("encircled", "holds"):
        if CUE[change].search(folded):
            return change
    for change, cue in CUES:
        if words and cue.search(words):
            return change
    if acled and acled[1] in ACLED_CHANGE:
        return ACLED_CHANGE[acled[1]]
    return "withdrew" if plover == "RETREAT" else None


def is_attempt(trigger: str, sentence: str) -> bool:
    """'repelled the Russian attempt to seize Kyiv', 'aiming to capture': no change happened."""
    at = fold(sentence).find(fold(trigger)) if trigger else -1
    return at >= 0 and ATTEMPT.search(fold(sentence)[max(0, at - 40):at]) is not None


def controller_of(change: str, actor: PartyInfo | None, target: PartyInfo | None, text: str,
                  place: PlaceInfo) -> str | None:
    under = UNDER.search(fold(text))
    if change == "withdrew":
        return None
    if change == "holds" and under:
        return "RUS" if under[1] == "russian" else "UKR"
    if change == "encircled":
        return (target.side if target else None) or ("UKR" if place.country == "UA" else None)
    if change == "contested":
        return None
    side = actor.side if actor else None
    if side is None and target is not None and target.side:
        side = OPPONENT.get(target.side)
    if side is None and change == "captured":
        side = capturer_named(text)
    if side is None and change in ("captured", "holds"):
        side = _only_side_named(text)
    if side is None and change in ("recaptured", "holds") and place.country == "UA":
        side = "UKR"
    return side


SIDE_NAME = re.compile(r"\b(russians|russian|russia|ukrainians|ukrainian|ukraine)((?:['’]s|s)?)\b", re.I)
LOSER_BEFORE = re.compile(r"\b(?:of|against|on|in|into|from|across|inside|to)\s+(?:the\s+)?$", re.I)
OWNED_AFTER = re.compile(r"\s+(?:[A-Z]\w*|\w+\s+(?:peninsula|region|oblast|city|town|port|coast|territory)|"
                         r"(?:territory|land|cities|towns|regions|east|south|north|west)\b)")


def capturer_named(text: str) -> str | None:
    """The one side a capture sentence names other than as the loser: not after 'of/against/
    into' ("the invasion of Ukraine") nor as the possessor of what was taken ("it captured
    Ukraine's Crimea"), so "Russia ... captured Ukraine's Crimean Peninsula" gives RUS."""
    sides = set()
    for m in SIDE_NAME.finditer(text):
        if not m[2] and LOSER_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        if m[2] and OWNED_AFTER.match(text, m.end()):
            continue
        sides.add("RUS" if m[1].lower().startswith("russia") else "UKR")
    return sides.pop() if len(sides) == 1 else None


def _only_side_named(text: str) -> str | None:
    """The one belligerent the sentence names ("...in the earliest hours of Russia's invasion")."""
    named = {side for side, cue in SIDE_WORDS if cue.search(fold(text))}
    return named.pop() if len(named) == 1 else None


def from_event(m: EventMention, event_id: str, event_date: tuple[str, str] | None = None) -> list[ControlMention]:
    """Control readings of one event mention; a mention that states no date takes the date (and
    precision) the other reports of its event state (the withdrawal "last week" is the one dated
    1 April); "in February" stays a month (2022-02-01 at month precision), not a day."""
    if m.plover not in TERRITORIAL or is_attempt(m.trigger, m.report.text):
        return []
    change = control_change(m.plover, m.acled, m.trigger, m.report.text)
    if change is None:
        return []
    territorial = bool(m.acled and m.acled[1] in ACLED_CHANGE)
    if change in ("captured", "recaptured", "withdrew") and not (territorial or _armed_party(m)):
        return []  # someone who "left Kharkiv" is not a change of control
    when, precision = (m.when.first.isoformat(), m.when.precision) if m.when and m.when.precision != "year" \
        else (event_date or (None, None))
    return [ControlMention(p, event_id, change, controller_of(change, m.actor, m.target, m.report.text, p),
                           m.claimant, m.status or "reported", m.report, when, precision)
            for p in m.places if is_controllable(p)]


def _armed_party(m: EventMention) -> bool:
    return any(p is not None and p.side and p.kind in ("group", "org", "state") for p in (m.actor, m.target))


def from_claim(m: ClaimMention, claim_id: str) -> list[ControlMention]:
    if m.events:
        return []  # the events it rests on speak for it
    text = m.report.text
    change = control_change(None, None, text, text)
    if change is None or change == "contested" or _claimed_attempt(change, text):
        return []
    if change in ("captured", "recaptured", "withdrew") and _only_side_named(text) is None:
        return []  # "told him not to leave Kyiv": no armed side, no change of control
    return [ControlMention(p, claim_id, change, controller_of(change, None, None, text, p),
                           m.claimant, m.status, m.report, m.said_at.isoformat() if m.said_at else None)
            for p in m.places if is_controllable(p)]


def from_standing(s: StandingControl) -> ControlMention:
    """A sentence saying who holds the place as the article is written: a hold on its publication day."""
    group = content_id("S", s.report.article, s.report.start, s.place.key)
    return ControlMention(s.place, group, "holds", s.controller, s.claimant, s.status, s.report,
                          s.said_at.isoformat() if s.said_at else None)


def _claimed_attempt(change: str, text: str) -> bool:
    match = CUE[change].search(fold(text))
    return match is not None and is_attempt(match.group(0), text)


def is_controllable(p: PlaceInfo) -> bool:
    """A town, region or river line inside a country: not a country, not 'Europe'."""
    return p.level > 0 and p.country is not None


def build_timelines(readings: list[ControlMention]) -> list[Timeline]:
    by_place: dict[str, list[TimelineEntry]] = {}
    places: dict[str, PlaceInfo] = {}
    for (place_key, change, controller), rs in _entries(readings):
        places.setdefault(place_key, rs[0].place)
        by_place.setdefault(place_key, []).append(_entry(rs, change, controller))
    out = [Timeline(place=places[k].ref, entries=tuple(sorted(v, key=_entry_order))) for k, v in by_place.items()]
    return sorted(out, key=lambda t: (t.place.name, t.place.geonameid or 0))


def _entries(readings: list[ControlMention]) -> list[tuple[tuple[str, str, str | None], list[ControlMention]]]:
    """Readings of one (place, change, controller) joined when they share an event or an article."""
    uf: UnionFind[tuple[str, str, str | None, str]] = UnionFind()
    for r in readings:
        head = (r.place.key, r.change, r.controller)
        uf.add((*head, "g:" + r.group))
        uf.add((*head, f"s:{r.report.article}:{r.report.start}"))
        uf.add((*head, f"a:{r.report.article}"))
        uf.union((*head, "g:" + r.group), (*head, f"s:{r.report.article}:{r.report.start}"))
        uf.union((*head, "g:" + r.group), (*head, f"a:{r.report.article}"))  # one article, one change
    grouped: dict[tuple[str, str, str | None, str], list[ControlMention]] = {}
    for r in readings:
        grouped.setdefault(uf.find((r.place.key, r.change, r.controller, "g:" + r.group)), []).append(r)
    return sorted(((k[:3], rs) for k, rs in grouped.items()), key=lambda kv: str(kv[0]) + kv[1][0].group)


PRECISION_RANK = {"day": 0, "week": 1, "month": 2}  # an entry takes its finest stated date


def _entry(rs: list[ControlMention], change: str, controller: str | None) -> TimelineEntry:
    reports = sort_reports(r.report for r in rs)
    first = min(rs, key=lambda r: report_order(r.report))
    dated = sorted((PRECISION_RANK.get(r.precision or "", 9), r.date, r.precision) for r in rs if r.date)
    date, precision = (dated[0][1], dated[0][2]) if dated else (first.report.published, "day")
    claimant = next((r.claimant for r in sorted(rs, key=lambda r: report_order(r.report)) if r.claimant), None)
    return TimelineEntry(date=date, date_precision=precision, controller=controller, change=change,  # type: ignore[arg-type]
                         claimant=party_model(claimant), status=first.status, reports=reports)


def _entry_order(e: TimelineEntry) -> tuple[str, str, str, str]:
    return (e.date or "9999", e.change, e.controller or "", report_order(e.reports[0])[1])
