"""ACTORS stage: speakers that no entity or table caught, and organisation entities the places stage also
placed. Hand-written sentences; places are given as the places stage would give them."""

from __future__ import annotations

import pytest

from sitrep.model import Place, Record, Span
from sitrep.stages.actors import make_actors_stage


@pytest.fixture(scope="module")
def run(nlp):
    stage = make_actors_stage()

    def _run(text: str, places: tuple[Place, ...] = ()) -> Record:
        return stage.run(Record(id="t", text=text, places=places), nlp(text))
    return _run


def place(text: str, name: str, country: str, kind: str = "other") -> Place:
    spans = tuple(Span(start=i, end=i + len(name)) for i in range(len(text)) if text.startswith(name, i))
    return Place(id="p1", name=name, country=country, kind=kind, mentions=spans)


def kinds(rec: Record) -> dict[str, str]:
    return {a.name: a.kind for a in rec.actors}


@pytest.mark.parametrize("text, name", [
    ("Amazon said it would close two warehouses next year.", "Amazon"),
    ("Google told regulators that the search deal was lawful.", "Google"),
])
def test_organisation_that_speaks_is_an_actor_even_where_it_was_placed(run, text, name):
    rec = run(text, (place(text, name, "BR"),))
    assert kinds(rec).get(name) == "org", kinds(rec)


def test_place_inside_a_longer_organisation_name_does_not_hide_it(run):
    text = "The U.S. Department of Justice said the merger would hurt competition."
    rec = run(text, (place(text, "U.S.", "US"),))
    assert kinds(rec).get("U.S. Department of Justice") == "org", kinds(rec)


def test_a_capital_that_speaks_stays_its_state(run):
    text = "Kyiv said the strikes had hit a power plant."
    rec = run(text, (place(text, "Kyiv", "UA"),))
    assert kinds(rec) == {"Ukraine": "state"}


def test_untagged_one_word_speaker_is_an_organisation(run):
    rec = run("Pfizer said the vaccine was safe. Pfizer added that trials would continue.")
    a = next(a for a in rec.actors if a.name == "Pfizer")
    assert (a.kind, len(a.mentions)) == ("org", 2)


def test_untagged_surname_speaker_is_the_person_named_in_full(run):
    rec = run("Coach Ime Udoka was fined on Friday. Udoka said he regretted the remarks.")
    assert kinds(rec) == {"Ime Udoka": "person"}


def test_speaking_place_and_common_words_are_no_untagged_speaker(run):
    text = "Kharkiv said nothing about it. Monday said little."
    rec = run(text, (place(text, "Kharkiv", "UA", "city"),))
    assert not [a for a in rec.actors if a.name in ("Kharkiv", "Monday")]


@pytest.mark.parametrize("text, name, kind", [
    ("A store employee said the shelves had been empty for days.", "store employee", "person"),
    ("According to one resident, the water had been cut off.", "one resident", "person"),
    ("Mark Hill runs the farm. His wife said the harvest was lost.", "His wife", "person"),
    ("The state's attorney general's office said it was investigating the sale.",
     "state's attorney general's office", "org"),
    ("The city housing office said the flats would be ready.", "city housing office", "org"),
])
def test_common_noun_speaker_is_an_actor_named_by_its_phrase(run, text, name, kind):
    rec = run(text)
    assert kinds(rec).get(name) == kind, kinds(rec)


@pytest.mark.parametrize("text", [
    "The company said profits had doubled.",            # refers back to an organisation (claims stage)
    "The Helsinki-based company said profits had doubled.",
    "The Espoo, Finland, company said profits had doubled.",
    "Mark Hill was charged. His lawyer said he was innocent.",  # speaks for Mark Hill
    "The figures showed a sharp fall in exports.",      # a thing, not a speaker
])
def test_bare_organisation_nouns_voices_and_things_are_no_new_speaker(run, text):
    rec = run(text)
    assert not [a for a in rec.actors if a.name.lower() in ("company", "his lawyer", "figures")], kinds(rec)


def test_two_indefinite_speakers_are_two_persons(run):
    rec = run("A resident said the bridge was gone. Another resident said it was still standing.")
    assert sorted(a.name for a in rec.actors) == ["Another resident", "resident"]


@pytest.mark.parametrize("text, name", [
    ("A version of the legend told in the valley says the bridge was built in one night.", "version of the legend"),
    ("The report said the river had flooded three farms.", "report"),
    ("According to the ruling, the sale was void.", "ruling"),
])
def test_a_text_that_speaks_for_no_named_author_is_the_claimant(run, text, name):
    rec = run(text)
    assert kinds(rec).get(name) == "org", kinds(rec)


@pytest.mark.parametrize("text", [
    "The study suggests that prices will rise.",             # the writer's inference from a thing
    "An independent poll found that most voters were undecided.",  # a measurement, not a speaker
    "Mark Hill's statement said the farm was closed.",       # its author speaks (claims stage)
])
def test_findings_inferences_and_authored_texts_are_no_document_speaker(run, text):
    rec = run(text)
    assert not [a for a in rec.actors if a.name.lower() in ("study", "independent poll", "statement")], kinds(rec)


@pytest.mark.parametrize("text, name", [
    ("According to aid workers, the convoy was stopped at the border.", "aid workers"),
    ("According to local farmers, the harvest was lost.", "local farmers"),
])
def test_plural_source_after_according_to_is_a_group(run, text, name):
    assert kinds(run(text)).get(name) == "group"


def test_things_after_according_to_are_no_group(run):
    assert run("According to figures from the ministry, exports fell.").actors == ()


def test_a_name_never_runs_over_a_line_break(run):
    rec = run("The plant closed.\nPhoto\nMaria Kowalska said the workers were sent home.")
    assert kinds(rec) == {"Maria Kowalska": "person"}


@pytest.mark.parametrize("text, name", [
    ("Military analysts said the offensive had stalled.", "Military analysts"),
    ("Military experts believe the war will drag on.", "Military experts"),
])
def test_organisation_head_used_as_an_adjective_leaves_the_group_speaking(run, text, name):
    assert kinds(run(text)).get(name) == "group", kinds(run(text))


@pytest.mark.parametrize("text, name", [
    ("Prosecutors said the two men had been detained.", "Prosecutors"),
    ("The rebels said they had taken the hill.", "rebels"),
])
def test_group_noun_without_a_side_that_speaks_is_a_group(run, text, name):
    assert kinds(run(text)).get(name) == "group", kinds(run(text))


@pytest.mark.parametrize("text, name", [
    ("A company spokesman said the plant would close.", "company spokesman"),
    ("A camp official who asked not to be named said four people had died.", "camp official"),
])
def test_role_with_a_common_noun_qualifier_that_speaks_is_a_person(run, text, name):
    assert kinds(run(text)).get(name) == "person", kinds(run(text))


def test_possessive_country_before_a_role_needs_no_article(run):
    rec = run("Norway's fisheries minister said the quota would be cut.")
    hit = [a for a in rec.actors if a.kind == "person"]
    assert hit and hit[0].side == "NOR", rec.actors


def test_a_role_in_a_possessive_does_not_hide_the_office_that_speaks(run):
    assert kinds(run("The mayor's office said the pool would stay shut.")).get("mayor's office") == "org"


def test_title_and_organisation_head_together_are_the_organisation(run):
    rec = run("The Ukrainian General Staff said the bridge had been repaired.")
    assert kinds(rec).get("Ukrainian General Staff") == "org", kinds(rec)


def test_side_of_a_nationality_is_a_group(run):
    rec = run("The Polish side said the talks would go on.")
    assert [(a.kind, a.side) for a in rec.actors] == [("group", "POL")]


def test_unnamed_person_noun_with_a_phrase_is_a_person(run):
    assert kinds(run("A person familiar with the talks said a deal was close.")).get("person") == "person"


def test_organisation_head_with_a_nationality_used_as_an_adjective_leaves_the_group_speaking(run):
    rec = run("Polish military bloggers said the bridge had fallen.")
    assert [(a.name, a.kind, a.side) for a in rec.actors] == [("Polish military bloggers", "group", "POL")]


def test_bare_organisation_head_owning_a_role_leaves_the_person_speaking(run):
    assert kinds(run("The ministry's spokesman said the talks had ended.")).get("ministry's spokesman") == "person"
