"""API fixtures: an app over a store (SQLite and PostgreSQL, from tests/databases.py) holding the
hand-made articles of tests/api/builders.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from sitrep.api import ApiOptions, create_app
from sitrep.config import Settings
from tests.api.builders import sample_records

TOKEN = "test-token-0123456789"


@pytest.fixture
def filled_store(store):  # type: ignore[no-untyped-def]
    store.put_records(sample_records())
    return store


@pytest.fixture
def client(filled_store) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    app = create_app(Settings(), ApiOptions(token=TOKEN), store=filled_store)
    with TestClient(app) as test_client:
        yield test_client
