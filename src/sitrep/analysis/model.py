"""Typed output of the cross-article views (contract: shared/spec/analysis.md, `sitrep.analysis/1`).

Every shape of the spec is a frozen pydantic model here; `model_dump(mode="json")` gives exactly
the spec's JSON (field names, nulls, nesting). Optional spec fields (`corroborated_by`, a
point's `reports`) are always present. Internal bookkeeping (merge reasons for `--explain`)
lives in `MergeReason`, outside the spec shapes.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

SCHEMA = "sitrep.analysis/1"

EventStatus = Literal["asserted", "reported", "unconfirmed", "confirmed", "denied", "disputed"]
ClaimLedgerStatus = Literal["asserted", "unconfirmed", "unverified", "confirmed", "denied", "reported", "disputed"]
Change = Literal["captured", "recaptured", "withdrew", "holds", "contested", "encircled"]
ContradictionKind = Literal["figure", "claim", "control", "attribution"]
Bound = Literal["eq", "gt", "gte", "lt", "lte", "approx"]
DatePrecision = Literal["day", "week", "month"]


class Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_json_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json")


class Report(Out):
    """One place in one stored article that supports an item."""

    article: str
    outlet: str | None
    published: str | None
    start: int
    end: int
    text: str
    item: str


class Party(Out):
    name: str
    side: str | None
    kind: str


class PlaceRef(Out):
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    kind: str
    country: str | None = None  # ISO 3166 alpha-2 (added field: ACLED export, dashboard)
    admin1: str | None = None


class Fatalities(Out):
    value: float
    bound: Bound
    claimant: Party | None
    as_of: str | None


class Event(Out):
    id: str
    plover: str | None
    acled: tuple[str, str] | None
    date: str | None
    date_precision: DatePrecision | None
    places: tuple[PlaceRef, ...]
    actor: Party | None
    target: Party | None
    fatalities: Fatalities | None
    status: EventStatus
    reports: tuple[Report, ...]
    outlets: int
    articles: int


class HistoryStep(Out):
    status: str
    article: str
    published: str | None


class Claim(Out):
    id: str
    claimant: Party | None
    channel: str | None
    content: str
    said_at: str | None
    status: ClaimLedgerStatus
    history: tuple[HistoryStep, ...]
    reports: tuple[Report, ...]
    outlets: int
    articles: int
    events: tuple[str, ...]
    figures: tuple[str, ...]
    places: tuple[PlaceRef, ...]
    corroborated_by: tuple[str, ...] = ()


class Subject(Out):
    label: str
    event: str | None
    place: PlaceRef | None


class Point(Out):
    said_at: str | None
    value: float
    bound: Bound
    report: Report
    reports: tuple[Report, ...]


class Series(Out):
    id: str
    measure: str
    unit: str
    subject: Subject
    claimant: Party | None
    points: tuple[Point, ...]


class About(Out):
    label: str
    event: str | None
    place: PlaceRef | None
    measure: str | None


class Side(Out):
    claimant: Party | None
    statement: str
    reports: tuple[Report, ...]


class Contradiction(Out):
    id: str
    kind: ContradictionKind
    about: About
    sides: tuple[Side, ...]


class TimelineEntry(Out):
    date: str | None
    date_precision: DatePrecision | None = None  # "in February": 2022-02-01 at month precision
    controller: str | None
    change: Change
    claimant: Party | None
    status: str
    reports: tuple[Report, ...]


class Timeline(Out):
    place: PlaceRef
    entries: tuple[TimelineEntry, ...]


class MergeReason(Out):
    """Why two event mentions were joined: shown by `sitrep events --explain ID`."""

    a: Report
    b: Report
    score: float
    why: tuple[str, ...]


class Analysis(Out):
    """The whole bundle, as `sitrep export --to analysis` writes it."""

    schema_: str = SCHEMA
    articles: int
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    figures: tuple[Series, ...]
    contradictions: tuple[Contradiction, ...]
    timelines: tuple[Timeline, ...]

    def to_json_dict(self) -> dict[str, object]:
        data = self.model_dump(mode="json", exclude={"schema_"})
        return {"schema": SCHEMA, **data}
