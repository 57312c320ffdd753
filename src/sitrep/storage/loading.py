"""Ingest: paths and URLs in, articles and records stored, counts out.

`ingest_paths(store, paths, settings)` reads as numbered steps:
1. `read_entries`: every input `sitrep extract` takes, plus http(s) URLs (`ingest/web.py`)
   and JSONL files of stored records (`sitrep export --to jsonl`), which are stored as they
   are, without extraction;
2. `skip_unchanged`: documents whose id and content hash are already stored are not
   extracted again (looked up a few hundred at a time);
3. `resolve`: the remaining documents go through `sitrep.extraction.extract` (the one
   extraction entry point; it is only started when there is a document to extract), and
   their outcomes are put back in input order among the records, skips and read failures;
4. `Writer.write_batch`: batches of `batch_size`, one transaction each (`writing.py`).
   On PostgreSQL with worker processes, Ray or Dask (`workers_write`), each worker writes
   its own batch of records in its own transaction (`sitrep.scale.storing`) and the driver
   only links near-duplicates, in input order (writing.py, 5.). SQLite keeps the driver
   writing: it takes one writer at a time, so parallel transactions would only queue on its
   lock, the driver alone stores some 400 articles/s (extraction makes a few per second per
   worker), and the workers of a remote cluster could not reach its file anyway.
Input order decides near-duplicate links, so an ingest killed half way and run again
ends with the same store as one uninterrupted run: committed batches come back
`unchanged`, the rest are written as they would have been.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

import sqlalchemy as sa

from sitrep.config import Settings
from sitrep.ingest import Failure, read_inputs
from sitrep.model import Document, Record
from sitrep.nlp.parser import batched
from sitrep.pipeline import DocumentFailure, Outcome
from sitrep.storage import rows
from sitrep.storage import schema as t
from sitrep.storage.archive import SCHEMAS, Restored, read_archive
from sitrep.storage.store import Store, StoredFailure
from sitrep.storage.writing import Entry, FailureEntry, Writer, Written, WrittenOutcome

BATCH_SIZE = 100
LOOKUP_SIZE = 256
Stored = Record | Restored | StoredFailure  # what an exported file holds, stored as it is
Work = Document | Stored | Failure | tuple[str, str]  # ("unchanged", id) for a skipped document
Extract = Callable[[Iterable[Document]], Iterator[Outcome]]


@dataclass
class IngestReport:
    """Counts of one ingest, and the failures (one line each) to show the user."""

    new: int = 0
    unchanged: int = 0
    updated: int = 0
    near_duplicate: int = 0
    failed: int = 0
    restored_failure: int = 0  # failure rows of an exported store, stored again (not failures of this run)
    worker_written: int = 0  # documents that extraction workers wrote to the store themselves
    failures: list[FailureEntry] = field(default_factory=list)
    near_duplicates: dict[str, str] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.new + self.unchanged + self.updated + self.near_duplicate + self.failed + self.restored_failure

    def add(self, status: str) -> None:
        attribute = status.replace("-", "_")
        setattr(self, attribute, getattr(self, attribute) + 1)

    def counts(self) -> dict[str, int]:
        return {"new": self.new, "unchanged": self.unchanged, "updated": self.updated,
                "near-duplicate": self.near_duplicate, "failed": self.failed}


def ingest_paths(store: Store, paths: Iterable[str], settings: Settings, *, batch_size: int = BATCH_SIZE,
                 progress: Callable[[int], None] | None = None, extract: Extract | None = None,
                 stdin: TextIO | None = None) -> IngestReport:
    """Ingest files, directories, `-` (JSONL on stdin), http(s) URLs and exported record files."""
    return ingest_entries(store, read_entries(paths, stdin=stdin), settings, batch_size=batch_size,
                          progress=progress, extract=extract)


def ingest_documents(store: Store, documents: Iterable[Document | Record], settings: Settings, *,
                     batch_size: int = BATCH_SIZE, progress: Callable[[int], None] | None = None,
                     extract: Extract | None = None) -> IngestReport:
    """Ingest documents (extracted here) and precomputed records (stored as they are)."""
    return ingest_entries(store, documents, settings, batch_size=batch_size, progress=progress, extract=extract)


def ingest_entries(store: Store, works: Iterable[Work], settings: Settings, *, batch_size: int = BATCH_SIZE,
                   progress: Callable[[int], None] | None = None, extract: Extract | None = None) -> IngestReport:
    """Steps 2-4 of the module docstring over already-read inputs."""
    report = IngestReport()
    writer = Writer(store)
    entries = resolve(skip_unchanged(store, works), extract or make_extract(workers_write(settings, store)))
    for batch in batched(entries, batch_size):
        result = writer.write_batch(batch)
        for entry, status in zip(batch, result.statuses, strict=True):
            report.add(status)
            report.worker_written += entry[0] == "link"
            if status == "failed" and entry[0] == "failure":
                report.failures.append(entry[1])
            elif status == "failed" and entry[0] == "link" and entry[1].failure is not None:
                report.failures.append(entry[1].failure)
        report.near_duplicates.update(result.near_duplicates)
        if progress is not None:
            progress(len(batch))
    return report


def workers_write(settings: Settings, store: Store) -> Settings:
    """Settings whose extraction workers write their batches to `store` themselves: PostgreSQL with
    worker processes, Ray or Dask (see the module docstring for why not SQLite)."""
    if store.dialect != "postgresql" or (settings.workers <= 1 and settings.engine == "local"):
        return settings
    return replace(settings, store_url=store.engine.url.render_as_string(hide_password=False))


def make_extract(settings: Settings) -> Extract:
    """`sitrep.extraction.extract` bound to the settings (imported, and the model loaded, only when called)."""

    def run(documents: Iterable[Document]) -> Iterator[Outcome]:
        from sitrep.extraction import extract

        return extract(documents, settings)

    return run


# -- 1. reading ------------------------------------------------------------------------------


def read_entries(paths: Iterable[str], *, stdin: TextIO | None = None) -> Iterator[Document | Stored | Failure]:
    from sitrep.ingest.web import is_url, read_url

    for raw in paths:
        if is_url(raw):
            yield from read_url(raw)
        elif is_record_file(Path(raw)):
            yield from read_record_file(Path(raw))
        else:
            yield from read_inputs([raw], stdin=stdin)


def is_record_file(path: Path) -> bool:
    """A JSONL file whose first line is a sitrep.record/1 record or an export line (`archive.py`), not
    an input document."""
    if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8-sig") as handle:
            first = next((line for line in handle if line.strip()), "")
        obj = json.loads(first)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(obj, dict) and obj.get("schema") in SCHEMAS


def read_record_file(path: Path) -> Iterator[Stored | Failure]:
    with path.open(encoding="utf-8-sig") as handle:
        yield from read_archive((f"{path}:{number}", line) for number, line in enumerate(handle, 1) if line.strip())


# -- 2. skipping what is already stored ------------------------------------------------------------


def skip_unchanged(store: Store, works: Iterable[Work]) -> Iterator[Work]:
    """Documents already stored with the same content become ("unchanged", id); the rest pass."""
    seen: dict[str, str] = {}
    for group in batched(works, LOOKUP_SIZE):
        ids = [w.id for w in group if isinstance(w, Document) and w.id not in seen]
        seen.update(stored_hashes(store, ids))
        for work in group:
            if isinstance(work, Document):
                digest = rows.content_hash(work.title, work.text)
                if seen.get(work.id) == digest:
                    yield ("unchanged", work.id)
                    continue
                seen[work.id] = digest
            yield work


def stored_hashes(store: Store, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    a = t.articles
    with store.engine.connect() as connection:
        query = sa.select(a.c.id, a.c.content_hash).where(a.c.id.in_(sorted(set(ids))))
        return {row.id: row.content_hash for row in connection.execute(query)}


# -- 3. extraction, in input order ---------------------------------------------------------------


def resolve(works: Iterable[Work], extract: Extract) -> Iterator[Entry]:
    """Writer entries in input order; documents are extracted, extraction starts at the first one."""
    stream = iter(works)
    for work in stream:
        if isinstance(work, Document):
            yield from _with_extraction(work, stream, extract)
            return
        yield _entry(work)


def _with_extraction(first: Document, stream: Iterator[Work], extract: Extract) -> Iterator[Entry]:
    pending: deque[Work] = deque([first])

    def documents() -> Iterator[Document]:
        yield first
        for work in stream:
            pending.append(work)
            if isinstance(work, Document):
                yield work

    for outcome in extract(documents()):
        while not isinstance(pending[0], Document):
            yield _entry(pending.popleft())
        pending.popleft()
        yield outcome_entry(outcome)
    while pending:
        yield _entry(pending.popleft())


def _entry(work: Work) -> Entry:
    if isinstance(work, Record):
        return _record_entry(work, work.id)
    if isinstance(work, Restored):
        duplicate = rows.duplicate_item_id(work.current.record)
        if duplicate is not None:
            return ("failure", FailureEntry(document=work.id, origin=work.id,
                                            reason=f"the record uses item id {duplicate!r} twice"))
        return ("restore", work)
    if isinstance(work, StoredFailure):
        return ("failure", FailureEntry(document=work.document, origin=work.origin, reason=work.reason,
                                        code=work.code, stage=work.stage, failed=work.failed))
    if isinstance(work, Failure):
        return ("failure", FailureEntry(document=work.origin, origin=work.origin, reason=work.reason))
    if isinstance(work, tuple):
        return ("unchanged", work[1])
    raise TypeError(f"unexpected ingest entry {type(work).__name__}")


def _record_entry(record: Record, origin: str | None) -> Entry:
    duplicate = rows.duplicate_item_id(record)
    if duplicate is not None:
        return ("failure", FailureEntry(document=record.id, origin=origin,
                                        reason=f"the record uses item id {duplicate!r} twice"))
    return ("record", record)


def outcome_entry(outcome: Outcome) -> Entry:
    """The writer entry of one extraction outcome (a worker's write comes back as a `link`)."""
    if isinstance(outcome, WrittenOutcome):
        failure = outcome.failure
        entry = (FailureEntry(failure.document, failure.origin, failure.reason, failure.code, failure.stage)
                 if failure is not None else None)
        return ("link", Written(outcome.document.id, outcome.status, outcome.signature, entry))
    if outcome.record is not None:
        return _record_entry(outcome.record, outcome.document.origin)
    failure = outcome.failure or DocumentFailure(outcome.document.id, outcome.document.origin, "no record")
    return ("failure", FailureEntry(document=failure.document, origin=failure.origin, reason=failure.reason,
                                    code=failure.code, stage=failure.stage))
