"""Which side takes ground: "Government regains territory" or "Non-state actor overtakes territory".

ACLED calls *government* the state forces of the country where the event happens; any other
armed party there, a rebel group or a foreign army, takes ground as a "non-state actor". So
the decision is a property of the conflict and the ground, not of a nationality word:

1. The document's conflict (data/conflicts.json) is the one whose theatre countries its places
   name most often and whose parties its actors' sides belong to (`choose_conflict`).
2. The ground is the country of the event's local places (a region's country first: a village
   name is often ambiguous, "the Belgorod region" is not), else the conflict's default ground.
3. The winner is the actor's side, else the party the subject's words name; the loser the party
   of the target, the passive subject or the "from ..." phrase. Winner = the ground's government
   -> Government regains territory; another party -> Non-state actor overtakes territory; the
   same read from the loser when the winner is unknown.
4. With no conflict row, an actor whose side (ISO alpha-3) is the ground's country is the
   government, another state's side is not; `None` leaves it to the generic words (government,
   army vs rebels, militants) in the stage.

Example: "Russian forces retook the village of Tetkino in the Kursk region." -> Government
regains territory (Russian ground); "Russian forces captured Lyman." -> Non-state actor
overtakes territory (Ukrainian ground).

Known failure modes: a village resolved to the wrong country moves the ground; a party's words
are listed by hand per conflict, so an unlisted group is left to the generic words; where a
theatre country has no recognised government (Gaza) the decision falls back too.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from sitrep.model import Place, Record
from sitrep.stages.events.tables import Conflict, Tables

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

REGION_WORD = re.compile(r"\s+(?:region|oblast|province|governorate|district|krai|area)\b", re.IGNORECASE)
REGION_END = re.compile(r"\s(?:region|oblast|province|governorate|district|krai)$", re.IGNORECASE)
MIN_EVIDENCE = 2  # mentions of a theatre country or of its government's side
GOV_REGAINS = "Government regains territory"
NONSTATE_OVERTAKES = "Non-state actor overtakes territory"


def choose_conflict(record: Record, tables: Tables) -> Conflict | None:
    """The conflict whose theatre the record's places name most, counting also the actors on the
    side of a theatre government; at least MIN_EVIDENCE mentions. A foreign party's side (an
    American spokesman) does not choose a war: it would pick one for every US story."""
    countries = Counter(p.country for p in record.places for _ in p.mentions if p.country)
    sides = Counter(a.side for a in record.actors for _ in a.mentions if a.side)
    best, best_score = None, MIN_EVIDENCE - 1
    for conflict in tables.conflicts:
        governments = set(conflict.governments.values())
        score = sum(countries[c] for c in conflict.theatre) + sum(sides[k] for k in governments)
        if score > best_score:
            best, best_score = conflict, score
    return best


def ground_country(places: list[Place], conflict: Conflict | None, text: str = "",
                   inside: dict[str, list[tuple[int, int]]] | None = None) -> str | None:
    """ISO alpha-2 of the event's ground: a region's country first ("in the Belgorod region":
    `inside` holds the places' mentions in the event), then a town's; within the conflict's
    theatre when there is one, else its default ground."""
    inside = inside or {}
    local = sorted((p for p in places if p.kind != "country" and p.country),
                   key=lambda p: not (p.kind == "region" or is_region_mention(text, inside.get(p.id, []))))
    for place in local:
        if conflict is None or place.country in conflict.theatre:
            return place.country
    return conflict.default_ground if conflict is not None else None


def is_region_mention(text: str, mentions: list[tuple[int, int]]) -> bool:
    """One of the mentions (char ranges) is or is followed by a region word: "the Belgorod
    region", "Kharkiv Oblast"."""
    return any(REGION_WORD.match(text, end) or REGION_END.search(text, start, end) for start, end in mentions)


def party_of(side: str | None, words: str, conflict: Conflict | None) -> str | None:
    """The conflict party an actor side (ISO alpha-3) or a phrase's lemmas name."""
    if conflict is None:
        return None
    if side and side in conflict.parties:
        return side
    found = [(m.start(), key) for key, pattern in conflict.parties.items() if (m := pattern.search(words))]
    return min(found)[1] if found else None


def decide(winner: str | None, loser: str | None, government: str | None) -> str | None:
    """Sub-event type from the winning / losing party and the ground's government."""
    if government is None:
        return None
    if winner is not None:
        return GOV_REGAINS if winner == government else NONSTATE_OVERTAKES
    if loser is not None:
        return NONSTATE_OVERTAKES if loser == government else GOV_REGAINS
    return None


def territory_by_conflict(conflict: Conflict | None, ground: str | None, winner: tuple[str | None, str],
                          loser: tuple[str | None, str], tables: Tables) -> str | None:
    """Steps 3 and 4 of the module doc; `winner` and `loser` are (actor side, phrase lemmas)."""
    if conflict is not None:
        government = conflict.governments.get(ground or conflict.default_ground)
        verdict = decide(party_of(*winner, conflict), party_of(*loser, conflict), government)
        if verdict is not None:
            return verdict
    home = tables.alpha3.get(ground or "")
    if home is None:
        return None
    for side, beaten in ((winner[0], False), (loser[0], True)):
        if side:
            return GOV_REGAINS if (side == home) != beaten else NONSTATE_OVERTAKES
    return None


def lemmas_between(sent: SpacySpan, lo: int, hi: int) -> str:
    return " ".join(t.lemma_.lower() for t in sent if lo <= t.idx < hi)
