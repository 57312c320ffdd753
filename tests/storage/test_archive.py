"""The store as an export file and back (`storage/archive.py`), on both engines."""

from __future__ import annotations

import io
import json

from sitrep.config import Settings
from sitrep.ingest import Failure
from sitrep.storage import Store, open_store
from sitrep.storage.archive import Restored, archive_lines, read_archive, write_archive
from sitrep.storage.loading import ingest_entries
from tests.storage.builders import dump_store, plain_record, store_times, story_text


def _export(store: Store) -> list[str]:
    handle = io.StringIO()
    with store.engine.connect() as connection:
        write_archive(connection, handle)
    return handle.getvalue().splitlines()


def _restore(store: Store, lines: list[str]):  # type: ignore[no-untyped-def]
    works = read_archive((f"x:{n}", line) for n, line in enumerate(lines, 1))
    return ingest_entries(store, works, Settings(), extract=lambda docs: iter(()))


def _history(store: Store) -> None:
    """Three versions of one article, a near-duplicate of another, and a failure."""
    from sitrep.storage.writing import FailureEntry, Writer

    text = story_text(2)
    store.put_records([plain_record("wire", text, outlet="Wire"), plain_record("v", "First text of it.")])
    store.put_records([plain_record("v", "Second text of it.")])
    store.put_records([plain_record("copy", text + " Reprinted.", outlet="Paper"), plain_record("v", "Third.")])
    Writer(store).write_batch([("failure", FailureEntry("f.jsonl:2", "f.jsonl:2", "invalid JSON"))])


def test_every_version_link_and_failure_comes_back(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _history(store)
    lines = _export(store)
    kinds = [(json.loads(line)["schema"], json.loads(line).get("id"), json.loads(line).get("version")) for line in lines]
    assert kinds == [("sitrep.stored/1", "wire", 1), ("sitrep.stored/1", "v", 1), ("sitrep.stored/1", "v", 2),
                     ("sitrep.stored/1", "v", 3), ("sitrep.stored/1", "copy", 1), ("sitrep.failure/1", None, None)]
    copy_url = f"sqlite:///{tmp_path / 'copy.db'}"
    with open_store(copy_url) as copy:
        report = _restore(copy, lines)
        assert (report.new, report.near_duplicate, report.restored_failure, report.failed) == (2, 1, 1, 0)
        assert [v.text for v in copy.versions("v")] == ["First text of it.", "Second text of it."]
        assert copy.get("copy").canonical == "wire"  # type: ignore[union-attr]
        again = _restore(copy, lines)
        assert (again.unchanged, again.new, again.updated) == (3, 0, 0)
    assert dump_store(copy_url) == dump_store(store.engine.url.render_as_string(hide_password=False))
    assert store_times(copy_url) == store_times(store.engine.url.render_as_string(hide_password=False))


def test_paged_export_is_the_same_file_whatever_the_page_size(store: Store) -> None:
    """The export reads the store a page of articles at a time (flat memory); the pages join up
    exactly: no article lost or repeated at a page boundary, earlier versions before their current."""
    _history(store)
    store.put_records([plain_record(f"extra{n}", f"Extra article number {n}.") for n in range(5)])
    whole = _export(store)
    with store.engine.connect() as connection:
        for page in (1, 2, 3, 500):
            assert [line for _, line in archive_lines(connection, page=page)] == [line + "\n" for line in whole]


def test_a_store_with_the_older_version_gets_the_newer_one_as_an_update(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _history(store)
    lines = _export(store)
    with open_store(f"sqlite:///{tmp_path / 'old.db'}") as old:
        old.put_records([plain_record("v", "First text of it.")])
        report = _restore(old, lines)
        assert (report.updated, report.new, report.near_duplicate) == (1, 1, 1)
        assert old.get("v").record.text == "Third."  # type: ignore[union-attr]
        assert [v.text for v in old.versions("v")] == ["First text of it."]
        old.put_records([plain_record("v", "Second text of it.")])  # now it holds every exported text
        assert _restore(old, lines).unchanged == 3


def test_bad_export_lines_are_failures_and_plain_records_still_read() -> None:
    record = plain_record("p", "A plain record line, as sitrep extract writes it.")
    orphan = {"schema": "sitrep.stored/1", "id": "o", "version": 1, "current": False, "ingested": "2022-01-01T00:00:00+00:00",
              "replaced": "2022-01-02T00:00:00+00:00", "record": plain_record("o", "Old.").to_json_dict()}
    naive = {**orphan, "current": True, "canonical": None, "first_ingested": "2022-01-01T00:00:00",
             "last_ingested": "2022-01-01T00:00:00+00:00", "id": "n", "record": plain_record("n", "N.").to_json_dict()}
    lines = [json.dumps(record.to_json_dict()), json.dumps(orphan), "{nope", json.dumps(naive)]
    got = list(read_archive((f"x:{n}", line) for n, line in enumerate(lines, 1)))
    assert got[0] == record
    assert isinstance(got[1], Failure) and "has no current version" in got[1].reason
    assert isinstance(got[2], Failure) and got[2].reason.startswith("invalid JSON")
    assert isinstance(got[3], Failure) and "no time zone" in got[3].reason
    assert not any(isinstance(g, Restored) for g in got)
