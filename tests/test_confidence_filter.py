"""filter_by_confidence: what `sitrep extract --min-confidence` leaves in a record."""

from __future__ import annotations

import pytest

from sitrep.confidence_filter import filter_by_confidence
from sitrep.errors import ConfigError
from sitrep.model import Claim, Event, Place, Record, Span

TEXT = "Troops shelled Kharkiv and Izium, the governor said."


def record() -> Record:
    places = (Place(id="p1", name="Kharkiv", lat=50.0, lon=36.2, confidence=0.95, mentions=(Span(start=15, end=22),)),
              Place(id="p2", name="Izium", lat=49.2, lon=37.3, confidence=0.4, mentions=(Span(start=27, end=32),)),
              Place(id="p3", name="Unrated", lat=1.0, lon=1.0, confidence=None))
    claims = (Claim(id="c1", start=0, end=32, places=("p1", "p2"), confidence=0.3),
              Claim(id="c2", start=0, end=32, places=("p2", "p3"), confidence=0.9))
    events = (Event(id="e1", start=0, end=32, plover="ASSAULT", places=("p1", "p2"), claim="c1", confidence=0.85),
              Event(id="e2", start=0, end=32, plover="ASSAULT", places=("p2",), claim="c2", confidence=0.2))
    return Record(id="r", text=TEXT, places=places, claims=claims, events=events)


def test_items_below_the_threshold_go_and_unrated_ones_stay():
    out = filter_by_confidence(record(), 0.5)
    assert [p.id for p in out.places] == ["p1", "p3"]
    assert [c.id for c in out.claims] == ["c2"]
    assert [e.id for e in out.events] == ["e1"]


def test_references_to_dropped_items_are_removed():
    out = filter_by_confidence(record(), 0.5)
    assert out.claims[0].places == ("p3",)
    assert out.events[0].places == ("p1",) and out.events[0].claim is None


def test_zero_keeps_everything_and_the_input_is_unchanged():
    rec = record()
    assert filter_by_confidence(rec, 0.0) == rec
    filter_by_confidence(rec, 1.0)
    assert len(rec.places) == 3 and len(rec.events) == 2


def test_threshold_outside_zero_one_is_a_config_error():
    with pytest.raises(ConfigError, match="between 0 and 1"):
        filter_by_confidence(record(), 1.5)
