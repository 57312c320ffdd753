"""Hand-made records and documents for the store tests, a fake extractor, and a store dump for comparisons."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.model import Actor, Claim, Document, Event, Place, Published, Quantity, Record, Span, TimeExpr
from sitrep.pipeline import DocumentFailure, Outcome, start_record

KHARKIV_TEXT = ("Ukrainian troops recaptured Balakliia on Saturday, the defence ministry in Kyiv said. "
                "The general staff said more than 20 settlements had been freed in the region. "
                "Moscow did not comment on the claim.")


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start=start, end=start + len(words), text=words)


def kharkiv_record(article_id: str = "a-kharkiv", *, outlet: str = "Wire One", published: str = "2022-09-10",
                   text: str = KHARKIV_TEXT, title: str = "Troops retake town") -> Record:
    """A record with one item of every kind, its offsets pointing into its own text."""
    town = _span(text, "Balakliia") if "Balakliia" in text else Span(start=0, end=1)
    return Record(
        id=article_id, title=title, text=text, source=outlet,
        published=Published(value=published),
        actors=(Actor(id="a1", name="Ukrainian Ministry of Defence", kind="org", side="UKR"),
                Actor(id="a2", name="Kremlin", kind="state", side="RUS")),
        places=(Place(id="p1", name="Balakliia", geonameid=713174, lat=49.46, lon=36.86, kind="city", country="UA",
                      mentions=(town,)),),
        times=(TimeExpr(id="t1", start=0, end=1, text="Saturday", type="DATE", value="2022-09-10"),
               TimeExpr(id="t2", start=0, end=1, text="September", type="DATE", value="2022-09")),
        quantities=(Quantity(id="q1", start=0, end=1, text="more than 20", value=20, unit="settlements",
                             bound="gt"),),
        claims=(Claim(id="c1", start=0, end=len(text) // 2, claimant="a1", said_at="t1", status="asserted",
                      places=("p1",)),),
        events=(Event(id="e1", start=0, end=10, plover="ASSAULT", acled=("Battles", "Armed clash"), actor="a1",
                      places=("p1",), when="t1", claim="c1"),),
        stages={"fake": "1"},
    )


def plain_record(article_id: str, text: str, *, outlet: str | None = None, published: str | None = None,
                 title: str | None = None) -> Record:
    return Record(id=article_id, title=title, text=text, source=outlet,
                  published=Published(value=published) if published else None, stages={"fake": "1"})


def story_text(seed: int, paragraphs: int = 6) -> str:
    """A made-up article of several paragraphs whose wording depends on `seed` (distinct seeds share few shingles)."""
    words = ["artillery", "convoy", "bridge", "village", "river", "officials", "drone", "depot", "reservists",
             "harvest", "power", "station", "evacuation", "shelter", "border", "ceasefire", "talks", "aid"]
    out = []
    for p in range(paragraphs):
        picked = [words[(seed * 7 + p * 5 + i * 3 + (seed * i) % 11) % len(words)] for i in range(14)]
        out.append(f"Paragraph {p} of report {seed}: " + " ".join(picked) + f" near site {seed * 31 + p}.")
    return "\n\n".join(out)


def document(article_id: str, text: str, **fields: Any) -> Document:
    return Document(id=article_id, text=text, **fields)


def fake_extract(documents: Iterable[Document]) -> Iterator[Outcome]:
    """Stands in for sitrep.extraction.extract: an empty record per document; text with FAIL fails."""
    for doc in documents:
        if "FAIL" in doc.text:
            yield Outcome(doc, failure=DocumentFailure(doc.id, doc.origin, "test failure", code="E900",
                                                       stage="fake"))
        else:
            record = start_record(doc)
            yield Outcome(doc, record=record.model_copy(update={"stages": {"fake": "1"}}))


VOLATILE = {"seq", "first_ingested", "last_ingested", "extracted", "ingested", "replaced", "failed"}
TABLES = ("articles", "article_versions", "records", "places", "actors", "actor_words", "times", "quantities",
          "claims", "events", "item_places", "failures")


def dump_store(url: str) -> dict[str, list[str]]:
    """Every table's rows (without ingest-order numbers and timestamps), sorted: equal dumps, equal stores."""
    import sqlalchemy as sa

    from sitrep.storage import schema

    engine = sa.create_engine(url)
    out: dict[str, list[str]] = {}
    with engine.connect() as connection:
        for name in TABLES:
            table = schema.metadata.tables[name]
            rows = connection.execute(sa.select(table)).mappings()
            out[name] = sorted(json.dumps({k: _plain(v) for k, v in row.items() if k not in VOLATILE},
                                          sort_keys=True, ensure_ascii=False) for row in rows)
    engine.dispose()
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def store_times(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """The ingest times `dump_store` leaves out (ingest order as the order of ids), to compare two stores."""
    import sqlalchemy as sa

    from sitrep.storage import schema as t

    engine = sa.create_engine(url)
    a, v, r, f = t.articles, t.article_versions, t.records, t.failures
    with engine.connect() as connection:
        def rows(query: Any) -> list[tuple[Any, ...]]:
            return [tuple(_instant(x) for x in row) for row in connection.execute(query)]

        out = {"articles": rows(sa.select(a.c.id, a.c.first_ingested, a.c.last_ingested, r.c.extracted)
                                .join(r, r.c.article_id == a.c.id).order_by(a.c.seq)),
               "versions": rows(sa.select(v.c.article_id, v.c.version, v.c.ingested, v.c.replaced)
                                .order_by(v.c.article_id, v.c.version)),
               "failures": rows(sa.select(f.c.document, f.c.failed).order_by(f.c.document))}
    engine.dispose()
    return out


def _instant(value: Any) -> Any:
    """A timestamp as UTC ISO text (SQLite gives naive UTC, PostgreSQL aware)."""
    from datetime import UTC, datetime

    if isinstance(value, datetime):
        return (value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)).isoformat()
    return value
