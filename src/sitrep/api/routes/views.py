"""The cross-article views of `shared/spec/analysis.md`, filtered and paged, and their GeoJSON.

`/api/events`, `/api/claims`, `/api/figures`, `/api/contradictions`, `/api/timelines` return
`{"schema": "sitrep.analysis/1", "items": [...], "total", "offset", "limit", "next_offset"}`;
`/api/timelines/{place}` finds one place's timeline under any spelling; `/api/events.geojson`
and `/api/places.geojson` are FeatureCollections of the (filtered) events and of every place
the views mention, with counts.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from sitrep.analysis.filters import item_places
from sitrep.analysis.model import Claim, Contradiction, Event, PlaceRef, Series, Timeline
from sitrep.api.errors import ApiError, ErrorBody
from sitrep.api.params import Page, Paging, ViewQuery, page_of
from sitrep.api.service import BBox, Service, get_service

router = APIRouter(prefix="/api", tags=["views"], responses={422: {"model": ErrorBody}, 503: {"model": ErrorBody}})
ServiceDep = Annotated[Service, Depends(get_service)]
QueryDep = Annotated[ViewQuery, Depends()]
PagingDep = Annotated[Paging, Depends()]


@router.get("/events", response_model=Page[Event], summary="Events, each once however many outlets reported it")
def events(service: ServiceDep, query: QueryDep, paging: PagingDep) -> Page[Event]:
    return page_of(service.select(service.analysis().events, query.filters, query.bbox), paging)


@router.get("/claims", response_model=Page[Claim], summary="The claim ledger: who said what, how corroborated")
def claims(service: ServiceDep, query: QueryDep, paging: PagingDep) -> Page[Claim]:
    return page_of(service.select(service.analysis().claims, query.filters, query.bbox), paging)


@router.get("/figures", response_model=Page[Series], summary="Figure series over time, one per measure, subject and claimant")
def figures(service: ServiceDep, query: QueryDep, paging: PagingDep) -> Page[Series]:
    return page_of(service.select(service.analysis().figures, query.filters, query.bbox), paging)


@router.get("/contradictions", response_model=Page[Contradiction], summary="Where sources contradict each other")
def contradictions(service: ServiceDep, query: QueryDep, paging: PagingDep) -> Page[Contradiction]:
    return page_of(service.select(service.analysis().contradictions, query.filters, query.bbox), paging)


@router.get("/timelines", response_model=Page[Timeline], summary="Control timelines of places")
def timelines(service: ServiceDep, query: QueryDep, paging: PagingDep) -> Page[Timeline]:
    return page_of(service.select(service.analysis().timelines, query.filters, query.bbox), paging)


@router.get("/timelines/{place}", response_model=Timeline, responses={404: {"model": ErrorBody}},
            summary="One place's control timeline; the place in any spelling (Izyum, Izium)")
def timeline(service: ServiceDep, place: Annotated[str, Path(min_length=1, max_length=200)]) -> Timeline:
    found = service.timelines_of(place)
    if not found:
        raise ApiError(404, f"no control timeline for a place called {place!r}")
    return max(found, key=lambda t: len(t.entries))


@router.get("/events.geojson", summary="The (filtered) events as a GeoJSON FeatureCollection, one point per place")
def events_geojson(service: ServiceDep, query: QueryDep) -> dict[str, Any]:
    selected = service.select(service.analysis().events, query.filters, query.bbox)
    features = [point(place, {"id": e.id, "plover": e.plover, "acled": list(e.acled) if e.acled else None,
                              "date": e.date, "status": e.status, "place": place.name, "outlets": e.outlets,
                              "articles": e.articles})
                for e in selected for place in e.places if is_located(place, query.bbox)]
    return {"type": "FeatureCollection", "features": features}


@router.get("/places.geojson", summary="Every place the views mention, with event, claim and timeline counts")
def places_geojson(service: ServiceDep) -> dict[str, Any]:
    bundle = service.analysis()
    counts: dict[tuple[int | None, str], tuple[PlaceRef, dict[str, int]]] = {}
    for view, items in (("events", bundle.events), ("claims", bundle.claims), ("timelines", bundle.timelines)):
        for item in items:
            for place in item_places(item):
                entry = counts.setdefault((place.geonameid, place.name), (place, {"events": 0, "claims": 0, "timelines": 0}))
                entry[1][view] += 1
    features = [point(place, {"name": place.name, "geonameid": place.geonameid, "kind": place.kind, **n})
                for place, n in counts.values() if place.lat is not None and place.lon is not None]
    return {"type": "FeatureCollection", "features": features}


def is_located(place: PlaceRef, bbox: BBox | None) -> bool:
    if place.lat is None or place.lon is None:
        return False
    return bbox is None or (bbox[0] <= place.lon <= bbox[2] and bbox[1] <= place.lat <= bbox[3])


def point(place: PlaceRef, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": properties}
