"""The store commands as a user runs them, on both engines: ingest (real extraction), reprocess,
stats, articles, show, export --to jsonl and the round trip, db upgrade."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.cli import main
from tests.conftest import EXAMPLE_SEED
from tests.databases import sqlite_url_in
from tests.storage.builders import dump_store, kharkiv_record, plain_record, store_times, story_text


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _records_file(path: Path) -> Path:
    records = [kharkiv_record(), plain_record("grain", "Grain ships left Odesa under the corridor deal. " * 5,
                                             outlet="Port Daily", published="2022-08-01", title="Grain corridor"),
               plain_record("grain-copy", "Grain ships left Odesa under the corridor deal. " * 5 + "Reuters.",
                            outlet="Reprinter", published="2022-08-02")]
    path.write_text("".join(json.dumps(r.to_json_dict()) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_real_extraction_reprocess_and_round_trip(capsys: pytest.CaptureFixture[str], store_url: str,
                                                         tmp_path: Path) -> None:
    copy_url = sqlite_url_in(tmp_path, "copy.db")
    records = _records_file(tmp_path / "hand.jsonl")
    code, out, _ = run(capsys, "ingest", str(EXAMPLE_SEED), str(records), "--db", store_url, "--quiet")
    assert code == 0
    assert out.strip() == "new 3, unchanged 0, updated 0, near-duplicate 1, failed 0"
    code, out, _ = run(capsys, "ingest", str(EXAMPLE_SEED), str(records), "--db", store_url)
    assert out.strip() == "new 0, unchanged 4, updated 0, near-duplicate 0, failed 0"

    code, out, _ = run(capsys, "show", "nos-2022-09-11-kharkiv", "--db", store_url)
    seed = json.loads(out)
    assert seed["schema"] == "sitrep.record/1" and seed["places"] and seed["stages"]
    assert any(p["name"] in ("Izyum", "Izium") for p in seed["places"])

    code, out, _ = run(capsys, "reprocess", "--stale", "--db", store_url, "--quiet")
    assert (code, out.strip()) == (0, "reprocessed 3, failed 0")  # the hand-made records had stage "fake"
    code, out, _ = run(capsys, "reprocess", "--stale", "--db", store_url, "--quiet")
    assert out.strip() == "reprocessed 0, failed 0"
    code, out, _ = run(capsys, "show", "a-kharkiv", "--db", store_url, "--format", "jsonl")
    assert "fake" not in json.loads(out)["stages"]

    edited = tmp_path / "edited.jsonl"  # the same id with new text: version 2, version 1 kept
    grain = plain_record("grain", "Grain ships left Odesa under the corridor deal. " * 5 + "Two more sailed at noon.",
                         outlet="Port Daily", published="2022-08-01", title="Grain corridor")
    edited.write_text(json.dumps(grain.to_json_dict()) + "\n" + "{broken\n", encoding="utf-8")
    code, out, _ = run(capsys, "ingest", str(edited), "--db", store_url, "--quiet")
    assert (code, out.strip()) == (1, "new 0, unchanged 0, updated 1, near-duplicate 0, failed 1")

    export = tmp_path / "export.jsonl"
    code, _, err = run(capsys, "export", "--to", "jsonl", str(export), "--db", store_url)
    assert code == 0 and "exported 4 articles (5 versions, 1 failures)" in err
    code, out, _ = run(capsys, "ingest", str(export), "--db", copy_url, "--quiet")
    assert (code, out.strip()) == (0, "new 3, unchanged 0, updated 0, near-duplicate 1, failed 0, "
                                      "restored failures 1")
    assert dump_store(copy_url) == dump_store(store_url)  # the round trip gives the same store
    assert store_times(copy_url) == store_times(store_url)  # ... ingested at the same times
    code, out, _ = run(capsys, "ingest", str(export), "--db", store_url, "--quiet")
    assert out.strip() == "new 0, unchanged 4, updated 0, near-duplicate 0, failed 0, restored failures 1"
    assert dump_store(copy_url) == dump_store(store_url)


def test_looking_around(capsys: pytest.CaptureFixture[str], store_url: str, tmp_path: Path) -> None:
    records = _records_file(tmp_path / "hand.jsonl")
    run(capsys, "ingest", str(records), "--db", store_url, "--quiet")
    code, out, _ = run(capsys, "stats", "--db", store_url)
    assert code == 0
    assert "articles        3 (2 canonical, 1 near-duplicates, 0 updated)" in out
    assert "items           places 1, actors 2, times 2, quantities 1, claims 1, events 1" in out
    assert "published       2022-08-01 .. 2022-09-10" in out
    code, out, _ = run(capsys, "stats", "--db", store_url, "--format", "json")
    assert json.loads(out)["outlets"] == 3

    code, out, _ = run(capsys, "articles", "--db", store_url, "--format", "json")
    assert [a["id"] for a in json.loads(out)["items"]] == ["grain", "grain-copy", "a-kharkiv"]
    code, out, _ = run(capsys, "articles", "--db", store_url, "--search", "corridor odesa", "--format", "json")
    assert [a["id"] for a in json.loads(out)["items"]][:1] in (["grain"], ["grain-copy"])
    assert len(json.loads(out)["items"]) == 2
    code, out, _ = run(capsys, "articles", "--db", store_url, "--since", "2022-09-01", "--format", "table")
    assert out.startswith("a-kharkiv") and "Troops retake town" in out
    code, out, _ = run(capsys, "articles", "--db", store_url, "--outlet", "Reprinter", "--format", "table")
    assert "[near-duplicate of grain]" in out

    code, out, _ = run(capsys, "show", "a-kharkiv", "--db", store_url, "--format", "text")
    assert code == 0 and "Balakliia" in out
    code, _, err = run(capsys, "show", "nope", "--db", store_url)
    assert code == 1 and "no article 'nope'" in err


def test_failures_exit_1_and_are_stored(capsys: pytest.CaptureFixture[str], store_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": ""}\n{broken\n', encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(bad), "--db", store_url, "--quiet")
    assert code == 1
    assert out.strip() == "new 0, unchanged 0, updated 0, near-duplicate 0, failed 2"
    assert f"sitrep: {bad}:1: empty text" in err and f"{bad}:2: invalid JSON" in err
    code, out, _ = run(capsys, "stats", "--db", store_url)
    assert "failures        2" in out


def test_db_upgrade_and_bad_urls(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, out, _ = run(capsys, "db", "upgrade", "--db", sqlite_url)
    assert (code, out.strip()) == (0, "store upgraded from revision (new store) to 0003")
    code, out, _ = run(capsys, "db", "upgrade", "--db", sqlite_url)
    assert out.strip() == "store is at schema revision 0003; nothing to do"
    code, _, err = run(capsys, "stats", "--db", "mysql://localhost/x")
    assert code == 1 and "unsupported database" in err


def test_export_targets_of_the_analysis_views_are_accepted(capsys: pytest.CaptureFixture[str], sqlite_url: str,
                                                           tmp_path: Path) -> None:
    from sitrep.cli.export import CHOICES, TARGETS

    assert set(CHOICES) == {"jsonl", "analysis", "acled", "geojson"}
    for target in CHOICES:
        code, _, err = run(capsys, "export", "--to", target, str(tmp_path / f"out.{target}"), "--db", sqlite_url)
        assert code == (0 if target in TARGETS else 1), err


def test_sitrep_db_environment_variable(capsys: pytest.CaptureFixture[str], sqlite_url: str, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_DB", sqlite_url)
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(plain_record("one", story_text(1)).to_json_dict()) + "\n", encoding="utf-8")
    run(capsys, "ingest", str(path), "--quiet")
    code, out, _ = run(capsys, "stats")
    assert "articles        1" in out


def test_articles_filters(capsys: pytest.CaptureFixture[str], store_url: str, tmp_path: Path) -> None:
    from sitrep.cli.db import gazetteer_ids

    records = _records_file(tmp_path / "hand.jsonl")
    town = kharkiv_record("town", title="Town retaken")
    town = town.model_copy(update={"places": (town.places[0].model_copy(update={"geonameid": 712926}),)})
    (tmp_path / "town.jsonl").write_text(json.dumps(town.to_json_dict()) + "\n", encoding="utf-8")
    run(capsys, "ingest", str(records), str(tmp_path / "town.jsonl"), "--db", store_url, "--quiet")

    def ids(*options: str) -> list[str]:
        code, out, err = run(capsys, "articles", "--db", store_url, "--format", "json", *options)
        assert code == 0, err
        return [a["id"] for a in json.loads(out)["items"]]

    assert ids("--place", "balakliia") == ["a-kharkiv", "town"]
    assert ids("--place", "713174") == ["a-kharkiv"]
    if 712926 in gazetteer_ids("Balakleya"):  # the Russian spelling, known to the gazetteer only
        assert ids("--place", "Balakleya") == ["town"]
    assert ids("--actor", "Ministry of Defence") == ["a-kharkiv", "town"]
    assert ids("--actor", "Ministry Kremlin") == []
    assert ids("--side", "rus", "--since", "2022-09-01") == ["a-kharkiv", "town"]
    assert ids("--status", "denied") == []
    assert ids("--type", "Armed clash", "--outlet", "Wire One") == ["a-kharkiv", "town"]
    assert ids("--type", "Battles", "--search", "Balakliia settlements") in (["a-kharkiv", "town"],
                                                                             ["town", "a-kharkiv"])


def test_store_command_options_are_documented() -> None:
    from tests.conftest import ROOT
    from tests.test_docs import commands

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    store_commands = ("sitrep ingest", "sitrep reprocess", "sitrep stats", "sitrep articles", "sitrep show",
                      "sitrep export", "sitrep db upgrade")
    for name, parser in commands():
        if name not in store_commands:
            continue
        line = next((row for row in readme.splitlines() if row.startswith(f"| `{name}")), "")
        for action in parser._actions:
            option = next((o for o in action.option_strings if o.startswith("--")), None)
            if option in (None, "--help", "--workers", "--engine", "--address"):  # scale options: their own section
                continue
            assert option in line, f"{name} {option} is not in its README row"
