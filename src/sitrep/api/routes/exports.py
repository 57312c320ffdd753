"""`GET /api/export/{acled,geojson,jsonl}`: the store in the formats `sitrep export` writes.

- `acled`: CSV, one row per event that has an ACLED type, ACLED's columns and precision codes
  (country names from the gazetteer when it is built, else the ISO-2 code);
- `geojson`: every located event as a FeatureCollection (all properties of the event);
- `jsonl`: the stored records, one per line, streamed (ingesting it into an empty store gives
  the same analysis).
All three come from `sitrep.analysis.exports` and the store; the views' filters apply to acled
and geojson.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import Response, StreamingResponse

from sitrep.analysis.exports import geojson, write_acled
from sitrep.api.errors import ErrorBody
from sitrep.api.params import ViewQuery
from sitrep.api.service import Service, get_service

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
            summary="The stored records, one sitrep.record/1 per line")
def export_jsonl(service: ServiceDep) -> StreamingResponse:
    def lines() -> Iterator[str]:
        for record in service.store.iter_records():
            yield json.dumps(record.to_json_dict(), ensure_ascii=False) + "\n"

    return StreamingResponse(lines(), media_type="application/x-ndjson",
                             headers={"Content-Disposition": 'attachment; filename="sitrep-records.jsonl"'})
