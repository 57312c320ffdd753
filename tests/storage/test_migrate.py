"""Schema revisions: a revision-1 store upgrades and keeps its data; a newer store is refused."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from sitrep.errors import StoreError, StoreVersionError
from sitrep.storage import ArticleFilter, open_store, upgrade_store
from sitrep.storage.migrate import head_revision, known_revisions, run_upgrade
from sitrep.storage.store import make_engine
from tests.storage.builders import kharkiv_record


@pytest.fixture(params=["sqlite", "postgresql"])
def blank_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A database with nothing in it, not even a schema revision."""
    yield request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")


def _write_revision_1_store(url: str) -> None:
    """A store as sitrep's first schema revision made it, with one article in it (the rows of today's
    tables that revision 1 had: revision 2 only added an index, revision 3 the `actor_words` table)."""
    from datetime import UTC, datetime

    from sitrep.ingest import near_duplicates as nd
    from sitrep.storage import rows
    from sitrep.storage import schema as t

    engine = make_engine(url)
    run_upgrade(engine, "0001")
    record, now = kharkiv_record(), datetime.now(UTC)
    signature = nd.to_bytes(nd.signature(record.text))
    with engine.begin() as connection:
        connection.execute(t.articles.insert(), [rows.article_row(record, version=1, canonical=None,
                                                                  signature=signature, now=now)])
        connection.execute(t.records.insert(), [rows.record_row(record, now)])
        for table, items in rows.item_rows(record).items():
            if table is not t.actor_words and items:
                connection.execute(table.insert(), items)
    engine.dispose()


def _indexes(url: str, table: str) -> set[str]:
    engine = make_engine(url)
    with engine.connect() as connection:
        names = {ix["name"] for ix in sa.inspect(connection).get_indexes(table)}
    engine.dispose()
    return {n for n in names if n}


def test_shipped_revisions() -> None:
    assert known_revisions() == ["0001", "0002", "0003"]
    assert head_revision() == "0003"


def test_revision_1_store_upgrades_and_keeps_its_data(blank_url: str) -> None:
    _write_revision_1_store(blank_url)
    assert "ix_events_plover_date" not in _indexes(blank_url, "events")
    messages: list[str] = []
    with open_store(blank_url, notify=messages.append) as store:
        assert messages == ["upgrading the store schema from revision 0001 to 0003"]
        article = store.get("a-kharkiv")
        assert article is not None and article.record == kharkiv_record()
        assert store.count_articles(ArticleFilter(type="ASSAULT", place="Balakliia")) == 1
        assert [a.id for a in store.search_articles("Balakliia")] == ["a-kharkiv"]
        assert store.count_articles(ArticleFilter(actor="Ministry of defence")) == 1  # 0003 gave it its words
        assert store.count_articles(ArticleFilter(actor="Kremlin Ministry")) == 0  # words of one actor
    assert "ix_events_plover_date" in _indexes(blank_url, "events")
    assert "ix_events_acled_subtype" in _indexes(blank_url, "events")
    assert "ix_actor_words_word" in _indexes(blank_url, "actor_words")
    with open_store(blank_url, notify=messages.append):
        pass
    assert len(messages) == 1  # already current: no second upgrade


def test_older_store_is_refused_without_upgrade(blank_url: str) -> None:
    run_upgrade(make_engine(blank_url), "0001")
    with pytest.raises(StoreError, match="sitrep db upgrade"):
        open_store(blank_url, upgrade=False)


def test_db_upgrade_reports_revisions(blank_url: str) -> None:
    assert upgrade_store(blank_url) == (None, "0003")
    assert upgrade_store(blank_url) == ("0003", "0003")


def test_store_from_a_newer_sitrep_is_refused(blank_url: str) -> None:
    open_store(blank_url).close()
    engine = make_engine(blank_url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    engine.dispose()
    with pytest.raises(StoreVersionError, match="newer sitrep"):
        open_store(blank_url)


def test_foreign_database_is_refused(blank_url: str) -> None:
    engine = make_engine(blank_url)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE articles (name TEXT)"))
    engine.dispose()
    with pytest.raises(StoreVersionError, match="not a sitrep store"):
        open_store(blank_url)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store("postgresql+psycopg://postgres@127.0.0.1:1/nowhere?connect_timeout=2")
