"""Writing batches: one transaction per batch, idempotent, with near-duplicate links.

For each record of a batch, in order (`Writer.write_batch`):
1. the same id with the same content hash is `unchanged`: only `last_ingested` moves;
2. the same id with a new hash is `updated`: the old text and record go to
   `article_versions`, the article row, its record and its items are replaced (its
   near-duplicate link is kept: an edit does not make it another story);
3. a new id is `new`, or `near-duplicate` when the MinHash index finds an earlier article
   with the same text (then `canonical` names that article's canonical article);
4. an exported article (`archive.Restored`, every version of it) whose id is not stored is
   written as it was exported: version numbers, earlier versions, timestamps and its
   near-duplicate link (not decided again); one the store already holds is `unchanged` when
   its current text is one of the stored versions, else its current record is an update (2).
5. Written by a worker (`Writer(link=False)`, the distributed ingest on PostgreSQL): new and
   updated articles are stored with no signature yet (so no near-duplicate search sees
   them) and their signatures are sent back; the driver's Writer then handles one
   `("link", Written)` entry per document, in input order: it searches the index, sets
   `canonical` and `signature` and adds the article to the index. An article still without
   a signature when it comes again (`unchanged`: a re-run after a crash between a worker's
   commit and the driver's link, or a retried partition) is linked then, so the links are
   the ones one serial ingest would have made.
Failures are kept one row per document (the latest reason); a document that later
succeeds loses its failure row. A batch that fails on a lost connection, a locked SQLite
file or a concurrent ingest that stored the same id first is rolled back and retried up to
`retries` times (deciding again from what is now committed), then reported as a `StoreError`; the in-memory near-duplicate index is reloaded before each retry, so a retry
decides exactly what the first attempt would have.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

import sqlalchemy as sa

from sitrep.errors import StoreError
from sitrep.ingest import near_duplicates as nd
from sitrep.model import Record
from sitrep.pipeline import Outcome
from sitrep.storage import rows
from sitrep.storage import schema as t
from sitrep.storage.archive import Restored

if TYPE_CHECKING:
    from sitrep.storage.store import Store

Status = Literal["new", "unchanged", "updated", "near-duplicate", "failed", "restored-failure"]


@dataclass(frozen=True)
class FailureEntry:
    """A document that produced no record: its id (or origin when it has none) and why."""

    document: str
    origin: str | None
    reason: str
    code: str = "E100"
    stage: str | None = None
    failed: datetime | None = None  # set for a failure row restored from an export (status `restored-failure`)


@dataclass(frozen=True)
class Written:
    """A document a worker already wrote: its id, the worker's status and the text's MinHash signature."""

    id: str
    status: str
    signature: bytes | None = None
    failure: FailureEntry | None = None


@dataclass(frozen=True)
class WrittenOutcome(Outcome):
    """An extraction outcome whose record a worker wrote to the store itself (no record sent back)."""

    status: str = "new"
    signature: bytes | None = None


Entry = (tuple[Literal["record"], Record] | tuple[Literal["restore"], Restored]
         | tuple[Literal["failure"], FailureEntry] | tuple[Literal["unchanged"], str]
         | tuple[Literal["link"], Written])


@dataclass
class BatchResult:
    statuses: list[str] = field(default_factory=list)
    near_duplicates: dict[str, str] = field(default_factory=dict)  # article id -> canonical id
    signatures: dict[str, bytes] = field(default_factory=dict)  # link=False: what the driver links with


@dataclass
class _Existing:
    content_hash: str
    version: int
    title: str | None
    text: str
    record: Any
    first_ingested: datetime
    canonical: str | None


class Writer:
    """Writes batches to one store, keeping the near-duplicate index across batches."""

    def __init__(self, store: Store, *, retries: int = 3, backoff: float = 0.5, link: bool = True) -> None:
        self.store = store
        self.link = link  # False: a worker's writer, leaving near-duplicate links to the driver (5.)
        self.retries = retries
        self.backoff = backoff
        self._index: nd.NearDuplicateIndex | None = None
        self._canonical: dict[str, str | None] = {}

    def write_batch(self, entries: Sequence[Entry]) -> BatchResult:
        """Write one batch in one transaction (retried on a lost connection); statuses in order."""
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
                self._index = None  # rebuilt from what is committed
            try:
                with self.store.engine.begin() as connection:
                    return self._write(connection, entries)
            except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
                last = exc
            except sa.exc.IntegrityError as exc:  # another ingest stored the same id first: decide again
                last = exc
            except sa.exc.DBAPIError as exc:
                if not exc.connection_invalidated:
                    raise
                last = exc
        first = next((_entry_id(e) for e in entries), "?")
        raise StoreError(f"could not write a batch of {len(entries)} documents (from {first}) after "
                         f"{self.retries + 1} attempts; nothing of it was stored: {_reason(last)}")

    # -- one transaction ----------------------------------------------------------------

    def _write(self, connection: sa.Connection, entries: Sequence[Entry]) -> BatchResult:
        index = self._load_index(connection) if self.link else nd.NearDuplicateIndex()
        now = datetime.now(UTC)
        ids = [e[1].id for e in entries if e[0] in ("record", "restore")]  # type: ignore[union-attr]
        existing = self._existing(connection, ids)
        earlier = _version_hashes(connection, [e[1].id for e in entries if e[0] == "restore" and e[1].id in existing])
        plan = _Plan(now)
        result = BatchResult()
        unlinked = self._unlinked(connection, entries)
        for entry in entries:
            if entry[0] == "record" and not self.link:
                status = self._plan_unlinked(connection, entry[1], existing, plan, result)
            elif entry[0] == "record":
                status = self._plan_record(connection, entry[1], existing, index, plan, result)
            elif entry[0] == "link":
                status = self._plan_link(entry[1], unlinked, index, plan, result)
            elif entry[0] == "restore":
                status = self._plan_restore(connection, entry[1], existing, earlier, index, plan, result)
            elif entry[0] == "failure":
                plan.failures[entry[1].document] = entry[1]
                status = "failed" if entry[1].failed is None else "restored-failure"
            else:
                plan.touched.add(entry[1])
                status = self._plan_link(Written(entry[1], "unchanged"), unlinked, index, plan, result)
            result.statuses.append(status)
        plan.execute(connection)
        return result

    def _plan_record(self, connection: sa.Connection, record: Record, existing: dict[str, _Existing],
                     index: nd.NearDuplicateIndex, plan: _Plan, result: BatchResult) -> str:
        digest = rows.record_hash(record)
        old = existing.get(record.id)
        plan.resolved.add(record.id)
        if old is not None and old.content_hash == digest:
            plan.touched.add(record.id)
            return "unchanged"
        minhash = nd.signature(record.text)
        signature = nd.to_bytes(minhash)
        if old is not None:
            plan.update(record, old, signature, since=_version_since(connection, record.id, old, plan.now))
            existing[record.id] = _existing_of(record, old.version + 1, old.first_ingested, old.canonical)
            index.add(record.id, minhash)
            return "updated"
        found = index.find(minhash)
        canonical = (self._canonical.get(found) or found) if found else None
        plan.insert(record, canonical, signature)
        existing[record.id] = _existing_of(record, 1, plan.now, canonical)
        index.add(record.id, minhash)
        self._canonical[record.id] = canonical
        if canonical:
            result.near_duplicates[record.id] = canonical
            return "near-duplicate"
        return "new"

    def _plan_unlinked(self, connection: sa.Connection, record: Record, existing: dict[str, _Existing],
                       plan: _Plan, result: BatchResult) -> str:
        """A worker's write (5.): like `_plan_record`, but no signature stored and no near-duplicate search."""
        old = existing.get(record.id)
        plan.resolved.add(record.id)
        if old is not None and old.content_hash == rows.record_hash(record):
            plan.touched.add(record.id)
            return "unchanged"
        result.signatures[record.id] = nd.to_bytes(nd.signature(record.text))
        if old is not None:
            plan.update(record, old, None, since=_version_since(connection, record.id, old, plan.now))
            existing[record.id] = _existing_of(record, old.version + 1, old.first_ingested, old.canonical)
            return "updated"
        plan.insert(record, None, None)
        existing[record.id] = _existing_of(record, 1, plan.now, None)
        return "new"

    def _unlinked(self, connection: sa.Connection, entries: Sequence[Entry]) -> dict[str, _Unlinked]:
        """Stored articles of this batch that a worker wrote and no driver linked yet (no signature)."""
        ids = [e[1] if e[0] == "unchanged" else e[1].id for e in entries if e[0] in ("unchanged", "link")]  # type: ignore[union-attr]
        if not ids or not self.link:
            return {}
        a = t.articles
        query = (sa.select(a.c.id, a.c.version, a.c.canonical, a.c.text)
                 .where(a.c.id.in_(sorted(set(ids))), a.c.signature.is_(None)))
        return {row.id: _Unlinked(row.version, row.canonical, row.text) for row in connection.execute(query)}

    def _plan_link(self, written: Written, unlinked: dict[str, _Unlinked], index: nd.NearDuplicateIndex,
                   plan: _Plan, result: BatchResult) -> str:
        """The driver's half of 5.: decide the near-duplicate link of an article a worker stored."""
        row = unlinked.pop(written.id, None)
        if row is None:  # already linked (or never stored: a failure)
            return written.status
        minhash = nd.from_bytes(written.signature) if written.signature else nd.signature(row.text)
        canonical = row.canonical
        if row.version == 1 and canonical is None:
            found = index.find(minhash, exclude=written.id)
            canonical = (self._canonical.get(found) or found) if found else None
        plan.links.append({"b_id": written.id, "canonical": canonical, "signature": nd.to_bytes(minhash)})
        index.add(written.id, minhash)
        self._canonical[written.id] = canonical
        if row.version == 1 and canonical:
            result.near_duplicates[written.id] = canonical
            return "near-duplicate" if written.status == "new" else written.status
        return written.status

    def _plan_restore(self, connection: sa.Connection, restored: Restored, existing: dict[str, _Existing],
                      earlier: dict[str, set[str]], index: nd.NearDuplicateIndex, plan: _Plan,
                      result: BatchResult) -> str:
        record = restored.current.record
        old = existing.get(record.id)
        if old is not None:
            known = {old.content_hash, *earlier.get(record.id, ()), *plan.version_hashes(record.id)}
            if rows.record_hash(record) in known:
                return "unchanged"
            return self._plan_record(connection, record, existing, index, plan, result)
        minhash = nd.signature(record.text)
        plan.restore(restored, nd.to_bytes(minhash))
        existing[record.id] = _existing_of(record, restored.current.version, restored.first_ingested,
                                           restored.canonical)
        index.add(record.id, minhash)
        self._canonical[record.id] = restored.canonical
        if restored.canonical:
            result.near_duplicates[record.id] = restored.canonical
            return "near-duplicate"
        return "new"

    def _existing(self, connection: sa.Connection, ids: list[str]) -> dict[str, _Existing]:
        if not ids:
            return {}
        a, r = t.articles, t.records
        query = (sa.select(a.c.id, a.c.content_hash, a.c.version, a.c.title, a.c.text, r.c.record,
                           a.c.first_ingested, a.c.canonical)
                 .outerjoin(r, r.c.article_id == a.c.id).where(a.c.id.in_(sorted(set(ids)))))
        return {row.id: _Existing(row.content_hash, row.version, row.title, row.text, row.record,
                                  row.first_ingested, row.canonical) for row in connection.execute(query)}

    def _load_index(self, connection: sa.Connection) -> nd.NearDuplicateIndex:
        if self._index is None:
            index = nd.NearDuplicateIndex()
            self._canonical = {}
            query = sa.select(t.articles.c.id, t.articles.c.signature, t.articles.c.canonical).order_by(t.articles.c.seq)
            for row in connection.execute(query):
                self._canonical[row.id] = row.canonical
                if row.signature:
                    index.add(row.id, nd.from_bytes(row.signature))
            self._index = index
        return self._index


def _version_hashes(connection: sa.Connection, ids: list[str]) -> dict[str, set[str]]:
    """The content hashes of the earlier versions of some stored articles."""
    if not ids:
        return {}
    v = t.article_versions
    found: dict[str, set[str]] = {}
    for row in connection.execute(sa.select(v.c.article_id, v.c.content_hash).where(v.c.article_id.in_(sorted(set(ids))))):
        found.setdefault(row.article_id, set()).add(row.content_hash)
    return found


def _version_since(connection: sa.Connection, article_id: str, old: _Existing, now: datetime) -> datetime:
    """When the current version of an article was stored: first ingest, or when the previous one was replaced."""
    if old.version == 1:
        return old.first_ingested
    v = t.article_versions
    since = connection.execute(sa.select(sa.func.max(v.c.replaced)).where(v.c.article_id == article_id)).scalar()
    return since or now


def _existing_of(record: Record, version: int, first: datetime, canonical: str | None) -> _Existing:
    """What a later entry of the same batch sees as stored (the record serialised only if it is replaced)."""
    return _Existing(rows.record_hash(record), version, record.title, record.text, record, first, canonical)


@dataclass
class _Unlinked:
    version: int
    canonical: str | None
    text: str


class _Plan:
    """The statements of one batch, collected first and run table by table (executemany)."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self.articles: list[dict[str, Any]] = []
        self.updates: list[dict[str, Any]] = []
        self.versions: list[dict[str, Any]] = []
        self.records: list[dict[str, Any]] = []
        self.items: dict[sa.Table, list[dict[str, Any]]] = {table: [] for table in t.ITEM_TABLES}
        self.replaced: set[str] = set()
        self.touched: set[str] = set()
        self.resolved: set[str] = set()
        self.failures: dict[str, FailureEntry] = {}
        self.pending: set[str] = set()  # ids with rows planned in this batch
        self.links: list[dict[str, Any]] = []  # near-duplicate links of articles workers wrote

    def insert(self, record: Record, canonical: str | None, signature: bytes | None) -> None:
        self._drop_pending(record.id)
        self.articles.append(rows.article_row(record, version=1, canonical=canonical, signature=signature,
                                              now=self.now))
        self._add_record(record)

    def restore(self, restored: Restored, signature: bytes) -> None:
        """An exported article as it was: current row, record and items, and its earlier versions."""
        record = restored.current.record
        self._drop_pending(record.id)
        row = rows.article_row(record, version=restored.current.version, canonical=restored.canonical,
                               signature=signature, now=restored.first_ingested)
        row["last_ingested"] = restored.last_ingested
        self.articles.append(row)
        self.versions.extend({"article_id": record.id, "version": v.version, "title": v.record.title,
                              "text": v.record.text, "content_hash": rows.record_hash(v.record),
                              "record": v.record.to_json_dict(), "ingested": v.ingested or self.now,
                              "replaced": v.replaced or self.now} for v in restored.versions[:-1])
        self.records.append(rows.record_row(record, restored.extracted or self.now))
        for table, items in rows.item_rows(record).items():
            self.items[table].extend(items)

    def version_hashes(self, article_id: str) -> set[str]:
        """Content hashes of the versions of `article_id` this batch has planned to keep."""
        return {v["content_hash"] for v in self.versions if v["article_id"] == article_id}

    def update(self, record: Record, old: _Existing, signature: bytes | None, *, since: datetime) -> None:
        pending = next((row for row in self.articles if row["id"] == record.id), None)
        self.versions.append({"article_id": record.id, "version": old.version, "title": old.title, "text": old.text,
                              "content_hash": old.content_hash,
                              "record": old.record.to_json_dict() if isinstance(old.record, Record) else old.record,
                              "ingested": since, "replaced": self.now})
        row = rows.article_row(record, version=old.version + 1, canonical=old.canonical, signature=signature,
                               now=self.now)
        row["first_ingested"] = old.first_ingested
        self._drop_pending(record.id)
        if pending is not None:  # inserted earlier in this same batch: insert the newest version instead
            self.articles.append(row)
        else:
            self.replaced.add(record.id)
            self.updates.append(row)
        self._add_record(record)

    def _drop_pending(self, article_id: str) -> None:
        if article_id not in self.pending:
            self.pending.add(article_id)
            return
        self.articles = [r for r in self.articles if r["id"] != article_id]
        self.updates = [r for r in self.updates if r["id"] != article_id]
        self.records = [r for r in self.records if r["article_id"] != article_id]
        for table, items in self.items.items():
            self.items[table] = [r for r in items if r["article_id"] != article_id]

    def _add_record(self, record: Record) -> None:
        self.records.append(rows.record_row(record, self.now))
        for table, items in rows.item_rows(record).items():
            self.items[table].extend(items)

    def execute(self, connection: sa.Connection) -> None:
        self._replace_old(connection)
        if self.articles:
            connection.execute(t.articles.insert(), self.articles)
        if self.versions:
            connection.execute(t.article_versions.insert(), self.versions)
        if self.records:
            connection.execute(t.records.insert(), self.records)
        for table, items in self.items.items():
            insert_rows(connection, table, items)
        touched = sorted(self.touched - self.replaced)
        if touched:
            connection.execute(t.articles.update().where(t.articles.c.id.in_(touched)).values(last_ingested=self.now))
        if self.links:
            a = t.articles
            connection.execute(a.update().where(a.c.id == sa.bindparam("b_id")), self.links)
        self._write_failures(connection)

    def _replace_old(self, connection: sa.Connection) -> None:
        ids = sorted(self.replaced)
        if not ids:
            return
        for table in (*t.ITEM_TABLES, t.records):
            connection.execute(table.delete().where(table.c.article_id.in_(ids)))
        a = t.articles
        for row in self.updates:
            values = {k: v for k, v in row.items() if k != "id"}
            connection.execute(a.update().where(a.c.id == row["id"]).values(**values))

    def _write_failures(self, connection: sa.Connection) -> None:
        gone = sorted(self.resolved | set(self.failures))
        if gone:
            connection.execute(t.failures.delete().where(t.failures.c.document.in_(gone)))
        if self.failures:
            connection.execute(t.failures.insert(), [
                {"document": f.document, "origin": f.origin, "reason": f.reason, "code": f.code, "stage": f.stage,
                 "failed": f.failed or self.now} for f in self.failures.values()])


def insert_rows(connection: sa.Connection, table: sa.Table, items: list[dict[str, Any]]) -> None:
    """Plain-column rows straight to the driver (COPY on PostgreSQL, executemany on SQLite): the item
    tables get tens of rows per article, and per-row parameter processing would cost more than the insert."""
    if not items:
        return
    names = [c.name for c in table.columns]
    values = list(map(operator.itemgetter(*names), items))
    if connection.dialect.name == "postgresql":
        driver = connection.connection.driver_connection
        assert driver is not None  # an open transaction has its driver connection
        with driver.cursor() as cursor, cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
        return
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(['?'] * len(names))})"
    connection.exec_driver_sql(sql, values)


def _entry_id(entry: Entry) -> str:
    value = entry[1]
    if isinstance(value, (Record, Restored, Written)):
        return value.id
    if isinstance(value, FailureEntry):
        return value.document
    return value


def _reason(exc: Exception | None) -> str:
    if exc is None:
        return "unknown error"
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
