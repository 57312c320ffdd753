"""Tests of the quantities stage: one hand-written sentence per rule family, offsets, determinism."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.model import Quantity, Record
from sitrep.pipeline import Stage
from sitrep.stages.quantities import make_quantities_stage, parse_words
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def stage() -> Stage:
    return make_quantities_stage()


@pytest.fixture(scope="module")
def run(nlp, stage):
    def _run(text: str) -> tuple[Quantity, ...]:
        return stage.run(Record(id="t", text=text), nlp(text)).quantities

    return _run


def one(run, text: str) -> Quantity:
    found = run(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def test_stage_contract(stage):
    assert stage.name == "quantities"
    assert stage.requires == frozenset({"text", "parse", "times"})
    assert stage.provides == frozenset({"quantities"})


# --------------------------------------------------------------------------- units and conversions


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("Ukraine reclaimed 3,000 square kilometers this week.", "3,000 square kilometers", 3000, "km2"),
    ("Forces retook 1,200 square miles in the east.", "1,200 square miles", 3107.99, "km2"),
    ("Fire destroyed 500 hectares of forest.", "500 hectares", 5, "km2"),
    ("The town lies 50 miles from the front.", "50 miles", 80.47, "km"),
    ("The convoy stretched for 40 kilometres along the road.", "40 kilometres", 40, "km"),
    ("The crater was 12 metres deep.", "12 metres", 0.012, "km"),
    ("Finland shares an 830-mile border with Russia.", "830-mile", 1335.76, "km"),
    ("The depot held 10,000 tons of fuel.", "10,000 tons", 10000, "tonnes"),
    ("The bomb held 500 pounds of explosives.", "500 pounds", 0.2268, "tonnes"),
    ("The missile flies at 900 km/h.", "900 km/h", 900, "km/h"),
])
def test_measures_are_converted(run, text, span, value, unit):
    q = one(run, text)
    assert (q.text, q.unit) == (span, unit)
    assert q.value == pytest.approx(value, rel=1e-3)


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("The US announced $1.3 billion in aid.", "$1.3 billion", 1.3e9, "usd"),
    ("The EU pledged €500 million on Friday.", "€500 million", 5e8, "eur"),
    ("Kyiv asked for 800 million dollars.", "800 million dollars", 8e8, "usd"),
    ("The budget sets aside 1 billion hryvnias for repairs.", "1 billion hryvnias", 1e9, "uah"),
    ("Britain gave £40m to the fund.", "£40m", 4e7, "gbp"),
    ("Moscow spent 2.5 trillion rubles on the army.", "2.5 trillion rubles", 2.5e12, "rub"),
    ("The party borrowed 9 million euros from a bank.", "9 million euros", 9e6, "eur"),
])
def test_money_uses_iso_codes(run, text, span, value, unit):
    q = one(run, text)
    assert (q.text, q.value, q.unit) == (span, value, unit)


def test_percent(run):
    q = one(run, "Prices rose 40 percent in a month.")
    assert (q.text, q.value, q.unit) == ("40 percent", 40, "percent")
    q = one(run, "In a poll, 68% of Finns backed joining.")
    assert (q.text, q.value, q.unit, q.of) == ("68%", 68, "percent", "Finns")


# --------------------------------------------------------------------------- counts


@pytest.mark.parametrize(("text", "span", "value", "unit", "bound"), [
    ("At least 20 people were killed in the strike.", "At least 20 people", 20, "killed", "gte"),
    ("The shelling killed 12 people overnight.", "12 people", 12, "killed", "eq"),
    ("The attack injured seven civilians.", "seven civilians", 7, "wounded", "eq"),
    ("Ten civilians killed in the strike.", "Ten civilians", 10, "killed", "eq"),
    ("The blast left 20 dead.", "20 dead", 20, "killed", "eq"),
    ("Russia has lost 460 tanks so far.", "460 tanks", 460, "tanks", "eq"),
    ("Air defence shot down four cruise missiles.", "four cruise missiles", 4, "missiles", "eq"),
    ("Russia moved 20,000 troops to the border.", "20,000 troops", 20000, "troops", "eq"),
    ("They liberated hundreds of our towns and villages.", "hundreds of our towns and villages", 200,
     "settlements", "gte"),
    ("The country has taken in 800 refugees.", "800 refugees", 800, "refugees", "eq"),
    ("The city of 400,000 people was shelled.", "400,000 people", 400000, "people", "eq"),
])
def test_counts_name_what_is_counted(run, text, span, value, unit, bound):
    q = one(run, text)
    assert (q.text, q.value, q.unit, q.bound) == (span, value, unit, bound)


@pytest.mark.parametrize(("text", "units"), [
    ("Thousands of civilians have been killed or wounded.", ["casualties"]),
    ("Shelling killed 12 people and wounded 30 in Kharkiv.", ["killed", "wounded"]),
    ("24 civilians, 24 fighters and 25 militiamen have been killed.", ["killed", "killed", "killed"]),
    ("More than 5 million people have fled the country.", ["refugees"]),
    ("Thousands of people fled the city.", ["displaced"]),
])
def test_governing_verbs(run, text, units):
    assert [q.unit for q in run(text)] == units


def test_second_figure_in_of_phrase_is_its_own(run):
    found = run("Investigators exhumed 21 of at least 67 bodies.")
    assert [(q.text, q.value, q.bound) for q in found] == [("21", 21, "eq"), ("at least 67 bodies", 67, "gte")]


# --------------------------------------------------------------------------- written numbers


@pytest.mark.parametrize(("words", "value"), [
    ("three", 3), ("twenty-six", 26), ("two million", 2e6), ("three hundred and five", 305),
    ("one hundred thousand", 1e5),
])
def test_parse_words(words, value):
    from sitrep.stages.quantities import load_tables

    assert parse_words(words, load_tables().cues) == value


@pytest.mark.parametrize(("text", "span", "value", "unit"), [
    ("Twenty-six drones were shot down.", "Twenty-six drones", 26, "drones"),
    ("A dozen tanks were destroyed.", "A dozen tanks", 12, "tanks"),
    ("Two million people fled abroad.", "Two million people", 2e6, "refugees"),
    ("About 1.5m people were displaced.", "About 1.5m people", 1.5e6, "displaced"),
    ("They crossed into at least half a dozen countries.", "at least half a dozen countries", 6, "country"),
])
def test_written_numbers(run, text, span, value, unit):
    q = one(run, text)
    assert (q.text, q.value, q.unit) == (span, value, unit)


# --------------------------------------------------------------------------- fractions


@pytest.mark.parametrize(("text", "span", "value", "bound", "of"), [
    ("Russia still controlled about a third of the Kharkiv region.", "about a third", 0.3333, "approx",
     "the Kharkiv region"),
    ("The Russians control about a fifth of the country.", "about a fifth", 0.2, "approx", "the country"),
    ("Russia holds two-thirds of the Luhansk region.", "two-thirds", 0.6667, "eq", "the Luhansk region"),
    ("More than half of the refugees are children.", "More than half", 0.5, "gt", "the refugees"),
    ("Gas makes up half the country's imports.", "half", 0.5, "eq", "the country's imports"),
    ("Fewer than one in five agreed.", "Fewer than one in five", 0.2, "lt", None),
])
def test_fractions(run, text, span, value, bound, of):
    q = one(run, text)
    assert (q.text, q.unit, q.bound, q.of) == (span, "fraction", bound, of)
    assert q.value == pytest.approx(value, abs=1e-3)


def test_ordinal_words_are_not_fractions(run):
    assert run("A third country joined the talks.") == ()
    assert run("He finished in third place.") == ()


# --------------------------------------------------------------------------- vague counts and ranges


@pytest.mark.parametrize(("text", "value", "bound", "unit"), [
    ("Dozens of people were killed.", 24, "gte", "killed"),
    ("Thousands of civilians fled the city.", 2000, "gte", "displaced"),
    ("Thousands of civilians fled to Poland.", 2000, "gte", "refugees"),
    ("Thousands of civilians live there.", 2000, "gte", "civilians"),
    ("Tens of thousands of troops withdrew.", 20000, "gte", "troops"),
    ("Several villages burned.", 3, "approx", "settlements"),
    ("A few hundred soldiers remained.", 300, "approx", "troops"),
])
def test_vague_counts(run, text, value, bound, unit):
    q = one(run, text)
    assert (q.value, q.bound, q.unit) == (value, bound, unit)


@pytest.mark.parametrize(("text", "span", "low", "high", "bound"), [
    ("Between 10 and 15 soldiers were wounded.", "Between 10 and 15 soldiers", 10, 15, "gte"),
    ("Some 3,000 to 4,000 troops arrived.", "Some 3,000 to 4,000 troops", 3000, 4000, "approx"),
    ("Officials said 10-15 tanks were hit.", "10-15 tanks", 10, 15, "gte"),
    ("Two or three drones crashed.", "Two or three drones", 2, 3, "gte"),
    ("It would cost 3 to 4 million dollars.", "3 to 4 million dollars", 3e6, 4e6, "gte"),
])
def test_ranges(run, text, span, low, high, bound):
    q = one(run, text)
    assert (q.text, q.value, q.value_max, q.bound) == (span, low, high, bound)


# --------------------------------------------------------------------------- bound cues


@pytest.mark.parametrize(("cue", "bound"), [
    ("more than", "gt"), ("over", "gt"), ("above", "gt"),
    ("at least", "gte"), ("no fewer than", "gte"),
    ("about", "approx"), ("some", "approx"), ("around", "approx"), ("nearly", "approx"),
    ("almost", "approx"), ("roughly", "approx"), ("approximately", "approx"), ("an estimated", "approx"),
    ("up to", "lte"), ("as many as", "lte"),
    ("less than", "lt"), ("fewer than", "lt"), ("under", "lt"),
])
def test_bound_cues(run, cue, bound):
    q = one(run, f"Officials said {cue} 300 soldiers crossed the river.")
    assert (q.text, q.value, q.bound, q.unit) == (f"{cue} 300 soldiers", 300, bound, "troops")


def test_trailing_cue(run):
    q = one(run, "The strike hit 40 tanks or more.")
    assert (q.text, q.bound) == ("40 tanks or more", "gte")


def test_no_cue_is_eq(run):
    assert one(run, "Officials said 300 soldiers crossed the river.").bound == "eq"


# --------------------------------------------------------------------------- exclusions


@pytest.mark.parametrize("text", [
    "The war began in 2022.",
    "Talks were held on March 3 in Istanbul.",
    "The strike came at 3 p.m. local time.",
    "Zelensky spoke on the 200th day of the war.",
    "After 200 days of war the front is quiet.",
    "In these 200 days we have achieved a lot.",
    "Call +380 44 123 4567 for help.",
    "1. Russia attacks the east",
    "The T-72 and F-16 are old designs, like COVID-19.",
    "A 19-year-old soldier and a 30-member alliance.",
    "Putin, 69, sat at the table.",
    "No one even noticed, and one of them left.",
    "See https://example.com/status/1514405429929033729 for more.",
    "The Group of Seven met.",
    "The 2021 Victory Day parade was smaller.",
    "Photos: Getty Images (2)",
    "Shares closed at 84.90 on Friday.",
    "The vote was 89-52 in favour.",
    "They lost in the Final Four game.",
    "Human life equals zero here.",
])
def test_not_quantities(run, text):
    assert run(text) == ()


def test_span_does_not_overlap_time_expression(run):
    text = "In these 200 days, more than 3,000 square kilometers were retaken."
    found = run(text)
    assert [q.text for q in found] == ["more than 3,000 square kilometers"]


# --------------------------------------------------------------------------- properties


SENTENCES = [
    "At least 20 people were killed and about a third of the region was lost.",
    "Hundreds of towns, $1.3 billion, 3,000 to 4,000 troops and 40 percent of voters.",
    "Between 10 and 15 soldiers were wounded on March 3, 2022.",
    "Two million people fled; 1,200 square miles were retaken in 200 days.",
]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4), st.sampled_from([" ", "\n\n", "  "]))
def test_offsets_match_text(nlp, stage, parts, sep):
    text = sep.join(parts)
    record = stage.run(Record(id="t", text=text), nlp(text))
    for i, q in enumerate(record.quantities, start=1):
        assert record.text[q.start:q.end] == q.text
        assert q.id == f"q{i}"
    starts = [q.start for q in record.quantities]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(record.quantities, record.quantities[1:], strict=False))


def test_deterministic(nlp, stage):
    text = " ".join(SENTENCES)
    doc = nlp(text)
    first = stage.run(Record(id="t", text=text), doc)
    second = make_quantities_stage().run(Record(id="t", text=text), doc)
    assert first == second
    assert first.stages["quantities"] == stage.version


# --------------------------------------------------------------------------- seed and dev


def test_seed_quantities(nlp, stage):
    path = shared_path("seed", "nos-2022-09-11-kharkiv.txt")
    gold = json.loads(shared_path("gold", "seed.json").read_text(encoding="utf-8"))["quantities"]
    text = path.read_text(encoding="utf-8")
    found = stage.run(Record(id="seed", text=text), nlp(text)).quantities
    for g in gold:
        start = text.find(g["anchor"])
        hits = [q for q in found if q.start < start + len(g["anchor"]) and start < q.end
                and q.bound in g["bounds"] and ("unit" not in g or q.unit == g["unit"])
                and (q.value >= g["value_at_least"] if "value_at_least" in g
                     else abs(q.value - g["value"]) <= g.get("tol", 0.5))]
        assert hits, (g["anchor"], [(q.text, q.value, q.unit, q.bound) for q in found])


def test_dev_articles_offsets(nlp, stage):
    path = shared_path("data", "dev", "news_ukraine_dev.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows if r.get("ukraine_related")][:10]
    total = 0
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        record = stage.run(Record(id="d", text=text), doc)
        for q in record.quantities:
            assert text[q.start:q.end] == q.text
        total += len(record.quantities)
    assert total > 0
