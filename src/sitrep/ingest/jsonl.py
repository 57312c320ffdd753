"""JSONL documents: `{"id", "text", "title"?, "published"?, "source"?, "url"?}` one per line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from sitrep.ingest.readers import Failure, Item
from sitrep.model import Document

OPTIONAL_STRINGS = ("title", "source", "url")


def read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Failure(str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        yield from read_jsonl_lines(_decoded_lines(handle, str(path)), origin=str(path), default_id=path.stem)


def _decoded_lines(handle: Iterable[bytes], origin: str) -> Iterator[str | Failure]:
    for number, raw in enumerate(handle, 1):
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Failure(f"{origin}:{number}", f"not UTF-8 text (undecodable byte at column {exc.start + 1})")


def read_jsonl_lines(lines: Iterable[str | Failure], *, origin: str, default_id: str) -> Iterator[Item]:
    for number, line in enumerate(lines, 1):
        if isinstance(line, Failure):
            yield line
        elif line.strip():
            yield parse_jsonl_line(line, f"{origin}:{number}", f"{default_id}-{number}")


def parse_jsonl_line(line: str, where: str, default_id: str) -> Item:
    """One line to a Document, or a Failure saying what is wrong with it."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(obj, dict):
        return Failure(where, f"a document must be a JSON object, not {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        return Failure(where, "missing 'text'" if text is None else "'text' must be a string")
    if not text.strip():
        return Failure(where, "empty text")
    doc_id = obj.get("id", default_id)
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        return Failure(where, "'id' must be a string")
    published = normalize_published(obj.get("published"))
    if isinstance(published, Failure):
        return Failure(where, published.reason)
    extras = {k: obj[k] for k in OPTIONAL_STRINGS if isinstance(obj.get(k), str)}
    return Document(id=str(doc_id), text=text, published=published, origin=where, **extras)


def normalize_published(value: object) -> str | None | Failure:
    """YYYY-MM-DD or an ISO datetime (kept as given); anything else is an error, None stays None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return Failure("", "'published' must be a string (YYYY-MM-DD or ISO datetime)")
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return Failure("", f"'published' is not a date: {value!r} (use YYYY-MM-DD or an ISO datetime)")
    return value
