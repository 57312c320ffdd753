"""CONFIDENCE stage: features on hand-made records, the step table, the shipped calibration."""

from __future__ import annotations

import pytest

from sitrep.model import Actor, Candidate, Claim, Event, Place, Record, Span
from sitrep.stages.confidence import (
    FEATURES,
    Calibration,
    claim_features,
    event_features,
    load_calibrations,
    main_country,
    make_confidence_stage,
    military_density,
    modality_density,
    place_features,
    with_confidence,
)


def span_of(text: str, phrase: str) -> Span:
    i = text.index(phrase)
    return Span(start=i, end=i + len(phrase), text=phrase)


def place(text: str, phrase: str, pid: str = "p1", **fields) -> Place:
    defaults = {"name": phrase, "lat": 50.0, "lon": 30.0, "kind": "city", "country": "UA"}
    return Place(id=pid, mentions=(span_of(text, phrase),), **{**defaults, **fields})


def event(text: str, trigger: str, eid: str = "e1", **fields) -> Event:
    s = span_of(text, trigger)
    return Event(id=eid, start=s.start, end=s.end, trigger=s, **{"plover": "ASSAULT", **fields})


TABLE = {
    section: {"features": [], "weights": [], "bias": 0.0, "bounds": [0.0], "values": [0.5]}
    for section in ("places", "claims", "events")
}


def test_stage_contract():
    stage = make_confidence_stage(table=TABLE)
    assert stage.name == "confidence"
    assert stage.requires == {"text", "actors", "places", "claims", "events"}
    assert stage.provides == {"places", "claims", "events"}


def test_place_inside_a_person_name_is_marked():
    text = "Secretary of State Antony Blinken met the mayor of Odesa."
    in_name = place_features(place(text, "Antony", country="FR"), Record(id="r", text=text))
    alone = place_features(place(text, "Odesa"), Record(id="r", text=text))
    assert in_name["in_name"] == 1.0 and alone["in_name"] == 0.0


def test_place_with_its_region_named_after_it_is_constrained():
    text = "Shelling hit Zavody, in the Kharkiv region, overnight. Later the market in Zavody reopened."
    rec = Record(id="r", text=text)
    hinted = place_features(place(text, "Zavody", admin1="Kharkiv Oblast"), rec)
    assert hinted["context"] == 1.0
    text2 = "Zavody was quiet on Sunday."
    assert place_features(place(text2, "Zavody", admin1="Kharkiv Oblast"), Record(id="r", text=text2))["context"] == 0.0


def test_place_far_alternative_and_main_country():
    text = "Troops left Lyman and Izium in Ukraine."
    far = Candidate(geonameid=1, name="Lyman", lat=40.0, lon=-80.0, kind="city", country="US")
    lyman = place(text, "Lyman", alternatives=(far,))
    izium = place(text, "Izium", pid="p2")
    rec = Record(id="r", text=text, places=(lyman, izium))
    f = place_features(lyman, rec)
    assert f["far_alternative"] == 1.0 and f["alternatives"] == pytest.approx(1 / 3)
    assert main_country(rec) == "UA" and f["main_country"] == 1.0


def test_event_after_a_modal_or_a_negation():
    text = "The minister said the army would attack the port. Officials said troops did not shell the town."
    rec = Record(id="r", text=text)
    assert event_features(event(text, "attack"), rec)["modal"] == 1.0
    assert event_features(event(text, "shell"), rec)["negated"] == 1.0
    plain = "Troops shelled the town on Monday."
    f = event_features(event(plain, "shelled"), Record(id="r", text=plain))
    assert f["modal"] == 0.0 and f["negated"] == 0.0


def test_event_repeat_and_quotation():
    text = 'Rockets hit the depot. "They shelled us again," a resident said. Rockets hit the depot again.'
    first, second = event(text, "hit", "e1"), event(text, "shelled", "e2")
    third_at = text.rindex("hit")
    third = Event(id="e3", start=third_at, end=third_at + 3, plover="ASSAULT",
                  trigger=Span(start=third_at, end=third_at + 3, text="hit"))
    rec = Record(id="r", text=text, events=(first, second, third))
    assert event_features(first, rec)["repeat"] == 0.0 and event_features(third, rec)["repeat"] == 1.0
    assert event_features(second, rec)["quoted"] == 1.0 and event_features(first, rec)["quoted"] == 0.0
    assert event_features(third, rec)["same_type_before"] > event_features(second, rec)["same_type_before"] > 0


def test_military_density_separates_war_from_sport():
    war = "Russian troops shelled the town as Ukrainian forces fired missiles at the army depot."
    sport = "The guard shot 9 of 24 from the field as the team won the opening game of the series."
    assert military_density(war) > 3 * max(military_density(sport), 0.1)


def test_claim_with_a_linked_speaker_and_a_reporting_verb():
    text = "The strike destroyed the bridge, the governor said on Telegram."
    gov = Actor(id="a1", name="the governor", kind="person", side="UKR", mentions=(span_of(text, "the governor"),))
    s = span_of(text, "The strike destroyed the bridge")
    claim = Claim(id="c1", start=s.start, end=s.end, claimant="a1", channel="Telegram")
    f = claim_features(claim, Record(id="r", text=text, actors=(gov,)))
    assert f["claimant"] == f["person"] == f["side"] == f["channel"] == f["reporting_verb"] == 1.0
    bare = claim_features(Claim(id="c1", start=s.start, end=s.end, claimant_text="officials"),
                          Record(id="r", text="The strike destroyed the bridge."))
    assert bare["claimant"] == 0.0 and bare["claimant_text"] == 1.0 and bare["reporting_verb"] == 0.0


def test_step_table_is_monotone_in_the_score():
    cal = Calibration(("x",), (2.0,), -1.0, (0.0, 0.4, 0.7), (0.2, 0.55, 0.9))
    assert cal({"x": -3.0}) == 0.2
    assert cal({"x": 0.5}) == 0.55  # score sigmoid(0) = 0.5
    assert cal({"x": 3.0}) == 0.9
    values = [cal({"x": v / 10}) for v in range(-40, 40)]
    assert values == sorted(values)


def test_stage_rates_every_place_claim_and_event():
    text = "Troops shelled Kharkiv, the governor said."
    rec = Record(id="r", text=text, places=(place(text, "Kharkiv", confidence=0.99),),
                 claims=(Claim(id="c1", start=0, end=22),), events=(event(text, "shelled", confidence=0.7),))
    out = make_confidence_stage(table=TABLE).run(rec, None)
    assert [p.confidence for p in out.places] == [0.5]
    assert [c.confidence for c in out.claims] == [0.5]
    assert [e.confidence for e in out.events] == [0.5]
    assert out.stages["confidence"]


def test_section_without_a_table_is_not_rated():
    text = "Troops shelled Kharkiv."
    rec = Record(id="r", text=text, places=(place(text, "Kharkiv", confidence=0.99),))
    out = with_confidence(rec, load_calibrations({"claims": TABLE["claims"]}))
    assert out.places[0].confidence is None


def test_shipped_calibration_covers_every_section_with_monotone_values():
    cals = load_calibrations()
    assert set(cals) == set(FEATURES)
    for section, cal in cals.items():
        assert list(cal.bounds) == sorted(cal.bounds) and cal.bounds[0] == 0.0, section
        assert list(cal.values) == sorted(cal.values), section
        assert all(0.0 <= v <= 1.0 for v in cal.values), section
        assert set(cal.features) <= set(FEATURES[section](*_example(section))), section


def _example(section: str) -> tuple[object, Record]:
    text = "Troops shelled Kharkiv, the governor said."
    p = place(text, "Kharkiv")
    c = Claim(id="c1", start=0, end=22)
    e = event(text, "shelled")
    rec = Record(id="r", text=text, places=(p,), claims=(c,), events=(e,))
    return {"places": p, "claims": c, "events": e}[section], rec


def test_event_nominal_past_tense_and_document_modality():
    text = "Officials said new sanctions could follow. Troops shelled the bridge on Monday."
    rec = Record(id="r", text=text)
    noun = event_features(event(text, "sanctions"), rec)
    verb = event_features(event(text, "shelled"), rec)
    assert noun["nominal"] == 1.0 and verb["nominal"] == 0.0
    assert verb["past_tense"] == 1.0
    generic = "Sanctions often inspire loyalty to rulers."
    assert event_features(event(generic, "Sanctions"), Record(id="r", text=generic))["past_tense"] == 0.0
    musing = "If talks fail, troops could attack, and they would, unless allies may help."
    assert modality_density(musing) > modality_density(text) > 0


def test_event_bare_complete_and_reported():
    text = "Troops shelled Izium on Monday. Talks are a good idea. The army will attack the port, he said."
    town = place(text, "Izium")
    troops = Actor(id="a1", name="Troops", kind="group", mentions=(span_of(text, "Troops"),))
    shelled = event(text, "shelled", actor="a1", places=("p1",))
    talks = event(text, "Talks", "e2", plover="CONSULT")
    attack = event(text, "attack", "e3")
    rec = Record(id="r", text=text, places=(town,), actors=(troops,), events=(shelled, talks, attack))
    f, g, h = (event_features(e, rec) for e in (shelled, talks, attack))
    assert f["complete"] == 1.0 and f["bare"] == 0.0 and f["reported"] == 0.0
    assert g["complete"] == 0.0 and g["bare"] == 1.0
    assert h["reported"] == 1.0 and h["complete"] == 0.0
