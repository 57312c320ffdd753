"""The Store: one SQLAlchemy engine over SQLite or PostgreSQL, and the reads the views need.

`open_store(url)` makes the engine (SQLite: WAL journal, foreign keys on, a busy timeout;
PostgreSQL through psycopg 3 with pre-ping), brings the schema to the current revision
(see `migrate.py`) and returns a `Store`. Reads build Core queries over the indexed
tables (`queries.py`); writes go through `writing.py`, one transaction per batch, retried
a bounded number of times when the connection to PostgreSQL is lost.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from types import TracebackType
from typing import Any

import sqlalchemy as sa

from sitrep.errors import ConfigError, StoreError
from sitrep.model import Record, StoredArticle
from sitrep.storage import schema as t
from sitrep.storage.queries import ArticleFilter, conditions, text_condition

DEFAULT_URL = "sqlite:///sitrep.db"
ITEM_KINDS = ("places", "actors", "times", "quantities", "claims", "events")


def default_url() -> str:
    """`$SITREP_DB`, else `sqlite:///sitrep.db` (in the current directory)."""
    return os.environ.get("SITREP_DB") or DEFAULT_URL


@dataclass(frozen=True)
class ArticleSummary:
    """One stored article without its record: what listings and search results show."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    canonical: str | None
    version: int
    first_ingested: datetime
    last_ingested: datetime


@dataclass(frozen=True)
class ArticleVersion:
    """An earlier version of an article whose text was updated."""

    version: int
    title: str | None
    text: str
    content_hash: str
    record: Record | None
    ingested: datetime
    replaced: datetime


@dataclass(frozen=True)
class StoredFailure:
    document: str
    origin: str | None
    reason: str
    code: str
    stage: str | None
    failed: datetime


@dataclass(frozen=True)
class StoreStats:
    """What `sitrep stats` prints; the same store on either engine gives the same stats."""

    articles: int
    canonical_articles: int
    near_duplicates: int
    updated_articles: int
    outlets: int
    records: int
    items: dict[str, int] = field(default_factory=dict)
    failures: int = 0
    first_published: str | None = None
    last_published: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        return asdict(self)


def make_engine(url: str | None = None) -> sa.Engine:
    """An engine for a store URL (SQLite pragmas set on every connection)."""
    url = url or default_url()
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise ConfigError(f"not a database URL: {url!r} (e.g. sqlite:///sitrep.db or "
                          "postgresql+psycopg://user@host/db)") from exc
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise ConfigError(f"unsupported database {backend!r}: use sqlite:///FILE or postgresql+psycopg://...")
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    from sitrep.storage.rows import dump_json as serializer

    if backend == "sqlite":
        engine = sa.create_engine(parsed, json_serializer=serializer, connect_args={"timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(parsed, json_serializer=serializer, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: a killed process loses nothing committed
    cursor.close()


def open_store(url: str | None = None, *, upgrade: bool = True,
               notify: Callable[[str], None] | None = None) -> Store:
    """Open (creating or upgrading) the store at `url`; see the package docstring."""
    from sitrep.storage.migrate import ensure_current

    engine = make_engine(url)
    try:
        ensure_current(engine, upgrade=upgrade, notify=notify)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the store {engine.url.render_as_string(hide_password=True)}: "
                         f"{_first_line(exc)}") from exc
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


class Store:
    """Reads (and, through `writing.py`, writes) one store. Use as a context manager or `close()`."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # -- articles -------------------------------------------------------------------------

    def iter_articles(self, filters: ArticleFilter | None = None, *, chunk: int = 200) -> Iterator[StoredArticle]:
        """Articles with their records, in (published, id) order (undated articles last)."""
        query = (sa.select(t.articles.c.id, t.articles.c.outlet, t.articles.c.published, t.articles.c.canonical,
                           t.records.c.record)
                 .join(t.records, t.records.c.article_id == t.articles.c.id)
                 .where(*conditions(filters or ArticleFilter(), self.dialect))
                 .order_by(t.articles.c.published.is_(None), t.articles.c.published, t.articles.c.id))
        with self.engine.connect() as connection:
            result = connection.execution_options(yield_per=chunk).execute(query)
            for row in result:
                yield StoredArticle(record=_record(row.record), outlet=row.outlet, published=row.published,
                                    canonical=row.canonical)

    def list_articles(self, filters: ArticleFilter | None = None, *, limit: int | None = None) -> list[ArticleSummary]:
        """The same selection as `iter_articles`, without the records."""
        with self.engine.connect() as connection:
            return [ArticleSummary(**row._mapping) for row in connection.execute(self._list_query(filters, limit))]

    def _list_query(self, filters: ArticleFilter | None, limit: int | None = None) -> sa.Select[Any]:
        return (sa.select(*_summary_columns()).where(*conditions(filters or ArticleFilter(), self.dialect))
                .order_by(t.articles.c.published.is_(None), t.articles.c.published, t.articles.c.id).limit(limit))

    def query_plan(self, filters: ArticleFilter | None = None, *, force_index: bool = False) -> str:
        """The engine's plan for `list_articles(filters)` (EXPLAIN QUERY PLAN / EXPLAIN), one step a line.

        `force_index` (PostgreSQL) turns sequential scans off for the plan, to show which indexes the
        query can use even on tables too small for the planner to bother with them."""
        sql = self._list_query(filters).compile(self.engine, compile_kwargs={"literal_binds": True})
        with self.engine.connect() as connection:
            if self.dialect == "sqlite":
                return "\n".join(row.detail for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            if force_index:
                connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
            plan = "\n".join(row[0] for row in connection.exec_driver_sql(f"EXPLAIN {sql}"))
            connection.rollback()
            return plan

    def count_articles(self, filters: ArticleFilter | None = None) -> int:
        query = sa.select(sa.func.count()).select_from(t.articles).where(
            *conditions(filters or ArticleFilter(), self.dialect))
        with self.engine.connect() as connection:
            return int(connection.execute(query).scalar_one())

    def search_articles(self, text: str, filters: ArticleFilter | None = None, *,
                        limit: int | None = 50) -> list[ArticleSummary]:
        """Articles whose title or text holds every word of `text`, best match first."""
        query = (sa.select(*_summary_columns())
                 .where(text_condition(text, self.dialect), *conditions(filters or ArticleFilter(), self.dialect))
                 .order_by(*self._rank(text), t.articles.c.id).limit(limit))
        with self.engine.connect() as connection:
            return [ArticleSummary(**row._mapping) for row in connection.execute(query)]

    def _rank(self, text: str) -> list[sa.ColumnElement[Any]]:
        from sitrep.storage.queries import WORD

        words = " ".join(WORD.findall(text))
        if self.dialect == "postgresql":
            rank = sa.func.ts_rank(sa.literal_column("articles.search"), sa.func.plainto_tsquery("simple", words))
            return [rank.desc()]
        match = " ".join(f'"{w}"' for w in words.split())
        rank_sql = sa.text("(SELECT bm25(articles_fts) FROM articles_fts "
                           "WHERE articles_fts MATCH :rank_match AND rowid = articles.seq)").bindparams(rank_match=match)
        return [rank_sql.columns(sa.column("rank", sa.Float)).scalar_subquery().asc()]

    def get(self, article_id: str) -> StoredArticle | None:
        """The current version of one article, with its record; None when it is not stored."""
        found = list(self.iter_articles(ArticleFilter(ids=(article_id,))))
        return found[0] if found else None

    def summary(self, article_id: str) -> ArticleSummary | None:
        found = self.list_articles(ArticleFilter(ids=(article_id,)))
        return found[0] if found else None

    def versions(self, article_id: str) -> list[ArticleVersion]:
        v = t.article_versions
        query = sa.select(v).where(v.c.article_id == article_id).order_by(v.c.version)
        with self.engine.connect() as connection:
            return [ArticleVersion(version=r.version, title=r.title, text=r.text, content_hash=r.content_hash,
                                   record=_record(r.record) if r.record is not None else None,
                                   ingested=r.ingested, replaced=r.replaced)
                    for r in connection.execute(query)]

    def iter_records(self, article_ids: Iterable[str] | None = None) -> Iterator[Record]:
        """Stored records in ingest order (every one, or those of `article_ids`)."""
        query = (sa.select(t.records.c.record).join(t.articles, t.articles.c.id == t.records.c.article_id)
                 .order_by(t.articles.c.seq))
        if article_ids is not None:
            query = query.where(t.records.c.article_id.in_(list(article_ids)))
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=200).execute(query):
                yield _record(row.record)

    def failures(self) -> list[StoredFailure]:
        query = sa.select(t.failures).order_by(t.failures.c.document)
        with self.engine.connect() as connection:
            return [StoredFailure(**row._mapping) for row in connection.execute(query)]

    # -- statistics ------------------------------------------------------------------------

    def stats(self) -> StoreStats:
        a = t.articles
        with self.engine.connect() as connection:
            def scalar(query: sa.Select[Any]) -> Any:
                return connection.execute(query).scalar_one()

            def count(table: sa.Table, *where: sa.ColumnElement[bool]) -> int:
                return int(scalar(sa.select(sa.func.count()).select_from(table).where(*where)))

            first, last = connection.execute(sa.select(sa.func.min(a.c.published), sa.func.max(a.c.published))).one()
            return StoreStats(
                articles=count(a), canonical_articles=count(a, a.c.canonical.is_(None)),
                near_duplicates=count(a, a.c.canonical.is_not(None)),
                updated_articles=count(a, a.c.version > 1),
                outlets=int(scalar(sa.select(sa.func.count(sa.distinct(a.c.outlet))))),
                records=count(t.records),
                items={kind: count(getattr(t, kind)) for kind in ITEM_KINDS},
                failures=count(t.failures), first_published=first, last_published=last,
            )

    # -- writing ---------------------------------------------------------------------------

    def put_records(self, records: Iterable[Record]) -> list[str]:
        """Store precomputed records in one transaction; the status of each, in order."""
        from sitrep.storage.writing import Writer

        writer = Writer(self)
        return writer.write_batch([("record", r) for r in records]).statuses


def _summary_columns() -> list[sa.ColumnElement[Any]]:
    a = t.articles
    return [a.c.id, a.c.title, a.c.url, a.c.outlet, a.c.published, a.c.canonical, a.c.version,
            a.c.first_ingested, a.c.last_ingested]


def _record(value: Any) -> Record:
    data = json.loads(value) if isinstance(value, str) else value
    return Record.model_validate(data)
