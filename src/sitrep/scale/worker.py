"""The worker side shared by every executor: one Extractor per process, batches in and out as JSON.

`worker_extractor(settings)` builds the Extractor on first use in a process and returns the
same one afterwards (the spaCy model, the stage tables and the read-only gazetteer are loaded
once per worker). Workers never build the gazetteer: the driver makes sure it exists first
(`prepare`), and a worker that cannot find it fails with a GazetteerError.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.config import Settings
from sitrep.scale.wire import document_from_wire, outcome_to_wire

if TYPE_CHECKING:
    from sitrep.extraction import Extractor

_EXTRACTORS: dict[Settings, Extractor] = {}


def worker_extractor(settings: Settings) -> Extractor:
    extractor = _EXTRACTORS.get(settings)
    if extractor is None:
        from sitrep.extraction import Extractor

        extractor = Extractor(settings, build_gazetteer=False, freeze_heap=True)  # kept for the worker's life
        _EXTRACTORS.clear()
        _EXTRACTORS[settings] = extractor
    return extractor


def process_wire_batch(settings: Settings, indexed: list[tuple[int, str]]) -> list[dict[str, Any]]:
    """Run one batch of (index, document JSON) pairs; one outcome dict per document, same order."""
    extractor = worker_extractor(settings)
    documents = [document_from_wire(data) for _, data in indexed]
    outcomes = extractor.run_batch(documents)
    if settings.store_url is not None:  # a distributed ingest into PostgreSQL: this worker writes the batch
        from sitrep.scale.storing import store_outcomes

        return store_outcomes(settings.store_url, indexed, outcomes)
    return [outcome_to_wire(index, outcome) for (index, _), outcome in zip(indexed, outcomes, strict=True)]


def prepare(settings: Settings) -> None:
    """Driver side, before any worker starts: build the gazetteer if it is missing (once, here)."""
    from sitrep.gazetteer import open_gazetteer

    open_gazetteer(settings, build_if_missing=True).conn.close()
