import csv
import io

from sitrep.analysis import analyse
from sitrep.analysis.exports import ACLED_COLUMNS, geojson, write_acled
from tests.analysis.builders import shelling_reports


def test_acled_rows_have_acled_columns_and_precision_codes() -> None:
    out = io.StringIO()
    n = write_acled(analyse(shelling_reports()).events, out, {"UA": "Ukraine"}.get)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(rows) == 2
    assert tuple(rows[0]) == ACLED_COLUMNS
    monday = next(r for r in rows if r["event_date"] == "2022-04-11")
    assert monday["time_precision"] == "1" and monday["geo_precision"] == "1"
    assert monday["country"] == "Ukraine" and monday["admin1"] == "Kharkiv Oblast"
    assert monday["sub_event_type"] == "Shelling/artillery/missile attack" and monday["fatalities"] == "5"


def test_geojson_is_a_feature_collection_of_points() -> None:
    data = geojson(analyse(shelling_reports()).events)
    assert data["type"] == "FeatureCollection"
    feature = data["features"][0]  # type: ignore[index]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.25, 49.98]}


def test_records_are_read_plain_or_wrapped_as_stored_articles(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from sitrep.analysis.records import read_records
    from tests.analysis.builders import shelling_reports

    plain, wrapped = (a.record for a in shelling_reports()[:2])
    path = tmp_path / "records.jsonl"
    path.write_text(plain.model_dump_json() + "\n" + json.dumps(
        {"schema": "sitrep.stored/1", "id": wrapped.id, "version": 1, "record": json.loads(wrapped.model_dump_json())})
        + "\n", encoding="utf-8")
    assert [r.id for r in read_records(path)] == [plain.id, wrapped.id]
