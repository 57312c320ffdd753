"""Database fixtures for every test that needs a store: SQLite in a temp dir and the real PostgreSQL.

`store_url` is parametrized over both engines; each test gets an empty database of its own
(PostgreSQL: a uniquely named database created on the server at $SITREP_TEST_PG, default
postgresql+psycopg://postgres@127.0.0.1:5432/postgres, dropped afterwards). Without a server
the PostgreSQL half is skipped with a message, except under CI=true, where it fails.
Imported into tests/conftest.py, so any test module can ask for `store_url`, `sqlite_url`,
`pg_url` or `store`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PG_SERVER = os.environ.get("SITREP_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def _admin_engine():  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    return sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")


def _require_server() -> None:
    import sqlalchemy as sa

    try:
        engine = _admin_engine()
        with engine.connect():
            pass
        engine.dispose()
    except sa.exc.OperationalError as exc:
        message = f"PostgreSQL at {PG_SERVER} is not reachable ({str(exc.orig).strip().splitlines()[0]})"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}: under CI=true the PostgreSQL store tests must run (make pg-start)")
        pytest.skip(message)


@contextmanager
def fresh_postgres(prefix: str = "sitrep_test") -> Iterator[str]:
    """The URL of a new, empty, uniquely named PostgreSQL database, dropped on exit."""
    import sqlalchemy as sa

    _require_server()
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = _admin_engine()
    with engine.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def sqlite_url_in(directory: Path, name: str = "store.db") -> str:
    return f"sqlite:///{directory / name}"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return sqlite_url_in(tmp_path)


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_postgres() as url:
        yield url


@pytest.fixture(scope="module")
def _pg_module_store() -> Iterator[str]:
    """One migrated PostgreSQL store per test module (creating a database costs seconds)."""
    from sitrep.storage import open_store

    with fresh_postgres() as url:
        open_store(url).close()
        yield url


def empty_store_tables(url: str) -> None:
    """Delete every row of a migrated store (the schema revision stays)."""
    import sqlalchemy as sa

    from sitrep.storage import schema

    engine = sa.create_engine(url)
    names = ", ".join(schema.metadata.tables)
    with engine.begin() as connection:
        connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store URL, once for SQLite (a new file) and once for PostgreSQL (the module's
    database, emptied). For a brand-new database with no schema at all use `pg_url`/`sqlite_url`."""
    if request.param == "sqlite":
        yield sqlite_url_in(tmp_path)
    else:
        url = request.getfixturevalue("_pg_module_store")
        empty_store_tables(url)
        yield url


@pytest.fixture
def store(store_url: str):  # type: ignore[no-untyped-def]
    """An open, empty store on each engine."""
    from sitrep.storage import open_store

    with open_store(store_url) as opened:
        yield opened
