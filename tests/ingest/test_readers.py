"""Reading documents: every format, and every kind of bad input gives a Failure, never an exception."""

from __future__ import annotations

import io
import json
from pathlib import Path

from sitrep.ingest import Failure, read_inputs
from sitrep.ingest.readers import split_title
from sitrep.model import Document


def read_all(*paths: str | Path, published: str | None = None, stdin: str = "") -> list[Document | Failure]:
    return list(read_inputs([str(p) for p in paths], published=published, stdin=io.StringIO(stdin)))


def test_txt_first_line_is_title(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("\n  Big gains | Abroad\n\nFirst paragraph.\n\nSecond.\n", encoding="utf-8")
    [doc] = read_all(f)
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.text) == ("a", "Big gains | Abroad", "First paragraph.\n\nSecond.")


def test_txt_crlf_is_normalised(tmp_path: Path) -> None:
    f = tmp_path / "b.txt"
    f.write_bytes(b"Title\r\nBody line one.\r\nBody line two.")
    [doc] = read_all(f)
    assert isinstance(doc, Document) and doc.text == "Body line one.\nBody line two."


def test_jsonl_documents_and_failures_in_order(tmp_path: Path) -> None:
    f = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": "Kyiv was shelled.", "published": "2022-03-01", "title": "T"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "bad-date", "text": "x", "published": "yesterday"}),
        "",
        json.dumps({"text": "No id here.", "published": "2022-04-21T11:00:00+00:00"}),
    ]
    f.write_text("\n".join(lines), encoding="utf-8")
    items = read_all(f)
    assert [type(i).__name__ for i in items] == ["Document"] + ["Failure"] * 5 + ["Document"]
    assert items[0].published == "2022-03-01"  # type: ignore[union-attr]
    reasons = [str(i) for i in items if isinstance(i, Failure)]
    assert reasons[0].startswith(f"{f}:2: invalid JSON")
    assert reasons[1] == f"{f}:3: missing 'text'"
    assert reasons[2] == f"{f}:4: empty text"
    assert "JSON object" in reasons[3]
    assert "'published' is not a date" in reasons[4]
    last = items[-1]
    assert isinstance(last, Document) and last.id == "docs-8" and last.published.startswith("2022-04-21")


def test_jsonl_undecodable_line_does_not_stop_the_file(tmp_path: Path) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(b'{"id": "a", "text": "fine"}\n{"id": "b", "text": "\xff\xfe bad"}\n{"id": "c", "text": "fine too"}\n')
    items = read_all(f)
    assert [getattr(i, "id", None) for i in items] == ["a", None, "c"]
    assert "not UTF-8" in str(items[1]) and f"{f}:2" in str(items[1])


def test_binary_and_undecodable_files(tmp_path: Path) -> None:
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    latin = tmp_path / "y.txt"
    latin.write_bytes("Title\nCaf\xe9".encode("latin-1"))
    items = read_all(binary, latin, tmp_path / "missing.txt")
    assert all(isinstance(i, Failure) for i in items)
    assert ["binary" in str(items[0]), "not UTF-8" in str(items[1]), "no such file" in str(items[2])] == [True] * 3


def test_directory_reads_supported_files_sorted(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B\nbody b", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\nbody a", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    assert [getattr(i, "id", None) for i in read_all(tmp_path)] == ["a", "b"]


def test_stdin_is_jsonl_and_published_overrides() -> None:
    stdin = json.dumps({"id": "s1", "text": "Text.", "published": "2020-01-01"}) + "\n"
    [doc] = read_all("-", published="2022-09-11", stdin=stdin)
    assert isinstance(doc, Document) and (doc.id, doc.published) == ("s1", "2022-09-11")


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = " ".join(["Russian forces have left most of the Kharkiv region after Ukrainian counter-attacks."] * 3)
    page.write_text(
        "<html><head><title>Big gains</title>"
        '<meta property="article:published_time" content="2022-09-11T10:00:00Z"></head>'
        f"<body><nav>Home | World | Sport</nav><article><h1>Big gains</h1><p>{body}</p>"
        "<p>The withdrawal was not commented on by Moscow officials today.</p></article>"
        "<footer>© Publisher</footer></body></html>", encoding="utf-8")
    [doc] = read_all(page)
    assert isinstance(doc, Document)
    assert "Kharkiv region" in doc.text and "Home | World" not in doc.text and "©" not in doc.text
    assert doc.title == "Big gains" and doc.published == "2022-09-11"


def test_html_without_text_fails(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>var x=1;</script></body></html>", encoding="utf-8")
    [item] = read_all(page)
    assert isinstance(item, Failure) and "no main text" in item.reason


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    rss = tmp_path / "feed.rss"
    rss.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>'
        "<item><title>One</title><link>http://x/1</link><guid>g1</guid>"
        "<pubDate>Sun, 11 Sep 2022 10:00:00 GMT</pubDate>"
        "<description>&lt;p&gt;Izyum was retaken.&lt;/p&gt;&lt;p&gt;Second para.&lt;/p&gt;</description></item>"
        "<item><title>Empty</title></item></channel></rss>", encoding="utf-8")
    atom = tmp_path / "feed.atom"
    atom.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:1</id><title>A</title>'
        '<link href="http://y/1"/><updated>2022-09-10T08:00:00Z</updated>'
        "<summary>Balaklia was recaptured.</summary></entry></feed>", encoding="utf-8")
    items = read_all(rss, atom)
    first, empty, entry = items
    assert isinstance(first, Document) and first.text == "Izyum was retaken.\n\nSecond para."
    assert (first.id, first.published, first.url) == ("g1", "2022-09-11", "http://x/1")
    assert isinstance(empty, Failure)
    assert isinstance(entry, Document) and (entry.id, entry.published) == ("urn:1", "2022-09-10")


def test_broken_feed(tmp_path: Path) -> None:
    f = tmp_path / "bad.xml"
    f.write_text("<rss><channel><item>", encoding="utf-8")
    [item] = read_all(f)
    assert isinstance(item, Failure) and "invalid XML" in item.reason


def test_split_title_single_line() -> None:
    assert split_title("Only a body line.") == (None, "Only a body line.")
