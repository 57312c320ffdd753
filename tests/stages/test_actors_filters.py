"""ACTORS stage: names that are never actors (one test per class of data/actors/not_actors.json), spelling
variants, sides from affiliation, titled persons spaCy calls organisations, towns that are not persons.
Hand-written sentences."""

from __future__ import annotations

import pytest

from sitrep.model import Place, Record, Span
from sitrep.stages.actors import make_actors_stage, translit_key


@pytest.fixture(scope="module")
def run(nlp):
    stage = make_actors_stage()

    def _run(text: str, places: tuple[str, ...] = ()) -> Record:
        found = []
        for i, name in enumerate(places, start=1):
            spans = []
            pos = text.find(name)
            while pos >= 0:
                spans.append(Span(start=pos, end=pos + len(name)))
                pos = text.find(name, pos + 1)
            found.append(Place(id=f"p{i}", name=name, kind="city", country="UA", lat=49.0, lon=36.0,
                               mentions=tuple(spans)))
        return stage.run(Record(id="t", text=text, places=tuple(found)), nlp(text))
    return _run


def names(rec: Record) -> list[str]:
    return [a.name for a in rec.actors]


def actor(rec: Record, part: str):
    hits = [a for a in rec.actors if part.lower() in a.name.lower()]
    assert len(hits) == 1, [(a.name, a.kind, a.side) for a in rec.actors]
    return hits[0]


def test_clock_zones_and_stamps_are_not_actors(run):
    rec = run("14 Mar 2023 - 09:12 GMT\nThe mayor said shelling lasted two hours. At 10:30 BST, the council met.")
    assert not [n for n in names(rec) if "GMT" in n or "BST" in n], names(rec)


def test_feasts_are_not_actors(run):
    rec = run("Believers marked Orthodox Easter under curfew. Victory Day parades were cancelled, "
              "and the governor asked people to stay home on Christmas Eve.")
    assert not [n for n in names(rec) if any(w in n for w in ("Easter", "Victory", "Christmas"))], names(rec)


def test_photo_credits_are_not_actors(run):
    rec = run("Photo: Olena Marchenko/Getty Images\nThe council met on Tuesday. (Photo by Taras Hnatiuk/AFP)")
    assert not [n for n in names(rec) if any(w in n for w in ("Marchenko", "Getty", "Hnatiuk"))], names(rec)


def test_hashtags_and_handles_are_not_actors(run):
    rec = run("Supporters posted under #StandWithGeorgia while @KyivCityHall shared the appeal.")
    assert not [n for n in names(rec) if "Georgia" in n or "KyivCityHall" in n], names(rec)


def test_weapons_are_not_actors(run):
    rec = run("The brigade received HIMARS launchers and S-300 batteries. Storm Shadow missiles hit a depot, "
              "and a Bayraktar destroyed two trucks.")
    assert not [n for n in names(rec) if any(w in n for w in ("HIMARS", "S-300", "Storm", "Bayraktar"))], names(rec)


@pytest.mark.parametrize(("a", "b"), [
    ("Minnekaev", "Minnekayev"), ("Zelensky", "Zelenskyy"), ("Zelenskiy", "Zelenskyi"), ("Podolyak", "Podoliak"),
    ("Shoigu", "Shoygu"), ("Kharchenko", "Harchenko"),
])
def test_transliteration_key_merges_spellings(a, b):
    assert translit_key(a) == translit_key(b)


def test_transliteration_key_keeps_different_names_apart():
    assert translit_key("Petrenko") != translit_key("Petrov")
    assert translit_key("Ivanov") != translit_key("Ivanova")


def test_spelling_variants_are_one_actor(run):
    rec = run("Rustam Minnekaev spoke at a forum in Yekaterinburg. Later Minnekayev repeated that the troops would "
              "go further.")
    a = actor(rec, "Minnekaev")
    assert [rec.text[m.start:m.end] for m in a.mentions] == ["Rustam Minnekaev", "Minnekayev"]


def test_side_from_affiliation(run):
    rec = run("A spokesman for Russia's Central Military District said the unit had withdrawn.")
    assert actor(rec, "spokesman").side == "RUS"
    assert actor(rec, "Central Military District").side == "RUS"
    rec = run("Ukrainian air defense shot down six drones over the city.")
    assert actor(rec, "air defense").side == "UKR"
    rec = run("Russia's Central Military District commander Alexander Lapin visited the front.")
    lapin = actor(rec, "Lapin")
    assert (lapin.kind, lapin.role, lapin.side) == ("person", "commander", "RUS")


def test_unnamed_official_with_country_and_organisation(run):
    rec = run("“We will keep sending aid,” a UK government spokesperson said on Monday.")
    a = actor(rec, "spokesperson")
    assert (a.kind, a.side) == ("person", "GBR")


def test_titled_unknown_person_is_a_person_even_when_tagged_as_organisation(run):
    rec = run("Ukrainian army commander-in-chief Oleksandr Pavliuk says his forces recaptured two villages. "
              "Pavliuk wrote this on Facebook.")
    a = actor(rec, "Pavliuk")
    assert (a.kind, a.role, a.side) == ("person", "commander-in-chief", "UKR")
    assert len(a.mentions) == 2
    rec = run("General Serhiy Nayev inspected the border units.")
    assert actor(rec, "Nayev").kind == "person"


def test_towns_are_not_persons(run):
    rec = run("The brigade recaptured Sviatohirsk, a small town on the river.")
    assert not [a for a in rec.actors if "Sviatohirsk" in a.name]
    rec = run("Residents fled Mykolaivka, Raihorodok and Sloviansk.", places=("Mykolaivka", "Sloviansk"))
    assert not [a for a in rec.actors if a.kind == "person"], [(a.name, a.kind) for a in rec.actors]


def test_indefinite_role_is_a_new_person_not_the_last_one_with_that_role(run):
    rec = run("Kremlin spokesman Dmitry Peskov said Moscow was open to talks. "
              "A spokesman for the British government later said the sanctions would stay.")
    peskov = actor(rec, "Peskov")
    assert len(peskov.mentions) == 1
    other = next(a for a in rec.actors if a.name == "spokesman")
    assert (other.kind, other.side) == ("person", "GBR")
    rec = run("Kremlin spokesman Dmitry Peskov said Moscow was open to talks. The spokesman added more.")
    assert len(actor(rec, "Peskov").mentions) == 2


def test_officials_with_a_nationality_are_persons_with_that_side(run):
    rec = run("A Russian official said the convoy had turned back. Later a US official said it was still moving.")
    assert {(a.name, a.kind, a.side) for a in rec.actors} == {("Russian official", "person", "RUS"),
                                                              ("US official", "person", "USA")}


def test_plural_subject_of_a_reporting_verb_is_a_collective_speaker(run):
    rec = run("The European nations hosting refugees say they need more help.")
    assert (actor(rec, "European nations").kind) == "group"
    rec = run("Figures suggest the harvest fell, and satellite images show new trenches.")
    assert not rec.actors, names(rec)


def test_forces_of_a_country_take_its_side(run):
    rec = run("On 5 May 2022, Military Forces of Russia (2000-) shelled the town. Police Forces of Ukraine (2019-) "
              "detained a man. Russian military forces struck a depot.")
    assert {(a.name, a.side) for a in rec.actors} >= {("Military Forces of Russia", "RUS"),
                                                       ("Police Forces of Ukraine", "UKR")}
    assert len(actor(rec, "Military Forces of Russia").mentions) == 2  # "Russian military forces" is the same actor


def test_role_in_a_relative_clause_or_after_to_gives_role_and_side(run):
    rec = run("Pekka Virtanen, who served as Finland’s Prime Minister in 2011, said the vote mattered.")
    a = actor(rec, "Virtanen")
    assert (a.role, a.side) == ("Prime Minister", "FIN")
    rec = run("Norway’s ambassador to the US, Anniken Huitfeldt, said the talks went well.")
    a = actor(rec, "Huitfeldt")
    assert (a.role, a.side) == ("ambassador", "NOR")


def test_described_full_name_is_a_person_even_where_a_place_matched(run):
    rec = run("Finland’s ambassador to the US, Mikko Hautala, said the talks went well.", places=("Hautala",))
    a = actor(rec, "Hautala")
    assert (a.kind, a.side) == ("person", "FIN")


def test_one_and_another_official_are_new_persons(run):
    rec = run("One former Finnish Prime Minister said the choice was made in February. "
              "Another senior State Department official said the talks would go on.")
    assert {(a.kind, a.side) for a in rec.actors} == {("person", "FIN"), ("person", None)}


def test_indefinite_role_in_apposition_describes_the_person_before_it(run):
    rec = run("Anna Kovacs, a former Hungarian prime minister, tweeted updates from Kyiv.")
    assert [a.name for a in rec.actors if a.kind == "person"] == ["Anna Kovacs"]


@pytest.mark.parametrize(("sentence", "name", "side"), [
    ("Russia's Black Sea Fleet said two ships had returned to port.", "Black Sea Fleet", "RUS"),
    ("Ukraine's territorial defense said the checkpoint held.", "territorial defense", "UKR"),
    ("Georgian security forces cleared the square.", "security forces", "GEO"),
])
def test_fleets_territorial_defence_and_security_forces(run, sentence, name, side):
    assert actor(run(sentence), name).side == side


@pytest.mark.parametrize(("sentence", "part", "side"), [
    ("A Polish officer said the convoy crossed at dawn.", "officer", "POL"),
    ("A Turkish diplomat said the talks would resume.", "diplomat", "TUR"),
])
def test_officers_and_diplomats_are_unnamed_persons(run, sentence, part, side):
    a = actor(run(sentence), part)
    assert (a.kind, a.side) == ("person", side)


def test_name_after_a_role_is_a_person_even_when_tagged_as_organisation(run):
    rec = run("The UN envoy for Sudan, Ramtane Lamamra, said aid convoys were blocked. "
              "Lamamra said the talks in Jeddah had stalled.")
    persons = [a for a in rec.actors if a.kind == "person"]
    assert [(a.name, a.role, len(a.mentions)) for a in persons] == [("Ramtane Lamamra", "envoy", 2)]
