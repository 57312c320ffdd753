"""Sentences of the claims stage: spaCy sentences cut again at line breaks, numbered by paragraph."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class Unit:
    """A sentence cut at line breaks; `para` numbers the paragraphs."""

    index: int
    start: int
    end: int
    para: int
    tokens: list[Token]


def split_units(doc: Doc, text: str) -> list[Unit]:
    """Sentences cut at line breaks. `text` is the record text (Doc.text is rebuilt on every access)."""
    pieces: list[list[Token]] = []
    current: list[Token] = []
    for tok in doc:  # one pass; doc.sents re-scans the document per sentence in this spaCy version
        if current and (tok.is_sent_start or (tok.is_space and "\n" in tok.text)):
            pieces.append(current)
            current = []
        if not tok.is_space:
            current.append(tok)
    if current:
        pieces.append(current)
    units: list[Unit] = []
    para = 0
    for toks in pieces:
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        if units and "\n" in text[units[-1].end:start]:
            para += 1
        units.append(Unit(len(units), start, end, para, toks))
    return units
