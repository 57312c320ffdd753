"""CLAIMS stage: speakers across sides, pronouns, reports carried by a noun, debunks, 'no response' cues,
subjects that can never be a source, parentheticals. Hand-written sentences."""

from __future__ import annotations

import pytest

from sitrep.model import Claim, Record
from sitrep.stages.actors import make_actors_stage
from sitrep.stages.claims import PARENTHETICAL_STOP, make_claims_stage


@pytest.fixture(scope="module")
def run(nlp):
    actors, claims = make_actors_stage(), make_claims_stage()

    def _run(text: str) -> Record:
        doc = nlp(text)
        return claims.run(actors.run(Record(id="t", text=text), doc), doc)
    return _run


def claim_at(rec: Record, part: str) -> Claim:
    hits = [c for c in rec.claims if part in rec.text[c.start:c.end]]
    assert hits, [rec.text[c.start:c.end] for c in rec.claims]
    return hits[0]


def claimant(rec: Record, c: Claim) -> str | None:
    return next((a.name for a in rec.actors if a.id == c.claimant), None)


def test_speaker_of_the_other_side_keeps_the_quote(run):
    rec = run("Kremlin spokesman Dmitry Peskov said Moscow was open to talks. "
              "“The sanctions will not change our course,” a UK government spokesperson said on Monday.")
    assert claimant(rec, claim_at(rec, "Moscow was open")) == "Dmitry Peskov"
    c = claim_at(rec, "sanctions will not change")
    assert "spokesperson" in (claimant(rec, c) or "")
    assert next(a.side for a in rec.actors if a.id == c.claimant) == "GBR"


def test_rebuttal_goes_to_the_rebutting_ministry_and_denies_the_claim(run):
    rec = run("Ukraine's Defense Ministry said its forces had repelled the attack. "
              "The Russian ministry rejected that account, saying the village was under its control.")
    first = claim_at(rec, "repelled the attack")
    assert (claimant(rec, first), first.status) == ("Ukraine's Defense Ministry", "denied")
    assert claimant(rec, claim_at(rec, "village was under its control")) == "Russian ministry"


def test_she_said_next_to_the_quote_resolves_to_the_person_named_before(run):
    rec = run("Oksana Bilyk runs the only shelter in the district. It has beds for forty people. "
              "The kitchen closed last week. “Three schools are gone,” she said.")
    assert claimant(rec, claim_at(rec, "Three schools are gone")) == "Oksana Bilyk"


def test_report_carried_by_a_noun(run):
    rec = run("A video claiming that the dam had burst was shared widely.")
    c = claim_at(rec, "the dam had burst")
    assert (c.claimant, c.claimant_text, c.status) == (None, "A video", "reported")


@pytest.mark.parametrize("debunk", [
    "Fact-checkers found the claim was false.",
    "There is no evidence that the governor left the city.",
    "The video was later proven fake.",
    "Reporters found it to be doctored.",
])
def test_debunk_by_the_outlet_or_a_fact_checker_denies_the_claim(run, debunk):
    rec = run(f"A regional channel said the governor had fled the city. {debunk}")
    c = claim_at(rec, "the governor had fled")
    assert c.status == "denied"
    assert any(debunk[:20] in rec.text[e.start:e.end] for e in c.evidence)


@pytest.mark.parametrize("silence", [
    "Neither the border agency nor the police responded to questions.",
    "The ministry did not respond to requests for comment.",
    "The ministry declined to comment.",
    "The ministry has not yet responded.",
])
def test_no_response_cues(run, silence):
    rec = run(f"Local officials said two warehouses had burned down. {silence}")
    assert claim_at(rec, "two warehouses").response == "none"


def test_no_response_cue_needs_a_negation(run):
    rec = run("Local officials said two warehouses had burned down. The ministry responded to requests for comment.")
    assert claim_at(rec, "two warehouses").response is None


@pytest.mark.parametrize("subject", ["GMT", "Orthodox Easter", "HIMARS"])
def test_clock_zones_feasts_and_weapons_are_never_the_claimant(run, subject):
    rec = run(f"Updated at noon. {subject} said the city was calm.")
    c = claim_at(rec, "the city was calm")
    assert (c.claimant, c.claimant_text) == (None, None)
    assert c.status == "reported"


def test_an_attributed_claim_is_not_reported(run):
    rec = run("Mayor Ihor Terekhov said the power was back. Russian troops are said to have left the area.")
    assert claim_at(rec, "the power was back").status == "asserted"
    c = claim_at(rec, "left the area")
    assert (c.claimant, c.status) == (None, "reported")


@pytest.mark.parametrize(("tail", "stops"), [
    (" in effect, abandoned by their allies", False),
    (" of course, a trap for the unwary", False),
    (" however, the plan failed in the end", False),
    (" and then the trucks left the area for good", True),
])
def test_a_short_parenthetical_comma_does_not_end_the_content(tail, stops):
    text = "," + tail
    assert (PARENTHETICAL_STOP.search(text) is not None and PARENTHETICAL_STOP.search(text).start() == 0) is stops


def test_misparsed_copula_runs_over_a_parenthetical(run):
    rec = run("Residents say the checkpoints were, of course, meant to slow them down.")
    c = claim_at(rec, "meant to slow")
    assert "of course" in rec.text[c.start:c.end]


def test_pronoun_prefers_the_last_person_named_as_a_subject(run):
    rec = run("Maksym Kovtun, like other engineers, has had it with Putin. “We are inviting him inside the shelter,” he said.")
    assert claimant(rec, claim_at(rec, "inviting him inside")) == "Maksym Kovtun"


def test_claimant_comes_from_the_subject_core_not_its_modifiers(run):
    rec = run("A spokesman for the Kremlin said the talks had stalled.")
    assert claimant(rec, claim_at(rec, "talks had stalled")) == "spokesman"
    rec = run("A report written after the visit of Russian diplomats said the grain had been moved.")
    assert claimant(rec, claim_at(rec, "grain had been moved")) == "report"  # the report itself, not the diplomats


def test_declaring_a_state_is_an_act_not_a_claim(run):
    rec = run("The region declared independence in 1990. Its leaders declared that the vote had been fair.")
    assert not [c for c in rec.claims if "independence" in rec.text[c.start:c.end]]
    assert claim_at(rec, "the vote had been fair")


def test_reporting_on_a_topic_is_no_claim(run):
    rec = run("The agency reported on the talks in Geneva.")
    assert not rec.claims


def test_a_question_is_no_claim(run):
    rec = run("Will the general be dismissed, as recent rumours have suggested? Is the regime reportedly weaker?")
    assert not rec.claims


def test_writers_inference_from_a_thing_is_no_claim_but_reports_and_images_are(run):
    rec = run("This document, and its importance to the president, suggest that the system will stay.")
    assert not rec.claims
    rec = run("Reports suggest that the minister resigned. Satellite images show that the bridge was damaged.")
    assert claim_at(rec, "the minister resigned").status == "reported"
    assert claim_at(rec, "the bridge was damaged").status == "confirmed"


def test_a_phrase_in_quote_marks_is_no_claim_but_a_quoted_sentence_is(run):
    rec = run("Back then the reformers saw these powers as a “democratic battering ram” for change. "
              "Ihor Terekhov ended his address with “we will rebuild every school in the city” and left the stage.")
    assert not [c for c in rec.claims if "battering" in rec.text[c.start:c.end]]
    assert claim_at(rec, "we will rebuild every school")


def test_they_after_an_unnamed_official_is_that_official(run):
    rec = run("Russia has warned Finland. A Swedish official said the talks were going well. "
              "They said Russia had sent signals.")
    assert claimant(rec, claim_at(rec, "Russia had sent signals")) == "Swedish official"


def test_they_still_prefers_organisations_and_groups(run):
    rec = run("The ministry said the talks were going well. They said the convoy had left.")
    assert claimant(rec, claim_at(rec, "the convoy had left")) == "ministry"


def test_regional_official_and_comment_verbs(run):
    rec = run("A European official noted that both countries would be net contributors. "
              "Some officials even commented that it was a gift to the alliance.")
    assert claimant(rec, claim_at(rec, "net contributors")) == "European official"
    assert claimant(rec, claim_at(rec, "a gift to the alliance")) == "officials"


def test_speaker_in_a_participle_after_with(run):
    rec = run("Attitudes have shifted, with one former Finnish Prime Minister telling reporters the decision was "
              "made in February.")
    assert claimant(rec, claim_at(rec, "the decision was made")) == "former Finnish Prime Minister"


@pytest.mark.parametrize("rebuttal", [
    "The ministry rejected that version of events.",
    "The ministry dismissed the figures.",
    "The ministry denied that narrative.",
])
def test_denial_of_an_account_version_figures_or_narrative(run, rebuttal):
    rec = run(f"Local officials said two warehouses had burned down. {rebuttal}")
    assert claim_at(rec, "two warehouses").status == "denied"


@pytest.mark.parametrize("verb", ["remarked", "observed", "conceded", "complained"])
def test_more_reporting_verbs(run, verb):
    rec = run(f"The governor {verb} that the roads were closed.")
    assert claimant(rec, claim_at(rec, "the roads were closed")) == "governor"


def test_name_parsed_as_a_conjunct_of_a_common_noun_subject_speaks(run):
    rec = run("“Two-thirds of the members back the new plan,” the author and journalist Marc Weitzmann told me.")
    assert claimant(rec, claim_at(rec, "back the new plan")) == "Marc Weitzmann"


def test_role_phrase_before_a_reporting_verb_is_its_subject_not_an_apposition(run):
    rec = run("Putin, the official said, “is as sure as anyone can be of his plan.”")
    c = claim_at(rec, "sure as anyone")
    assert claimant(rec, c) != "Vladimir Putin"
    assert next(a.role for a in rec.actors if a.name == "Vladimir Putin") == "President"


def test_two_according_to_in_one_sentence_bound_each_other_and_a_quote_follows_its_source(run):
    rec = run("By early this year, according to American officials, he was working alone, surrounded by aides "
              "who, according to Smith, “had learned never to bring bad news to the table.”")
    assert claimant(rec, claim_at(rec, "bring bad news")) == "Smith"
    assert all("By early" not in rec.text[c.start:c.end] for c in rec.claims if claimant(rec, c) == "Smith")


def test_first_person_subject_inside_a_quote_is_the_quote_speaker(run):
    rec = run("“My main lesson from the group is that they distrust the mayor,” Tomas Lindgren of the Civic "
              "Forum told me. “I worry that the vote will lead to low turnout.”")
    c = claim_at(rec, "low turnout")
    assert (claimant(rec, c), c.claimant_text) == ("Tomas Lindgren", None)


def test_news_outlet_that_reports_is_the_claimant_but_one_spoken_to_is_not(run):
    rec = run("“The party will not stop at third place,” Le Monde reported on Friday. "
              "The Economist noted that older voters backed the president. "
              "The village was shelled overnight, according to Reuters. "
              "The mayor told Reuters that the bridge was hit.")
    assert claimant(rec, claim_at(rec, "third place")) == "Le Monde"
    assert claimant(rec, claim_at(rec, "older voters")) == "Economist"
    assert claimant(rec, claim_at(rec, "village was shelled")) == "Reuters"
    assert claimant(rec, claim_at(rec, "bridge was hit")) == "mayor"
    assert not any(a.name == "Telegram" for a in run("The ministry said on Telegram that the bridge was hit.").actors)


@pytest.mark.parametrize("speaker", ["a senior NATO intelligence official", "a senior U.S. defense official",
                                     "a Western security official"])
def test_unnamed_official_with_a_field_word_is_a_person_not_the_organisation(run, speaker):
    rec = run(f"“He has a firm belief in his own control,” {speaker} said.")
    c = claim_at(rec, "firm belief")
    a = next(a for a in rec.actors if a.id == c.claimant)
    assert (a.kind, a.role) == ("person", "official")


def test_clause_before_comma_pronoun_said_is_the_content_when_parsed_as_adverbial(run):
    rec = run("Lena Holm spoke on Tuesday. COVID created a lot of noise on how to read the market, "
              "she said in a video call.")  # 'COVID' is tagged as an auxiliary, the clause hangs as advcl
    assert claimant(rec, claim_at(rec, "noise on how to read")) == "Lena Holm"


def test_attribution_set_off_inside_a_conditional_claims_the_whole_sentence(run):
    rec = run("Zelensky told CNN that Ukraine will not give up land. "
              "If the city falls, he believes, the army will attack the capital again.")
    c = claim_at(rec, "attack the capital again")
    assert claimant(rec, c) == "Volodymyr Zelensky"


@pytest.mark.parametrize("subject", ["The company", "The Helsinki-based company", "The Espoo, Finland, company"])
def test_definite_organisation_noun_refers_back_to_the_last_organisation(run, subject):
    rec = run(f"Nokia lost 200,000 customers in the quarter. {subject} said that the losses would stop by June.")
    assert claimant(rec, claim_at(rec, "losses would stop")) == "Nokia"


def test_first_person_after_a_said_sentence_goes_on_a_stripped_quote(run):
    rec = run("The rules changed in May. We believe the council will drop the new rules.")
    assert claim_at(rec, "drop the new rules").claimant_text == "We"  # the author's own claim stays
    rec = run("It is a great honour for all of us, Ime Udoka said. I think everyone enjoys the fact that he is "
              "being recognised.")
    assert claimant(rec, claim_at(rec, "everyone enjoys")) == "Ime Udoka"
    rec = run("“My lesson is that they distrust the mayor,” Tomas Lindgren told me. “I worry that turnout will fall.”")
    assert claimant(rec, claim_at(rec, "turnout will fall")) == "Tomas Lindgren"


def test_named_subject_of_an_inference_verb_is_a_speaker_but_a_document_is_not(run):
    rec = run("The firm indicated it will expand a trial program in three countries.")
    assert claim_at(rec, "expand a trial program").claimant_text == "The firm"
    assert run("This document suggests that the firm will expand its program.").claims == ()


@pytest.mark.parametrize("noun", ["reports", "claims", "allegations"])
def test_denied_reports_of_no_named_owner_are_nobodys_claims_not_the_deniers(run, noun):
    rec = run(f"Russia's defence ministry dismissed {noun} that its jets had struck the hospital.")
    c = claim_at(rec, "jets had struck the hospital")
    assert (c.claimant, c.status) == (None, "denied")


def test_the_denier_is_never_the_claimant_of_what_it_denies(run):
    rec = run("The Kremlin dismissed Ukrainian claims that its forces had shelled the plant.")
    c = claim_at(rec, "forces had shelled the plant")
    assert c.status == "denied" and claimant(rec, c) != "Kremlin"


def test_nationality_claims_misparsed_as_a_subject_still_belong_to_that_side(run):
    rec = run("Ukraine says its air defences were active. "
              "Russia's defence ministry dismissed Ukrainian claims that its jets had struck the hospital.")
    c = claim_at(rec, "jets had struck the hospital")
    assert (claimant(rec, c), c.status) == ("Ukraine", "denied")
    assert not rec.text[c.start:c.end].startswith("Ukrainian")


def test_a_caption_word_on_the_line_above_neither_takes_the_subject_nor_confirms_the_claim(run):
    rec = run("The plant closed.\nPhoto\nThe night shift said the workers were sent home.")
    c = claim_at(rec, "workers were sent home")
    assert (c.claimant_text, c.status) == ("The night shift", "asserted")


@pytest.mark.parametrize("text, speaker", [
    ("The Harbour Gazette reported that the ferry line had closed. The newspaper said the crews were laid off.",
     "Harbour Gazette"),
    ("Nord Radio reported that the pass was blocked. According to the broadcaster, snow fell all night.", "Nord Radio"),
])
def test_definite_media_noun_refers_back_to_the_last_medium_named(run, text, speaker):
    rec = run(text)
    assert claimant(rec, rec.claims[-1]) == speaker


def test_definite_media_noun_never_takes_an_organisation_that_is_no_medium(run):
    rec = run("The Lakeside Trust said the dam was safe. The newspaper said the dam was cracked.")
    assert claimant(rec, claim_at(rec, "the dam was cracked")) is None


def test_definite_compound_organisation_noun_refers_back(run):
    rec = run("The Centre for Coastal Policy, a Bergen-based think tank, said fish stocks were falling. "
              "The think tank added that quotas would be cut.")
    assert claimant(rec, claim_at(rec, "quotas would be cut")) == "Centre for Coastal Policy"


@pytest.mark.parametrize("text", [
    "The harbour board said in a statement that the pier would reopen in June.",
    "Mayor Ilse Brandt wrote in a post on Monday that the pier would reopen in June.",
])
def test_that_clause_hung_on_the_channel_noun_is_the_content(run, text):
    rec = run(text)
    c = claim_at(rec, "the pier would reopen")
    assert claimant(rec, c) is not None and rec.text[c.start:c.end].startswith("the pier")


@pytest.mark.parametrize("text", [
    "The Farm Office believes that the harvest will be poor, Lena Vik said.",
    "Despite the rain, the governor thinks himself the best judge of the harvest, Lena Vik said, noting his record.",
])
def test_a_belief_in_a_sentence_reported_after_it_is_the_reporters_claim(run, text):
    rec = run(text)
    assert [claimant(rec, c) for c in rec.claims] == ["Lena Vik"]


def test_quotation_signed_after_a_dash_is_the_signers_claim_with_the_outlet_as_channel(run):
    rec = run("What the commentators say\n\n“The treaty will not survive the winter.” — Mara Lind, Coastal Review\n\n"
              "“Nobody in the capital believes the figures.” — Otto Brand")
    first, second = claim_at(rec, "treaty will not survive"), claim_at(rec, "Nobody in the capital")
    assert (claimant(rec, first), first.channel) == ("Mara Lind", "Coastal Review")
    assert (claimant(rec, second), second.channel) == ("Otto Brand", None)


@pytest.mark.parametrize("text, part", [
    ("Some analysts have speculated that the minister may resign.", "the minister may resign"),
    ("Later the clerk informed the mayor that the vote had been lost.", "the vote had been lost"),
    ("The utility projected a loss of 4,000 customers this year.", "a loss of 4,000 customers"),
    ("The auditor pointed out that the accounts had not been signed.", "accounts had not been signed"),
    ("The minister replied that the money had already been spent.", "money had already been spent"),
    ("The ministry revealed that two of its officials had been arrested.", "two of its officials"),
])
def test_more_verbs_of_saying_report(run, text, part):
    c = claim_at(run(text), part)
    assert c.claimant is not None or c.claimant_text is not None


@pytest.mark.parametrize("text", [
    "The guide pointed to the old fort on the hill.",
    "The company revealed its new logo on Monday.",
])
def test_particle_and_clause_verbs_report_only_in_their_frame(run, text):
    assert run(text).claims == ()


def test_object_of_a_verb_of_causing_is_the_speaker_of_its_infinitive(run):
    rec = run("The Harbour Trust lost money in May, which prompted Ola Strand to point out that the fees were too low.")
    assert claimant(rec, claim_at(rec, "the fees were too low")) == "Ola Strand"


def test_claims_inside_an_according_to_account_are_part_of_it(run):
    rec = run("According to the biographer Ruth Falk, the king shouted at his son and described him as a coward.")
    assert [claimant(rec, c) for c in rec.claims] == ["Ruth Falk"]


def test_definite_junta_refers_back_to_the_last_organisation(run):
    rec = run("The Sahel Council seized power in June. The junta said elections would be held in 2026.")
    assert claimant(rec, claim_at(rec, "elections would be held")) == "Sahel Council"


@pytest.mark.parametrize("rebuttal", [
    "The Valdor government called the report a fabrication.",
    "The Valdor government described the claims as baseless propaganda.",
    "The Valdor government disputed that figure.",
])
def test_the_other_party_calling_a_claim_false_or_disputing_it_denies_it(run, rebuttal):
    rec = run(f"Rebel commanders said 40 soldiers had deserted. {rebuttal}")
    assert claim_at(rec, "40 soldiers had deserted").status == "denied"


def test_the_writer_calling_a_statement_false_denies_it(run):
    rec = run("Minister Aron Vale said the camp had never been shelled. That statement is false.")
    assert claim_at(rec, "the camp had never been shelled").status == "denied"


def test_a_characterisation_that_is_no_falsity_denies_nothing(run):
    rec = run("Rebel commanders said 40 soldiers had deserted. The government called the report worrying.")
    assert claim_at(rec, "40 soldiers had deserted").status == "asserted"


def test_a_pronoun_skips_a_person_the_text_gives_the_other_gender(run):
    rec = run("Anna Holm met Peter Dahl in Oslo. Holm said her ministry would pay. He said the talks had gone well.")
    assert claimant(rec, claim_at(rec, "the talks had gone well")) == "Peter Dahl"


def test_an_honorific_gives_the_gender(run):
    rec = run("In Oslo, Mr. Karl Moen was greeted by Mayor Vera Lund. She said the bridge would be rebuilt.")
    assert claimant(rec, claim_at(rec, "bridge would be rebuilt")) == "Vera Lund"


def test_signed_quotation_takes_the_first_actor_before_the_comma(run):
    rec = run("Views\n\n“The harbour will never reopen.” — Columnist Mara Lind, Coastal Review")
    c = claim_at(rec, "harbour will never reopen")
    assert (claimant(rec, c), c.channel) == ("Mara Lind", "Coastal Review")


@pytest.mark.parametrize("text, speaker", [
    ("Lena Vik's view is that the ceasefire will not last.", "Lena Vik"),
    ("Lena Vik spoke in Bergen. Her argument was that the tolls had failed.", "Lena Vik"),
])
def test_a_held_view_is_the_holders_claim(run, text, speaker):
    rec = run(text)
    assert [claimant(rec, c) for c in rec.claims] == [speaker]


def test_a_view_noun_without_a_holder_is_no_claim(run):
    assert run("The problem is that the bridge is closed.").claims == ()


def test_a_quote_paragraph_after_a_colon_is_the_content_of_the_verb_before(run):
    rec = run("Mayor Ivo Sand said on Monday:\n\n“The water is back in every district. We will rebuild the school.”")
    c = claim_at(rec, "The water is back")
    assert (claimant(rec, c), c.quote, rec.text[c.end - 6:c.end]) == ("Ivo Sand", True, "school")


def test_a_colon_before_a_paragraph_without_a_quote_takes_nothing_from_it(run):
    rec = run("Mayor Ivo Sand said on Monday:\n\nThe water came back in the evening.")
    assert rec.claims == ()


def test_questioning_a_thing_is_a_claim_questioning_a_person_is_not(run):
    assert claim_at(run("The senator questioned the cost of the new tanks."), "the cost of the new tanks")
    assert run("Police questioned two suspects on Monday.").claims == ()
    assert run("Investigators questioned Anna Berg for hours.").claims == ()


def test_the_subject_of_an_adjective_with_a_reporting_infinitive_speaks(run):
    rec = run("His critics in the party were quick to accuse him of neglect toward the army.")
    assert claimant(rec, claim_at(rec, "neglect toward the army")) == "critics"


def test_a_described_organisation_refers_back_instead_of_becoming_one(run):
    rec = run("Borg Trucks Inc. cut 300 jobs in May. The truck maker said sales had fallen by a third.")
    assert claimant(rec, claim_at(rec, "sales had fallen")) == "Borg Trucks Inc."
