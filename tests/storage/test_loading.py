"""Ingest: reading, skipping what is stored, extraction in input order, counts (a fake extractor stands in)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.model import Document
from sitrep.pipeline import Outcome
from sitrep.storage import Store, ingest_documents, ingest_paths
from tests.storage.builders import fake_extract, kharkiv_record, plain_record, story_text


def _jsonl(path: Path, docs: list[dict[str, object]]) -> str:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return str(path)


def _ingest(store: Store, paths: list[str], **kwargs: object):  # type: ignore[no-untyped-def]
    return ingest_paths(store, paths, Settings(), extract=fake_extract, **kwargs)  # type: ignore[arg-type]


def test_counts_and_idempotence(store: Store, tmp_path: Path) -> None:
    docs = [{"id": f"d{i}", "text": story_text(i), "source": "Wire"} for i in range(5)]
    docs.append({"id": "dup", "text": story_text(2), "source": "Paper", "title": "Another headline"})
    docs.append({"id": "bad", "text": "this one FAILs in extraction"})
    path = _jsonl(tmp_path / "news.jsonl", docs + [{"text": ""}])
    first = _ingest(store, [path])
    assert first.counts() == {"new": 5, "unchanged": 0, "updated": 0, "near-duplicate": 1, "failed": 2}
    assert first.near_duplicates == {"dup": "d2"}
    assert sorted(f.reason for f in first.failures) == ["empty text", "test failure"]
    second = _ingest(store, [path])
    assert second.counts() == {"new": 0, "unchanged": 6, "updated": 0, "near-duplicate": 0, "failed": 2}
    docs[0]["text"] = str(docs[0]["text"]) + "\n\nAn update added at noon."
    third = _ingest(store, [_jsonl(tmp_path / "news.jsonl", docs)])
    assert third.counts() == {"new": 0, "unchanged": 5, "updated": 1, "near-duplicate": 0, "failed": 1}
    assert len(store.versions("d0")) == 1
    assert [f.document for f in store.failures()] == [f"{tmp_path}/news.jsonl:8", "bad"]


def test_unchanged_documents_are_not_extracted_again(store: Store, tmp_path: Path) -> None:
    seen: list[str] = []

    def counting(documents: Iterable[Document]) -> Iterator[Outcome]:
        for outcome in fake_extract(documents):
            seen.append(outcome.document.id)
            yield outcome

    path = _jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": story_text(1)}, {"id": "y", "text": story_text(2)}])
    ingest_paths(store, [path], Settings(), extract=counting)
    ingest_paths(store, [path], Settings(), extract=counting)
    assert seen == ["x", "y"]


def test_extraction_is_not_started_for_records_only(store: Store) -> None:
    def refuse(documents: Iterable[Document]) -> Iterator[Outcome]:
        raise AssertionError("extraction must not start")

    report = ingest_documents(store, [kharkiv_record(), plain_record("b", story_text(9))], Settings(), extract=refuse)
    assert report.new == 2


def test_mixed_inputs_keep_input_order(store: Store, tmp_path: Path) -> None:
    records = tmp_path / "export.jsonl"
    records.write_text(json.dumps(plain_record("rec", story_text(5), outlet="Wire").to_json_dict()) + "\n",
                       encoding="utf-8")
    docs = _jsonl(tmp_path / "docs.jsonl", [{"id": "copy-of-rec", "text": story_text(5)}])
    text_file = tmp_path / "brief.txt"
    text_file.write_text("A headline\n\n" + story_text(6), encoding="utf-8")
    report = _ingest(store, [str(records), docs, str(text_file)], batch_size=1)
    assert report.near_duplicates == {"copy-of-rec": "rec"}
    assert [r.id for r in store.iter_records()] == ["rec", "copy-of-rec", "brief"]
    assert store.get("brief").record.title == "A headline"  # type: ignore[union-attr]


def test_bad_record_line_is_a_failure(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    good = json.dumps(plain_record("ok", "Some text.").to_json_dict())
    path.write_text(good + "\n" + json.dumps({"schema": "sitrep.record/1", "id": "broken"}) + "\n", encoding="utf-8")
    report = _ingest(store, [str(path)])
    assert (report.new, report.failed) == (1, 1)
    assert "not a valid sitrep.record/1 record" in report.failures[0].reason


FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test wire</title>
<item><guid>feed-1</guid><title>Convoy reaches the city</title><link>http://127.0.0.1/1</link>
<pubDate>Sat, 10 Sep 2022 08:00:00 GMT</pubDate><description>&lt;p&gt;{one}&lt;/p&gt;</description></item>
<item><guid>feed-2</guid><title>Talks resume</title><description>&lt;p&gt;{two}&lt;/p&gt;</description></item>
</channel></rss>"""


@pytest.fixture
def feed_server() -> Iterator[str]:
    body = FEED.format(one=story_text(11), two=story_text(12)).encode()
    paragraphs = "".join(f"<p>{p}</p>" for p in story_text(13).split("\n\n"))
    page = (f"<html><head><title>Depot fire</title></head><body><nav>Home | World</nav><article>"
            f"<h1>Depot fire</h1>{paragraphs}</article><footer>Contact us</footer></body></html>").encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            if self.path == "/feed.xml":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                self.wfile.write(body)
            elif self.path == "/page.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(page)
            elif self.path == "/slow":
                time.sleep(2)
                self.send_response(200)
                self.end_headers()
            elif self.path == "/big":
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"x" * 4096)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_url_is_ingested(store: Store, feed_server: str) -> None:
    report = _ingest(store, [f"{feed_server}/feed.xml"])
    assert report.counts()["new"] == 2
    article = store.get("feed-1")
    assert article is not None
    assert (article.record.title, article.published) == ("Convoy reaches the city", "2022-09-10")
    assert _ingest(store, [f"{feed_server}/feed.xml"]).unchanged == 2


def test_bad_urls_are_failures(store: Store, feed_server: str) -> None:
    from sitrep.ingest.web import read_url

    report = _ingest(store, [f"{feed_server}/missing"])
    assert report.failed == 1 and "HTTP 404" in report.failures[0].reason
    [too_big] = list(read_url(f"{feed_server}/big", max_bytes=1024))
    assert "larger than" in str(too_big)
    [refused] = list(read_url("http://127.0.0.1:1/feed.xml", timeout=2))
    assert "cannot fetch" in str(refused)


def test_page_url_is_ingested(store: Store, feed_server: str) -> None:
    from sitrep.ingest.web import url_id

    url = f"{feed_server}/page.html"
    report = _ingest(store, [url])
    assert report.new == 1, report.failures
    article = store.get(url_id(url))
    assert article is not None and article.record.url == url
    assert "Paragraph 2 of report 13" in article.record.text and "Contact us" not in article.record.text


def test_slow_server_times_out(feed_server: str) -> None:
    from sitrep.ingest.web import read_url

    [failure] = list(read_url(f"{feed_server}/slow", timeout=0.3))
    assert "timed out" in str(failure)


def test_record_with_a_duplicate_item_id_fails_alone(store: Store) -> None:
    bad = kharkiv_record("twice")
    bad = bad.model_copy(update={"places": bad.places + bad.places})
    report = ingest_documents(store, [bad, plain_record("fine", story_text(3))], Settings(), extract=fake_extract)
    assert (report.new, report.failed) == (1, 1)
    assert "item id 'p1' twice" in report.failures[0].reason
