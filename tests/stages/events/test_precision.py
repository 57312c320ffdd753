"""Events stage 2.23-2.27, precision rules: classes of expression that report no happening.

Every sentence here is written for the test (none comes from a dev set). Each class has
sentences that give no event of the type and, where the class has a near neighbour that does
report an act, a sentence that keeps it.
"""

from __future__ import annotations

import pytest

from sitrep.model import Record
from sitrep.stages.events import make_events_stage
from sitrep.stages.events.arguments import noun_agent


@pytest.fixture(scope="module")
def stage():
    return make_events_stage()


@pytest.fixture(scope="module")
def types(nlp, stage):
    def _types(text: str) -> list[str]:
        record = stage.run(Record(id="t", text=text), nlp(text))  # type: ignore[arg-type]
        return [e.plover for e in record.events]
    return _types


@pytest.mark.parametrize("text, plover", [
    ("Ending the talks would mean handing the negotiations to other powers.", "CONSULT"),
])
def test_would_above_the_clause_supposes_it(types, text, plover):
    assert plover not in types(text)


@pytest.mark.parametrize("text, plover", [
    ("Small firms can have a hard time riding out the wave of embargoes.", "SANCTION"),
    ("Tariffs also hand rulers a foreign scapegoat to condemn for rising prices.", "DISAPPROVE"),
    ("Trade bans seldom topple regimes, and governments usually learn to condemn them as foreign meddling.",
     "DISAPPROVE"),
])
def test_generic_statement_about_a_kind(types, text, plover):
    assert plover not in types(text)


@pytest.mark.parametrize("text, plover", [
    ("Officials say the government imposed new sanctions on the bank.", "SANCTION"),
    ("The ministers held talks in Geneva on Monday.", "CONSULT"),
])
def test_reported_and_specific_acts_stay(types, text, plover):
    assert plover in types(text)


@pytest.mark.parametrize("text", [
    "The aide told the president there would be little resistance.",
    "There will be talks in Vienna next week.",
])
def test_future_existential_commits_nobody(types, text):
    assert types(text) == []


@pytest.mark.parametrize("text, plover", [
    ('"More and more people support our position," the minister said.', "SUPPORT"),
    ('"Our neighbours are sending us food. The whole village supports the army," she said.', "SUPPORT"),
    ('"The governor\'s demands for a ceasefire will go unanswered," the envoy said.', "DEMAND"),
])
def test_quoted_stance_is_a_claim(types, text, plover):
    assert plover not in types(text)


@pytest.mark.parametrize("text, plover", [
    ('"They shelled our street last night," he said.', "ASSAULT"),
    ('"The troops have delivered the aid," she said.', "AID"),
    ('"We reject this ultimatum," the president said.', "REJECT"),
    ("The governor's demands for a ceasefire went unanswered.", "DEMAND"),
])
def test_quoted_past_and_performed_acts_stay(types, text, plover):
    assert plover in types(text)


def test_disposition_is_no_promise(types):
    assert "AGREE" not in types("Those left without a vote are willing to die for it.")
    assert "AGREE" in types('"We are ready to negotiate," the minister said.')


def test_a_thing_that_threatens_is_a_risk(types):
    assert "THREATEN" not in types("The scandal threatens to bring down the coalition government.")
    assert "THREATEN" in types("The army threatened to shell the town.")


def test_warning_of_a_fact_is_no_threat(types):
    assert "THREATEN" not in types("The ministry warned that foreign agents were plotting a coup.")
    assert "THREATEN" in types("The ministry warned that Moscow would face severe consequences.")


@pytest.mark.parametrize("text, plover", [
    ("Prices rose sharply in the months before the invasion.", "ASSAULT"),
    ("Exports fell during the blockade.", "COERCE"),
])
def test_act_named_to_date_something_else(types, text, plover):
    assert plover not in types(text)


def test_act_with_its_own_arguments_after_a_time_word_stays(types):
    assert "CONSULT" in types("After a visit to Kyiv, the envoy flew home.")
    assert "CONSULT" in types("In the weeks before the invasion, the minister met his counterpart in Paris.")


def test_noun_agent_reads_the_by_phrase(nlp):
    doc = nlp("The capture of the bridge by rebel fighters surprised the army.")
    capture = next(t for t in doc if t.text == "capture")
    agent = noun_agent(capture)
    assert agent is not None and agent.text == "fighters"
    assert noun_agent(next(t for t in doc if t.text == "surprised")) is None


def test_what_is_done_without_is_not_done(types):
    assert "CONSULT" not in types("The general pressed ahead without consulting his staff.")
    assert "AGREE" not in types("The envoy left without signing the agreement.")
    assert "CONSULT" in types("The general consulted his staff on Monday.")


def test_the_purpose_of_speaking_is_no_further_act(types):
    text = "A senior official, who spoke on condition of anonymity to discuss internal deliberations, said the plan had failed."
    assert "CONSULT" not in types(text)
    assert "CONSULT" in types("The ministers discussed the budget on Monday.")


@pytest.mark.parametrize("text", [
    "The company apologized to its customers for the outage.",
    "The outage prompted an apology from the chief executive.",
])
def test_an_apology_is_a_concession(types, text):
    assert "CONCEDE" in types(text)


def test_an_act_noun_as_topic_subject_is_no_report(types):
    assert "CONSULT" not in types("A visit to the old reactor showed how little had changed.")
    assert "CONSULT" in types("The meeting took place on Monday.")
    assert "CONSULT" in types("Talks between Kyiv and Moscow resumed on Friday.")


def test_a_threat_faced_is_a_danger_not_a_threat_made(types):
    assert "THREATEN" not in types("The alliance is confronting a growing menace on its eastern flank.")
    assert "THREATEN" not in types("The minister stood firm in the face of grave threats.")
    assert "THREATEN" in types("The militia issued threats against the villagers.")


def test_a_plural_subject_with_a_name_in_its_phrase_is_a_group_not_a_kind(types):
    assert "COOPERATE" in types("Diplomats in Vienna are about to restore full ties with Tehran.")
