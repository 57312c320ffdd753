"""Articles: list and search (`GET /api/articles`), one record with its spans
(`GET /api/articles/{id}`), and ingest (`POST /api/articles`, bearer token).

A POST body is one document in the JSONL input shape (`{"id", "text", "title"?, "published"?,
"source"?, "url"?}`) or a list of at most `MAX_BATCH` of them; the answer lists the stored
articles with their records and any documents that failed.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query
from pydantic import BaseModel, ConfigDict, Field, field_validator

from sitrep.api.errors import ApiError, ErrorBody
from sitrep.api.params import Page, Paging, ViewQuery, page_of
from sitrep.api.security import require_token
from sitrep.api.service import Service, get_service
from sitrep.model import Document, Record, StoredArticle
from sitrep.storage import ArticleFilter, ArticleSummary

MAX_BATCH = 50
# a calendar date whose day exists in its month (29 February allowed in every year; the validator
# below rejects it in common years), optionally followed by a time
PUBLISHED = (r"^[12][0-9]{3}-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)"
             r"|02-(0[1-9]|1[0-9]|2[0-9]))(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?$")

router = APIRouter(prefix="/api", tags=["articles"], responses={422: {"model": ErrorBody}, 503: {"model": ErrorBody}})
ServiceDep = Annotated[Service, Depends(get_service)]


class ArticleOut(BaseModel):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    canonical: str | None
    version: int


class ArticleDetail(BaseModel):
    id: str
    outlet: str | None
    published: str | None
    canonical: str | None
    record: Record


class DocumentIn(BaseModel):
    """One input document, as a line of a JSONL input file."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1)
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, pattern=PUBLISHED)
    source: str | None = Field(default=None, max_length=300)
    url: str | None = Field(default=None, max_length=2000)

    @field_validator("published")
    @classmethod
    def is_a_real_date(cls, value: str | None) -> str | None:
        if value is not None:
            date.fromisoformat(value[:10])  # ValueError -> 422 for 2022-13-45 or 0000-00-00
        return value


Batch = Annotated[list[DocumentIn], Field(min_length=1, max_length=MAX_BATCH)]


class IngestFailure(BaseModel):
    document: str
    reason: str
    code: str


class IngestOut(BaseModel):
    articles: list[ArticleDetail]
    failures: list[IngestFailure]


def summary_out(s: ArticleSummary) -> ArticleOut:
    return ArticleOut(id=s.id, title=s.title, url=s.url, outlet=s.outlet, published=s.published,
                      canonical=s.canonical, version=s.version)


def detail_out(a: StoredArticle) -> ArticleDetail:
    return ArticleDetail(id=a.record.id, outlet=a.outlet, published=a.published, canonical=a.canonical, record=a.record)


@router.get("/articles", response_model=Page[ArticleOut], summary="Stored articles: full-text search, filters, paging")
def list_articles(service: ServiceDep, query: Annotated[ViewQuery, Depends()], paging: Annotated[Paging, Depends()],
                  q: Annotated[str | None, Query(max_length=500, description="words that must all occur")] = None,
                  outlet: Annotated[str | None, Query(max_length=300, description="the outlet, exactly")] = None,
                  ) -> Page[ArticleOut]:
    f = query.filters
    filters = ArticleFilter(since=f.since, until=f.until, outlet=outlet, place=f.place, bbox=query.bbox, actor=f.actor,
                            side=f.side, status=f.status, type=f.type)
    found = service.store.search_articles(q, filters, limit=None) if q and q.strip() else service.store.list_articles(filters)
    return page_of([summary_out(s) for s in found], paging)


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses={404: {"model": ErrorBody}},
            summary="One stored article with its record (text and every span)")
def get_article(service: ServiceDep, article_id: str) -> ArticleDetail:
    article = service.article(article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return detail_out(article)


@router.post("/articles", response_model=IngestOut, dependencies=[Depends(require_token)],
             responses={400: {"model": ErrorBody}, 401: {"model": ErrorBody}, 403: {"model": ErrorBody},
                        413: {"model": ErrorBody}},
             summary="Ingest one document or a batch (needs Authorization: Bearer <SITREP_TOKEN>)")
async def post_articles(service: ServiceDep,
                        body: Annotated[DocumentIn | Batch, Body(description=f"a document or a list of 1 to {MAX_BATCH}")]
                        ) -> IngestOut:
    documents = body if isinstance(body, list) else [body]
    stored, failures = await service.ingest([to_document(d) for d in documents])
    return IngestOut(articles=[detail_out(a) for a in stored], failures=[IngestFailure(**f) for f in failures])


def to_document(d: DocumentIn) -> Document:
    return Document(id=d.id, text=d.text, title=d.title, published=d.published, source=d.source, url=d.url,
                    origin="POST /api/articles")


