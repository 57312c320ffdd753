"""Revision 0003: `actor_words` (each word of each actor's name) and an index on the ACLED sub-event
type, so that `--actor NAME` and `--type SUBTYPE` are index lookups.

A substring match (`name_key LIKE '%zelensky%'`) cannot use a b-tree index on either
engine; one row per (article, actor, word) with an index on the word can. Existing actors
get their words here (the same `name_key` words `rows.item_rows` writes).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

WORD = re.compile(r"\w+")


def upgrade() -> None:
    words = op.create_table(
        "actor_words",
        sa.Column("article_id", sa.String(255), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_id", sa.String(32), primary_key=True),
        sa.Column("word", sa.Text, primary_key=True),
        sqlite_with_rowid=False,  # the key is the table: one b-tree less to write per word on SQLite
    )
    op.create_index("ix_actor_words_word", "actor_words", ["word", "article_id", "item_id"])
    op.create_index("ix_events_acled_subtype", "events", ["acled_subtype"])
    connection = op.get_bind()
    actors = sa.table("actors", sa.column("article_id"), sa.column("item_id"), sa.column("name_key"))
    found = connection.execute(sa.select(actors.c.article_id, actors.c.item_id, actors.c.name_key))
    rows = [{"article_id": a, "item_id": i, "word": w} for a, i, key in found for w in sorted(set(WORD.findall(key)))]
    if rows:
        op.bulk_insert(words, rows)


def downgrade() -> None:
    op.drop_index("ix_events_acled_subtype", table_name="events")
    op.drop_index("ix_actor_words_word", table_name="actor_words")
    op.drop_table("actor_words")
