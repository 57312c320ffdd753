"""The store's tables, as SQLAlchemy Core metadata: one schema for SQLite and PostgreSQL.

The migrations in `sitrep/storage/migrations/versions/` create these tables; this module
describes the current (head) revision for queries. A column added here needs a new
revision there.

Layout:
1. `articles`: one row per article id (the current version), its text, content hash,
   near-duplicate link (`canonical`) and MinHash signature; `seq` is the ingest order
   (and the rowid of the SQLite FTS5 index; PostgreSQL keeps a generated `tsvector`).
2. `article_versions`: every earlier version of an article whose text changed.
3. `records`: the full sitrep.record/1 JSON (JSONB on PostgreSQL) and the stage versions.
4. Item tables (`places`, `actors`, `times`, `quantities`, `claims`, `events`, with
   `item_places` linking events and claims to places and `actor_words` holding each word
   of each actor's name), keyed by (article_id, item_id)
   and indexed for the filters the views use (time range, place, bbox, actor, side,
   status, type).
5. `failures`: documents that could not be read or extracted, one row per document.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData()


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp that comes back timezone-aware (UTC) from both engines (SQLite drops the zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Json = sa.JSON().with_variant(JSONB(), "postgresql")
Stamp = UTCDateTime()
ID = sa.String(255)


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


articles = sa.Table(
    "articles", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", ID, nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("canonical", ID),
    sa.Column("signature", sa.LargeBinary),
    sa.Column("first_ingested", Stamp, nullable=False),
    sa.Column("last_ingested", Stamp, nullable=False),
    sa.Index("ix_articles_published", "published"),
    sa.Index("ix_articles_outlet", "outlet"),
    sa.Index("ix_articles_canonical", "canonical"),
    sa.Index("ix_articles_content_hash", "content_hash"),
)

article_versions = sa.Table(
    "article_versions", metadata,
    sa.Column("article_id", ID, _article_fk(), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("record", Json),
    sa.Column("ingested", Stamp, nullable=False),
    sa.Column("replaced", Stamp, nullable=False),
)

records = sa.Table(
    "records", metadata,
    sa.Column("article_id", ID, _article_fk(), primary_key=True),
    sa.Column("schema", sa.String(40), nullable=False),
    sa.Column("record", Json, nullable=False),
    sa.Column("stages", Json, nullable=False),
    sa.Column("stages_key", sa.Text, nullable=False),
    sa.Column("extracted", Stamp, nullable=False),
    sa.Index("ix_records_stages_key", "stages_key"),
)

places = sa.Table(
    "places", metadata,
    sa.Column("article_id", ID, _article_fk(), primary_key=True),
    sa.Column("item_id", sa.String(32), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False),
    sa.Column("geonameid", sa.Integer),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("country", sa.String(2)),
    sa.Column("admin1", sa.Text),
    sa.Index("ix_places_geonameid", "geonameid"),
    sa.Index("ix_places_name_key", "name_key"),
    sa.Index("ix_places_lat_lon", "lat", "lon"),
)

actors = sa.Table(
    "actors", metadata,
    sa.Column("article_id", ID, _article_fk(), primary_key=True),
    sa.Column("item_id", sa.String(32), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("role", sa.Text),
    sa.Column("side", sa.String(3)),
    sa.Index("ix_actors_name_key", "name_key"),
    sa.Index("ix_actors_side", "side"),
)

times = sa.Table(
    "times", metadata,
    sa.Column("article_id", ID, _article_fk(), primary_key=True),
    sa.Column("item_id", sa.String(32), primary_key=True),
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("mod", sa.String(16)),
    sa.Column("start_date", sa.String(10)),
    sa.Column("end_date", sa.String(10)),
    sa.Index("ix_times_start_end", "start_date", "end_date"),
)

quantities = sa.Table(
    "quantities", metadata,
    sa.Column("article_id", ID, _article_fk(), primary_key=True),
    sa.Column("item_id", sa.String(32), primary_key=True),
    sa.Column("unit", sa.String(32), nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("value_max", sa.Float),
    sa.Column("bound", sa.String(8), nullable=False),
    sa.Index("ix_quantities_unit", "unit"),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("article_id", ID, _article_fk(), primary_key=True),
    sa.Column("item_id", sa.String(32), primary_key=True),
    sa.Column("claimant", sa.String(32)),
    sa.Column("claimant_name", sa.Text),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("said_date", sa.String(10)),
    sa.Column("channel", sa.Text),
    sa.Index("ix_claims_status", "status"),
    sa.Index("ix_claims_said_date", "said_date"),
)

events = sa.Table(
    "events", metadata,
    sa.Column("article_id", ID, _article_fk(), primary_key=True),
    sa.Column("item_id", sa.String(32), primary_key=True),
    sa.Column("plover", sa.String(40)),
    sa.Column("acled_type", sa.Text),
    sa.Column("acled_subtype", sa.Text),
    sa.Column("actor", sa.String(32)),
    sa.Column("target", sa.String(32)),
    sa.Column("event_date", sa.String(10)),
    sa.Column("claim", sa.String(32)),
    sa.Index("ix_events_plover", "plover"),
    sa.Index("ix_events_acled_type", "acled_type"),
    sa.Index("ix_events_event_date", "event_date"),
    sa.Index("ix_events_plover_date", "plover", "event_date"),  # revision 0002
    sa.Index("ix_events_acled_subtype", "acled_subtype"),  # revision 0003
)

actor_words = sa.Table(  # revision 0003: each word of an actor's name_key, for --actor lookups
    "actor_words", metadata,
    sa.Column("article_id", ID, _article_fk(), primary_key=True),
    sa.Column("item_id", sa.String(32), primary_key=True),
    sa.Column("word", sa.Text, primary_key=True),
    sa.Index("ix_actor_words_word", "word", "article_id", "item_id"),
    sqlite_with_rowid=False,
)

item_places = sa.Table(
    "item_places", metadata,
    sa.Column("article_id", ID, _article_fk(), primary_key=True),
    sa.Column("item_id", sa.String(32), primary_key=True),
    sa.Column("place_id", sa.String(32), primary_key=True),
    sa.Index("ix_item_places_place", "article_id", "place_id"),
)

failures = sa.Table(
    "failures", metadata,
    sa.Column("document", sa.Text, primary_key=True),
    sa.Column("origin", sa.Text),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("code", sa.String(8), nullable=False),
    sa.Column("stage", sa.String(40)),
    sa.Column("failed", Stamp, nullable=False),
)

ITEM_TABLES = (places, actors, actor_words, times, quantities, claims, events, item_places)
