"""Filters over the views (the CLI's FILTERS and the API's query parameters) and place look-up.

`Filters` holds `--since/--until`, `--place`, `--actor`, `--side`, `--status`, `--type`;
`filter_items` keeps the items of any view that pass all given filters. A place matches by
gazetteer id when a gazetteer resolves the name (any spelling it knows: Izyum, Izium,
Изюм), else by the transliteration-insensitive skeleton of the name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from sitrep.analysis.model import Claim, Contradiction, Event, Party, PlaceRef, Series, Timeline
from sitrep.gazetteer.names import name_key, skeleton_key

Item = TypeVar("Item", Event, Claim, Series, Contradiction, Timeline)


class Lookup(Protocol):
    def lookup(self, name: str, *, fuzzy: bool = True) -> Sequence[object]: ...


@dataclass(frozen=True)
class Filters:
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None
    place: str | None = None
    actor: str | None = None
    side: str | None = None  # ISO3
    status: str | None = None
    type: str | None = None  # PLOVER root or ACLED type/sub-type; measure/kind/change for other views


class PlaceMatcher:
    """Does a PlaceRef name the place asked for, in any spelling?"""

    def __init__(self, name: str, gazetteer: Lookup | None = None) -> None:
        self.keys = {name_key(name), skeleton_key(name)} - {""}
        self.ids: set[int] = set()
        if gazetteer is not None:
            for hit in gazetteer.lookup(name):
                entry = getattr(hit, "entry", None)
                if entry is not None:
                    self.ids.add(int(entry.geonameid))

    def __call__(self, place: PlaceRef | None) -> bool:
        if place is None:
            return False
        if place.geonameid is not None and place.geonameid in self.ids:
            return True
        return bool({name_key(place.name), skeleton_key(place.name)} & self.keys)


def find_timeline(timelines: Iterable[Timeline], name: str, gazetteer: Lookup | None = None) -> list[Timeline]:
    """The timelines of the place called `name` (several when the name is ambiguous)."""
    matcher = PlaceMatcher(name, gazetteer)
    return [t for t in timelines if matcher(t.place)]


def filter_items(items: Iterable[Item], filters: Filters, gazetteer: Lookup | None = None) -> list[Item]:
    place = PlaceMatcher(filters.place, gazetteer) if filters.place else None
    return [i for i in items if _keep(i, filters, place)]


def _keep(item: Item, f: Filters, place: PlaceMatcher | None) -> bool:
    day = _date(item)
    if f.since and (day is None or day < f.since):
        return False
    if f.until and (day is None or day[:10] > f.until):
        return False
    if place is not None and not any(place(p) for p in item_places(item)):
        return False
    parties = _parties(item)
    if f.actor and not any(f.actor.lower() in p.name.lower() for p in parties):
        return False
    if f.side and not (any(p.side == f.side.upper() for p in parties) or f.side.upper() in _controllers(item)):
        return False
    if f.status and f.status not in _statuses(item):
        return False
    return not f.type or f.type.lower() in {t.lower() for t in _types(item)}


def _date(item: Item) -> str | None:
    if isinstance(item, Event):
        return item.date or (item.reports[0].published if item.reports else None)
    if isinstance(item, Claim):
        return item.said_at
    if isinstance(item, Series):
        return item.points[-1].said_at if item.points else None
    if isinstance(item, Contradiction):
        return min((r.published for s in item.sides for r in s.reports if r.published), default=None)
    return item.entries[-1].date if item.entries else None


def item_places(item: Event | Claim | Series | Contradiction | Timeline) -> list[PlaceRef]:
    """The places an item of any view is about (what the place filter and a map's bbox test)."""
    if isinstance(item, (Event, Claim)):
        return list(item.places)
    if isinstance(item, Series):
        return [item.subject.place] if item.subject.place else []
    if isinstance(item, Contradiction):
        return [item.about.place] if item.about.place else []
    return [item.place]


def _parties(item: Item) -> list[Party]:
    if isinstance(item, Event):
        found = [item.actor, item.target]
    elif isinstance(item, (Claim, Series)):
        found = [item.claimant]
    elif isinstance(item, Contradiction):
        found = [s.claimant for s in item.sides]
    else:
        found = [e.claimant for e in item.entries]
    return [p for p in found if p is not None]


def _controllers(item: Item) -> set[str]:
    return {e.controller for e in item.entries if e.controller} if isinstance(item, Timeline) else set()


def _statuses(item: Item) -> set[str]:
    if isinstance(item, (Event, Claim)):
        return {item.status}
    if isinstance(item, Timeline):
        return {e.status for e in item.entries}
    return set()


def _types(item: Item) -> set[str]:
    if isinstance(item, Event):
        return {item.plover or "", *(item.acled or ())}
    if isinstance(item, Series):
        return {item.measure}
    if isinstance(item, Contradiction):
        return {item.kind}
    if isinstance(item, Timeline):
        return {e.change for e in item.entries}
    return set()
