"""The article store: every article and record kept in SQLite or PostgreSQL, ingested once.

Public API (stable; the analysis views, the REST API and the dashboard build on it):

    from sitrep.storage import open_store, ArticleFilter

    with open_store("sqlite:///sitrep.db") as store:      # or postgresql+psycopg://user@host/db
        for article in store.iter_articles(ArticleFilter(since="2022-09-01", side="UKR")):
            article.record, article.outlet, article.published, article.canonical
        store.get("hoot-581d78b94ba5")                    # StoredArticle | None
        store.search_articles("Izium counteroffensive")   # list[ArticleSummary], best match first
        store.stats()                                     # StoreStats (counts, date range)

    report = ingest_paths(store, ["corpus/", "https://example.org/feed.xml"], Settings())
    report.new, report.unchanged, report.updated, report.near_duplicate, report.failed

- `open_store(url=None, *, upgrade=True, notify=None) -> Store`: `url` defaults to
  `$SITREP_DB`, else `sqlite:///sitrep.db`. A new store is created; an older one is
  migrated to the current schema (`notify` gets one line saying so); a store made by a
  newer sitrep raises `StoreVersionError`. SQLite runs in WAL mode with foreign keys on.
- `Store.iter_articles(filters=None) -> Iterator[StoredArticle]`: articles (current version,
  with their record) in (published, id) order; `ArticleFilter` narrows them by publication
  date, outlet, full text, place (name in any case, any stored spelling of the same geonameid,
  a geonameid, or `place_ids` from a gazetteer), bounding box, actor name (whole words),
  side, claim status and event type (PLOVER or ACLED); every filter is an index lookup.
  Near-duplicates are included (their `canonical` says which article they copy), because
  the views count them once but still list their reports.
- `Store.count_articles(filters=None) -> int`, `Store.list_articles(filters=None, limit=None) ->
  list[ArticleSummary]` (the same selection without loading records); `Store.summary(id)`.
- `Store.iter_records(ids=None) -> Iterator[Record]`: stored records (current versions) in ingest order;
  `archive.write_archive(connection, handle)` writes the whole store, every version (`sitrep export`).
- `Store.query_plan(filters, force_index=False) -> str`: the engine's plan for `list_articles(filters)`.
- `Store.get(article_id) -> StoredArticle | None`; `Store.versions(article_id) ->
  list[ArticleVersion]` (earlier texts of an updated article, oldest first).
- `Store.search_articles(text, filters=None, limit=50) -> list[ArticleSummary]`: full-text
  search (FTS5 on SQLite, tsvector on PostgreSQL), all words must occur.
- `Store.stats() -> StoreStats`; `Store.failures() -> list[StoredFailure]`.
- `Store.put_records(records) -> list[str]`: store precomputed records (one transaction),
  returning the status of each (`new`, `unchanged`, `updated`, `near-duplicate`).
- `ingest_paths(store, paths, settings, *, progress=None) -> IngestReport` and
  `ingest_documents(store, documents, settings)`: read, extract (through
  `sitrep.extraction.extract`), store in batches of one transaction each.
- `reprocess(store, settings, *, stale_only=True) -> ReprocessReport`.
- `upgrade_store(url) -> (from_revision, to_revision)`: what `sitrep db upgrade` runs.

Errors: `StoreError` (cannot open/write, lost connection after retries) and
`StoreVersionError`, both from `sitrep.errors`.
"""

from sitrep.storage.loading import IngestReport, ingest_documents, ingest_paths
from sitrep.storage.migrate import upgrade_store
from sitrep.storage.queries import ArticleFilter
from sitrep.storage.reprocess import ReprocessReport, reprocess
from sitrep.storage.store import (
    ArticleSummary,
    ArticleVersion,
    Store,
    StoredFailure,
    StoreStats,
    default_url,
    open_store,
)

__all__ = [
    "ArticleFilter", "ArticleSummary", "ArticleVersion", "IngestReport", "ReprocessReport", "Store",
    "StoreStats", "StoredFailure", "default_url", "ingest_documents", "ingest_paths", "open_store",
    "reprocess", "upgrade_store",
]
