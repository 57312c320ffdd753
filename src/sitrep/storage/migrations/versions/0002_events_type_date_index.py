"""Revision 0002: a composite (plover, event_date) index, for "events of type T between dates".

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_plover_date", "events", ["plover", "event_date"])


def downgrade() -> None:
    op.drop_index("ix_events_plover_date", table_name="events")
