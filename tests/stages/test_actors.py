"""ACTORS stage: kinds, sides, roles, coreference, exclusions, spans and determinism."""

from __future__ import annotations

import pytest

from sitrep.model import Actor, Place, Record, Span
from sitrep.stages.actors import make_actors_stage


@pytest.fixture(scope="module")
def stage():
    return make_actors_stage()


@pytest.fixture(scope="module")
def run(nlp, stage):
    def _run(text: str, places: tuple[Place, ...] = ()) -> Record:
        return stage.run(Record(id="t", text=text, places=places), nlp(text))
    return _run


def by_name(record: Record, part: str) -> Actor:
    hits = [a for a in record.actors if part.lower() in a.name.lower()]
    assert len(hits) == 1, [a.name for a in record.actors]
    return hits[0]


def test_stage_contract(stage):
    assert stage.name == "actors"
    assert stage.requires == {"text", "parse", "places"} and stage.provides == {"actors"}


def test_person_side_and_role_from_nationality_and_title(run):
    rec = run("Russian Foreign Minister Sergei Lavrov spoke on Monday. Lavrov said talks had stalled.")
    lavrov = by_name(rec, "Lavrov")
    assert (lavrov.name, lavrov.kind, lavrov.role, lavrov.side) == ("Sergei Lavrov", "person", "Foreign Minister", "RUS")
    assert [rec.text[m.start:m.end] for m in lavrov.mentions] == ["Sergei Lavrov", "Lavrov"]


def test_compound_title_with_organisation_word(run):
    rec = run("Ukrainian army commander-in-chief Valeriy Zaluzhny says the front is holding.")
    a = by_name(rec, "Zaluzhny")
    assert (a.role, a.side) == ("commander-in-chief", "UKR")
    assert not [x for x in rec.actors if x.kind == "org"], "the army is part of the title here"


def test_unknown_person_gets_side_from_apposition(run):
    rec = run("Mykola Petrenko, the Ukrainian ambassador to Poland, said the border was open. Petrenko added more.")
    a = by_name(rec, "Petrenko")
    assert a.side == "UKR" and a.role == "ambassador"
    assert [rec.text[m.start:m.end] for m in a.mentions] == ["Mykola Petrenko", "Ukrainian ambassador", "Petrenko"]


def test_coreference_surname_title_and_role_only(run):
    rec = run("Ukrainian President Volodymyr Zelenskyy addressed parliament. President Zelenskyy said "
              "the army held. Later the president thanked the soldiers.")
    persons = [a for a in rec.actors if a.kind == "person"]
    assert len(persons) == 1
    z = persons[0]
    assert z.name == "Volodymyr Zelenskyy" and z.side == "UKR" and z.role == "President"
    assert [rec.text[m.start:m.end] for m in z.mentions] == ["Volodymyr Zelenskyy", "Zelenskyy", "president"]


def test_organisations_with_sides(run):
    rec = run("This was shown on the map that the Russian Defense Ministry made public. "
              "Troops are regrouping, the Ukrainian general staff claims. The Kremlin did not comment.")
    assert (by_name(rec, "Defense Ministry").kind, by_name(rec, "Defense Ministry").side) == ("org", "RUS")
    assert by_name(rec, "general staff").side == "UKR"
    assert by_name(rec, "Kremlin").side == "RUS"


def test_ministry_of_defence_of_country(run):
    rec = run("The Ministry of Defence of Ukraine reported heavy fighting.")
    assert by_name(rec, "Ministry of Defence").side == "UKR"


def test_groups_states_and_bare_claimants(run):
    rec = run("Russian troops left the city. Russia is demanding talks. The war will last, experts think. "
              "The Russians still hold the south.")
    assert (by_name(rec, "Russian troops").kind, by_name(rec, "Russian troops").side) == ("group", "RUS")
    state = [a for a in rec.actors if a.kind == "state"]
    assert [(a.name, a.side) for a in state] == [("Russia", "RUS")]
    assert (by_name(rec, "experts").kind, by_name(rec, "experts").side) == ("group", None)
    assert by_name(rec, "Russians").side == "RUS"


def test_troops_and_forces_are_one_group(run):
    rec = run("Russian forces shelled the town. Later Russian troops withdrew.")
    groups = [a for a in rec.actors if a.kind == "group"]
    assert len(groups) == 1 and len(groups[0].mentions) == 2


def test_media_outlets_and_platforms_are_not_actors(run):
    rec = run("In an interview with the Financial Times, Defense Minister Oleksii Reznikov warned of an attack. "
              "He wrote this on Telegram.")
    names = {a.name for a in rec.actors}
    assert not any("Financial Times" in n or "Telegram" in n for n in names)
    assert by_name(rec, "Reznikov").side == "UKR"  # from the table of well-known people


def test_person_entities_that_are_places_are_dropped(run):
    text = "The troops retreated beyond the rivers Oskil and Severski Donets."
    i = text.index("Oskil")
    places = (Place(id="p1", name="Oskil", mentions=(Span(start=i, end=i + 5),)),)
    rec = run(text, places)
    assert not [a for a in rec.actors if a.kind == "person"]


def test_spans_ids_and_determinism(run):
    text = ("Russian Foreign Minister Sergei Lavrov met Turkish President Recep Tayyip Erdogan. "
            "Erdogan said Russia and Ukraine should talk. Ukrainian forces advanced.")
    a, b = run(text), run(text)
    assert a == b
    assert [x.id for x in a.actors] == [f"a{i}" for i in range(1, len(a.actors) + 1)]
    firsts = [x.mentions[0].start for x in a.actors]
    assert firsts == sorted(firsts)
    for actor in a.actors:
        for m in actor.mentions:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start:m.end].strip() == text[m.start:m.end]
    assert by_name(a, "Erdogan").side == "TUR"


def place(text: str, name: str, country: str, pid: str = "p1") -> Place:
    spans = tuple(Span(start=i, end=i + len(name)) for i in range(len(text)) if text.startswith(name, i))
    return Place(id=pid, name=name, country=country, mentions=spans)


def test_possessive_without_apostrophe_gives_side_and_no_spurious_actor(run):
    rec = run("Belaruss defense ministry said the border was calm. Belarus is watching.")
    assert by_name(rec, "defense ministry").side == "BLR"
    assert not [a for a in rec.actors if a.name == "Belaruss"]


def test_place_before_title_gives_side(run):
    text = "Lviv Mayor Andriy Sadovyi said the city was ready."
    rec = run(text, (place(text, "Lviv", "UA"),))
    a = by_name(rec, "Sadovyi")
    assert (a.role, a.side) == ("Mayor", "UKR")


def test_wide_description_before_name_gives_side(run):
    rec = run("Moscow named a senior Russian field commander in Syria, Gen. Ivan Petrovsky, to lead the push.")
    assert by_name(rec, "Petrovsky").side == "RUS"


def test_person_who_fled_takes_side_of_the_place(run):
    text = "Tatiana Kovalenko, 67, a retired teacher who fled from Kherson, said she wanted to go home."
    rec = run(text, (place(text, "Kherson", "UA"),))
    assert by_name(rec, "Kovalenko").side == "UKR"


def test_like_other_demonym_gives_side(run):
    rec = run("Petro Hnatenko, like other Ukrainians, has had enough of the shelling.")
    assert by_name(rec, "Hnatenko").side == "UKR"


def test_unnamed_officials_become_actors(run):
    text = "The governor of the Kursk region said a drone hit a depot. A Kremlin spokesman declined to comment."
    rec = run(text, (place(text, "Kursk", "RU"),))
    gov = by_name(rec, "governor")
    assert (gov.name, gov.kind, gov.side) == ("governor of the Kursk region", "person", "RUS")
    assert by_name(rec, "spokesman").side == "RUS"


def test_role_in_apposition_is_the_named_persons_role(run):
    rec = run("The minister, Karl Brenner, told reporters the plan was ready.")
    assert [a.name for a in rec.actors if a.kind == "person"] == ["Karl Brenner"]


def test_nationality_role_resolves_to_the_one_known_person(run):
    rec = run("The Russian president warned the West on Friday.")
    assert [a.name for a in rec.actors] == ["Vladimir Putin"]


def test_untagged_speaker_and_later_surname(run):
    rec = run("The plant's chief engineer, Valerii Semenko, told reporters the fuel was safe. "
              "Semenko fears the soldiers will return.")
    a = by_name(rec, "Semenko")
    assert a.kind == "person" and len(a.mentions) == 2


def test_according_to_source_with_apposition_side(run):
    rec = run("According to Rybar, a Telegram channel close to Russian officials, the bridge was hit.")
    a = by_name(rec, "Rybar")
    assert (a.kind, a.side) == ("org", "RUS")


def test_bare_agency_refers_to_last_organisation(run):
    rec = run("UNHCR counted 5 million refugees. According to the agency, more are coming.")
    a = by_name(rec, "UNHCR")
    assert len(a.mentions) == 2


def test_name_particles_join_the_surname(run):
    rec = run("European Commission President Ursula von der Leyen met the mayor. Von der Leyen later left.")
    assert by_name(rec, "Leyen").name == "Ursula von der Leyen"


def test_nationality_with_new_group_nouns(run):
    rec = run("Ukrainian prosecutors have been taking testimony from victims.")
    assert (by_name(rec, "prosecutors").kind, by_name(rec, "prosecutors").side) == ("group", "UKR")


def test_a_title_with_an_of_phrase_is_one_unnamed_official_not_an_organisation(nlp):
    from sitrep.model import Record
    from sitrep.stages.actors import make_actors_stage

    text = "After a long review, the Secretary of State determined that the guards committed abuses."
    rec = make_actors_stage().run(Record(id="t", text=text), nlp(text))
    assert [(a.name, a.kind) for a in rec.actors] == [("Secretary of State", "person")]


def test_an_organisation_modifying_a_speaking_subject_is_kept(nlp):
    from sitrep.model import Record
    from sitrep.stages.actors import make_actors_stage

    text = "Senior State Department officials said the matter came up at the meeting."
    rec = make_actors_stage().run(Record(id="t", text=text), nlp(text))
    assert ("State Department", "org") in [(a.name, a.kind) for a in rec.actors]


def test_a_name_in_apposition_to_a_role_is_a_person(nlp):
    from sitrep.model import Record
    from sitrep.stages.actors import make_actors_stage

    text = "Norway’s envoy to the UN, Aino Virta, told CNN the two nations are in close contact."
    rec = make_actors_stage().run(Record(id="t", text=text), nlp(text))
    assert ("Aino Virta", "person") in [(a.name, a.kind) for a in rec.actors]


def test_a_plural_speaker_stays_a_group_when_its_adjective_names_a_place(nlp):
    from sitrep.model import Place, Record, Span
    from sitrep.stages.actors import make_actors_stage

    text = "The European nations hosting refugees say they need more help."
    europe = Place(id="p1", name="Europe", mentions=(Span(start=4, end=12),))
    rec = make_actors_stage().run(Record(id="t", text=text, places=(europe,)), nlp(text))
    assert "European nations" in [a.name for a in rec.actors]


def test_a_capitalised_plural_speaker_is_a_group(nlp):
    from sitrep.model import Record
    from sitrep.stages.actors import make_actors_stage

    text = "Democrats say the bill is dead."
    doc = nlp(text)
    assert doc[0].tag_ == "NNPS"  # the case this covers: a plural the tagger reads as a proper noun
    rec = make_actors_stage().run(Record(id="t", text=text), doc)
    assert [(a.name, a.kind) for a in rec.actors] == [("Democrats", "group")]


@pytest.mark.parametrize("text", ["Lena Holm spoke on Tuesday. COVID created a lot of noise, she said.",
                                  "Ebola killed dozens in the province, the health minister said.",
                                  "Doctors said Parkinson's had slowed him down."])
def test_a_disease_is_never_an_actor(run, text):
    names = {a.name for a in run(text).actors}
    assert not names & {"COVID", "Ebola", "Parkinson", "Parkinson's"}, names


def test_an_organisation_is_the_same_wherever_its_exact_name_recurs(run):
    rec = run("Netflix lost 200,000 subscribers, Netflix said. Netflix indicated it will expand a trial program.")
    netflix = [a for a in rec.actors if a.name == "Netflix"]
    assert len(netflix) == 1 and len(netflix[0].mentions) == 3
