"""What the routes call: the store, and the cross-article views computed from it and cached.

The views (`sitrep.analysis.analyse`) are computed over every stored article the first time a
view is asked for, and again only when the store has changed: the cache key is the store's
statistics (article, record, version and item counts), which any ingest changes, and the
API's own writes drop the cache explicitly. A lock keeps two requests from computing at once.

Filtering uses the analysis package's `Filters` / `filter_items` (the CLI's FILTERS), with the
gazetteer when one is built so `place=Izyum` finds Izium; `bbox` is the API's own extra filter
on the items' coordinates.

Writes: `ingest` runs extraction (spaCy, seconds) in a worker thread through `anyio`, one
extraction at a time, so the event loop keeps answering other requests meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import anyio
from fastapi import Request

from sitrep.analysis import Analysis, Filters, analyse, filter_items, find_timeline
from sitrep.analysis.filters import item_places
from sitrep.analysis.model import Claim, Contradiction, Event, Series, Timeline
from sitrep.api.errors import ApiError
from sitrep.config import Settings
from sitrep.errors import GazetteerError
from sitrep.model import Document, StoredArticle
from sitrep.pipeline import Outcome
from sitrep.storage import Store, ingest_documents

Item = TypeVar("Item", Event, Claim, Series, Contradiction, Timeline)
BBox = tuple[float, float, float, float]


class Service:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._lock = threading.Lock()
        self._cached: tuple[str, Analysis] | None = None
        self._gazetteer: Any = None
        self._gazetteer_loaded = False
        self._extraction = anyio.CapacityLimiter(1)
        self._extractor: Any = None

    # -- views -------------------------------------------------------------------------------

    def analysis(self) -> Analysis:
        key = repr(self.store.stats())
        with self._lock:
            if self._cached is None or self._cached[0] != key:
                self._cached = (key, analyse(self.store.iter_articles()))
            return self._cached[1]

    def invalidate(self) -> None:
        with self._lock:
            self._cached = None

    def gazetteer(self) -> Any:
        """The gazetteer for any-spelling place look-ups, or None when it is not built."""
        if not self._gazetteer_loaded:
            from sitrep.gazetteer import open_gazetteer

            try:
                self._gazetteer = open_gazetteer(self.settings) if self.settings.gazetteer_path.exists() else None
            except GazetteerError:
                self._gazetteer = None
            self._gazetteer_loaded = True
        return self._gazetteer

    def country_name(self, iso2: str) -> str | None:
        """A country's name for the ACLED export, when the gazetteer is built."""
        gazetteer = self.gazetteer()
        entry = gazetteer.country(iso2) if gazetteer is not None else None
        return entry.name if entry is not None else None

    def select(self, items: Iterable[Item], filters: Filters, bbox: BBox | None) -> list[Item]:
        kept = filter_items(items, filters, self.gazetteer())
        return [i for i in kept if in_bbox(i, bbox)] if bbox else kept

    def timelines_of(self, name: str) -> list[Timeline]:
        return find_timeline(self.analysis().timelines, name, self.gazetteer())

    # -- articles ----------------------------------------------------------------------------

    def article(self, article_id: str) -> StoredArticle | None:
        return self.store.get(article_id)

    async def ingest(self, documents: Sequence[Document]) -> tuple[list[StoredArticle], list[dict[str, str]]]:
        """Extract and store documents off the event loop; the stored articles and the failures."""
        report = await anyio.to_thread.run_sync(self._ingest_sync, documents, limiter=self._extraction)
        self.invalidate()
        stored = [a for a in (self.store.get(d.id) for d in documents) if a is not None]
        return stored, [failure_dict(f) for f in report.failures]

    def _ingest_sync(self, documents: Sequence[Document]) -> Any:
        return ingest_documents(self.store, list(documents), self.settings, extract=self._extract)

    def _extract(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        """The spaCy pipeline, loaded on the first write (in the worker thread) and kept."""
        if self._extractor is None:
            from sitrep.extraction import Extractor

            self._extractor = Extractor(self.settings)
        return self._extractor(documents)


def failure_dict(failure: Any) -> dict[str, str]:
    return {"document": failure.document, "reason": failure.reason, "code": failure.code}


def in_bbox(item: Event | Claim | Series | Contradiction | Timeline, bbox: BBox) -> bool:
    min_lon, min_lat, max_lon, max_lat = bbox
    return any(p.lat is not None and p.lon is not None and min_lat <= p.lat <= max_lat and min_lon <= p.lon <= max_lon
               for p in item_places(item))


def get_service(request: Request) -> Service:
    """FastAPI dependency: the app's Service (set by create_app or its lifespan)."""
    service = getattr(request.app.state, "service", None)
    if service is None:
        raise ApiError(503, "the store is not open yet")
    return service
