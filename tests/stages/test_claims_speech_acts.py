"""CLAIMS stage: speech acts that did not happen, writers' inferences, quoted phrases, relayed findings,
relative reporting clauses, voices that speak for someone, quotes over several sentences. Hand-written
sentences."""

from __future__ import annotations

import pytest

from sitrep.model import Record
from sitrep.stages.actors import make_actors_stage
from sitrep.stages.claims import make_claims_stage


@pytest.fixture(scope="module")
def run(nlp):
    actors, claims = make_actors_stage(), make_claims_stage()

    def _run(text: str) -> Record:
        doc = nlp(text)
        return claims.run(actors.run(Record(id="t", text=text), doc), doc)
    return _run


def spans(rec: Record) -> list[str]:
    return [rec.text[c.start:c.end] for c in rec.claims]


def by(rec: Record, part: str) -> str | None:
    hits = [c for c in rec.claims if part in rec.text[c.start:c.end]]
    assert hits, spans(rec)
    return next((a.name for a in rec.actors if a.id == hits[0].claimant), None)


@pytest.mark.parametrize("text", [
    "Olaf Berg will likely announce something about the harbour.",
    "The cabinet might declare that the strike is over.",
    "The government is expected to announce its decision in May.",
    "The ministry plans to report its findings next week.",
    "If you could tell a voter in 1990 that the party would change, he would laugh.",
    "That is where he seeks a victory he can take to the voters to tell them he is still strong.",
])
def test_a_speech_act_still_to_come_or_imagined_is_no_claim(run, text):
    assert spans(run(text)) == []


def test_a_habitual_would_and_a_can_confirm_are_said(run):
    rec = run("Maria Lind can confirm that the bridge was closed.")
    assert by(rec, "the bridge was closed") == "Maria Lind"


def test_remarks_that_seem_to_suggest_are_the_writers_inference(run):
    assert spans(run("General Lind's remarks seem to suggest that the army will move south.")) == []


def test_a_verb_inside_a_quoted_phrase_reports_nothing_outside_it(run):
    assert spans(run("Pundits have grist for a loud “I told you so” about the plan.")) == []


@pytest.mark.parametrize("text", [
    "President Anna Holm announced that the Justice Ministry has determined, after a long review, that the "
    "guards committed abuses.",
    "Anna Holm said the Justice Ministry believes that the guards committed abuses.",
])
def test_a_relayed_finding_is_the_finders(run, text):
    rec = run(text)
    assert by(rec, "the guards committed abuses") == "Ministry"
    assert not any("Ministry" in s for s in spans(rec))


def test_a_non_restrictive_relative_reporting_clause_ends_at_its_comma(run):
    rec = run("Karl Berg, who says Norway and Sweden are basically one nation, sees the dispute as a misunderstanding.")
    assert spans(rec) == ["Norway and Sweden are basically one nation"]
    assert by(rec, "one nation") == "Karl Berg"


@pytest.mark.parametrize("noun", ["office", "spokeswoman", "aides"])
def test_his_office_speaks_for_him(run, noun):
    rec = run(f"Olaf Berg met the minister on Sunday. The tanks will arrive next month, his {noun} said on Monday.")
    assert by(rec, "tanks will arrive") == "Olaf Berg"


def test_his_office_with_nobody_named_stays_as_written(run):
    rec = run("The tanks will arrive next month, his office said on Monday.")
    assert (rec.claims[0].claimant, rec.claims[0].claimant_text) == (None, "his office")


def test_a_quote_over_two_sentences_is_its_speakers_even_where_it_reports_others(run):
    rec = run("“The Danes believe that nothing stops Berlin from doing the same in Denmark. We do not want to be "
              "alone again,” Jensen said, recalling the war of 1864.")
    assert len(rec.claims) == 1
    assert by(rec, "The Danes believe") == "Jensen"


def test_they_prefers_a_clause_subject_over_the_subject_of_a_participle(run):
    rec = run("When Danish forces repelled German troops aiming to capture the port, they said they found "
              "some odd cargo among the wreckage.")
    assert by(rec, "odd cargo") == "Danish forces"


@pytest.mark.parametrize(("text", "content"), [
    ("The Danish Queen had demanded that Germany cease expanding north.", "Germany cease expanding north"),
    ("Premier Lotte Sand called on Nordic countries to keep talking with Berlin.", "keep talking with Berlin"),
    ("Premier Lotte Sand then called for more sanctions on Germany.", "more sanctions on Germany"),
    ("Premier Lotte Sand has promised a speedy response to the request.", "a speedy response to the request"),
])
def test_demands_appeals_and_promised_objects_are_claims(run, text, content):
    rec = run(text)
    assert content in spans(rec)



@pytest.mark.parametrize("text", [
    "Olaf Berg spoke on Sunday. The town, he said, will flood within days.",
    "The town, Olaf Berg said, will flood within days.",
])
def test_a_parenthetical_reporting_verb_claims_its_sentence(run, text):
    rec = run(text)
    assert by(rec, "will flood within days") == "Olaf Berg"


def test_an_unmarked_first_person_lead_belongs_to_the_speaker_of_the_next_sentence(run):
    rec = run("Refugees keep arriving in Bergen.\nIf a second wave comes, then we will have a real problem "
              "because we are full. We cannot take more, Bergen Mayor Lise Dahl told The Associated Press.")
    assert spans(rec) == ["If a second wave comes, then we will have a real problem because we are full. "
                          "We cannot take more"]
    assert by(rec, "second wave") == "Lise Dahl"


def test_a_writers_we_without_a_speaker_after_it_is_no_claim(run):
    rec = run("We live in strange times. The council met on Monday and voted to close the bridge.")
    assert spans(rec) == []


def test_headline_lines_name_their_speaker(run):
    rec = run("Premier Anna Holm spoke in Oslo.\n\nTalks with the rebels have stalled - Holm\n\n"
              "Holm: the dam attack was staged like the one in 2019\n\nSummary: the talks went on all night")
    assert spans(rec) == ["Talks with the rebels have stalled", "the dam attack was staged like the one in 2019"]
    assert {by(rec, "stalled"), by(rec, "staged")} == {"Anna Holm"}


def test_a_colon_inside_a_paragraph_is_no_headline(run):
    rec = run("Premier Anna Holm spoke in Oslo. Holm: the dam attack was staged. The council met.")
    assert not any("dam attack" in s for s in spans(rec))


def test_a_second_speaker_after_comma_and_ends_the_first_claim(run):
    rec = run("NATO officials told CNN that talks have become serious, and senior State Department officials "
              "said the matter came up at this week’s meeting.")
    assert spans(rec) == ["talks have become serious", "the matter came up at this week’s meeting"]
    assert by(rec, "came up") == "State Department"


@pytest.mark.parametrize("text", [
    "If you could fly back to 1990 and tell a voter that the party would change, you would be laughed at.",
    "Sign a paper saying the guards were kind, or go to jail.",
    "The board will publish a report saying the plant is safe.",
])
def test_imagined_speech_and_documents_not_yet_written_report_nothing(run, text):
    assert spans(run(text)) == []


def test_a_short_verbless_phrase_in_quotes_characterises_a_long_one_is_quoted(run):
    assert spans(run("Olaf Berg saw the law as a tool, a kind of “democratic battering ram” able to push reforms.")) == []
    rec = run("The Berg Institute, a think tank, published a report that identified “the central role of "
              "farming in the growth of the northern provinces.”")
    assert by(rec, "central role of farming") == "Berg Institute"


def test_the_article_speaks_for_the_author_of_the_treatise_named_before(run):
    rec = run("Holm’s confidence came through in a long treatise she published last summer. The article "
              "portrayed Danes as a people who are really the same as Norwegians.")
    assert by(rec, "Danes as a people") == "Holm"


@pytest.mark.parametrize(("text", "content"), [
    ("Olaf Berg portrayed the mayor as a puppet of the council.", "the mayor as a puppet of the council"),
    ("Olaf Berg described the vote as a sham.", "the vote as a sham"),
])
def test_characterising_verbs_report_with_an_as_phrase(run, text, content):
    assert content in spans(run(text))


def test_characterising_verbs_without_as_report_nothing(run):
    assert spans(run("Olaf Berg described the scene in great detail.")) == []


@pytest.mark.parametrize(("text", "content"), [
    ("Olaf Berg spoke. He says the town was freed from the “bandits” whom he claims run the region "
     "(an absurdly false claim, given the mayor is a priest).",
     "the town was freed from the “bandits” whom he claims run the region"),
    ("Olaf Berg said the mayor is a spy – a baseless claim that the council rejected.", "the mayor is a spy"),
])
def test_the_writer_calling_a_claim_false_in_its_sentence_denies_it(run, text, content):
    rec = run(text)
    c = next(c for c in rec.claims if rec.text[c.start:c.end] == content)
    assert c.status == "denied"


def test_a_long_verbless_quote_inside_a_prepositional_phrase_characterises(run):
    rec = run("Olaf Berg gave a speech in May, full of praise for “simple things such as home, bread, school or "
              "church bells.”")
    assert not any("simple things" in s for s in spans(rec))
