"""The analysis commands read the store and print the views (json, csv, table) and exports."""

import csv
import io
import json
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.storage import open_store
from tests.analysis.builders import area_reports, shelling_reports


@pytest.fixture
def db(sqlite_url: str) -> str:
    with open_store(sqlite_url) as store:
        store.put_records([a.record for a in shelling_reports() + area_reports()])
    return sqlite_url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_events_json_has_the_schema_and_items(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = json.loads(run(capsys, "events", "--db", db, "--format", "json", "--place", "Kharkiv"))
    assert out["schema"] == "sitrep.analysis/1"
    assert len(out["items"]) == 2 and all(e["plover"] == "ASSAULT" for e in out["items"])


def test_filters_narrow_the_items(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    since = json.loads(run(capsys, "events", "--db", db, "--format", "json", "--since", "2022-04-15",
                           "--type", "ASSAULT"))
    assert [e["date"] for e in since["items"] if e["date"] < "2022-09-01"] == ["2022-04-19"]
    claims = json.loads(run(capsys, "claims", "--db", db, "--format", "json", "--side", "UKR"))
    assert len(claims["items"]) == 2


def test_timeline_finds_a_place_in_another_spelling(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = json.loads(run(capsys, "timeline", "Izyum", "--db", db, "--format", "json"))
    (timeline,) = out["items"]
    assert timeline["entries"][0]["change"] == "recaptured"


def test_figures_csv_and_table(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.reader(io.StringIO(run(capsys, "figures", "--db", db, "--format", "csv", "--type",
                                          "area_regained"))))
    assert rows[0][:3] == ["id", "measure", "subject"] and len(rows) == 2
    assert "1,000 -> " in rows[1][4]
    table = run(capsys, "contradictions", "--db", db, "--format", "table")
    assert "(0 items)" in table or "kind" in table


def test_explain_and_exports(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    events = json.loads(run(capsys, "events", "--db", db, "--format", "json", "--since", "2022-04-11",
                            "--until", "2022-04-11"))["items"]
    reasons = json.loads(run(capsys, "events", "--db", db, "--explain", events[0]["id"], "--format", "json"))
    assert reasons["items"] and reasons["items"][0]["why"]
    bundle_path, acled_path, geo_path = tmp_path / "a.json", tmp_path / "a.csv", tmp_path / "a.geojson"
    run(capsys, "export", "--to", "analysis", str(bundle_path), "--db", db)
    bundle = json.loads(bundle_path.read_text(encoding="utf-8"))
    assert bundle["schema"] == "sitrep.analysis/1" and bundle["articles"] == 6
    run(capsys, "export", "--to", "acled", str(acled_path), "--db", db)
    assert acled_path.read_text(encoding="utf-8").startswith("event_id_cnty,event_date,time_precision")
    run(capsys, "export", "--to", "geojson", str(geo_path), "--db", db)
    assert json.loads(geo_path.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
