"""First-party statements: in a document that is itself someone's statement, the author's sentences
are the author's claims.

A record whose title says it is a statement, remarks, a readout or a fact sheet ("Statement from
President Holm on the referendum", "FACT SHEET: One year of support") speaks for its author: a
sentence no claim covers yet ("The republic will never recognize the annexation.") is the author's
claim. The author is the actor the title names after by/from/of (matched on a name word), else the
state or organisation first named as a subject in the text (the "we" of such documents). Sentences
that report nothing are left alone: questions, lines without a finite verb (headings), and lines
under four words.
"""

from __future__ import annotations

import re

from sitrep.stages.claims.attribution import is_subject_mention
from sitrep.stages.claims.drafts import Doc2, Draft, trim
from sitrep.stages.claims.units import Unit

STATEMENT_TITLE = re.compile(
    r"^\s*(?:joint\s+)?(?:statement|remarks|readout|fact\s+sheet|press\s+release|declaration)s?\b"
    r"(?:[^:]*?\b(?:by|from|of)\s+(?P<who>.+?))?(?:\s+(?:on|at|regarding|about|to|in)\b|:|$)", re.IGNORECASE)
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def statement_author(d: Doc2, title: str | None) -> str | None:
    """The actor a statement document speaks for (see the module docstring), or None for other documents."""
    m = STATEMENT_TITLE.match(title or "")
    if m is None:
        return None
    words = set(re.findall(r"[A-Z][\w'’-]+", m.group("who") or ""))
    for actor in d.actors:
        if words and actor.name.split()[-1] in words:
            return actor.id
    for s, e, actor_id in d.mentions:
        if d.kinds[actor_id] in ("state", "org") and d.doc is not None and is_subject_mention(d.doc, s, e):
            return actor_id
    return None


def is_statement_sentence(d: Doc2, unit: Unit) -> bool:
    text = d.text[unit.start:unit.end].rstrip()
    return (len(text.split()) >= 4 and not text.endswith("?")
            and any(t.tag_ in FINITE_TAGS for t in unit.tokens))


def author_drafts(d: Doc2, title: str | None, drafts: list[Draft]) -> list[Draft]:
    """The author's claims: every statement sentence that no claim covers yet."""
    author = statement_author(d, title)
    if author is None:
        return []
    covered = {x.unit for x in drafts}
    out = []
    for unit in d.units:
        if unit.index in covered or not is_statement_sentence(d, unit):
            continue
        s, e = trim(d.text, unit.start, unit.end)
        if e - s >= 8:
            out.append(Draft(s, e, unit.index, author, None, "asserted", frame=[]))
    return out
