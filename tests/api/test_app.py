"""The REST API on SQLite and PostgreSQL: views, filters, paging, articles, errors, headers, docs."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from tests.conftest import ROOT

SPEC_KEYS = {
    "events": {"id", "plover", "acled", "date", "date_precision", "places", "actor", "target", "fatalities", "status",
               "reports", "outlets", "articles"},
    "claims": {"id", "claimant", "channel", "content", "said_at", "status", "history", "reports", "outlets", "articles",
               "events", "figures", "places"},
    "figures": {"id", "measure", "unit", "subject", "claimant", "points"},
    "contradictions": {"id", "kind", "about", "sides"},
    "timelines": {"place", "entries"},
}


def assert_error(response, status: int, code: str | None = None) -> dict:  # type: ignore[no-untyped-def,type-arg]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body  # type: ignore[no-any-return]


def test_health_and_stats(client: TestClient) -> None:
    assert client.get("/api/health").json()["status"] == "ok"
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 4 and stats["outlets"] == 4


@pytest.mark.parametrize("view", sorted(SPEC_KEYS))
def test_views_serve_the_spec_shapes(client: TestClient, view: str) -> None:
    body = client.get(f"/api/{view}").json()
    assert body["schema"] == "sitrep.analysis/1"
    assert body["total"] == len(body["items"]) > 0
    for item in body["items"]:
        assert SPEC_KEYS[view] <= set(item), (view, set(item) ^ SPEC_KEYS[view])


def test_events_carry_the_articles_places_and_status(client: TestClient) -> None:
    events = client.get("/api/events").json()["items"]
    by_place = {p["name"]: e for e in events for p in e["places"]}
    assert by_place["Izium"]["date"] == "2022-09-10" and by_place["Izium"]["status"] == "asserted"
    assert by_place["Kupiansk"]["status"] == "confirmed"
    report = by_place["Kupiansk"]["reports"][0]
    assert report["article"] == "paper-kupiansk" and report["outlet"] == "Daily Two"


def test_paging_walks_every_item_once(client: TestClient) -> None:
    everything = client.get("/api/claims").json()
    seen, offset = [], 0
    while offset is not None:
        page = client.get(f"/api/claims?limit=1&offset={offset}").json()
        assert page["total"] == everything["total"] and len(page["items"]) <= 1
        seen += [c["id"] for c in page["items"]]
        offset = page["next_offset"]
    assert seen == [c["id"] for c in everything["items"]]


def test_page_size_is_bounded(client: TestClient) -> None:
    assert_error(client.get("/api/events?limit=501"), 422, "validation_error")
    assert client.get("/api/events?limit=500").status_code == 200


def test_filters_narrow_the_views(client: TestClient) -> None:
    names = lambda q: {p["name"] for e in client.get(f"/api/events?{q}").json()["items"] for p in e["places"]}  # noqa: E731
    assert names("since=2022-09-15") == {"Kupiansk"}
    assert names("until=2022-09-12") == {"Izium"}
    assert names("place=Izium") == {"Izium"}
    assert names("status=confirmed") == {"Kupiansk"}
    assert names("bbox=37.0,49.0,37.4,49.4") == {"Izium"}
    assert names("type=ASSAULT") == {"Izium", "Kupiansk"} and names("type=PROTEST") == set()
    assert names("side=UKR") == {"Izium", "Kupiansk"} and names("side=CHN") == set()
    claims = client.get("/api/claims?actor=ministry&since=2022-09-15").json()["items"]
    assert claims and all(c["said_at"] >= "2022-09-15" for c in claims)


def test_bad_filters_answer_422_in_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/api/events?since=yesterday"), 422, "validation_error")
    assert_error(client.get("/api/events?bbox=1,2,3"), 422, "validation_error")
    assert_error(client.get("/api/events?bbox=east,48,39,51"), 422, "validation_error")
    assert_error(client.get("/api/events?since=1662768000"), 422, "validation_error")  # no Unix timestamps
    assert client.get("/api/events?bbox=10,80,0,90").json()["items"] == []  # an inverted box matches nothing
    assert_error(client.get("/api/claims?side=UKRAINE"), 422)
    assert_error(client.get("/api/claims?status=maybe"), 422)


def test_contradictions_put_both_sides(client: TestClient) -> None:
    [x] = client.get("/api/contradictions").json()["items"]
    assert x["kind"] == "claim"
    sides = {s["claimant"]["side"]: s for s in x["sides"]}
    assert set(sides) == {"UKR", "RUS"}
    assert sides["RUS"]["reports"][0]["article"] == "agency-denial"


def test_timeline_of_a_place_in_any_spelling(client: TestClient) -> None:
    timelines = client.get("/api/timelines").json()["items"]
    assert {t["place"]["name"] for t in timelines} >= {"Izium", "Kupiansk"}
    for spelling in ("Izium", "izium", "IZIUM"):
        body = client.get(f"/api/timelines/{spelling}").json()
        assert body["place"]["name"] == "Izium" and body["entries"][0]["controller"] == "UKR"
    assert_error(client.get("/api/timelines/Atlantis"), 404, "not_found")


def test_geojson_feature_collections(client: TestClient) -> None:
    events = client.get("/api/events.geojson").json()
    assert events["type"] == "FeatureCollection"
    assert {f["properties"]["place"] for f in events["features"]} == {"Izium", "Kupiansk"}
    lon, lat = next(f for f in events["features"] if f["properties"]["place"] == "Izium")["geometry"]["coordinates"]
    assert (lat, lon) == (49.21, 37.26)
    assert client.get("/api/events.geojson?bbox=37.5,49.5,38,50").json()["features"][0]["properties"]["place"] == "Kupiansk"
    places = {f["properties"]["name"]: f["properties"] for f in client.get("/api/places.geojson").json()["features"]}
    assert places["Izium"]["events"] >= 1 and "Lyman" not in places  # Lyman is in no view, only in an article


def test_exports(client: TestClient) -> None:
    acled = client.get("/api/export/acled")
    assert acled.headers["content-type"].startswith("text/csv")
    header, *rows = acled.text.strip().splitlines()
    assert header.startswith("event_id_cnty,event_date,time_precision,event_type") and len(rows) == 2
    assert client.get("/api/export/geojson?place=Izium").json()["features"][0]["properties"]["place"] == "Izium"
    lines = client.get("/api/export/jsonl").text.strip().splitlines()
    assert len(lines) == 4 and all('"schema": "sitrep.record/1"' in line for line in lines)
    stored = [json.loads(line) for line in client.get("/api/export/jsonl?versions=all").text.splitlines()]
    assert [(o["schema"], o["id"], o["current"]) for o in stored] == [
        ("sitrep.stored/1", json.loads(line)["id"], True) for line in lines]
    assert_error(client.get("/api/export/jsonl?versions=some"), 422, "validation_error")


def test_articles_list_search_and_detail(client: TestClient) -> None:
    listed = client.get("/api/articles").json()
    assert [a["id"] for a in listed["items"]] == ["wire-izium", "hostile-markup", "paper-kupiansk", "agency-denial"]
    assert {a["id"] for a in client.get("/api/articles?q=Kupiansk").json()["items"]} == {"paper-kupiansk", "agency-denial"}
    assert [a["id"] for a in client.get("/api/articles?outlet=Wire%20One").json()["items"]] == ["wire-izium"]
    assert [a["id"] for a in client.get("/api/articles?since=2022-09-12&limit=1").json()["items"]] == ["hostile-markup"]
    detail = client.get("/api/articles/wire-izium").json()
    record = detail["record"]
    assert detail["outlet"] == "Wire One" and record["schema"] == "sitrep.record/1"
    place = record["places"][0]
    mention = place["mentions"][0]
    assert record["text"][mention["start"]:mention["end"]] == "Izium"
    assert_error(client.get("/api/articles/no-such-article"), 404, "not_found")


def test_every_error_has_the_one_shape(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.get("/static/nothing.js"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")
    assert_error(client.post("/api/events"), 405, "method_not_allowed")
    assert client.request("OPTIONS", "/api/articles").headers["allow"] == "GET, POST"
    assert_error(client.get("/api/events?offset=-1"), 422, "validation_error")


@pytest.mark.parametrize("path", ["/", "/docs", "/api/health", "/api/nothing", "/static/js/main.js", "/openapi.json"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    csp = headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]+)", csp).group(1)  # type: ignore[union-attr]
    assert script_src.strip() == "'self'"  # no 'unsafe-inline', no 'unsafe-eval', no other origin
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp


def test_pages_load_only_local_scripts(client: TestClient) -> None:
    for path in ("/", "/docs"):
        html = client.get(path).text
        assert "<script>" not in html and not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html), path
        assert "http://" not in html and "https://" not in html, path
        for src in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
            assert client.get(src).status_code == 200, src
    assert "swagger-ui-bundle.js" in client.get("/docs").text


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/events", "/api/claims", "/api/figures", "/api/contradictions", "/api/timelines",
            "/api/timelines/{place}", "/api/events.geojson", "/api/places.geojson", "/api/articles",
            "/api/articles/{article_id}", "/api/health", "/api/stats", "/api/export/acled", "/api/export/geojson",
            "/api/export/jsonl"} <= paths
    assert "bearer" in str(spec["components"]["securitySchemes"]).lower()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in paths:
        assert f"`{path.split('{')[0].rstrip('/')}" in readme or path.split("{")[0] in readme, f"{path} is not in the README"
