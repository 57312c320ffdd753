"""Exports of the views: the analysis bundle (JSON), ACLED-style CSV and GeoJSON.

- `write_analysis`: `Analysis.to_json_dict()` as one JSON object (`export --to analysis`).
- `acled_rows` / `write_acled`: one row per event with ACLED's column names. Precision codes
  follow the ACLED codebook: `time_precision` 1 = day, 2 = week, 3 = month (an undated event
  gets the month of its first report, code 3); `geo_precision` 1 = the town itself, 2 = a
  region or area around it, 3 = only the country is known. Fatalities are the event's
  lowest credible figure, 0 when none was reported (ACLED's convention).
- `geojson`: a FeatureCollection with one Point feature per located event.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import TextIO

from sitrep.analysis.model import Analysis, Event, PlaceRef

ACLED_COLUMNS = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                 "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
                 "notes", "fatalities")
TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
GEO_PRECISION = {"city": 1, "other": 1, "region": 2, "area": 2, "river": 2, "country": 3}

CountryName = Callable[[str], "str | None"]


def write_analysis(analysis: Analysis, handle: TextIO) -> int:
    """The bundle as one JSON object; returns the number of items written."""
    handle.write(json.dumps(analysis.to_json_dict(), ensure_ascii=False, indent=1) + "\n")
    return sum(len(v) for v in (analysis.events, analysis.claims, analysis.figures, analysis.contradictions,
                                analysis.timelines))


def main_place(event: Event) -> PlaceRef | None:
    """The finest located place (the events' places are listed finest first)."""
    return next((p for p in event.places if p.lat is not None), None)


def acled_row(event: Event, country_name: CountryName | None = None) -> dict[str, object]:
    place = main_place(event)
    iso2 = place.country if place else None
    date, precision = event.date, event.date_precision
    if date is None:
        date, precision = (event.reports[0].published if event.reports else None), "month"
    return {
        "event_id_cnty": f"{iso2 or 'XX'}{event.id[1:]}",
        "event_date": date or "",
        "time_precision": TIME_PRECISION.get(precision or "month", 3),
        "event_type": event.acled[0] if event.acled else "",
        "sub_event_type": event.acled[1] if event.acled else "",
        "actor1": event.actor.name if event.actor else "",
        "actor2": event.target.name if event.target else "",
        "country": (country_name(iso2) if country_name and iso2 else None) or iso2 or "",
        "admin1": (place.admin1 or "") if place else "",
        "location": place.name if place else "",
        "latitude": f"{place.lat:.4f}" if place and place.lat is not None else "",
        "longitude": f"{place.lon:.4f}" if place and place.lon is not None else "",
        "geo_precision": GEO_PRECISION.get(place.kind, 1) if place else 3,
        "source": "; ".join(sorted({r.outlet for r in event.reports if r.outlet})),
        "notes": event.reports[0].text if event.reports else "",
        "fatalities": int(event.fatalities.value) if event.fatalities else 0,
    }


def acled_rows(events: Iterable[Event], country_name: CountryName | None = None) -> list[dict[str, object]]:
    """Rows for the events that ACLED would code (those with an ACLED type)."""
    return [acled_row(e, country_name) for e in events if e.acled]


def write_acled(events: Iterable[Event], handle: TextIO, country_name: CountryName | None = None) -> int:
    rows = acled_rows(events, country_name)
    writer = csv.DictWriter(handle, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def geojson(events: Iterable[Event]) -> dict[str, object]:
    features = []
    for e in events:
        place = main_place(e)
        if place is None or place.lon is None or place.lat is None:
            continue
        props = e.to_json_dict()
        props["place"] = place.name
        features.append({"type": "Feature", "id": e.id,
                         "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: Iterable[Event], handle: TextIO) -> int:
    data = geojson(events)
    handle.write(json.dumps(data, ensure_ascii=False) + "\n")
    return len(data["features"])  # type: ignore[arg-type]
