"""Schema revisions: Alembic migrations shipped inside the package, run on sitrep's own connection.

No alembic.ini is needed where the user runs sitrep: the script directory is this package's
`migrations/` folder and the connection is handed to `env.py`. Opening a store compares its
revision (the `alembic_version` table) with the newest one shipped here:
1. no revision and no tables: a new store, created at the head revision;
2. an older known revision: upgraded (with one line to `notify`), or refused when `upgrade=False`;
3. the head revision: nothing to do;
4. a revision this sitrep does not know: made by a newer sitrep, refused (`StoreVersionError`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from sitrep.errors import StoreError, StoreVersionError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(connection: sa.Connection | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def known_revisions() -> list[str]:
    """Every shipped revision, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(connection: sa.Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def ensure_current(engine: sa.Engine, *, upgrade: bool = True,
                   notify: Callable[[str], None] | None = None) -> str:
    """Bring the store to the head revision (or refuse, see the module docstring); returns it."""
    with engine.connect() as connection:
        current = current_revision(connection)
        has_tables = sa.inspect(connection).has_table("articles")
    known, head = known_revisions(), head_revision()
    if current == head:
        return head
    if current is None and has_tables:
        raise StoreVersionError("the database has an 'articles' table but no sitrep schema revision: "
                                "not a sitrep store (use an empty database)")
    if current is not None and current not in known:
        raise StoreVersionError(f"this store has schema revision {current}, made by a newer sitrep "
                                f"(this one knows revisions up to {head}); upgrade sitrep to open it")
    if current is not None and not upgrade:
        raise StoreError(f"this store has schema revision {current}, older than {head}; "
                         "run `sitrep db upgrade` first")
    if notify is not None and current is not None:
        notify(f"upgrading the store schema from revision {current} to {head}")
    run_upgrade(engine, head)
    return head


def run_upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` in one transaction."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_config(connection), revision)


def upgrade_store(url: str | None = None) -> tuple[str | None, str]:
    """`sitrep db upgrade`: (revision before, revision after) of the store at `url`."""
    from sitrep.storage.store import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            before = current_revision(connection)
        after = ensure_current(engine)
    finally:
        engine.dispose()
    return before, after
