"""Token attributes of a whole Doc read as arrays, for the stages' loops over every token (speed only).

A loop `for tok in doc: tok.text ...` builds a Token object and a string per token on each
pass; reading the attribute ids with one `Doc.to_array` and turning each id into its string
gives the same values in less time. Every function returns exactly what the token loop would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def token_texts(doc: Doc) -> list[str]:
    """`[t.text for t in doc]`."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array("ORTH").tolist()]


def texts_and_offsets(doc: Doc) -> list[tuple[str, int]]:
    """`[(t.text, t.idx) for t in doc]`."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    rows = doc.to_array(["ORTH", "IDX"])
    return list(zip([strings[orth] for orth in rows[:, 0].tolist()], rows[:, 1].tolist(), strict=True))


def texts_where(doc: Doc, *flags: str) -> list[str]:
    """`[t.text for t in doc if all(getattr(t, flag.lower()) for flag in flags)]` for lexeme flags such as
    "IS_LOWER", "IS_ALPHA"."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    rows = doc.to_array(["ORTH", *flags]).tolist()
    return [strings[row[0]] for row in rows if all(row[1:])]
