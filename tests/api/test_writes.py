"""Writes: bearer-token checks (401/403, constant-time compare), the body limit (413),
ingest through the real pipeline, and extraction off the event loop."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator

import anyio
import httpx
import pytest
from fastapi.testclient import TestClient

from sitrep.api import ApiOptions, create_app
from sitrep.api.security import check_token
from sitrep.config import Settings
from sitrep.model import Document
from sitrep.pipeline import Outcome
from tests.api.conftest import TOKEN
from tests.api.test_app import assert_error
from tests.storage.builders import fake_extract

DOC = {"id": "posted-1", "text": "Shelling hit Kharkiv on Monday, regional officials said.", "published": "2022-09-12",
       "source": "Test Wire", "title": "Shelling in Kharkiv"}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_writes_are_off_without_a_configured_token(filled_store) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(Settings(), ApiOptions(token=None), store=filled_store)) as client:
        assert_error(client.post("/api/articles", json=DOC), 403, "forbidden")
        assert_error(client.post("/api/articles", json=DOC, headers=AUTH), 403, "forbidden")


def test_missing_or_wrong_token_is_401(client: TestClient) -> None:
    missing = client.post("/api/articles", json=DOC)
    assert_error(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"] == "Bearer"
    assert_error(client.post("/api/articles", json=DOC, headers={"Authorization": "Bearer wrong"}), 401)
    assert_error(client.post("/api/articles", json=DOC, headers={"Authorization": f"Basic {TOKEN}"}), 401)
    assert_error(client.post("/api/articles", json={"no": "text"}), 401)  # auth is checked before the body
    assert client.get("/api/articles/posted-1").status_code == 404


def test_token_compare_uses_hmac_compare_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    import hmac

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    check_token("secret", "secret")
    assert calls == [(b"secret", b"secret")]


def test_bad_documents_are_422(client: TestClient) -> None:
    assert_error(client.post("/api/articles", json={"id": "x"}, headers=AUTH), 422, "validation_error")
    assert_error(client.post("/api/articles", json={"id": "x", "text": ""}, headers=AUTH), 422)
    assert_error(client.post("/api/articles", json={**DOC, "published": "last week"}, headers=AUTH), 422)
    assert_error(client.post("/api/articles", json=[], headers=AUTH), 422)
    assert_error(client.post("/api/articles", json=[DOC] * 51, headers=AUTH), 422)
    assert_error(client.post("/api/articles", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"}), 422)


def test_body_over_the_limit_is_413(filled_store) -> None:  # type: ignore[no-untyped-def]
    app = create_app(Settings(), ApiOptions(token=TOKEN, max_body_bytes=1000), store=filled_store)
    with TestClient(app) as client:
        big = {**DOC, "text": "word " * 400}
        assert_error(client.post("/api/articles", json=big, headers=AUTH), 413, "payload_too_large")

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts streamed bytes
            yield b'{"id": "x", "text": "'
            for _ in range(50):
                yield b"y" * 100
            yield b'"}'

        assert_error(client.post("/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}),
                     413, "payload_too_large")
        assert client.get("/api/health").status_code == 200


@pytest.mark.slow
def test_post_ingests_through_the_real_pipeline(client: TestClient) -> None:
    response = client.post("/api/articles", json=[DOC], headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["failures"] == []
    record = body["articles"][0]["record"]
    assert record["id"] == "posted-1" and any(p["name"] == "Kharkiv" for p in record["places"])
    assert client.get("/api/articles/posted-1").json()["outlet"] == "Test Wire"
    assert client.get("/api/stats").json()["articles"] == 5
    events = client.get("/api/events?place=Kharkiv").json()["items"]  # the cache saw the write
    assert any(r["article"] == "posted-1" for e in events for r in e["reports"])
    again = client.post("/api/articles", json=DOC, headers=AUTH).json()
    assert [a["id"] for a in again["articles"]] == ["posted-1"] and client.get("/api/stats").json()["articles"] == 5


class SlowExtractor:
    """Stands in for spaCy: blocks its (worker) thread for a while, then gives hand-made records."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.thread: str | None = None

    def __call__(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        self.thread = threading.current_thread().name
        self.started.set()
        time.sleep(1.5)
        return fake_extract(documents)


def test_extraction_runs_off_the_event_loop(filled_store) -> None:  # type: ignore[no-untyped-def]
    app = create_app(Settings(), ApiOptions(token=TOKEN), store=filled_store)
    slow = SlowExtractor()
    app.state.service._extractor = slow

    async def scenario() -> tuple[float, float, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            began = time.monotonic()
            results: dict[str, float | int] = {}

            async def write() -> None:
                response = await http.post("/api/articles", json=DOC, headers=AUTH)
                results["status"] = response.status_code
                results["write_done"] = time.monotonic() - began

            async def read() -> None:
                while not slow.started.is_set():
                    await anyio.sleep(0.01)
                response = await http.get("/api/stats")
                assert response.status_code == 200
                results["read_done"] = time.monotonic() - began

            async with anyio.create_task_group() as group:
                group.start_soon(write)
                group.start_soon(read)
            return float(results["read_done"]), float(results["write_done"]), int(results["status"])

    read_done, write_done, status = anyio.run(scenario)
    assert status == 200
    assert read_done < write_done - 1.0  # the read was answered while extraction was still running
    assert slow.thread != threading.main_thread().name
