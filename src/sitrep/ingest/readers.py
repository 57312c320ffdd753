"""Turn paths (files, directories, `-` for stdin) into Documents or Failures.

Each reader is a small named function; `read_inputs` dispatches on the file suffix:
1. `.txt`: the first non-empty line is the title, the rest is the text.
2. `.html`/`.htm`: main text and metadata through trafilatura (see `html.py`).
3. `.jsonl` / stdin: one JSON document per line (see `jsonl.py`).
4. `.xml`/`.rss`/`.atom`: one document per feed item (see `feeds.py`).
A directory means every such file inside it, recursively, in sorted order.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sitrep.model import Document

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
ALL_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True)
class Failure:
    """A document that could not be read: where it came from and why, in one line."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Document | Failure


def read_inputs(paths: Iterable[str], *, published: str | None = None, stdin: TextIO | None = None) -> Iterator[Item]:
    """Documents and failures for every path, in order; `published` overrides document metadata."""
    for raw in paths:
        for item in _read_path(raw, stdin or sys.stdin):
            yield _override_published(item, published)


def _override_published(item: Item, published: str | None) -> Item:
    if published is None or isinstance(item, Failure):
        return item
    return item.model_copy(update={"published": published})


def _read_path(raw: str, stdin: TextIO) -> Iterator[Item]:
    from sitrep.ingest.jsonl import read_jsonl_lines

    if raw == "-":
        yield from read_jsonl_lines(stdin, origin="<stdin>", default_id="stdin")
        return
    path = Path(raw)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ALL_SUFFIXES)
        if not files:
            yield Failure(raw, "directory holds no .txt, .html, .jsonl or feed files")
        for file in files:
            yield from read_file(file)
    elif not path.exists():
        yield Failure(raw, "no such file or directory")
    else:
        yield from read_file(path)


def read_file(path: Path) -> Iterator[Item]:
    from sitrep.ingest.feeds import read_feed
    from sitrep.ingest.html import read_html
    from sitrep.ingest.jsonl import read_jsonl_file

    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path)
        return
    data = _read_bytes(path)
    if isinstance(data, Failure):
        yield data
    elif suffix in HTML_SUFFIXES:
        yield read_html(data, path)
    elif suffix in FEED_SUFFIXES:
        yield from read_feed(data, path)
    elif suffix in TEXT_SUFFIXES:
        yield read_text_file(data, path)
    else:
        yield Failure(str(path), f"unsupported file type {suffix or '(none)'}; use .txt, .html, .jsonl or .xml")


def _read_bytes(path: Path) -> bytes | Failure:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Failure(str(path), f"cannot read file: {exc.strerror or exc}")
    if b"\x00" in data[:8192]:
        return Failure(str(path), "binary file, not text")
    return data


def decode_text(data: bytes, origin: str) -> str | Failure:
    """UTF-8 (with or without BOM); anything else is refused rather than guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Failure(origin, f"not UTF-8 text (undecodable byte at offset {exc.start})")


def decode_html(data: bytes) -> str:
    """HTML may declare any charset; UTF-8 first, then the page's own declaration, then cp1252."""
    import re

    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:4096])
    for encoding in ([declared.group(1).decode("ascii")] if declared else []) + ["cp1252"]:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def read_text_file(data: bytes, path: Path) -> Item:
    text = decode_text(data, str(path))
    if isinstance(text, Failure):
        return text
    title, body = split_title(normalize_newlines(text))
    if not body.strip():
        return Failure(str(path), "empty text")
    return Document(id=path.stem, title=title, text=body, origin=str(path))


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_title(text: str) -> tuple[str | None, str]:
    """First non-empty line is the title; the body is the rest with surrounding blank space removed."""
    stripped = text.lstrip()
    if "\n" not in stripped:
        return None, stripped.strip()
    first, rest = stripped.split("\n", 1)
    return first.strip() or None, rest.strip()
