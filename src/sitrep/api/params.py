"""Query parameters shared by the view routes: the CLI's FILTERS, a bounding box and paging.

`ViewQuery` is a FastAPI dependency, so the OpenAPI document lists every parameter with its
type and bounds (the schemathesis run relies on that). Paging is offset/limit with a maximum
page size of `MAX_PAGE`; every page says `total` and the `next_offset` to ask for (null at the end).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Generic, Literal, TypeVar

from fastapi import Query
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from sitrep.analysis import SCHEMA, Filters

MAX_PAGE = 500
DEFAULT_PAGE = 100
Status = Literal["asserted", "reported", "unconfirmed", "unverified", "confirmed", "denied", "disputed"]
T = TypeVar("T")
BBOX_HELP = "min_lon,min_lat,max_lon,max_lat (degrees), e.g. 36,48,39,51; an empty or inverted box matches nothing"
NUMBER = r"-?[0-9]{1,3}(\.[0-9]{1,8})?"
BBOX_PATTERN = f"^{NUMBER},{NUMBER},{NUMBER},{NUMBER}$"
ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def iso_day(value: object) -> object:
    """Dates in the query are YYYY-MM-DD strings only (pydantic alone would take a Unix timestamp)."""
    if isinstance(value, str) and not ISO_DAY.match(value):
        raise ValueError("a date is YYYY-MM-DD")
    return value


Day = Annotated[date, BeforeValidator(iso_day)]


class Paging:
    def __init__(self, offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")] = 0,
                 limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")] = DEFAULT_PAGE
                 ) -> None:
        self.offset = offset
        self.limit = limit


class ViewQuery:
    """The filters of `sitrep events|claims|figures|contradictions|timeline`, plus bbox."""

    def __init__(
        self,
        since: Annotated[Day | None, Query(description="from this date (YYYY-MM-DD), inclusive")] = None,
        until: Annotated[Day | None, Query(description="up to this date (YYYY-MM-DD), inclusive")] = None,
        place: Annotated[str | None, Query(min_length=1, max_length=200, description="a place name in any spelling")] = None,
        bbox: Annotated[str | None, Query(pattern=BBOX_PATTERN, description=BBOX_HELP)] = None,
        actor: Annotated[str | None, Query(min_length=1, max_length=200, description="part of a party's name")] = None,
        side: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO-3166 alpha-3 side")] = None,
        status: Annotated[Status | None, Query(description="item status")] = None,
        type: Annotated[str | None, Query(min_length=1, max_length=100,
                                          description="PLOVER or ACLED type (events); measure, kind or change (other views)")] = None,
    ) -> None:
        self.filters = Filters(since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                               place=place, actor=actor, side=side.upper() if side else None, status=status, type=type)
        self.bbox = parse_bbox(bbox) if bbox else None


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """Four numbers (the pattern has checked the form); a box outside the globe simply matches nothing."""
    min_lon, min_lat, max_lon, max_lat = (float(part) for part in text.split(","))
    return min_lon, min_lat, max_lon, max_lat


class Page(BaseModel, Generic[T]):
    """One page of a view: `{"schema": "sitrep.analysis/1", "items": [...], ...}` plus paging."""

    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(default=SCHEMA, alias="schema")
    items: list[T]
    total: int
    offset: int
    limit: int
    next_offset: int | None


def page_of(items: list[T], paging: Paging) -> Page[T]:
    chunk = items[paging.offset:paging.offset + paging.limit]
    end = paging.offset + len(chunk)
    return Page[T](items=chunk, total=len(items), offset=paging.offset, limit=paging.limit,
                   next_offset=end if end < len(items) else None)
