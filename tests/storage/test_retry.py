"""A lost PostgreSQL connection: the batch is retried a bounded number of times, then reported."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from sitrep.errors import StoreError
from sitrep.storage import Store, open_store
from sitrep.storage.writing import Writer
from tests.databases import empty_store_tables
from tests.storage.builders import plain_record, story_text


@pytest.fixture
def pg_store(_pg_module_store: str) -> Iterator[Store]:
    empty_store_tables(_pg_module_store)
    with open_store(_pg_module_store) as store:
        yield store


def _kill_connection_on_insert(store: Store, times: int) -> list[int]:
    """Terminate the store's server connection when it inserts an article, `times` times."""
    killed: list[int] = []
    admin = sa.create_engine(store.engine.url, isolation_level="AUTOCOMMIT")

    def before(conn: sa.Connection, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO ARTICLES") and len(killed) < times:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with admin.connect() as other:
                other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            killed.append(int(pid or 0))

    sa.event.listen(store.engine, "before_cursor_execute", before)
    return killed


def test_lost_connection_is_retried(pg_store: Store) -> None:
    killed = _kill_connection_on_insert(pg_store, times=2)
    writer = Writer(pg_store, retries=3, backoff=0.01)
    result = writer.write_batch([("record", plain_record("r1", story_text(1))),
                                 ("record", plain_record("r2", story_text(1) + " copy"))])
    assert len(killed) == 2
    assert result.statuses == ["new", "near-duplicate"]
    assert pg_store.stats().articles == 2


def test_connection_lost_every_time_is_reported_and_nothing_is_written(pg_store: Store) -> None:
    killed = _kill_connection_on_insert(pg_store, times=99)
    writer = Writer(pg_store, retries=2, backoff=0.01)
    with pytest.raises(StoreError, match="after 3 attempts; nothing of it was stored"):
        writer.write_batch([("record", plain_record("r1", story_text(1)))])
    assert len(killed) == 3
    with open_store(str(pg_store.engine.url.render_as_string(hide_password=False))) as other:
        assert other.stats().articles == 0
