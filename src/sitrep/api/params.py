"""Query parameters shared by the view routes: the CLI's FILTERS, a bounding box and paging.

`ViewQuery` is a FastAPI dependency, so the OpenAPI document lists every parameter with its
type and bounds (the schemathesis run relies on that). Paging is offset/limit with a maximum
page size of `MAX_PAGE`; every page says `total` and the `next_offset` to ask for (null at the end).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Generic, Literal, TypeVar

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field

from sitrep.analysis import SCHEMA, Filters
from sitrep.api.errors import ApiError

MAX_PAGE = 500
DEFAULT_PAGE = 100
Status = Literal["asserted", "reported", "unconfirmed", "unverified", "confirmed", "denied", "disputed"]
T = TypeVar("T")
BBOX_HELP = "min_lon,min_lat,max_lon,max_lat (degrees), e.g. 36,48,39,51"


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
        since: Annotated[date | None, Query(description="from this date (YYYY-MM-DD), inclusive")] = None,
        until: Annotated[date | None, Query(description="up to this date (YYYY-MM-DD), inclusive")] = None,
        place: Annotated[str | None, Query(min_length=1, max_length=200, description="a place name in any spelling")] = None,
        bbox: Annotated[str | None, Query(max_length=100, description=BBOX_HELP)] = None,
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
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in text.split(","))
    except ValueError as exc:
        raise ApiError(422, f"bbox must be {BBOX_HELP}", "validation_error") from exc
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(422, f"bbox out of range: {BBOX_HELP}", "validation_error")
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
