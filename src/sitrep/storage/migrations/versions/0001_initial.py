"""Revision 0001: the first sitrep store schema (articles, versions, records, items, failures, full text).

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")
Stamp = sa.DateTime(timezone=True)
ID = sa.String(255)


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def _item_key() -> list[sa.Column]:
    return [sa.Column("article_id", ID, _article_fk(), primary_key=True),
            sa.Column("item_id", sa.String(32), primary_key=True)]


def upgrade() -> None:
    _articles()
    _records()
    _items()
    op.create_table(
        "failures",
        sa.Column("document", sa.Text, primary_key=True), sa.Column("origin", sa.Text),
        sa.Column("reason", sa.Text, nullable=False), sa.Column("code", sa.String(8), nullable=False),
        sa.Column("stage", sa.String(40)), sa.Column("failed", Stamp, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_search()
    else:
        _sqlite_search()


def _articles() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False, unique=True),
        sa.Column("title", sa.Text), sa.Column("url", sa.Text), sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(10)), sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False), sa.Column("version", sa.Integer, nullable=False),
        sa.Column("canonical", ID), sa.Column("signature", sa.LargeBinary),
        sa.Column("first_ingested", Stamp, nullable=False), sa.Column("last_ingested", Stamp, nullable=False),
    )
    for column in ("published", "outlet", "canonical", "content_hash"):
        op.create_index(f"ix_articles_{column}", "articles", [column])
    op.create_table(
        "article_versions",
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text), sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False), sa.Column("record", Json),
        sa.Column("ingested", Stamp, nullable=False), sa.Column("replaced", Stamp, nullable=False),
    )


def _records() -> None:
    op.create_table(
        "records",
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
        sa.Column("schema", sa.String(40), nullable=False), sa.Column("record", Json, nullable=False),
        sa.Column("stages", Json, nullable=False), sa.Column("stages_key", sa.Text, nullable=False),
        sa.Column("extracted", Stamp, nullable=False),
    )
    op.create_index("ix_records_stages_key", "records", ["stages_key"])


def _items() -> None:
    op.create_table(
        "places", *_item_key(),
        sa.Column("name", sa.Text, nullable=False), sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("geonameid", sa.Integer), sa.Column("lat", sa.Float), sa.Column("lon", sa.Float),
        sa.Column("kind", sa.String(16), nullable=False), sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.Text),
    )
    op.create_index("ix_places_geonameid", "places", ["geonameid"])
    op.create_index("ix_places_name_key", "places", ["name_key"])
    op.create_index("ix_places_lat_lon", "places", ["lat", "lon"])
    op.create_table(
        "actors", *_item_key(),
        sa.Column("name", sa.Text, nullable=False), sa.Column("name_key", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False), sa.Column("role", sa.Text), sa.Column("side", sa.String(3)),
    )
    op.create_index("ix_actors_name_key", "actors", ["name_key"])
    op.create_index("ix_actors_side", "actors", ["side"])
    op.create_table(
        "times", *_item_key(),
        sa.Column("type", sa.String(10), nullable=False), sa.Column("value", sa.Text, nullable=False),
        sa.Column("mod", sa.String(16)), sa.Column("start_date", sa.String(10)), sa.Column("end_date", sa.String(10)),
    )
    op.create_index("ix_times_start_end", "times", ["start_date", "end_date"])
    op.create_table(
        "quantities", *_item_key(),
        sa.Column("unit", sa.String(32), nullable=False), sa.Column("value", sa.Float, nullable=False),
        sa.Column("value_max", sa.Float), sa.Column("bound", sa.String(8), nullable=False),
    )
    op.create_index("ix_quantities_unit", "quantities", ["unit"])
    op.create_table(
        "claims", *_item_key(),
        sa.Column("claimant", sa.String(32)), sa.Column("claimant_name", sa.Text),
        sa.Column("status", sa.String(16), nullable=False), sa.Column("said_date", sa.String(10)),
        sa.Column("channel", sa.Text),
    )
    op.create_index("ix_claims_status", "claims", ["status"])
    op.create_index("ix_claims_said_date", "claims", ["said_date"])
    op.create_table(
        "events", *_item_key(),
        sa.Column("plover", sa.String(40)), sa.Column("acled_type", sa.Text), sa.Column("acled_subtype", sa.Text),
        sa.Column("actor", sa.String(32)), sa.Column("target", sa.String(32)),
        sa.Column("event_date", sa.String(10)), sa.Column("claim", sa.String(32)),
    )
    for column in ("plover", "acled_type", "event_date"):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_table("item_places", *_item_key(), sa.Column("place_id", sa.String(32), primary_key=True))
    op.create_index("ix_item_places_place", "item_places", ["article_id", "place_id"])


def _postgresql_search() -> None:
    op.execute("ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
               "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED")
    op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")
    op.execute("CREATE INDEX ix_records_record ON records USING gin (record jsonb_path_ops)")


def _sqlite_search() -> None:
    op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq')")
    op.execute("CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
               "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END")
    op.execute("CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
               "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
               "VALUES ('delete', old.seq, old.title, old.text); END")
    op.execute("CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
               "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
               "VALUES ('delete', old.seq, old.title, old.text); "
               "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END")


def downgrade() -> None:
    raise NotImplementedError("sitrep stores are only upgraded; restore a backup to go back")
