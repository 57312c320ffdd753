"""confidence: a calibrated confidence in [0, 1] on every place, claim and event.

Approach
1. Features (module functions below) describe each item from what the record already holds:
   places — the resolver's margin over the runner-up (the places stage's own confidence), how
   many alternatives there are and whether they lie far away, mentions, kind, whether the
   mention sits inside a longer proper name ("Antony Blinken"), whether the text around it
   names the place's region or country ("Zavody, in the Kharkiv region"), whether it lies in
   the document's main country; events — the cue score, actor/target/place/time/claim present, none of actor, target
   and place ("bare"), a past material act with its actor and place ("complete"), a reporting
   verb in the sentence,
   PLOVER family, ACLED violence, modal or negated wording before the trigger, a quotation, a
   repeat of an earlier event, a headline-short paragraph; claims — quotation, linked claimant
   and its kind/side, channel, time, status, evidence, a reporting verb next to the span.
2. A logistic score w·x per section, then a monotone step table that maps the score to the
   share of items that were right (isotonic regression with a prior, fitted on the tune part
   of the dev sets by scripts/calibrate.py). The table is data: src/sitrep/data/confidence.json.
3. The stage only reads that file; it replaces `confidence` on places and events and sets it on
   claims. A section the file does not cover keeps confidence None.

Example
    "Russian forces shelled Novomykhailivka, Donetsk." — the town resolved inside the named
    oblast with no far alternative gets a high place confidence; "Antony" in "Antony Blinken"
    resolved to a French town gets a low one; a violent event in a paragraph without actor,
    place or time, after "would", gets a low event confidence.

Known failure modes
- The tables are fitted on a few hundred judged items (8 hand-annotated articles, GeoWebNews
  tune part): the values are coarse, and a kind of text unlike those (a long live blog, a
  non-war story) is calibrated by what was seen, not by what it is.
- The features read the record, not the parse, so an error the earlier stages cannot see
  (an idiom read literally) is only caught through its side effects (no actor, no place).
- Events: the tune articles are the ones the event rules were written on, so events there are
  right far more often than on unseen articles (2026-12-02: 71 % vs 48 %); a fit on them is
  optimistic wherever it trusts what the rule writer saw. The event fit therefore leaves out
  the hand-set cue score and the document-level figures (scripts/calibrate.py EXCLUDE) and
  keeps structural evidence (actor, place, past tense, a speech act or not, a quotation, a
  negation, a violent act). Fit of 2026-12-02: check-part events at >= 0.8 were 81 % right
  (32 items), but the 0.6-0.8 step held 44 % there against 73 % on tune: below 0.8 the values
  are still optimistic on unseen text.
- Refitting the table is needed when the stages before change much; the file says when it
  was fitted and on what.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sitrep.datafiles import data_path, load_json
from sitrep.model import Claim, Event, Place, Record
from sitrep.pipeline import Stage

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sitrep.config import Settings

VERSION = "1.1.0"
DATA_FILE = ("confidence.json",)
VIOLENT_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
VERBAL = frozenset({"DISAPPROVE", "DEMAND", "REJECT", "THREATEN", "CONSULT", "AGREE", "SUPPORT", "CONCEDE"})
_MODAL = re.compile(r"\b(?:would|could|may|might|will|shall|should|can|if|whether|unless|plans?|aims?|"
                    r"intends?|expected|ready|threat(?:en)?s?|wants?|hopes?|calls? for|urged?)\b|\?", re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|without|denied|denies|deny|nor)\b|n['’]t\b", re.I)
_REPORTING = re.compile(r"\b(?:said|says|say|told|tells|added|according to|stated|wrote|tweeted|claimed|"
                        r"claims|announced|reported|insisted)\b", re.I)
_REGION_WORD = re.compile(r"\s*(?:,|\bin\b|\bof\b)?\s*(?:the\s+)?[\w'’ .-]{0,30}?\b(?:region|oblast|province|"
                          r"state|county|district)\b", re.I)
_MILITARY = re.compile(r"\b(?:troops|soldiers|forces|military|army|armed|militants?|rebels?|insurgents?|missiles?|"
                       r"rockets?|shell(?:ing|ed)|artillery|drones?|air ?strikes?|bombs?|bombing|invasion|invaded|"
                       r"offensive|ceasefire|frontline|front line|war|weapons?|militia|police|protesters?)\b", re.I)
_QUOTES = "\"“”"
_NOMINAL = re.compile(r"\b(?:the|a|an|its|their|his|her|our|of|any|these|those|such|new|more)\s+(?:[\w-]+\s+)?$", re.I)
_PAST = re.compile(r"\b(?:was|were|had|has|have|did|said|took|left|fled|hit|began|came|made|[a-z]{3,}ed)\b", re.I)
# Capitalised words next to a place that do not make it part of a person's or an organisation's name.
_NAME_GENERIC = frozenset({"Oblast", "Region", "Province", "River", "City", "County", "State", "Republic", "The",
                           "In", "At", "On", "From", "To", "Of", "And", "Near", "North", "South", "East", "West",
                           "Northern", "Southern", "Eastern", "Western", "Central", "Greater", "Upper", "Lower"})


# ---------------------------------------------------------------- features
def place_features(place: Place, record: Record) -> dict[str, float]:
    text = record.text
    mentions = place.mentions or ()
    n = max(len(mentions), 1)
    first_alt = place.alternatives[0] if place.alternatives else None
    return {
        "resolver": _logit(place.confidence if place.confidence is not None else 0.5),
        "mentions": math.log1p(len(mentions)),
        "alternatives": len(place.alternatives) / 3,
        "far_alternative": float(first_alt is not None and place.lat is not None and place.lon is not None
                                 and _km(place.lat, place.lon, first_alt.lat, first_alt.lon) > 161),
        "country": float(place.kind == "country"),
        "region": float(place.kind == "region"),
        "other_kind": float(place.kind in ("river", "area", "other")),
        "in_name": sum(_inside_name(text, m.start, m.end) for m in mentions) / n,
        "exact": sum(text[m.start:m.end].lower() == place.name.lower() for m in mentions) / n,
        "context": float(any(_context_names(text, m.end, place) for m in mentions)),
        "main_country": float(place.country is not None and place.country == main_country(record)),
    }


def event_features(event: Event, record: Record) -> dict[str, float]:
    text = record.text
    at = event.trigger.start if event.trigger else event.start
    before = re.split(r"[.!?]\s|\n", text[max(0, at - 80):at])[-1]  # the trigger's sentence, up to it
    para_start = text.rfind("\n", 0, at) + 1
    para_end = text.find("\n", at)
    para = text[para_start:para_end if para_end >= 0 else len(text)]
    violent = bool(event.acled and event.acled[0] in VIOLENT_ACLED)
    sentence = _sentence_at(text, at)
    past = bool(_PAST.search(text[max(para_start, at - 40):at + 40]))
    bare = event.actor is None and event.target is None and not event.places
    return {
        "cue": event.confidence if event.confidence is not None else 0.5,
        "actor": float(event.actor is not None),
        "target": float(event.target is not None),
        "place": float(bool(event.places)),
        "when": float(event.when is not None),
        "claim": float(event.claim is not None),
        "acled": float(event.acled is not None),
        "violent": float(violent),
        "assault": float(event.plover == "ASSAULT"),
        "verbal": float(event.plover in VERBAL),
        "modal": float(bool(_MODAL.search(before[-60:]))),
        "negated": float(bool(_NEGATION.search(before[-30:]))),
        "quoted": float(sum(text[para_start:at].count(q) for q in _QUOTES) % 2 == 1),
        "repeat": float(_is_repeat(event, record)),
        "same_type_before": math.log1p(_same_type_before(event, record)),
        "short_paragraph": float(len(para) < 120),
        "violent_alone": float(violent and _violent_count(record) == 1),
        "violent_military": float(violent) * military_density(record.text),
        "nominal": float(bool(_NOMINAL.search(before[-25:]))),
        "past_tense": float(bool(_PAST.search(text[max(para_start, at - 40):at + 40]))),
        "doc_modality": modality_density(text),
        "bare": float(bare),
        "complete": float(event.actor is not None and bool(event.places) and past and event.plover not in VERBAL),
        "reported": float(bool(_REPORTING.search(sentence))),
    }


def claim_features(claim: Claim, record: Record) -> dict[str, float]:
    text = record.text
    actors = {a.id: a for a in record.actors}
    who = actors.get(claim.claimant) if claim.claimant else None
    around = text[max(0, claim.start - 60):claim.start] + " " + text[claim.end:claim.end + 60]
    return {
        "quote": float(claim.quote),
        "claimant": float(who is not None),
        "claimant_text": float(who is None and claim.claimant_text is not None),
        "person": float(who is not None and who.kind == "person"),
        "side": float(who is not None and who.side is not None),
        "channel": float(claim.channel is not None),
        "said_at": float(claim.said_at is not None),
        "reported": float(claim.status == "reported"),
        "hedged": float(claim.status not in ("asserted", "reported")),
        "evidence": float(bool(claim.evidence)),
        "reporting_verb": float(bool(_REPORTING.search(around))),
        "length": math.log1p((claim.end - claim.start) / 100),
        "response": float(claim.response is not None),
    }


@lru_cache(maxsize=8)  # a document-level figure asked for by each of its events: count it once per text
def modality_density(text: str) -> float:
    """Modal and conditional words per 100 words: commentary and analysis write more of them than
    reports of what happened, and their event readings are more often hypothetical."""
    return 100 * len(_MODAL.findall(text)) / max(len(text.split()), 1)


def _sentence_at(text: str, at: int) -> str:
    """The sentence round a character offset (split at . ! ? followed by a space, or a line break)."""
    starts = [m.end() for m in re.finditer(r"[.!?][\"”’]?\s|\n", text[max(0, at - 300):at])]
    lo = max(0, at - 300) + (starts[-1] if starts else 0)
    end = re.search(r"[.!?][\"”’]?(?:\s|$)|\n", text[at:at + 300])
    return text[lo:at + (end.end() if end else 300)]


@lru_cache(maxsize=8)
def military_density(text: str) -> float:
    """log(1 + armed-conflict words per 1,000 words): high in war reporting, ~0 in sports or business."""
    words = max(len(text.split()), 1)
    return math.log1p(1000 * len(_MILITARY.findall(text)) / words)


def main_country(record: Record) -> str | None:
    """The country with the most place mentions (its own and its places'), or None."""
    counts: Counter[str] = Counter()
    for p in record.places:
        if p.country:
            counts[p.country] += len(p.mentions) or 1
    return counts.most_common(1)[0][0] if counts else None


def _inside_name(text: str, start: int, end: int) -> bool:
    """The mention is glued to another capitalised word ("Antony Blinken", "Kateryna Ivanova")."""
    after = re.match(r"[ \t]([A-Z][a-z]+)", text[end:end + 30])
    before = re.search(r"(?:^|[^.!?\n\"“:]\s)([A-Z][a-z]+)[ \t]$", text[max(0, start - 30):start])
    return any(m is not None and m.group(1) not in _NAME_GENERIC for m in (after, before))


def _context_names(text: str, end: int, place: Place) -> bool:
    """Right after the mention the text names the place's first-level region or a region word."""
    window = text[end:end + 50]
    if place.admin1:
        head = place.admin1.split()[0]
        if len(head) > 3 and head[:5].lower() in window.lower():
            return True
    return bool(_REGION_WORD.match(window))


def _is_repeat(event: Event, record: Record) -> bool:
    """An earlier event has the same type and the same places (or neither has any)."""
    for other in record.events:
        if other.id == event.id:
            return False
        if other.plover == event.plover and set(other.places) == set(event.places):
            return True
    return False


def _same_type_before(event: Event, record: Record) -> int:
    """How many earlier events of the record have the same PLOVER type."""
    n = 0
    for other in record.events:
        if other.id == event.id:
            break
        n += other.plover == event.plover
    return n


def _violent_count(record: Record) -> int:
    return sum(bool(e.acled and e.acled[0] in VIOLENT_ACLED) for e in record.events)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


FEATURES: dict[str, Callable[[Any, Record], dict[str, float]]] = {
    "places": place_features, "claims": claim_features, "events": event_features,
}


# ---------------------------------------------------------------- calibration table
@dataclass(frozen=True)
class Calibration:
    """A logistic score over named features, then a step table from score to confidence."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    bounds: tuple[float, ...]  # lower score bound of each step, ascending; the first is 0
    values: tuple[float, ...]

    def score(self, x: Mapping[str, float]) -> float:
        z = self.bias + sum(w * x.get(f, 0.0) for f, w in zip(self.features, self.weights, strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def __call__(self, x: Mapping[str, float]) -> float:
        i = bisect_right(self.bounds, self.score(x)) - 1
        return round(self.values[max(i, 0)], 3)

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Calibration:
        return cls(tuple(d["features"]), tuple(float(w) for w in d["weights"]), float(d["bias"]),
                   tuple(float(b) for b in d["bounds"]), tuple(float(v) for v in d["values"]))


def load_table() -> dict[str, Any]:
    """src/sitrep/data/confidence.json, or an empty table when it is not there."""
    return load_json(*DATA_FILE) if data_path(*DATA_FILE).exists() else {}


def load_calibrations(table: Mapping[str, Any] | None = None) -> dict[str, Calibration]:
    """The sections of src/sitrep/data/confidence.json (or of `table`), by section name."""
    table = load_table() if table is None else table
    return {s: Calibration.from_json(table[s]) for s in FEATURES if s in table}


# ---------------------------------------------------------------- the stage
def make_confidence_stage(settings: Settings | None = None, *,
                          table: Mapping[str, Any] | None = None) -> Stage:
    """Load the calibration table once (`table` replaces the shipped file, for tests). The stage
    version names the table's fit, so a stored record says which calibration rated it."""
    table = load_table() if table is None else table
    calibrations = load_calibrations(table)
    version = f"{VERSION}+{table.get('fitted', 'unfitted')}"

    def run(record: Record, parse: Doc | None) -> Record:
        return with_confidence(record, calibrations)

    requires = frozenset({"text", "actors", "places", "claims", "events"})
    return Stage("confidence", version, requires, frozenset({"places", "claims", "events"}), run)


def with_confidence(record: Record, calibrations: Mapping[str, Calibration]) -> Record:
    """The record with every place, claim and event carrying its calibrated confidence."""
    update: dict[str, tuple[Any, ...]] = {}
    for section, items in (("places", record.places), ("claims", record.claims), ("events", record.events)):
        cal = calibrations.get(section)
        update[section] = tuple(_rated(items, record, FEATURES[section], cal))
    return record.model_copy(update=update)


def _rated(items: Sequence[Any], record: Record, features: Callable[[Any, Record], dict[str, float]],
           cal: Calibration | None) -> list[Any]:
    if cal is None:
        return [x.model_copy(update={"confidence": None}) for x in items]
    return [x.model_copy(update={"confidence": cal(features(x, record))}) for x in items]
