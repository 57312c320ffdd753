"""The one data model of sitrep: a `Record` per document (contract: shared/spec/record.md).

Every model is a frozen pydantic v2 model. All offsets are Python string indices into
`Record.text`, end-exclusive, so `record.text[start:end]` is the mention. Unknown values
are `None` (serialised as JSON null), never guessed.

Stages never mutate a record: they return `record.model_copy(update={...})`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "sitrep.record/1"

ActorKind = Literal["person", "org", "state", "group"]
PlaceKind = Literal["city", "region", "country", "river", "area", "other"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Bound = Literal["eq", "gt", "gte", "lt", "lte", "approx"]
ClaimStatus = Literal["asserted", "unconfirmed", "unverified", "confirmed", "denied", "reported"]
Precision = Literal["year", "month", "day", "minute", "second"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """A stretch of the record's text; `text` repeats it for readability where useful."""

    start: int
    end: int
    text: str | None = None


class Published(Frozen):
    value: str  # YYYY-MM-DD or ISO datetime
    precision: Precision = "day"
    inferred: bool = False
    evidence: Span | None = None


class Actor(Frozen):
    id: str
    name: str
    kind: ActorKind
    role: str | None = None
    side: str | None = None  # ISO 3166 alpha-3, or None
    mentions: tuple[Span, ...] = ()


class Candidate(Frozen):
    """An alternative gazetteer reading of a place that the resolver did not pick."""

    geonameid: int
    name: str
    lat: float
    lon: float
    kind: PlaceKind
    country: str | None = None
    score: float = 0.0


class Place(Frozen):
    id: str
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    kind: PlaceKind = "other"
    country: str | None = None  # ISO 3166 alpha-2
    admin1: str | None = None
    mentions: tuple[Span, ...] = ()
    confidence: float | None = None
    alternatives: tuple[Candidate, ...] = ()


class TimeExpr(Frozen):
    id: str
    start: int
    end: int
    text: str
    type: TimeType
    value: str  # TimeML value, anchored on the publication date
    mod: str | None = None  # TimeML mod: BEFORE, AFTER, START, MID, END, APPROX, ...


class Quantity(Frozen):
    id: str
    start: int
    end: int
    text: str
    value: float
    unit: str  # km2|km|people|killed|wounded|displaced|troops|tanks|...|fraction|count|usd...
    bound: Bound = "eq"
    value_max: float | None = None  # upper end of a range ("3,000 to 4,000")
    of: str | None = None  # what a fraction is of: a place id, or the phrase


class Claim(Frozen):
    id: str
    start: int
    end: int
    claimant: str | None = None  # actor id, None when unattributed
    claimant_text: str | None = None  # the claimant as written, when no actor could be linked
    channel: str | None = None
    said_at: str | None = None  # time id
    status: ClaimStatus = "asserted"
    evidence: tuple[Span, ...] = ()
    quantities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    response: Literal["none"] | None = None
    quote: bool = False  # direct quotation rather than indirect speech
    confidence: float | None = None  # calibrated: share of such claims that are right (stages/confidence.py)


class Event(Frozen):
    id: str
    start: int
    end: int
    plover: str | None = None
    acled: tuple[str, str] | None = None
    actor: str | None = None
    target: str | None = None
    places: tuple[str, ...] = ()
    when: str | None = None
    claim: str | None = None
    trigger: Span | None = None
    confidence: float | None = None


class Document(Frozen):
    """One input document, before extraction."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file[:line] it was read from, for error messages


class Record(Frozen):
    schema_: str = Field(default=SCHEMA, alias="schema")
    id: str
    title: str | None = None
    text: str
    source: str | None = None
    url: str | None = None
    published: Published | None = None
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    stages: dict[str, str] = Field(default_factory=dict)  # stage name -> version that made it

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_json_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json", by_alias=True)


def record_from_document(doc: Document) -> Record:
    """The empty record a pipeline starts from."""
    return Record(id=doc.id, title=doc.title, text=doc.text, source=doc.source, url=doc.url)


class StoredArticle(Frozen):
    """An article as the store gives it to the cross-article views (analysis, API, dashboard).

    `canonical` is the id of the article this one near-duplicates (the same wire copy on
    another site, a lightly edited update), or None when it is its own canonical article;
    views count a canonical article and its near-duplicates as one outlet.
    """

    record: Record
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    canonical: str | None = None
