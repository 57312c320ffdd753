"""TIMES stage: one hand-made sentence per rule family, the seed's expressions, spans, and the TimeBank gate."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.model import Published, Record, TimeExpr
from sitrep.stages.times import find_times, make_times_stage
from sitrep.stages.times.rules import compile_rules
from sitrep.stages.times.wars import load_wars
from tests.conftest import shared_path

SEED_DCT = "2022-09-11"  # a Sunday, ISO week 36
TIMEBANK_VALUE_F1 = 84.4  # measured value F1 on shared/data/dev/timex_timebank.jsonl; the gate allows 0.5 less


@pytest.fixture(scope="module")
def stage():
    return make_times_stage()


@pytest.fixture(scope="module")
def times_of(stage, nlp):
    def run(text: str, dct: str | None = SEED_DCT) -> list[TimeExpr]:
        published = Published(value=dct) if dct else None
        record = Record(id="t", text=text, published=published)
        out = stage.run(record, nlp(text))
        for t in out.times:
            assert text[t.start:t.end] == t.text
        return list(out.times)

    return run


def found(times: list[TimeExpr]) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in times}


@pytest.mark.parametrize(("sentence", "expr", "type_", "value"), [
    # weekdays, tense of the governing verb
    ("This was shown on Sunday on the map.", "Sunday", "DATE", "2022-09-11"),
    ("On Thursday evening, President Zelensky estimated the area.", "Thursday evening", "TIME", "2022-09-08TEV"),
    ("He spoke on Saturday evening about it.", "Saturday evening", "TIME", "2022-09-10TEV"),
    ("The ministers will meet on Tuesday.", "Tuesday", "DATE", "2022-09-13"),
    ("The ministers met on Tuesday.", "Tuesday", "DATE", "2022-09-06"),
    ("They left last Friday.", "last Friday", "DATE", "2022-09-09"),
    # days relative to the DCT
    ("Zaluzhny wrote this on Telegram today.", "today", "DATE", "2022-09-11"),
    ("The bridge was hit yesterday.", "yesterday", "DATE", "2022-09-10"),
    ("Talks resume tomorrow.", "tomorrow", "DATE", "2022-09-12"),
    ("He will speak tonight.", "tonight", "TIME", "2022-09-11TNI"),
    ("Shelling continued last night.", "last night", "TIME", "2022-09-10TNI"),
    # weeks, months, years
    ("They reclaimed 3,000 square kilometers this weekend.", "this weekend", "DATE", "2022-W36-WE"),
    ("At the beginning of this week, Russia still controlled it.", "the beginning of this week", "DATE", "2022-W36"),
    ("Prices rose last month.", "last month", "DATE", "2022-08"),
    ("Exports fell last year.", "last year", "DATE", "2021"),
    ("The summit is next week.", "next week", "DATE", "2022-W37"),
    ("Growth slowed earlier this year.", "earlier this year", "DATE", "2022"),
    # references
    ("Negotiations ended months ago.", "months ago", "DATE", "PAST_REF"),
    ("The city was recently retaken.", "recently", "DATE", "PAST_REF"),
    ("Troops are now in the city.", "now", "DATE", "PRESENT_REF"),
    ("The army currently holds the bridge.", "currently", "DATE", "PRESENT_REF"),
    ("Relations may improve in the near future.", "the near future", "DATE", "FUTURE_REF"),
    # war-day counts
    ("Zelensky spoke on the 200th day of the war in Ukraine.", "the 200th day", "DATE", "2022-09-11"),
    # explicit dates
    ("The attack came on Sept. 11, 2022, at dawn.", "Sept. 11, 2022", "DATE", "2022-09-11"),
    ("The attack came on 11 September 2022 at dawn.", "11 September 2022", "DATE", "2022-09-11"),
    ("The file is dated 2022-09-11.", "2022-09-11", "DATE", "2022-09-11"),
    ("The convoy left on March 3.", "March 3", "DATE", "2022-03-03"),
    ("The siege began in March.", "March", "DATE", "2022-03"),
    ("The plant was built in 1998.", "1998", "DATE", "1998"),
    ("Such wars were common in the 1990s.", "the 1990s", "DATE", "199"),
    ("Revenue in fiscal 1997 rose.", "fiscal 1997", "DATE", "1997"),
    ("It happened in mid-1996.", "mid-1996", "DATE", "1996"),
    ("Crops failed in the summer of 2021.", "the summer of 2021", "DATE", "2021-SU"),
    ("Troops may withdraw this winter.", "this winter", "DATE", "2022-WI"),
    # times of day
    ("The strike hit at 3 p.m. near the station.", "3 p.m.", "TIME", "2022-09-11T15:00"),
    ("The deadline is noon Thursday.", "noon Thursday", "TIME", "2022-09-08T12:00"),
    # durations
    ("In these 200 days we have achieved a lot.", "these 200 days", "DURATION", "P200D"),
    ("The offensive lasted two weeks.", "two weeks", "DURATION", "P2W"),
    ("Power was cut for 24 hours.", "24 hours", "DURATION", "PT24H"),
    ("The fighting has gone on for several years.", "several years", "DURATION", "PXY"),
    ("Prices rose over the last two weeks.", "the last two weeks", "DURATION", "P2W"),
    ("He served a year and a half in prison.", "a year and a half", "DURATION", "P1Y6M"),
    ("The deal ends years of quarrels.", "years", "DURATION", "PXY"),
    ("The crossing took half an hour.", "half an hour", "DURATION", "PT30M"),
    ("The blockade lasted two and a half years.", "two and a half years", "DURATION", "P2Y6M"),
    ("The dispute has run for a quarter century.", "a quarter century", "DURATION", "P25Y"),
    ("The border stayed shut for half a century.", "half a century", "DURATION", "P50Y"),
    ("The truce follows months of shelling.", "months", "DURATION", "PXM"),
    ("Repairs could take days or weeks.", "days or weeks", "DURATION", "PXD"),
    # sets
    ("Drones attack the city daily.", "daily", "SET", "P1D"),
    ("Convoys arrive every week.", "every week", "SET", "P1W"),
    ("Markets are held each Thursday.", "each Thursday", "SET", "XXXX-WXX-4"),
])
def test_rule_families(times_of, sentence, expr, type_, value):
    got = found(times_of(sentence))
    assert got.get(expr) == (type_, value), got


@pytest.mark.parametrize("sentence", ["Children under five years of age get it.", "Pupils learn days of the week.",
                                      "Most months of 1998 were dry."])
def test_units_of_a_determined_noun_or_an_age_are_no_stretch(times_of, sentence):
    assert not [t for t in times_of(sentence) if t.text in ("years", "days", "months")]


@pytest.mark.parametrize(("sentence", "expr"), [("For the week, the index lost 2%.", "the week"),
                                               ("It was the week's busiest session.", "the week"),
                                               ("Prices held during the week, traders said.", "the week")])
def test_the_week_reported_on_is_a_week_of_the_dct_year(times_of, sentence, expr):
    assert found(times_of(sentence)).get(expr) == ("DATE", "2022-WXX")
    assert "the week" not in found(times_of("She spent the week in Lviv."))


@pytest.mark.parametrize("sentence", ["They argued about the future of the alliance.",
                                      "Mr. Kovac, formerly the mayor's deputy, will run the agency."])
def test_a_fate_or_a_former_role_is_no_time(times_of, sentence):
    assert times_of(sentence) == []
    assert found(times_of("Nobody can say what the future holds.")).get("the future") == ("DATE", "FUTURE_REF")


def test_one_day_after_a_modal_is_some_future_day(times_of):
    assert found(times_of("Kyiv may one day join the union.")).get("one day") == ("DATE", "FUTURE_REF")
    assert found(times_of("The strike lasted one day.")).get("one day") == ("DURATION", "P1D")


def test_quarters_follow_the_dct_and_anaphora(times_of):
    got = times_of("Profit rose in the third quarter. A year earlier, the company lost money.", dct="1997-10-20")
    assert [(t.text, t.value) for t in got] == [("the third quarter", "1997-Q3"), ("A year earlier", "1996-Q3")]


@pytest.mark.parametrize(("sentence", "dct", "expr", "value"), [
    # past tense: the DCT year, even a month ahead (a near-future date reported in the past tense) ...
    ("The offer was extended to Nov. 16.", "1989-10-30", "Nov. 16", "1989-11-16"),
    ("Oil firms were told of a cutback in September.", "1990-08-15", "September", "1990-09"),
    # ... but last year's when the month is well after the DCT month
    ("Sales rose in December.", "1998-02-06", "December", "1997-12"),
    # a future cue beats the tense: "effective"/"through" a month well before the DCT month is next year's
    ("The board created the office, effective Feb. 1.", "1989-10-26", "Feb. 1", "1990-02-01"),
    ("The bank extended loans through January.", "1989-10-30", "January", "1990-01"),
    ("It had bought shares through Sept. 29.", "1989-10-30", "Sept. 29", "1989-09-29"),
    # no tense: the nearest occurrence, the past preferred
    ("Her flats, worth millions in October, are worth half that now.", "1998-01-08", "October", "1997-10"),
    ("The stock climbed to a high in June from $29.75 in March.", "1989-10-30", "March", "1989-03"),
])
def test_months_without_a_year(times_of, sentence, dct, expr, value):
    assert found(times_of(sentence, dct=dct)).get(expr, ("", ""))[1] == value


def test_a_past_quarter_after_the_dcts_quarter_is_last_years(times_of):
    got = found(times_of("AT&T announced a drop in profits for the fourth quarter.", dct="1998-01-26"))
    assert got["the fourth quarter"] == ("DATE", "1997-Q4")
    got = found(times_of("Profit will rise in the fourth quarter.", dct="1998-01-26"))
    assert got["the fourth quarter"] == ("DATE", "1998-Q4")


@pytest.mark.parametrize("sentence", [
    "It runs four flights a week to Bombay.",
    "The new timetable adds about 450 seats a week to that service.",
])
def test_counted_rates_are_not_durations(times_of, sentence):
    assert times_of(sentence) == []


def test_mods_are_kept(times_of):
    (t,) = times_of("The war has lasted nearly two years.")
    assert (t.text, t.value, t.mod) == ("nearly two years", "P2Y", "APPROX")


def test_prepositions_are_outside_the_span(times_of):
    assert [t.text for t in times_of("In 1998, during the summer, they met on Friday.")][0] == "1998"


def test_seed_gold_times(times_of, seed_text):
    gold = json.loads(shared_path("gold", "seed.json").read_text(encoding="utf-8"))["times"]
    times = times_of(seed_text)
    for g in gold:
        a = seed_text.find(g["anchor"])
        hits = [t for t in times if t.start < a + len(g["anchor"]) and a < t.end]
        assert any(t.value in g["values"] or t.value.split("T")[0] in g["values"] for t in hits), (g, hits)


def test_without_dct_values_stay_underspecified(times_of):
    got = found(times_of("He arrived on Thursday and left last month; prices are rising now.", dct=None))
    assert got["Thursday"] == ("DATE", "XXXX-WXX-4")
    assert got["last month"] == ("DATE", "XXXX-XX")
    assert got["now"] == ("DATE", "PRESENT_REF")


def test_ids_are_in_text_order(times_of):
    got = times_of("On Friday, two weeks after the vote in March, officials spoke.")
    assert [t.id for t in got] == [f"t{i}" for i in range(1, len(got) + 1)]
    assert [t.start for t in got] == sorted(t.start for t in got)


def test_stage_declares_its_contract(stage):
    assert stage.name == "times"
    assert stage.requires == {"text", "published", "parse"} and stage.provides == {"times"}


def test_timebank_value_f1_gate(nlp):
    """Accuracy gate on TimeBank 1.2 (shared/data/dev): TimeML value F1, scored like score.py timex."""
    path = shared_path("data", "dev", "timex_timebank.jsonl")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rules, wars = compile_rules(), load_wars()
    n_gold = n_pred = value_ok = 0
    for doc, parse in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        pred = list(find_times(doc["text"], date.fromisoformat(doc["dct"]), parse, rules, wars))
        for t in pred:
            assert doc["text"][t.start:t.end] == t.text
        n_gold += len(doc["timexes"])
        n_pred += len(pred)
        value_ok += _matched_values(doc["timexes"], pred)
    p, r = value_ok / n_pred, value_ok / n_gold
    f1 = 100 * 2 * p * r / (p + r)
    assert f1 >= TIMEBANK_VALUE_F1 - 0.5, f"value F1 {f1:.1f} < {TIMEBANK_VALUE_F1} - 0.5"


def _matched_values(gold: list[dict], pred: list[TimeExpr]) -> int:
    free, ok = list(pred), 0
    for g in gold:
        hits = [p for p in free if p.start < g["end"] and g["start"] < p.end]
        if hits:
            best = min(hits, key=lambda h: abs(h.start - g["start"]) + abs(h.end - g["end"]))
            free.remove(best)
            ok += best.value == g["value"]
    return ok
