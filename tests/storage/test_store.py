"""The store's reads and writes, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from sitrep.errors import ConfigError
from sitrep.storage import ArticleFilter, Store
from tests.storage.builders import kharkiv_record, plain_record, story_text


def test_new_store_is_empty_and_current(store: Store) -> None:
    from sitrep.storage.migrate import current_revision, head_revision

    stats = store.stats()
    assert (stats.articles, stats.records, stats.failures, stats.outlets) == (0, 0, 0, 0)
    assert stats.items == {k: 0 for k in ("places", "actors", "times", "quantities", "claims", "events")}
    with store.engine.connect() as connection:
        assert current_revision(connection) == head_revision()


def test_record_round_trips_with_items(store: Store) -> None:
    record = kharkiv_record()
    assert store.put_records([record]) == ["new"]
    got = store.get("a-kharkiv")
    assert got is not None
    assert got.record == record
    assert (got.outlet, got.published, got.canonical) == ("Wire One", "2022-09-10", None)
    stats = store.stats()
    assert stats.items == {"places": 1, "actors": 2, "times": 2, "quantities": 1, "claims": 1, "events": 1}
    assert (stats.first_published, stats.last_published) == ("2022-09-10", "2022-09-10")
    assert store.get("missing") is None


def test_same_content_is_unchanged_new_text_is_updated_and_versioned(store: Store) -> None:
    first = plain_record("x1", story_text(1), title="Old headline", outlet="A")
    store.put_records([first])
    assert store.put_records([first]) == ["unchanged"]
    edited = first.model_copy(update={"text": first.text + "\n\nA late paragraph added by the editor."})
    assert store.put_records([edited]) == ["updated"]
    current = store.get("x1")
    assert current is not None and current.record.text == edited.text
    [old] = store.versions("x1")
    assert (old.version, old.text, old.record) == (1, first.text, first)
    assert old.ingested <= old.replaced
    summary = store.summary("x1")
    assert summary is not None and summary.version == 2
    stats = store.stats()
    assert (stats.articles, stats.updated_articles, stats.records) == (1, 1, 1)


def test_update_replaces_items(store: Store) -> None:
    store.put_records([kharkiv_record()])
    bare = plain_record("a-kharkiv", "A different text with no items at all.", outlet="Wire One",
                        published="2022-09-10", title="Troops retake town")
    assert store.put_records([bare]) == ["updated"]
    assert store.stats().items == {k: 0 for k in ("places", "actors", "times", "quantities", "claims", "events")}
    assert store.count_articles(ArticleFilter(place="Balakliia")) == 0


def test_near_duplicate_links_to_the_canonical_article(store: Store) -> None:
    text = story_text(3)
    paragraphs = text.split("\n\n")
    paragraphs[2] = "An entirely rewritten paragraph about something the second outlet added itself."
    statuses = store.put_records([
        plain_record("wire", text, outlet="Wire", title="Original headline"),
        plain_record("copy", "\n\n".join(paragraphs), outlet="Paper", title="A new headline"),
        plain_record("other", story_text(4), outlet="Paper"),
    ])
    assert statuses == ["new", "near-duplicate", "new"]
    copy = store.get("copy")
    assert copy is not None and copy.canonical == "wire"
    assert store.put_records([plain_record("copy2", text, outlet="Third")]) == ["near-duplicate"]
    assert store.get("copy2").canonical == "wire"  # type: ignore[union-attr]
    stats = store.stats()
    assert (stats.canonical_articles, stats.near_duplicates) == (2, 2)
    assert [a.record.id for a in store.iter_articles(ArticleFilter(canonical_only=True))] == ["other", "wire"]


def test_filters_are_item_lookups(store: Store) -> None:
    store.put_records([kharkiv_record(), plain_record("b", "Nothing happened in the capital today.", outlet="B",
                                                      published="2022-10-01")])

    def ids(**kwargs: object) -> list[str]:
        return [a.record.id for a in store.iter_articles(ArticleFilter(**kwargs))]  # type: ignore[arg-type]

    assert ids() == ["a-kharkiv", "b"]
    assert ids(since="2022-09-11") == ["b"]
    assert ids(until="2022-09-10") == ["a-kharkiv"]
    assert ids(outlet="B") == ["b"]
    assert ids(place="balakliia") == ["a-kharkiv"]
    assert ids(place="713174") == ["a-kharkiv"]
    assert ids(place="Kyiv") == []
    assert ids(bbox=(36.0, 49.0, 37.0, 50.0)) == ["a-kharkiv"]
    assert ids(bbox=(30.0, 50.0, 31.0, 51.0)) == []
    assert ids(actor="ministry of defence") == ["a-kharkiv"]
    assert ids(side="rus") == ["a-kharkiv"]
    assert ids(status="asserted") == ["a-kharkiv"]
    assert ids(status="denied") == []
    assert ids(type="ASSAULT") == ["a-kharkiv"]
    assert ids(type="Battles") == ["a-kharkiv"]
    assert ids(type="Armed clash") == ["a-kharkiv"]
    assert ids(type="PROTEST") == []
    assert ids(ids=("b",)) == ["b"]
    assert store.count_articles(ArticleFilter(side="UKR")) == 1
    with pytest.raises(ConfigError):
        ids(since="10 September")


def test_full_text_search(store: Store) -> None:
    store.put_records([kharkiv_record(), plain_record("b", "Grain ships left Odesa under the corridor deal.",
                                                      outlet="B", title="Grain corridor")])
    assert [a.id for a in store.search_articles("balakliia settlements")] == ["a-kharkiv"]
    assert [a.id for a in store.search_articles("grain")] == ["b"]
    assert store.search_articles("balakliia grain") == []
    assert [a.id for a in store.list_articles(ArticleFilter(search="Corridor"))] == ["b"]
    assert store.search_articles("!!!") == [] and store.list_articles(ArticleFilter(search="¶")) == []


def test_search_follows_updates(store: Store) -> None:
    store.put_records([plain_record("u", "The dam was intact this morning.")])
    store.put_records([plain_record("u", "The reservoir drained after the breach.")])
    assert store.search_articles("dam") == []
    assert [a.id for a in store.search_articles("reservoir breach")] == ["u"]


def test_failures_are_kept_per_document_and_cleared_on_success(store: Store) -> None:
    from sitrep.storage.writing import FailureEntry, Writer

    writer = Writer(store)
    writer.write_batch([("failure", FailureEntry("d1", "f.jsonl:1", "invalid JSON")),
                        ("failure", FailureEntry("d2", "f.jsonl:2", "empty text"))])
    writer.write_batch([("failure", FailureEntry("d1", "f.jsonl:1", "still invalid"))])
    assert [(f.document, f.reason) for f in store.failures()] == [("d1", "still invalid"), ("d2", "empty text")]
    store.put_records([plain_record("d2", "Now it has text.")])
    assert [f.document for f in store.failures()] == ["d1"]
    assert store.stats().failures == 1


def test_iter_records_in_ingest_order(store: Store) -> None:
    store.put_records([plain_record("z", story_text(7)), plain_record("a", story_text(8))])
    assert [r.id for r in store.iter_records()] == ["z", "a"]
