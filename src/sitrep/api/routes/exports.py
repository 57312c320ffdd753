"""`GET /api/export/{acled,geojson,jsonl}`: the whole store in the formats `sitrep export` writes."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api/export", tags=["exports"])
