"""Named sites the gazetteer lacks, located at the town named after them (stages/places/located.py);
a region's own type word ('Borno State'); second-level regions by their own name; acronyms."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.gazetteer.store import Entry, Hit
from sitrep.pipeline import Stage
from sitrep.stages.places.located import LOCATED_CONFIDENCE, SITE_WORDS, Named, locatable
from sitrep.stages.places.recognise import Mention, plausible_hits
from tests.stages.places.builders import places, small_places_stage


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> Stage:
    return small_places_stage(tmp_path_factory)


@pytest.mark.parametrize(("text", "site", "town"), [
    ("Patients were moved to the Saint Luke General Hospital in Kharkiv on Monday.", "Saint Luke General Hospital",
     "Kharkiv"),
    ("Shops along Freedom Avenue in Kherson reopened after the shelling stopped.", "Freedom Avenue", "Kherson"),
    ("Two cars burned outside a block of flats on Willow Crescent in Kharkiv overnight.", "Willow Crescent",
     "Kharkiv"),
    ("Volunteers handed out bread at the Central Railway Station in Atlanta, Georgia.", "Central Railway Station",
     "Atlanta"),
])
def test_a_named_site_lies_at_the_town_named_after_it(stage: Stage, nlp: Any, text: str, site: str, town: str) -> None:
    got = places(stage, nlp, text)
    assert site in got, sorted(got)
    p = got[site]
    assert p.kind == "other" and p.geonameid is None
    assert (p.lat, p.lon) == (got[town].lat, got[town].lon) and p.country == got[town].country
    assert p.confidence == pytest.approx(LOCATED_CONFIDENCE, abs=0.001)
    assert [a.name for a in p.alternatives] == [town]


@pytest.mark.parametrize("text", [
    "The Saint Luke General Hospital said it had run out of beds.",  # no town at all
    "The Saint Luke General Hospital is in Ukraine.",  # a country is no building's point
])
def test_a_named_site_without_a_town_in_the_story_is_not_emitted(stage: Stage, nlp: Any, text: str) -> None:
    assert "Saint Luke General Hospital" not in places(stage, nlp, text)


@pytest.mark.parametrize(("text", "site", "town"), [
    # the town comes first: the story's focus town
    ("Officials in Kharkiv said the Saint Luke General Hospital had run out of beds.", "Saint Luke General Hospital",
     "Kharkiv"),
    # the town named most often, not the one named last
    ("Kherson was shelled again. Residents of Kherson queued for water while a convoy left for Odesa. "
     "The Saint Luke General Hospital took in twelve people.", "Saint Luke General Hospital", "Kherson"),
    # a tie: the first named
    ("A teacher from Kherson moved to Kharkiv last year. She studied at the Riverside Teachers College.",
     "Riverside Teachers College", "Kherson"),
])
def test_a_named_site_without_a_town_after_it_lies_at_the_focus_town(stage: Stage, nlp: Any, text: str, site: str,
                                                                      town: str) -> None:
    got = places(stage, nlp, text)
    assert site in got, sorted(got)
    assert (got[site].lat, got[site].lon) == (got[town].lat, got[town].lon)
    assert got[site].kind == "other" and got[site].geonameid is None


@pytest.mark.parametrize(("named", "ok"), [
    (Named(0, 21, "Northumberland Avenue", "FAC"), True),
    (Named(0, 19, "Eastern Conference", "LOC"), False),  # no building word: an event, a league
    (Named(0, 19, "Boryspil Airport", "FAC"), False),  # an airport is read by its town's name
    (Named(0, 23, "Central Mental Hospital", "ORG"), True),  # an organisation named for its building
    (Named(0, 22, "Ministry of Agriculture", "ORG"), False),  # an organisation, no building word
    (Named(0, 9, "Hospital", "FAC"), False),  # one word: part of a longer name
    (Named(0, 9, "CITY HALL", "FAC"), False),  # capitals only: a headline or a label
])
def test_locatable_names(named: Named, ok: bool) -> None:
    assert locatable(named) is ok


@pytest.mark.parametrize(("named", "ok"), [
    (Named(0, 25, "Cloverhill District Court", "ORG"), True),  # a building that names an institution
    (Named(0, 17, "Liverpool Academy", "ORG"), True),
    (Named(0, 16, "Boryspil Airport", "FAC"), False),  # still read by its town's name
    (Named(0, 31, "Royal United Services Institute", "ORG"), False),  # an institution, no building
    (Named(0, 14, "Foreign Office", "ORG"), False),
    (Named(0, 15, "Willow Crescent", "FAC"), True),  # streets and outdoor sites
    (Named(0, 13, "Orchard Place", "LOC"), True),
    (Named(0, 9, "Kelso Dam", "FAC"), True),
])
def test_buildings_that_name_an_institution_are_sites(named: Named, ok: bool) -> None:
    assert locatable(named) is ok
    assert (named.text.split()[-1].lower() in SITE_WORDS) is ok


def test_a_region_named_with_its_type_word_is_a_region(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Troops paraded at the barracks in Maiduguri Borno State on Sunday.")
    assert got["Borno"].kind == "region" and got["Borno"].mentions[0].text == "Borno State"
    assert "Maiduguri" in got


def test_a_second_level_region_by_its_own_name(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Two hikers went missing on a coastal path in Ceredigion last week.")
    assert got["Ceredigion"].kind == "region" and got["Ceredigion"].geonameid == 2653814


def test_an_acronym_is_no_second_level_region() -> None:
    county = Entry(1, "Midi", "A", "ADM2", "YE", "15", 16.3, 42.8, 0, "region")
    state = Entry(2, "Uttar Pradesh", "A", "ADM1", "IN", "36", 27.0, 81.0, 200_000_000, "region")
    assert plausible_hits("MIDI", (Hit(county, 0),)) == ()
    assert plausible_hits("UP", (Hit(state, 0),)) == (Hit(state, 0),)


@pytest.mark.parametrize("text", [
    "Lyman mercenaries were seen near Kharkiv, and Lyman later denied it.",
])
def test_a_town_that_names_a_group_is_that_group_in_the_story(stage: Stage, nlp: Any, text: str) -> None:
    assert "Lyman" not in places(stage, nlp, text)


def test_a_big_city_that_names_a_group_stays_a_place(stage: Stage, nlp: Any) -> None:
    assert "Kharkiv" in places(stage, nlp, "The Kharkiv group of forces held the line in Kharkiv.")


def test_a_town_after_an_organisation_and_a_comma_is_its_seat() -> None:
    from sitrep.stages.places.recognise import _seat_of  # noqa: PLC0415

    text = "Staff of the National Mining Institute, Kherson, went on strike."
    m = Mention(text.index("Kherson"), text.index("Kherson") + 7, "Kherson", ())
    org_end = text.index(",")
    assert _seat_of(text, m, {org_end})
    assert not _seat_of(text, m, set())  # no organisation ends at the comma
    lone = "Kherson was quiet."
    assert not _seat_of(lone, Mention(0, 7, "Kherson", ()), {0})


def test_a_borough_or_municipality_word_is_a_county_cue(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Flooding closed schools across the Kherson municipality on Monday.")
    assert got["Kherson"].mentions[0].text == "Kherson municipality"


@pytest.mark.parametrize(("text", "site"), [
    ("Rockets hit the Zorya Metal steel plant in Kharkiv on Monday.", "Zorya Metal steel plant"),
    ("Families sheltered at the Dar Salam camp outside Kherson.", "Dar Salam camp"),
])
def test_a_site_word_in_lower_case_closes_the_name(stage: Stage, nlp: Any, text: str, site: str) -> None:
    got = places(stage, nlp, text)
    assert site in got, sorted(got)
    assert got[site].kind == "other"


@pytest.mark.parametrize(("text", "name"), [
    ("He joined Brightwater Athletic club in Kharkiv.", "Brightwater Athletic club"),  # club: a team, too
    ("The Kessler Group market in Kharkiv fell sharply.", "Kessler Group market"),  # market: trade, too
])
def test_a_lower_case_word_with_another_sense_does_not_close_the_name(stage: Stage, nlp: Any, text: str,
                                                                     name: str) -> None:
    assert name not in places(stage, nlp, text)
