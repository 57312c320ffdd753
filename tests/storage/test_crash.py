"""kill -9 in the middle of an ingest, then the same command again: the store an uninterrupted run gives.

A real `python -m sitrep ingest` subprocess writes a file of precomputed records (so the
test needs no spaCy), with near-duplicates and a bad line among them; it is killed with
SIGKILL once some batches are committed, run again to the end, and its store is compared
row by row (ingest-order numbers and timestamps aside) with one uninterrupted in-process run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from sitrep.config import Settings
from sitrep.storage import ingest_paths, open_store
from tests.databases import fresh_postgres, sqlite_url_in
from tests.storage.builders import dump_store, kharkiv_record, plain_record, story_text

RECORDS = 800
KILL_AFTER = 300  # articles committed (three batches of 100) before the SIGKILL


def _records_file(path: Path) -> Path:
    lines = []
    for i in range(RECORDS):
        if i % 50 == 7:  # a copy of an earlier article under another id
            record = plain_record(f"copy-{i}", story_text(i - 5), outlet="Copier")
        elif i % 10 == 3:
            record = kharkiv_record(f"k-{i}", text=story_text(i) + " Balakliia", outlet=f"Outlet {i % 4}")
        else:
            record = plain_record(f"r-{i}", story_text(i), outlet=f"Outlet {i % 4}", published="2022-09-10")
        lines.append(json.dumps(record.to_json_dict()))
    lines.insert(RECORDS // 2, '{"schema": "sitrep.record/1", "id": "broken"}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(sa.text("SELECT count(*) FROM articles")).scalar_one())
    except sa.exc.DBAPIError:
        return 0  # not created yet
    finally:
        engine.dispose()


def _ingest_command(path: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "sitrep", "ingest", str(path), "--db", url, "--quiet"]


def _killed_then_rerun(path: Path, url: str) -> int:
    """Kill the ingest once KILL_AFTER articles are committed; rerun it; the number stored at the kill."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(_ingest_command(path, url), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    seen = 0
    while time.monotonic() < deadline and process.poll() is None:
        seen = _count(url)
        if seen >= KILL_AFTER:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    at_kill = _count(url)
    assert 0 < at_kill < RECORDS, f"{at_kill} articles at the kill: not in the middle"
    rerun = subprocess.run(_ingest_command(path, url), env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 1, rerun.stderr  # the bad line fails both times
    assert "failed 1" in rerun.stdout
    unchanged = int(rerun.stdout.split("unchanged ")[1].split(",")[0])
    assert unchanged == at_kill, rerun.stdout  # what was committed comes back unchanged, nothing else
    return at_kill


def _uninterrupted(path: Path, url: str) -> None:
    with open_store(url) as store:
        report = ingest_paths(store, [str(path)], Settings())
    assert report.failed == 1 and report.near_duplicate >= RECORDS // 50


@pytest.mark.slow
def test_kill_9_then_rerun_sqlite(tmp_path: Path) -> None:
    path = _records_file(tmp_path / "records.jsonl")
    reference, crashed = sqlite_url_in(tmp_path, "reference.db"), sqlite_url_in(tmp_path, "crashed.db")
    _uninterrupted(path, reference)
    _killed_then_rerun(path, crashed)
    assert dump_store(crashed) == dump_store(reference)


@pytest.mark.slow
def test_kill_9_then_rerun_postgresql(tmp_path: Path) -> None:
    path = _records_file(tmp_path / "records.jsonl")
    with fresh_postgres() as reference, fresh_postgres() as crashed:
        _uninterrupted(path, reference)
        _killed_then_rerun(path, crashed)
        assert dump_store(crashed) == dump_store(reference)
