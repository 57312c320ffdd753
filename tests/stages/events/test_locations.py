"""Events stage 2.29: one strike on one location gives one event, however many nested places name it;
a country named only by the acting subject's demonym is not where the event happened.

Sentences written for the test (none comes from a dev set)."""

from __future__ import annotations

import pytest

from sitrep.extraction import extract
from sitrep.model import Document, Place
from sitrep.stages.events import lies_within, separate_locations


def place(pid: str, name: str, kind: str, lat: float, lon: float, admin1: str | None, geonameid: int | None = 1,
          country: str = "UA") -> Place:
    return Place(id=pid, name=name, kind=kind, lat=lat, lon=lon, admin1=admin1, geonameid=geonameid,  # type: ignore[arg-type]
                 country=country)


TOWN = place("p1", "Vovchansk", "city", 50.29, 36.94, "Kharkiv Oblast")
OTHER_TOWN = place("p2", "Balakliia", "city", 49.46, 36.86, "Kharkiv Oblast")
OBLAST = place("p3", "Kharkiv Oblast", "region", 49.5, 36.5, "Kharkiv Oblast")
SITE = place("p4", "Vovchansk grain elevator", "area", 50.29, 36.94, None, geonameid=None)
FOREIGN_REGION = place("p5", "Belgorod Oblast", "region", 50.7, 37.4, "Belgorod Oblast", country="RU")


def test_a_town_lies_within_its_region_and_a_site_at_its_town():
    assert lies_within(TOWN, OBLAST)
    assert lies_within(SITE, TOWN)
    assert not lies_within(OBLAST, TOWN)
    assert not lies_within(TOWN, OTHER_TOWN)
    assert not lies_within(TOWN, FOREIGN_REGION)
    assert not lies_within(TOWN, TOWN)


def test_separate_locations_keep_the_most_precise_place_of_each():
    assert [p.id for p in separate_locations([TOWN, OTHER_TOWN, OBLAST])] == ["p1", "p2"]
    assert [p.id for p in separate_locations([SITE, TOWN])] == ["p1"]
    assert [p.id for p in separate_locations([TOWN, FOREIGN_REGION])] == ["p1", "p5"]
    assert [p.id for p in separate_locations([OBLAST])] == ["p3"]


@pytest.fixture(scope="module")
def events_of():
    def run(text: str) -> list[tuple[str | None, list[str]]]:
        (outcome,) = list(extract([Document(id="t", text=text, published="2023-03-02")]))
        record = outcome.record
        assert record is not None
        names = {p.id: p.name for p in record.places}
        return [(e.plover, [names[i] for i in e.places]) for e in record.events]
    return run


def test_a_strike_on_a_town_in_its_named_oblast_is_one_event(events_of):
    events = events_of("On 1 March, Russian forces shelled Marinka, Donetsk, wounding a civilian.")
    assert len([e for e in events if e[0] == "ASSAULT"]) == 1


def test_two_towns_shelled_stay_two_events(events_of):
    events = events_of("On 1 March, Russian forces shelled Kupiansk and Izium with rockets.")
    assert len([e for e in events if e[0] == "ASSAULT"]) == 2


def test_the_actors_nationality_is_not_where_the_strike_happened(events_of):
    events = events_of("On 1 March, Russian troops shelled Vovchansk with artillery.")
    assert events and all("Russia" not in places for _, places in events)
    assert any("Vovchansk" in places for _, places in events)
