"""`sitrep extract` as a user runs it: formats, stdin, bad input lines, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_SEED, ROOT

SITREP = [sys.executable, "-m", "sitrep"]


def sitrep(*args: str, stdin: str | None = None, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SITREP, *args], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def test_bad_documents_get_one_line_each_and_the_rest_goes_on(tmp_path: Path) -> None:
    docs = tmp_path / "batch.jsonl"
    docs.write_text("\n".join([
        json.dumps({"id": "good", "text": "Russian troops shelled Kharkiv on Sunday.", "published": "2022-09-11"}),
        "{broken",
        json.dumps({"id": "notext", "title": "x"}),
        json.dumps({"id": "empty", "text": ""}),
        json.dumps({"id": "good2", "text": "Ukraine retook Izium.", "published": "2022-09-11"}),
    ]), encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01\x02")
    done = sitrep("extract", str(docs), str(binary), "--format", "jsonl")
    assert done.returncode == 1
    ids = [json.loads(line)["id"] for line in done.stdout.splitlines()]
    assert ids == ["good", "good2"]
    errors = done.stderr.strip().splitlines()
    assert len(errors) == 4, done.stderr
    assert errors[0].startswith(f"sitrep: {docs}:2: invalid JSON")
    assert "Traceback" not in done.stderr


def test_rerun_is_idempotent(tmp_path: Path) -> None:
    first = sitrep("extract", str(EXAMPLE_SEED), "--format", "jsonl")
    second = sitrep("extract", str(EXAMPLE_SEED), "--format", "jsonl")
    assert first.returncode == 0 and first.stdout == second.stdout


def test_json_and_text_formats_and_stdin() -> None:
    line = json.dumps({"id": "s", "text": "Zelensky said on Sunday that Ukrainian forces retook Izium."})
    as_json = sitrep("extract", "-", "--format", "json", "--published", "2022-09-11", stdin=line)
    assert as_json.returncode == 0, as_json.stderr
    [record] = json.loads(as_json.stdout)
    assert record["schema"] == "sitrep.record/1" and record["published"]["value"] == "2022-09-11"
    text = sitrep("extract", str(EXAMPLE_SEED), "--format", "text")
    assert text.returncode == 0
    assert "CLAIMS" in text.stdout and "PLACES" in text.stdout and "ACTORS" in text.stdout and "published: 2022-09-11" in text.stdout


def test_bad_published_option_is_one_line_error() -> None:
    done = sitrep("extract", str(EXAMPLE_SEED), "--published", "11/09/2022")
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "--published must be YYYY-MM-DD" in done.stderr


@pytest.mark.slow
def test_huge_document_is_processed(tmp_path: Path) -> None:
    paragraph = "Russian forces shelled the city of Kharkiv again on Sunday, officials said. " * 12 + "\n\n"
    text = paragraph * (2_000_000 // len(paragraph) + 1)
    doc = tmp_path / "huge.jsonl"
    doc.write_text(json.dumps({"id": "huge", "text": text, "published": "2022-09-11"}) + "\n", encoding="utf-8")
    # a guard against a hang, not a timing: 2 million characters take a few minutes on 2 cores
    done = sitrep("extract", str(doc), "--format", "jsonl", timeout=1200)
    assert done.returncode == 0, done.stderr[-500:]
    record = json.loads(done.stdout)
    assert len(record["text"]) >= 2_000_000 and record["places"]


def test_min_confidence_leaves_out_less_confident_items() -> None:
    full = json.loads(sitrep("extract", str(EXAMPLE_SEED), "--format", "jsonl").stdout)
    done = sitrep("extract", str(EXAMPLE_SEED), "--format", "jsonl", "--min-confidence", "0.8")
    assert done.returncode == 0, done.stderr[-500:]
    kept = json.loads(done.stdout)
    for section in ("places", "claims", "events"):
        assert all(x["confidence"] is not None for x in full[section]), section
        assert all(x["confidence"] >= 0.8 for x in kept[section]), section
        assert len(kept[section]) == sum(x["confidence"] >= 0.8 for x in full[section]), section
    assert kept["text"] == full["text"] and kept["actors"] == full["actors"]


def test_min_confidence_outside_zero_one_is_one_line_error() -> None:
    done = sitrep("extract", str(EXAMPLE_SEED), "--min-confidence", "80")
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "--min-confidence must be between 0 and 1" in done.stderr
