"""Reprocessing: re-extract stored articles, in place, when the extraction has improved.

1. `current_stages(settings)`: the stage versions the installed pipeline would write. In one
   process (`workers=1`, local engine) they are read off the Extractor that then does the
   extraction, so the pipeline is built once; with worker processes or Ray/Dask the driver
   builds the stages alone (no spaCy model) to learn them, and each worker builds its own.
2. Stale articles are those whose record has another `stages_key` (an older, newer or
   different set of stage versions); `stale_only=False` takes every article.
3. Each article is rebuilt as the Document it came from (id, title, text, outlet, url and
   its publication date unless that date was inferred by the pipeline) and extracted again
   through `sitrep.extraction.extract`.
4. Records and items are replaced batch by batch, one transaction each; the article
   text and its version do not change. A document that now fails keeps its old record and
   gets a failure row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa

from sitrep.config import Settings
from sitrep.model import Document, Record
from sitrep.nlp.parser import batched
from sitrep.storage import rows
from sitrep.storage import schema as t
from sitrep.storage.loading import BATCH_SIZE, Extract, make_extract
from sitrep.storage.store import Store, _record
from sitrep.storage.writing import FailureEntry, insert_rows


@dataclass
class ReprocessReport:
    reprocessed: int = 0
    failed: int = 0
    failures: list[FailureEntry] = field(default_factory=list)


def current_stages(settings: Settings) -> dict[str, str]:
    from sitrep.extraction import make_pipeline

    return {stage.name: stage.version for stage in make_pipeline(settings).stages}


def make_stages_and_extract(settings: Settings) -> tuple[dict[str, str], Extract]:
    """The installed stage versions and the extraction to run, building the pipeline once in this process."""
    if settings.workers > 1 or settings.engine != "local":
        return current_stages(settings), make_extract(settings)
    from sitrep.extraction import Extractor, extract

    extractor = Extractor(settings)
    return {stage.name: stage.version for stage in extractor.pipeline.stages}, lambda docs: extract(
        docs, extractor=extractor)


def reprocess(store: Store, settings: Settings, *, stale_only: bool = True, batch_size: int = BATCH_SIZE,
              progress: Callable[[int], None] | None = None, extract: Extract | None = None,
              stages: dict[str, str] | None = None) -> ReprocessReport:
    """Re-extract stale (or all) stored articles and replace their records; see the module docstring."""
    if extract is None:
        installed, extract = make_stages_and_extract(settings)
        stages = installed if stages is None else stages
    elif stages is None and stale_only:
        stages = current_stages(settings)
    key = rows.stages_key(stages) if stale_only and stages is not None else None
    report = ReprocessReport()
    outcomes = extract(stored_documents(store, key))
    for batch in batched(outcomes, batch_size):
        records = [o.record for o in batch if o.record is not None]
        failed = [FailureEntry(o.failure.document, o.failure.origin, o.failure.reason, o.failure.code,
                               o.failure.stage) for o in batch if o.failure is not None]
        replace_records(store, records, failed)
        report.reprocessed += len(records)
        report.failed += len(failed)
        report.failures.extend(failed)
        if progress is not None:
            progress(len(batch))
    return report


def stale_count(store: Store, stages: dict[str, str]) -> int:
    query = sa.select(sa.func.count()).select_from(t.records).where(t.records.c.stages_key != rows.stages_key(stages))
    with store.engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def stored_documents(store: Store, stale_key: str | None, *, page: int = 500) -> Iterator[Document]:
    """Documents rebuilt from the stored articles (those whose stages differ from `stale_key`), read
    `page` articles at a time in ingest order (memory stays flat in the store's size; no read is
    left open while the caller writes the records back)."""
    a, r = t.articles, t.records
    after: int | None = None
    while True:
        query = (sa.select(a.c.seq, a.c.id, a.c.title, a.c.text, a.c.outlet, a.c.url, r.c.record)
                 .join(r, r.c.article_id == a.c.id).order_by(a.c.seq).limit(page))
        if stale_key is not None:
            query = query.where(r.c.stages_key != stale_key)
        if after is not None:
            query = query.where(a.c.seq > after)
        with store.engine.connect() as connection:
            found = list(connection.execute(query))
        for row in found:
            record = _record(row.record)
            given = record.published.value if record.published and not record.published.inferred else None
            yield Document(id=row.id, title=row.title, text=row.text, source=row.outlet, url=row.url,
                           published=given, origin=f"store:{row.id}")
        if len(found) < page:
            return
        after = found[-1].seq


def replace_records(store: Store, records: list[Record], failed: list[FailureEntry]) -> None:
    now = datetime.now(UTC)
    ids = [r.id for r in records]
    with store.engine.begin() as connection:
        if ids:
            for table in (*t.ITEM_TABLES, t.records):
                connection.execute(table.delete().where(table.c.article_id.in_(ids)))
            connection.execute(t.records.insert(), [rows.record_row(r, now) for r in records])
            item_rows = [rows.item_rows(r) for r in records]
            for table in t.ITEM_TABLES:
                insert_rows(connection, table, [item for per_record in item_rows for item in per_record[table]])
            connection.execute(t.failures.delete().where(t.failures.c.document.in_(ids)))
        for f in failed:
            connection.execute(t.failures.delete().where(t.failures.c.document == f.document))
            connection.execute(t.failures.insert().values(document=f.document, origin=f.origin, reason=f.reason,
                                                          code=f.code, stage=f.stage, failed=now))
