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
    """A store as sitrep's first schema revision made it, with one article in it."""
    from sitrep.storage import Store

    engine = make_engine(url)
    run_upgrade(engine, "0001")
    Store(engine).put_records([kharkiv_record()])  # revision 2 only added an index: the same rows
    engine.dispose()


def _indexes(url: str, table: str) -> set[str]:
    engine = make_engine(url)
    with engine.connect() as connection:
        names = {ix["name"] for ix in sa.inspect(connection).get_indexes(table)}
    engine.dispose()
    return {n for n in names if n}


def test_shipped_revisions() -> None:
    assert known_revisions() == ["0001", "0002"]
    assert head_revision() == "0002"


def test_revision_1_store_upgrades_and_keeps_its_data(blank_url: str) -> None:
    _write_revision_1_store(blank_url)
    assert "ix_events_plover_date" not in _indexes(blank_url, "events")
    messages: list[str] = []
    with open_store(blank_url, notify=messages.append) as store:
        assert messages == ["upgrading the store schema from revision 0001 to 0002"]
        article = store.get("a-kharkiv")
        assert article is not None and article.record == kharkiv_record()
        assert store.count_articles(ArticleFilter(type="ASSAULT", place="Balakliia")) == 1
        assert [a.id for a in store.search_articles("Balakliia")] == ["a-kharkiv"]
    assert "ix_events_plover_date" in _indexes(blank_url, "events")
    with open_store(blank_url, notify=messages.append):
        pass
    assert len(messages) == 1  # already current: no second upgrade


def test_older_store_is_refused_without_upgrade(blank_url: str) -> None:
    run_upgrade(make_engine(blank_url), "0001")
    with pytest.raises(StoreError, match="sitrep db upgrade"):
        open_store(blank_url, upgrade=False)


def test_db_upgrade_reports_revisions(blank_url: str) -> None:
    assert upgrade_store(blank_url) == (None, "0002")
    assert upgrade_store(blank_url) == ("0002", "0002")


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
