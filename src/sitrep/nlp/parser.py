"""Build the spaCy pipeline once and parse texts, long ones in pieces.

A parsed text is a spaCy `Doc` with `doc.text == record.text`, so `token.idx`,
`span.start_char` and `span.end_char` are record offsets. Texts longer than
`chunk_chars` are cut at paragraph (else sentence-ish, else hard) boundaries, parsed
piece by piece and joined with `Doc.from_docs`, which keeps the text byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from sitrep.errors import ResourceError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def make_nlp(model: str, *, fast_attributes: bool = True) -> Language:
    """Load the spaCy model package; a missing model is a ResourceError saying how to install it.

    With `fast_attributes` the model's attribute_ruler and lemmatizer are replaced by
    sitrep.nlp.attributes.FastAttributes, which sets the same attributes in less time.
    """
    import spacy

    from sitrep.nlp.attributes import install_fast_attributes

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ResourceError(
            f"spaCy model {model!r} is not installed; run `make install` (it installs the PyPI package)"
        ) from exc
    if fast_attributes:
        install_fast_attributes(nlp)
    return nlp


T = TypeVar("T")

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most ~limit characters whose concatenation is exactly `text`."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = _find_cut(rest, limit)
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def _find_cut(text: str, limit: int) -> int:
    window = text[:limit]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
        if ends:
            return ends[-1]
    return limit


def parse_texts(nlp: Language, texts: Iterable[str], *, batch_size: int = 32, chunk_chars: int = 50_000) -> Iterator[Doc]:
    """Parse texts in order; each yielded Doc has exactly the input text."""
    from spacy.tokens import Doc

    for batch in batched(texts, batch_size):
        pieces = [split_text(t, chunk_chars) for t in batch]
        flat = [p for ps in pieces for p in ps]
        docs = iter(nlp.pipe(flat, batch_size=batch_size))
        for ps in pieces:
            parts = [next(docs) for _ in ps]
            yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter); itertools.batched arrived in 3.12."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
