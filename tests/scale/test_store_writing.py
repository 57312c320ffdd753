"""Workers write their batches to PostgreSQL themselves; the driver links near-duplicates in input order.

The fast tests run the protocol in this process: a fake extractor stands in for the pipeline and
`store_outcomes` + `outcome_from_wire` stand in for a worker and the wire, so every step but the
process boundary is real (the PostgreSQL server included). The slow test runs real extraction
through the local pool, Ray and Dask clusters started by the test. Each compares the store with
the one the driver alone writes (the serial ingest): the same rows, the same near-duplicate links.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace

import pytest

from sitrep.config import Settings
from sitrep.model import Document
from sitrep.nlp.parser import batched
from sitrep.pipeline import Outcome
from sitrep.scale.storing import store_outcomes
from sitrep.scale.wire import document_to_wire, outcome_from_wire
from sitrep.storage import ingest_documents, open_store
from sitrep.storage.loading import workers_write
from tests.databases import fresh_postgres
from tests.storage.builders import document, dump_store, fake_extract, story_text

SETTINGS = Settings(batch_size=2)


def first_run() -> list[Document]:
    base = story_text(5)
    copy = base.replace("Paragraph 2", "A rewritten second paragraph, Paragraph 2")
    return [document("a", base, source="Wire"), document("b", story_text(6), source="B"),
            document("a-copy", copy, source="Paper"), document("c", story_text(7)),
            document("bad", "This one will FAIL."), document("c-copy", story_text(7) + " Reprinted.")]


def second_run() -> list[Document]:
    docs = first_run()
    docs[1] = document("b", story_text(6) + "\n\nAn update appended by the editor.", source="B")
    return [*docs, document("b-copy", docs[1].text, source="Third"), document("d", story_text(9))]


class DriverDied(Exception):
    pass


def worker_extract(url: str, die_after: int | None = None) -> object:
    """The fake pipeline as a worker runs it with `store_url` set: each batch written in its own transaction.
    With `die_after`, the driver dies once the workers wrote that many batches, before it linked any."""

    def run(documents: Iterable[Document]) -> Iterator[Outcome]:
        for number, batch in enumerate(batched(documents, SETTINGS.batch_size), 1):
            indexed = [(i, document_to_wire(d)) for i, d in enumerate(batch)]
            wire = store_outcomes(url, indexed, list(fake_extract(batch)))
            if number == die_after:
                raise DriverDied
            yield from (outcome_from_wire(w, d) for w, d in zip(wire, batch, strict=True))

    return run


@pytest.fixture
def reference() -> Iterator[str]:
    """The store the driver alone writes."""
    with fresh_postgres() as url, open_store(url) as store:
        ingest_documents(store, first_run(), SETTINGS, extract=fake_extract)
        ingest_documents(store, second_run(), SETTINGS, extract=fake_extract)
        yield url


def test_workers_write_and_the_driver_links_like_one_serial_ingest(reference: str, pg_url: str) -> None:
    with open_store(pg_url) as store:
        first = ingest_documents(store, first_run(), SETTINGS, extract=worker_extract(pg_url))  # type: ignore[arg-type]
        assert first.counts() == {"new": 3, "unchanged": 0, "updated": 0, "near-duplicate": 2, "failed": 1}
        assert first.near_duplicates == {"a-copy": "a", "c-copy": "c"}
        assert [f.document for f in first.failures] == ["bad"]
        second = ingest_documents(store, second_run(), SETTINGS, extract=worker_extract(pg_url))  # type: ignore[arg-type]
        assert second.counts() == {"new": 1, "unchanged": 4, "updated": 1, "near-duplicate": 1, "failed": 1}
        assert second.near_duplicates == {"b-copy": "b"}
    assert dump_store(pg_url) == dump_store(reference)
    with open_store(pg_url) as store:  # a re-run changes nothing
        again = ingest_documents(store, second_run(), SETTINGS, extract=worker_extract(pg_url))  # type: ignore[arg-type]
        assert again.counts() == {"new": 0, "unchanged": 7, "updated": 0, "near-duplicate": 0, "failed": 1}
    assert dump_store(pg_url) == dump_store(reference)


def test_a_retried_batch_changes_nothing(pg_url: str) -> None:
    batch = first_run()[:2]
    indexed = [(i, document_to_wire(d)) for i, d in enumerate(batch)]
    with open_store(pg_url):
        pass
    written = store_outcomes(pg_url, indexed, list(fake_extract(batch)))
    assert [w["written"]["status"] for w in written] == ["new", "new"]
    before = dump_store(pg_url)
    retried = store_outcomes(pg_url, indexed, list(fake_extract(batch)))
    assert [w["written"]["status"] for w in retried] == ["unchanged", "unchanged"]
    assert dump_store(pg_url) == before


def test_batches_written_but_never_linked_are_linked_by_the_re_run(reference: str, pg_url: str) -> None:
    with open_store(pg_url) as store:
        with pytest.raises(DriverDied):
            ingest_documents(store, first_run(), SETTINGS, extract=worker_extract(pg_url, die_after=2))  # type: ignore[arg-type]
        stats = store.stats()
        assert (stats.articles, stats.near_duplicates) == (4, 0)  # a, b, a-copy, c stored, none linked yet
        again = ingest_documents(store, first_run(), SETTINGS, extract=worker_extract(pg_url))  # type: ignore[arg-type]
        assert again.near_duplicates == {"a-copy": "a", "c-copy": "c"}
        assert (again.new, again.unchanged, again.near_duplicate) == (0, 4, 1)  # a-copy: unchanged, linked now
        ingest_documents(store, second_run(), SETTINGS, extract=worker_extract(pg_url))  # type: ignore[arg-type]
    assert dump_store(pg_url) == dump_store(reference)


def test_only_postgresql_with_workers_writes_from_the_workers(pg_url: str, sqlite_url: str) -> None:
    with open_store(pg_url) as pg, open_store(sqlite_url) as lite:
        assert workers_write(replace(SETTINGS, workers=2), pg).store_url == pg.engine.url.render_as_string(
            hide_password=False)
        assert workers_write(replace(SETTINGS, engine="dask"), pg).store_url is not None
        assert workers_write(SETTINGS, pg).store_url is None  # one process: the driver writes
        assert workers_write(replace(SETTINGS, workers=2), lite).store_url is None  # SQLite: one writer at a time


@pytest.fixture(scope="module")
def corpus_and_reference() -> Iterator[tuple[list[Document], dict[str, int], str]]:
    """The engines' corpus with a near-duplicate (new headline, one paragraph changed) and the store
    one process makes of it (the driver writing; real extraction)."""
    from tests.scale.test_engines import corpus

    docs = corpus()
    paragraphs = docs[0].text.split("\n")
    paragraphs[len(paragraphs) // 2] = "A paragraph the second outlet wrote itself about the same statement."
    docs.append(Document(id="copy-0", title="Another headline", text="\n".join(paragraphs), source="Copier"))
    with fresh_postgres() as url, open_store(url) as store:
        report = ingest_documents(store, docs, SETTINGS)
        assert report.worker_written == 0 and report.near_duplicates == {"copy-0": docs[0].id}
        yield docs, report.counts(), url


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["local", "ray", "dask"])
def test_real_engines_write_from_their_workers(corpus_and_reference: tuple[list[Document], dict[str, int], str],
                                               engine: str) -> None:
    docs, counts, reference = corpus_and_reference
    with fresh_postgres() as url, engine_settings(engine) as settings, open_store(url) as store:
        report = ingest_documents(store, docs, settings)
        assert (report.counts(), report.worker_written) == (counts, len(docs))
        assert report.near_duplicates == {"copy-0": docs[0].id}
        assert dump_store(url) == dump_store(reference)
        again = ingest_documents(store, docs, settings)
        assert again.unchanged == len(docs)
        assert dump_store(url) == dump_store(reference)


@contextmanager
def engine_settings(engine: str) -> Iterator[Settings]:
    """Two workers of `engine`; Ray and Dask on local clusters this test starts (Dask reached by address)."""
    if engine == "local":
        yield replace(SETTINGS, workers=2)
    elif engine == "ray":
        ray = pytest.importorskip("ray")
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        try:
            yield replace(SETTINGS, engine="ray", workers=2)
        finally:
            ray.shutdown()
    else:
        distributed = pytest.importorskip("distributed")
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster:
            yield replace(SETTINGS, engine="dask", workers=2, engine_address=cluster.scheduler_address)
