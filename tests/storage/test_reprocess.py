"""Reprocessing stored articles in place (a fake extractor stands in for the pipeline)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitrep.config import Settings
from sitrep.model import Document
from sitrep.pipeline import Outcome
from sitrep.storage import Store, reprocess
from sitrep.storage.reprocess import stale_count
from tests.storage.builders import fake_extract, kharkiv_record, plain_record, story_text


def _versioned(version: str):  # type: ignore[no-untyped-def]
    def run(documents: Iterable[Document]) -> Iterator[Outcome]:
        for outcome in fake_extract(documents):
            if outcome.record is not None:
                outcome = Outcome(outcome.document, record=outcome.record.model_copy(update={"stages": {"fake": version}}))
            yield outcome
    return run


def test_stale_records_are_replaced_in_place(store: Store) -> None:
    store.put_records([kharkiv_record(), plain_record("b", story_text(2), published="2022-10-01", outlet="B")])
    assert stale_count(store, {"fake": "2"}) == 2
    report = reprocess(store, Settings(), stages={"fake": "2"}, extract=_versioned("2"))
    assert (report.reprocessed, report.failed) == (2, 0)
    assert stale_count(store, {"fake": "2"}) == 0
    article = store.get("a-kharkiv")
    assert article is not None
    assert article.record.stages == {"fake": "2"} and article.record.events == ()  # the fake finds nothing
    assert article.record.published is not None and article.record.published.value == "2022-09-10"
    assert store.stats().items["events"] == 0
    assert store.versions("a-kharkiv") == []  # the text did not change: no new version
    again = reprocess(store, Settings(), stages={"fake": "2"}, extract=_versioned("2"))
    assert again.reprocessed == 0


def test_a_failing_reprocess_keeps_the_old_record(store: Store) -> None:
    store.put_records([plain_record("f", "This text will FAIL next time.")])
    report = reprocess(store, Settings(), stale_only=False, extract=fake_extract)
    assert (report.reprocessed, report.failed) == (0, 1)
    assert store.get("f") is not None
    assert [f.document for f in store.failures()] == ["f"]


def test_reprocess_in_one_process_builds_the_pipeline_once(sqlite_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sitrep.extraction as extraction
    from sitrep.storage import open_store

    built: list[int] = []
    real = extraction.make_pipeline
    monkeypatch.setattr(extraction, "make_pipeline", lambda *a, **k: built.append(1) or real(*a, **k))
    with open_store(sqlite_url) as store:
        store.put_records([plain_record("b", "Ukrainian forces shelled a depot near Kherson on Monday.")])
        report = reprocess(store, Settings(), stale_only=True)  # the record's stage "fake" is stale
        assert (report.reprocessed, report.failed, len(built)) == (1, 0, 1)
        assert reprocess(store, Settings(), stale_only=True).reprocessed == 0
    assert len(built) == 2  # once per run: the versions and the extraction come from one pipeline


def test_stored_documents_are_read_page_by_page_in_ingest_order(store: Store) -> None:
    from sitrep.storage.reprocess import stored_documents

    store.put_records([plain_record(f"p{i}", story_text(i % 3 + 1), outlet="P") for i in range(7)])
    whole = [d.id for d in stored_documents(store, None)]
    assert whole == [f"p{i}" for i in range(7)]
    assert [d.id for d in stored_documents(store, None, page=2)] == whole
    assert [d.id for d in stored_documents(store, None, page=7)] == whole
    report = reprocess(store, Settings(), stages={"fake": "2"}, extract=_versioned("2"))
    assert report.reprocessed == 7
