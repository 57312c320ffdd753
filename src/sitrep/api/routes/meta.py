"""`GET /api/health` (is the server up, which version) and `GET /api/stats` (the store's counts)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from sitrep import __version__
from sitrep.api.errors import ErrorBody
from sitrep.api.service import Service, get_service

router = APIRouter(prefix="/api", tags=["meta"], responses={503: {"model": ErrorBody}})


class Health(BaseModel):
    status: str
    version: str


class Stats(BaseModel):
    articles: int
    canonical_articles: int
    near_duplicates: int
    updated_articles: int
    outlets: int
    records: int
    items: dict[str, int]
    failures: int
    first_published: str | None
    last_published: str | None


@router.get("/health", response_model=Health, summary="Liveness and version")
def health() -> Health:
    return Health(status="ok", version=__version__)


@router.get("/stats", response_model=Stats, summary="Counts of the store (articles, outlets, items, failures)")
def stats(service: Annotated[Service, Depends(get_service)]) -> Stats:
    return Stats(**service.store.stats().to_json_dict())
