"""The store as a JSONL file (`sitrep export --to jsonl`) and back: every version, link and failure.

One line per stored version of an article, oldest first, the current version last, articles
in ingest order; then one line per stored failure:

    {"schema": "sitrep.stored/1", "id": "x1", "version": 1, "current": false,
     "ingested": "2022-09-10T08:00:00+00:00", "replaced": "2022-09-11T09:30:00+00:00", "record": {...}}
    {"schema": "sitrep.stored/1", "id": "x1", "version": 2, "current": true, "canonical": null,
     "first_ingested": "...", "last_ingested": "...", "extracted": "...", "record": {...}}
    {"schema": "sitrep.failure/1", "document": "f.jsonl:3", "origin": "f.jsonl:3", "reason": "invalid JSON",
     "code": "E100", "stage": null, "failed": "..."}

`record` is the stored sitrep.record/1 object, unchanged. Ingesting such a file
(`read_archive` groups the lines of one article into one `Restored`) into an empty store
gives the same store: ids, version numbers, texts, records, items, near-duplicate links
(kept as exported, not decided again), first/last-ingested times and failures. Into a store
that already holds an article, its exported current text is `unchanged` when the store holds
it (as current or earlier version), else stored as an ordinary update.
A file of plain sitrep.record/1 lines (the output of `sitrep extract`, or an export by an
older sitrep) is still read, one record per line, as records to store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TextIO

import sqlalchemy as sa
from pydantic import ValidationError

from sitrep.ingest import Failure
from sitrep.model import SCHEMA, Record
from sitrep.storage import schema as t
from sitrep.storage.store import StoredFailure

STORED = "sitrep.stored/1"
FAILURE = "sitrep.failure/1"
SCHEMAS = (SCHEMA, STORED, FAILURE)


@dataclass(frozen=True)
class StoredVersion:
    """One version of an article: its record, and (for an earlier version) when it was stored and replaced."""

    version: int
    record: Record
    ingested: datetime | None = None
    replaced: datetime | None = None


@dataclass(frozen=True)
class Restored:
    """An exported article: its versions oldest first (the last one current) and its store facts."""

    versions: tuple[StoredVersion, ...]
    canonical: str | None
    first_ingested: datetime
    last_ingested: datetime
    extracted: datetime | None

    @property
    def id(self) -> str:
        return self.versions[-1].record.id

    @property
    def current(self) -> StoredVersion:
        return self.versions[-1]


# -- writing ---------------------------------------------------------------------------------


@dataclass
class ArchiveCounts:
    articles: int = 0
    versions: int = 0  # every version line, current ones included
    failures: int = 0


def write_archive(connection: sa.Connection, handle: TextIO) -> ArchiveCounts:
    """Write `archive_lines` to `handle`; what was written."""
    counts = ArchiveCounts()
    for kind, line in archive_lines(connection):
        handle.write(line)
        counts.failures += kind == "failure"
        counts.versions += kind != "failure"
        counts.articles += kind == "current"
    return counts


PAGE = 500  # articles read per query: memory stays flat in the size of the store


def archive_lines(connection: sa.Connection, page: int = PAGE) -> Iterator[tuple[str, str]]:
    """(kind, line): the lines of the module docstring for every article and failure of the store;
    kind is `earlier`, `current` or `failure`. Articles are read `page` at a time in ingest order
    (keyset on `seq`), so a store of any size streams in bounded memory."""
    after: int | None = None
    while True:
        rows = _article_page(connection, after, page)
        yield from _article_lines(connection, rows)
        if len(rows) < page:
            break
        after = rows[-1].seq
    for f in connection.execute(sa.select(t.failures).order_by(t.failures.c.document)):
        yield "failure", _line({"schema": FAILURE, "document": f.document, "origin": f.origin, "reason": f.reason,
                     "code": f.code, "stage": f.stage, "failed": _stamp(f.failed)})


def _article_page(connection: sa.Connection, after: int | None, page: int) -> list[sa.Row[Any]]:
    a, r = t.articles, t.records
    query = (sa.select(a.c.seq, a.c.id, a.c.version, a.c.canonical, a.c.first_ingested, a.c.last_ingested,
                       r.c.record, r.c.extracted)
             .join(r, r.c.article_id == a.c.id).order_by(a.c.seq).limit(page))
    if after is not None:
        query = query.where(a.c.seq > after)
    return list(connection.execute(query))


def _article_lines(connection: sa.Connection, rows: list[sa.Row[Any]]) -> Iterator[tuple[str, str]]:
    for row in rows:
        if row.version > 1:
            yield from _earlier_lines(connection, row.id)
        yield "current", _line({"schema": STORED, "id": row.id, "version": row.version, "current": True,
                     "canonical": row.canonical, "first_ingested": _stamp(row.first_ingested),
                     "last_ingested": _stamp(row.last_ingested), "extracted": _stamp(row.extracted),
                     "record": _json(row.record)})


def _earlier_lines(connection: sa.Connection, article_id: str) -> Iterator[tuple[str, str]]:
    v = t.article_versions
    query = sa.select(v).where(v.c.article_id == article_id).order_by(v.c.version)
    for row in connection.execute(query):
        record = _json(row.record) if row.record is not None else _bare_record(article_id, row.title, row.text)
        yield "earlier", _line({"schema": STORED, "id": article_id, "version": row.version, "current": False,
                     "ingested": _stamp(row.ingested), "replaced": _stamp(row.replaced), "record": record})


def _bare_record(article_id: str, title: str | None, text: str) -> dict[str, Any]:
    """An earlier version stored without its record (never written by this sitrep): its text only."""
    return Record(id=article_id, title=title, text=text).to_json_dict()


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


# -- reading ---------------------------------------------------------------------------------


def read_archive(lines: Iterable[tuple[str, str]]) -> Iterator[Record | Restored | StoredFailure | Failure]:
    """(where, line) pairs of an export (or a plain record file) -> what to store, one article at a time."""
    group: list[tuple[str, dict[str, Any]]] = []
    for where, line in lines:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield from _flush(group)
            yield Failure(where, f"invalid JSON ({exc.msg})")
            continue
        kind = obj.get("schema") if isinstance(obj, dict) else None
        if kind == STORED and group and obj.get("id") != group[-1][1].get("id"):
            yield from _flush(group)
        if kind == STORED:
            group.append((where, obj))
            if obj.get("current") is True:
                yield from _flush(group)
            continue
        yield from _flush(group)
        yield _failure_line(where, obj) if kind == FAILURE else _record_line(where, obj)
    yield from _flush(group)


def _flush(group: list[tuple[str, dict[str, Any]]]) -> Iterator[Restored | Failure]:
    if not group:
        return
    lines = list(group)
    group.clear()
    where = lines[0][0]
    try:
        yield _restored(lines)
    except (ValidationError, ValueError, KeyError, TypeError) as exc:
        yield Failure(where, f"not a valid {STORED} article ({_reason(exc)})")


def _restored(lines: list[tuple[str, dict[str, Any]]]) -> Restored:
    *earlier, last = [obj for _, obj in lines]
    if last.get("current") is not True:
        raise ValueError(f"article {last.get('id')!r} has no current version")
    versions = [StoredVersion(int(o["version"]), Record.model_validate(o["record"]), _time(o["ingested"]),
                              _time(o["replaced"])) for o in earlier]
    versions.append(StoredVersion(int(last["version"]), Record.model_validate(last["record"])))
    numbers = [v.version for v in versions]
    if numbers != sorted(set(numbers)) or any(v.record.id != last["id"] for v in versions):
        raise ValueError(f"the versions of {last['id']!r} are out of order or name another article")
    return Restored(tuple(versions), last.get("canonical"), _time(last["first_ingested"]),
                    _time(last["last_ingested"]), _time(last.get("extracted")) if last.get("extracted") else None)


def _failure_line(where: str, obj: dict[str, Any]) -> StoredFailure | Failure:
    try:
        return StoredFailure(str(obj["document"]), obj.get("origin"), str(obj["reason"]), str(obj["code"]),
                               obj.get("stage"), _time(obj["failed"]))
    except (KeyError, ValueError, TypeError) as exc:
        return Failure(where, f"not a valid {FAILURE} line ({_reason(exc)})")


def _record_line(where: str, obj: Any) -> Record | Failure:
    try:
        return Record.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(p) for p in first.get("loc", ())) or "record"
        return Failure(where, f"not a valid {SCHEMA} record ({place}: {first.get('msg')})")


def _time(value: Any) -> datetime:
    stamp = datetime.fromisoformat(str(value))
    if stamp.tzinfo is None:
        raise ValueError(f"time {value!r} has no time zone")
    return stamp


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{'.'.join(str(p) for p in first.get('loc', ())) or 'record'}: {first.get('msg')}"
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]!r}"
    return str(exc)
