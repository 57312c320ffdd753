"""`GET /api/export/{acled,geojson,jsonl}`: the store in the formats `sitrep export` writes.

- `acled`: CSV, one row per event that has an ACLED type, ACLED's columns and precision codes
  (country names from the gazetteer when it is built, else the ISO-2 code);
- `geojson`: every located event as a FeatureCollection (all properties of the event);
- `jsonl`: the stored records, one per line, streamed (ingesting it into an empty store gives
  the same analysis); `?versions=all` streams the whole store instead, every version, link and
  failure, exactly the file `sitrep export --to jsonl` writes (ingesting it gives the same store).
All three come from `sitrep.analysis.exports` and the store; the views' filters apply to acled
and geojson.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse

from sitrep.analysis.exports import geojson, write_acled
from sitrep.api.errors import ErrorBody
from sitrep.api.params import ViewQuery
from sitrep.api.service import Service, get_service
from sitrep.storage.archive import archive_lines

router = APIRouter(prefix="/api/export", tags=["exports"], responses={422: {"model": ErrorBody}, 503: {"model": ErrorBody}})
ServiceDep = Annotated[Service, Depends(get_service)]
QueryDep = Annotated[ViewQuery, Depends()]


@router.get("/acled", response_class=Response, responses={200: {"content": {"text/csv": {}}}},
            summary="Events as ACLED-style CSV")
def export_acled(service: ServiceDep, query: QueryDep) -> Response:
    events = service.select(service.analysis().events, query.filters, query.bbox)
    buffer = io.StringIO()
    write_acled(events, buffer, service.country_name)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="sitrep-acled.csv"'})


@router.get("/geojson", summary="Events as a GeoJSON FeatureCollection (one point per located event)")
def export_geojson(service: ServiceDep, query: QueryDep) -> dict[str, Any]:
    return geojson(service.select(service.analysis().events, query.filters, query.bbox))


@router.get("/jsonl", response_class=StreamingResponse, responses={200: {"content": {"application/x-ndjson": {}}}},
            summary="The stored records, one per line; with versions=all the whole store as `sitrep export --to jsonl` writes it")
def export_jsonl(service: ServiceDep,
                 versions: Annotated[Literal["current", "all"], Query(
                     description="current: one sitrep.record/1 line per article (its current record); all: every "
                                 "stored version, near-duplicate link, ingest times and failure (sitrep.stored/1 and "
                                 "sitrep.failure/1 lines, what `sitrep export --to jsonl` writes and `sitrep ingest` "
                                 "restores)")] = "current") -> StreamingResponse:
    lines = _archive_lines(service) if versions == "all" else _record_lines(service)
    name = "sitrep-store.jsonl" if versions == "all" else "sitrep-records.jsonl"
    return StreamingResponse(lines, media_type="application/x-ndjson",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _record_lines(service: Service) -> Iterator[str]:
    for record in service.store.iter_records():
        yield json.dumps(record.to_json_dict(), ensure_ascii=False) + "\n"


def _archive_lines(service: Service) -> Iterator[str]:
    with service.store.engine.connect() as connection:
        for _, line in archive_lines(connection):
            yield line
