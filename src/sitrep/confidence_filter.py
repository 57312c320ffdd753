"""Dropping the places, claims and events of a record whose confidence is below a threshold.

`sitrep extract --min-confidence X` prints records filtered this way; the store keeps the full
record (confidence is on every item, so a reader can filter again at any threshold). Items
with no confidence (None: not rated) are kept. References stay consistent: an event or a
claim loses the ids of dropped places, and an event whose claim was dropped has claim None.

Example: with X = 0.5, a place at 0.31 goes, and so does its id from every event's `places`.
"""

from __future__ import annotations

from sitrep.errors import ConfigError
from sitrep.model import Record


def filter_by_confidence(record: Record, minimum: float) -> Record:
    """The record without the places, claims and events rated below `minimum`."""
    check_threshold(minimum)
    places = tuple(p for p in record.places if _keep(p.confidence, minimum))
    place_ids = {p.id for p in places}
    claims = tuple(c.model_copy(update={"places": tuple(i for i in c.places if i in place_ids)})
                   for c in record.claims if _keep(c.confidence, minimum))
    claim_ids = {c.id for c in claims}
    events = tuple(e.model_copy(update={"places": tuple(i for i in e.places if i in place_ids),
                                        "claim": e.claim if e.claim in claim_ids else None})
                   for e in record.events if _keep(e.confidence, minimum))
    return record.model_copy(update={"places": places, "claims": claims, "events": events})


def check_threshold(minimum: float) -> None:
    if not 0.0 <= minimum <= 1.0:
        raise ConfigError(f"--min-confidence must be between 0 and 1, got {minimum}")


def _keep(confidence: float | None, minimum: float) -> bool:
    return confidence is None or confidence >= minimum
