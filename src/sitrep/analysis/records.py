"""Stored articles from plain records: what the views read when no store is at hand.

`sitrep extract` output (or `export --to jsonl`) becomes `StoredArticle`s with the outlet taken
from the record's source, the publication day from the record, and no near-duplicate link.
Tests, benchmarks and the round-trip check use it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputError
from sitrep.model import Record, StoredArticle


def article_from_record(record: Record) -> StoredArticle:
    published = record.published.value[:10] if record.published else None
    return StoredArticle(record=record, outlet=record.source, published=published, canonical=None)


def articles_from_records(records: Iterable[Record]) -> list[StoredArticle]:
    return [article_from_record(r) for r in records]


def read_records(path: Path) -> Iterator[Record]:
    """Records from a JSONL file: one sitrep.record/1 per line, or a stored article wrapping one
    (`sitrep export --to jsonl` writes {"schema": "sitrep.stored/1", ..., "record": {...}})."""
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                if isinstance(obj, dict) and isinstance(obj.get("record"), dict):
                    obj = obj["record"]
                yield Record.model_validate(obj)
            except ValueError as exc:
                raise InputError(f"{path}:{n}: not a sitrep.record/1 line ({exc})") from exc
