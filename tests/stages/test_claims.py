"""CLAIMS stage: one test per cue family, on hand-made sentences and hand-made times/quantities."""

from __future__ import annotations

import re

import pytest

from sitrep.model import Claim, Place, Quantity, Record, Span, TimeExpr
from sitrep.stages.actors import make_actors_stage
from sitrep.stages.claims import MAX_SPAN, make_claims_stage


@pytest.fixture(scope="module")
def stages():
    return make_actors_stage(), make_claims_stage()


def times_for(text: str, specs: list[tuple[str, str, str]]) -> tuple[TimeExpr, ...]:
    out = []
    for i, (phrase, kind, value) in enumerate(specs, start=1):
        start = text.index(phrase)
        out.append(TimeExpr(id=f"t{i}", start=start, end=start + len(phrase), text=phrase, type=kind, value=value))
    return tuple(out)


@pytest.fixture(scope="module")
def run(nlp, stages):
    actors, claims = stages

    def _run(text: str, times: list[tuple[str, str, str]] = (), **fields) -> Record:
        doc = nlp(text)
        rec = Record(id="t", text=text, times=times_for(text, list(times)), **fields)
        return claims.run(actors.run(rec, doc), doc)
    return _run


def claimant(rec: Record, claim: Claim) -> str | None:
    return next((a.name for a in rec.actors if a.id == claim.claimant), None)


def claim_at(rec: Record, anchor: str) -> Claim:
    i = rec.text.index(anchor)
    hits = [c for c in rec.claims if c.start < i + len(anchor) and i < c.end]
    assert len(hits) == 1, [(rec.text[c.start:c.end], c.claimant) for c in rec.claims]
    return hits[0]


def test_stage_contract(stages):
    stage = stages[1]
    assert stage.name == "claims"
    assert stage.requires == {"text", "parse", "actors", "times", "quantities", "places"} and stage.provides == {"claims"}


def test_says_that_clause(run):
    rec = run("Defense Minister Oleksii Reznikov says that Ukrainian forces recaptured the village of Pisky.")
    c = claim_at(rec, "recaptured")
    assert rec.text[c.start:c.end] == "Ukrainian forces recaptured the village of Pisky"
    assert claimant(rec, c) == "Oleksii Reznikov" and c.status == "asserted" and not c.quote


def test_trailing_attribution(run):
    rec = run("Russian troops are also withdrawing from the southern region, the Ukrainian general staff claims.")
    c = claim_at(rec, "withdrawing")
    assert rec.text[c.start:c.end] == "Russian troops are also withdrawing from the southern region"
    assert "general staff" in claimant(rec, c)


def test_direct_quote(run):
    rec = run("“Russia is not rejecting negotiations with Ukraine, but time is short,” Lavrov said.")
    c = claim_at(rec, "not rejecting")
    assert rec.text[c.start:c.end] == "Russia is not rejecting negotiations with Ukraine, but time is short"
    assert c.quote and claimant(rec, c) == "Sergei Lavrov"


def test_quote_in_sentence_with_actor_subject(run):
    rec = run("President Zelensky thanked the soldiers who “liberated hundreds of our towns and villages”.")
    c = claim_at(rec, "liberated hundreds")
    assert c.quote and "Zelensky" in claimant(rec, c)


def test_quote_continues_in_next_sentences_and_paragraph(run):
    rec = run("“The bridge is gone,” Mayor Petro Hlyba said on Telegram. “We will need months to rebuild it.”\n\n"
              "“Until then, the villages on the left bank are cut off. Only boats can reach them.”\n\n"
              "The river rose again on Tuesday.")
    first = claim_at(rec, "bridge is gone")
    second = claim_at(rec, "need months")
    third = claim_at(rec, "villages on the left bank")
    assert rec.text[second.start:second.end] == "We will need months to rebuild it"
    assert rec.text[third.start:third.end].endswith("Only boats can reach them")
    for c in (second, third):
        assert c.quote and claimant(rec, c) == "Petro Hlyba" and c.channel == first.channel
    assert not any(c.start > rec.text.index("The river") for c in rec.claims)


def test_quote_without_attribution_after_narration_is_no_claim(run):
    rec = run("The convoy reached the city at dawn.\n\n“Nobody expected them so early.”")
    assert rec.claims == ()


def test_claim_runs_on_to_the_closing_quote_mark(run):
    rec = run("The commander admitted his men “are exhausted. They have not slept for days.”")
    c = claim_at(rec, "exhausted")
    assert rec.text[c.start:c.end].endswith("They have not slept for days")


def test_promises_and_vows(run):
    rec = run("Prime Minister Jonas Berg promised that Norway would send more tanks. "
              "The governor has vowed to rebuild every school in the region.")
    c = claim_at(rec, "more tanks")
    assert rec.text[c.start:c.end] == "Norway would send more tanks" and claimant(rec, c) == "Jonas Berg"
    c = claim_at(rec, "rebuild")
    assert rec.text[c.start:c.end] == "rebuild every school in the region"


def test_speaks_of(run):
    rec = run("The Ukrainian army itself speaks of 3,000 square kilometers that they reclaimed.")
    c = claim_at(rec, "3,000 square")
    assert rec.text[c.start:c.end] == "3,000 square kilometers that they reclaimed"
    assert claimant(rec, c) == "Ukrainian army"


def test_according_to(run):
    rec = run("According to the Ukrainian general staff, Russian forces shelled Kharkiv overnight.")
    c = claim_at(rec, "shelled")
    assert rec.text[c.start:c.end] == "Russian forces shelled Kharkiv overnight"
    assert "general staff" in claimant(rec, c)


def test_experts_think(run):
    rec = run("A quick end to the war is not yet in sight, experts think.")
    c = claim_at(rec, "quick end")
    assert claimant(rec, c) == "experts" and c.status == "asserted"


def test_anaphoric_attribution_fills_channel_and_said_at(run):
    text = ("Ukrainian army commander-in-chief Valeriy Zaluzhny says his forces recaptured more than 3,000 "
            "square kilometers. Zaluzhny wrote this on Telegram today.")
    rec = run(text, [("today", "DATE", "2022-09-11")])
    assert len(rec.claims) == 1
    c = rec.claims[0]
    assert claimant(rec, c) == "Valeriy Zaluzhny" and c.channel == "Telegram" and c.said_at == "t1"


def test_anaphoric_attribution_creates_claim_from_previous_sentence(run):
    text = ("The Ukrainian army has also reclaimed Izyum from Russian forces. Ukrainian President Volodimir "
            "Zelensky announced this in his daily video speech on the 200th day of the war.")
    rec = run(text, [("the 200th day of the war", "DATE", "2022-09-11")])
    c = claim_at(rec, "reclaimed Izyum")
    assert rec.text[c.start:c.end] == "The Ukrainian army has also reclaimed Izyum from Russian forces"
    assert "Zelensky" in claimant(rec, c) and c.channel == "video" and c.said_at == "t1"


def test_passive_anaphora_with_map_channel(run):
    text = ("Russian forces have left most of the Kharkiv region. This was shown on Sunday on the map that "
            "the Russian Defense Ministry made public.")
    rec = run(text, [("Sunday", "DATE", "2022-09-11")])
    c = claim_at(rec, "have left")
    assert "Defense Ministry" in claimant(rec, c) and c.channel == "map" and c.said_at == "t1"


def test_gapped_coordination_gives_two_claims_with_their_times(run):
    text = ("On Thursday evening, President Zelensky estimated the area at 1,000 square kilometers, "
            "and on Saturday evening at 2,000 square kilometers.")
    rec = run(text, [("Thursday evening", "TIME", "2022-09-08TEV"), ("Saturday evening", "TIME", "2022-09-10TEV")])
    first, second = claim_at(rec, "1,000"), claim_at(rec, "2,000")
    assert first.id != second.id
    assert (first.said_at, second.said_at) == ("t1", "t2")
    assert claimant(rec, first) == claimant(rec, second) == "Volodymyr Zelensky"


def test_figures_could_not_be_confirmed(run):
    text = ("Commander Oleh Bondar says his forces recaptured 300 square kilometers. The weather was cold. "
            "These figures could not be independently confirmed.")
    rec = run(text)
    c = claim_at(rec, "recaptured")
    assert c.status == "unconfirmed"
    hedge = text.index("These figures")
    assert [(e.start, e.end) for e in c.evidence] == [(hedge, len(text))]


def test_information_could_not_be_verified_makes_unattributed_claims(run):
    text = ("Russian troops are also said to have abandoned their positions near Kherson. In the city, "
            "Russian soldiers evacuated a hospital. The information could not be independently verified. "
            "Russia has not yet responded to the messages.")
    rec = run(text)
    said, hospital = claim_at(rec, "abandoned"), claim_at(rec, "evacuated a hospital")
    for c in (said, hospital):
        assert c.claimant is None and c.status == "unverified" and c.response == "none"


def test_said_to_is_reported(run):
    rec = run("Russian troops are said to have abandoned their positions in several villages.")
    c = claim_at(rec, "abandoned")
    assert c.claimant is None and c.status == "reported"


def test_reportedly(run):
    rec = run("Wagner fighters have reportedly taken the salt mine.")
    assert claim_at(rec, "salt mine").status == "reported"


def test_denied_clause_and_denied_anaphora(run):
    rec = run("The Kremlin denied that its troops shelled the hospital.")
    c = claim_at(rec, "shelled")
    assert c.status == "denied" and claimant(rec, c) == "Kremlin"
    rec = run("Ukraine says Russian missiles hit a school in Odesa. Russia denied this.")
    c = claim_at(rec, "missiles hit")
    assert c.status == "denied" and c.evidence


def test_response_none_variants(run):
    for tail in ("The Russian Defense Ministry did not comment.", "The withdrawal was not commented on.",
                 "Moscow declined to comment."):
        rec = run("The Ukrainian general staff says Russian forces left Lyman. " + tail)
        assert claim_at(rec, "left Lyman").response == "none", tail


def test_channel_interview_and_inherited_television(run):
    rec = run("In an interview with the Financial Times, Ukrainian Defense Minister Oleksii Reznikov praised "
              "his troops but warned of the possibility of a Russian counter-attack.")
    c = claim_at(rec, "possibility")
    assert c.channel == "interview with the Financial Times" and claimant(rec, c) == "Oleksii Reznikov"
    rec = run("Russian Foreign Minister Sergei Lavrov spoke on state television about the talks. "
              "“The longer the process is delayed, the harder it will be to agree,” Lavrov said.")
    assert claim_at(rec, "longer the process").channel == "state television"


def test_confirmed_by_other_side(run):
    rec = run("Ukraine says its forces sank the cruiser. The sinking was later confirmed by the Russian Defense Ministry.")
    assert claim_at(rec, "sank").status == "confirmed"


def test_pronoun_subject(run):
    rec = run("Ukrainian President Volodymyr Zelensky spoke in Kyiv. He said the city would never fall.")
    assert claimant(rec, claim_at(rec, "never fall")) == "Volodymyr Zelensky"


def test_active_verb_without_subject_and_plain_facts_give_no_claim(run):
    rec = run("Negotiations ended months ago. Russian forces shelled the city on Monday.")
    assert rec.claims == ()


def test_quantities_places_spans_and_determinism(run):
    text = "The general staff of Ukraine says Russian forces lost 200 tanks near Izium. " * 2
    q = [m.start() for m in re.finditer("200 tanks", text)]
    p = [m.start() for m in re.finditer("Izium", text)]
    quantities = tuple(Quantity(id=f"q{i}", start=s, end=s + 9, text="200 tanks", value=200, unit="tanks")
                       for i, s in enumerate(q, 1))
    places = (Place(id="p1", name="Izium", mentions=tuple(Span(start=s, end=s + 5) for s in p)),)
    a = run(text, quantities=quantities, places=places)
    assert a == run(text, quantities=quantities, places=places)
    assert [c.quantities for c in a.claims] == [("q1",), ("q2",)]
    assert [c.places for c in a.claims] == [("p1",), ("p1",)]
    assert [c.id for c in a.claims] == ["c1", "c2"]
    for c in a.claims:
        span = text[c.start:c.end]
        assert span == span.strip(" ,.") and 0 < len(span) <= MAX_SPAN


def test_long_content_is_capped(run):
    long = ", ".join(["Russian forces shelled the town of Bakhmut again"] * 15)
    rec = run(f"The Ukrainian general staff says {long}.")
    assert rec.claims and all(c.end - c.start <= MAX_SPAN for c in rec.claims)


def test_seed_gate_actors_and_claims(nlp):
    """Every actors/claims check of shared/gold/seed.json passes with the full pipeline."""
    import importlib.util
    import json

    from sitrep.config import Settings
    from sitrep.extraction import make_pipeline
    from sitrep.ingest.readers import split_title
    from sitrep.model import Document
    from tests.conftest import shared_path

    gold = json.loads(shared_path("gold", "seed.json").read_text(encoding="utf-8"))
    spec = importlib.util.spec_from_file_location("score", shared_path("tools", "score.py"))
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    title, text = split_title(shared_path("seed", "nos-2022-09-11-kharkiv.txt").read_text(encoding="utf-8"))
    doc = Document(id=gold["id"], title=title, text=text, published=gold["published"])
    record = make_pipeline(Settings()).run(doc, nlp(text))
    rows = score.Seed(record.to_json_dict(), gold).run()
    failed = [r for r in rows if r[0].startswith(("actors", "claim")) and not r[2]]
    assert not failed


def test_denied_reports_that(run):
    rec = run("Ukraine says Putin is ill. The Kremlin has denied reports that Putin is ill.")
    first, second = rec.claims
    assert first.status == "asserted"
    assert rec.text[second.start:second.end] == "Putin is ill" and second.status == "denied"


def test_passive_event_report_is_no_claim(run):
    assert run("When abuses were reported in Mali, the army moved in.").claims == ()


def test_worry_and_characterising_call(run):
    rec = run("Ukrainian officials worry the dam could fail within days. "
              "In what Petrenko called the worst week of the war, Ivan Petrenko stayed at the plant.")
    assert claimant(rec, claim_at(rec, "the dam could fail")) == "Ukrainian officials"
    assert claim_at(rec, "the worst week of the war").status == "asserted"


def test_call_without_its_own_subject_is_no_claim(run):
    rec = run("The bank, originally called the State Bank, opened in 1860.")
    assert rec.claims == ()


def test_coordinated_reporting_verb_with_its_own_subject_is_a_second_claim(run):
    rec = run("Kyiv says Moscow is guilty of ethnic cleansing and U.S. President Joe Biden has accused Putin of war crimes.")
    first = claim_at(rec, "Moscow is guilty of ethnic cleansing")
    assert claimant(rec, first) == "Ukraine" and "Biden" not in rec.text[first.start:first.end]
    assert claimant(rec, claim_at(rec, "war crimes")) == "Joe Biden"


def test_dismissed_national_claims_belong_to_that_side(run):
    rec = run("Ukraine says Russian troops shelled the town. "
              "Putin dismissed Ukrainian claims that Russia had committed war crimes.")
    c = claim_at(rec, "Russia had committed war crimes")
    assert (claimant(rec, c), c.status) == ("Ukraine", "denied")


def test_claims_apposition_denies_the_claim_in_the_same_sentence(run):
    rec = run("The governor of the Kursk region said that two helicopters had fired at a depot, claims Ukraine has denied.")
    assert claim_at(rec, "two helicopters had fired").status == "denied"


def test_misparsed_copula_content_is_extended(run):
    rec = run("Ukrainian troops showed reporters what they say are civilians killed by Russian forces.")
    assert "civilians killed" in rec.text[claim_at(rec, "civilians killed").start:claim_at(rec, "civilians").end]


def test_according_to_beats_agentless_passive_and_appositive_channel(run):
    rec = run("UNHCR counted refugees. According to the agency, about 9 million residents are believed to be stranded.")
    assert claimant(rec, claim_at(rec, "9 million residents")) == "UNHCR"
    rec = run("According to Rybar, a Telegram news channel close to Russian officials, the bridge was hit by drones.")
    c = claim_at(rec, "the bridge was hit")
    assert (claimant(rec, c), c.channel) == ("Rybar", "Telegram")


def test_channels_media_group_and_address(run):
    rec = run("The plan will work, the minister, Karl Brenner, told the Funke media group. "
              "President Zelensky said in a late night address that the army had advanced.")
    assert "Funke media group" in (claim_at(rec, "The plan will work").channel or "")
    assert claim_at(rec, "the army had advanced").channel == "address"


def test_trailing_attribution_after_misparsed_apposition(run):
    rec = run("Our air defenses are working, but all the same there were explosions in a district of the capital, "
              "Kyiv's mayor, Vitali Klitschko, said in a statement on Telegram.")
    c = claim_at(rec, "there were explosions")
    assert claimant(rec, c) == "Vitali Klitschko"


def test_quote_over_several_sentences_is_one_claim(run):
    rec = run("The general spoke on Friday.\n“The task of the army is to take the whole region. "
              "This will open a corridor to the coast,” he said.")
    c = claim_at(rec, "This will open a corridor")
    assert rec.text[c.start:c.end].startswith("The task of the army")
    assert c.quote


def test_the_author_of_an_article_is_the_claimant(run):
    rec = run("Last summer Vladimir Putin published an essay arguing that the two nations are a single people.")
    c = claim_at(rec, "single people")
    assert claimant(rec, c) == "Vladimir Putin"
    assert c.claimant_text is None


def test_an_article_arguing_a_point_is_its_authors_claim(run):
    rec = run("In July the president, Vladimir Putin, released an article arguing that the two nations share one history.")
    c = claim_at(rec, "share one history")
    assert claimant(rec, c) == "Vladimir Putin"


def test_a_finding_relayed_by_a_speaker_is_the_finders_claim(run):
    rec = run("On Monday the mayor, Anna Kovalenko, announced at a briefing that the Health Ministry has determined, "
              "after a long review, that the water in the district is safe to drink.")
    c = claim_at(rec, "safe to drink")
    assert claimant(rec, c) in ("Health Ministry", "Ministry")  # not the mayor who relayed it
