"""TIMES stage: dated entries anchor what follows them, dated clocks, day anaphors, 'overnight', names
in capitals. Hand-written sentences; one test per rule family."""

from __future__ import annotations

import pytest

from sitrep.model import Published, Record, TimeExpr
from sitrep.stages.times import is_entry_stamp, make_times_stage


@pytest.fixture(scope="module")
def times_of(nlp):
    stage = make_times_stage()

    def run(text: str, dct: str = "2022-04-21") -> list[TimeExpr]:
        out = stage.run(Record(id="t", text=text, published=Published(value=dct)), nlp(text))
        for t in out.times:
            assert text[t.start:t.end] == t.text
        return list(out.times)

    return run


def value_of(times: list[TimeExpr], text: str, nth: int = 0) -> str:
    hits = [t for t in times if t.text == text]
    assert len(hits) > nth, [(t.text, t.value) for t in times]
    return hits[nth].value


@pytest.mark.parametrize(("sentence", "expr", "value"), [
    ("14 Mar 2023 - 09:12 GMT\nThe mayor spoke.", "14 Mar 2023 - 09:12 GMT", "2023-03-14T09:12"),
    ("Posted March 14, 2023 at 9:12 a.m.", "March 14, 2023 at 9:12 a.m.", "2023-03-14T09:12"),
    ("Updated 3 June 2021, 17:05 BST", "3 June 2021, 17:05 BST", "2021-06-03T17:05"),
])
def test_dated_clock_is_one_time_on_its_own_date(times_of, sentence, expr, value):
    assert value_of(times_of(sentence, dct="2023-03-13"), expr) == value


def test_entry_stamp_anchors_weekdays_and_day_words_after_it(times_of):
    text = ("Live: the war, day 58. Follow the latest here.\n"
            "23 Apr 2022 - 07:40 GMT\n"
            "Yesterday the governor counted the damage. Repairs began on Friday.\n"
            "25 Apr 2022 - 10:05 GMT\n"
            "Two drones were shot down today, and the railway was hit on Saturday.")
    times = times_of(text, dct="2022-04-21")
    assert value_of(times, "23 Apr 2022 - 07:40 GMT") == "2022-04-23T07:40"
    assert value_of(times, "Yesterday") == "2022-04-22"
    assert value_of(times, "Friday") == "2022-04-22"
    assert value_of(times, "today") == "2022-04-25"
    assert value_of(times, "Saturday") == "2022-04-23"


def test_dateline_inside_a_digest_anchors_its_report(times_of):
    times = times_of("Morning digest of the wires.\nODESA, May 3 (Reuters) - The port was struck on Sunday, officials "
                     "said.", dct="2022-05-01")
    assert value_of(times, "Sunday") == "2022-05-01"
    times = times_of("Morning digest of the wires.\nLVIV, June 9 - Sirens sounded yesterday.", dct="2022-06-01")
    assert value_of(times, "yesterday") == "2022-06-08"


def test_the_date_heading_the_text_is_the_articles_own(times_of):
    times = times_of("Mon 18 Apr 2022 09.12 BST\nShelling resumed yesterday.", dct="2022-04-19")
    assert value_of(times, "18 Apr 2022 09.12 BST") == "2022-04-18T09:12"
    assert value_of(times, "yesterday") == "2022-04-18"


@pytest.mark.parametrize(("text", "expr", "stamp"), [
    ("Updates.\n12 May 2022\nCouncil met.", "12 May 2022", True),
    ("Updates.\n12 May 2022 | Kharkiv\nCouncil met.", "12 May 2022", True),
    ("12 May 2022\nCouncil met.", "12 May 2022", False),
    ("Updates.\n12 May 2022 was the day the council finally met in full session after a long break.", "12 May 2022",
     False),
    ("Updates.\nThe council met on 12 May 2022 - after a long break.", "12 May 2022", False),
])
def test_what_counts_as_a_dated_entry(text, expr, stamp):
    start = text.index(expr)
    assert is_entry_stamp(text, start, start + len(expr), "2022-05-12") is stamp


def test_date_inside_a_sentence_does_not_move_the_anchor(times_of):
    times = times_of("The council said on 3 March 2022 that it met on Monday. Talks resume tomorrow.", dct="2022-04-21")
    assert value_of(times, "tomorrow") == "2022-04-22"


def test_day_anaphors_count_from_the_last_day_named(times_of):
    times = times_of("The convoy left on April 12. The next day it reached the border.", dct="2022-04-21")
    assert value_of(times, "The next day") == "2022-04-13"
    times = times_of("The convoy left on April 12. The previous day, rain had closed the road.", dct="2022-04-21")
    assert value_of(times, "The previous day") == "2022-04-11"
    times = times_of("Officials met on Tuesday. The bridge had been mined the day before.", dct="2022-04-21")
    assert value_of(times, "the day before") == "2022-04-18"


def test_earlier_and_later_in_the_day_are_the_anchor_day(times_of):
    times = times_of("Sirens sounded at dawn. Later in the day, the mayor asked residents to stay inside.",
                     dct="2022-04-21")
    assert value_of(times, "the day") == "2022-04-21"
    times = times_of("Later that day, the mayor asked residents to stay inside.", dct="2022-04-21")
    assert value_of(times, "that day") == "2022-04-21"


def test_earlier_and_later_in_the_week_or_month_are_the_anchors(times_of):
    assert value_of(times_of("Talks are due later in the week.", dct="2022-04-22"), "the week") == "2022-W16"
    assert value_of(times_of("Earlier in the month, drones hit Lviv.", dct="2022-04-22"), "the month") == "2022-04"


def test_overnight(times_of):
    times = times_of("Drones struck two substations overnight, the operator said.", dct="2022-04-21")
    assert value_of(times, "overnight") == "2022-04-20TNI"
    times = times_of("The operator said on Tuesday that drones struck two substations overnight.", dct="2022-04-21")
    assert value_of(times, "overnight") == "2022-04-19TNI"
    assert not [t for t in times_of("The overnight rate rose to 4 percent.") if t.text == "overnight"]


def test_day_word_in_a_capitalised_name_is_no_date(times_of):
    times = times_of("USA TODAY reported the figures. The BBC said TODAY it would air them.")
    assert [t.text for t in times] == ["TODAY"]
    assert value_of(times_of("TODAY: talks resume"), "TODAY") == "2022-04-21"


def test_weekday_after_a_cue_of_anticipation_is_ahead(times_of):
    times = times_of("In his last interview ahead of Sunday’s runoff, the president spoke of peace.", dct="2022-04-22")
    assert value_of(times, "Sunday") == "2022-04-24"
    times = times_of("Talks were put off until Tuesday. Ahead of Wednesday's summit, ministers met.", dct="2022-04-22")
    assert value_of(times, "Tuesday") == "2022-04-26"
    assert value_of(times, "Wednesday") == "2022-04-27"
    assert value_of(times_of("The vote was postponed to Monday.", dct="2022-04-22"), "Monday") == "2022-04-25"


def test_before_a_weekdays_event_is_the_nearest_such_day(times_of):
    text = "In his last interview before Sunday’s runoff, the president spoke of peace."
    assert value_of(times_of(text, dct="2022-04-22"), "Sunday") == "2022-04-24"  # Friday: two days ahead
    assert value_of(times_of(text, dct="2022-04-25"), "Sunday") == "2022-04-24"  # Monday: the day before


def test_a_bare_before_or_until_follows_the_tense(times_of):
    times = times_of("The crews had cleared the road before Thursday. Shops stayed shut until Monday.", dct="2022-04-22")
    assert value_of(times, "Thursday") == "2022-04-21"
    assert value_of(times, "Monday") == "2022-04-18"
    assert value_of(times_of("Shops will stay shut until Monday.", dct="2022-04-22"), "Monday") == "2022-04-25"


def test_in_the_morning_is_that_part_of_the_last_day_named(times_of):
    times = times_of("Shelling resumed on Tuesday. In the morning, three shops burned.", dct="2022-04-21")
    assert value_of(times, "the morning") == "2022-04-19TMO"
    times = times_of("Water came back during the afternoon, the utility said.", dct="2022-04-21")
    assert value_of(times, "the afternoon") == "2022-04-21TAF"
    assert not [t for t in times_of("The ferry sails at 9 in the morning.") if t.text == "the morning"]
    assert not [t for t in times_of("They met in the morning of May 2.") if t.text == "the morning"]


@pytest.mark.parametrize(("sentence", "value"), [
    ("The two envoys meet Monday in Geneva.", "2022-04-25"),  # DCT Friday: the coming Monday is nearer
    ("The envoy says Thursday that talks are stalled.", "2022-04-21"),  # the day before: nearer than next week's
])
def test_weekday_in_a_present_tense_clause_is_the_nearest_one(times_of, sentence, value):
    times = times_of(sentence, dct="2022-04-22")
    assert [t.value for t in times if t.type == "DATE"] == [value]


@pytest.mark.parametrize(("sentence", "expr", "value"), [
    ("Blasts shook the port in the early hours of Sunday.", "the early hours of Sunday", "2022-04-17TMO"),
    ("Blasts shook the port in the small hours of April 20.", "the small hours of April 20", "2022-04-20TMO"),
    ("Blasts shook the port in the early hours.", "the early hours", "2022-04-22TMO"),
])
def test_the_early_hours_are_the_start_of_a_morning_not_a_count_of_hours(times_of, sentence, expr, value):
    hits = [t for t in times_of(sentence, dct="2022-04-22") if t.text == expr]
    assert [(t.type, t.value, t.mod) for t in hits] == [("TIME", value, "START")]


def test_the_night_after_a_day_named_is_that_night(times_of):
    times = times_of("Sirens sounded on Tuesday. Throughout the night, drones circled the depot.", dct="2022-04-22")
    assert value_of(times, "the night") == "2022-04-19TNI"
    times = times_of("Crews worked through the night to restore power.", dct="2022-04-22")
    assert value_of(times, "the night") == "2022-04-21TNI"


@pytest.mark.parametrize(("sentence", "expr", "value"), [
    ("The depot burned just after midnight on Thursday.", "midnight", "2022-04-21T24:00"),
    ("On Wednesday at 3 p.m. the sirens sounded.", "3 p.m.", "2022-04-20T15:00"),
    ("On April 12 at about 9 a.m., the shelling began.", "about 9 a.m.", "2022-04-12T09:00"),
    ("The talks on Monday stalled. At 3 p.m. a blast was heard.", "3 p.m.", "2022-04-22T15:00"),
])
def test_a_clock_takes_the_day_named_next_to_it(times_of, sentence, expr, value):
    assert value_of(times_of(sentence, dct="2022-04-22"), expr) == value


@pytest.mark.parametrize(("stamp", "expr", "value"), [
    ("Fri 22 Apr 2022 18.44 BST", "22 Apr 2022 18.44 BST", "2022-04-22T18:44"),
    ("Updated 6:44 PM EDT, Fri April 22, 2022", "6:44 PM EDT, Fri April 22, 2022", "2022-04-22T18:44"),
    ("6:44 p.m. ET, April 22, 2022", "6:44 p.m. ET, April 22, 2022", "2022-04-22T18:44"),
    ("2022-04-22 18:44", "2022-04-22 18:44", "2022-04-22T18:44"),
    ("Posted: Friday, April 22, 2022", "Friday, April 22, 2022", "2022-04-22"),
])
def test_labelled_and_weekday_led_stamps_anchor_their_entry(times_of, stamp, expr, value):
    times = times_of(f"Live updates from the front.\n{stamp}\nSirens sounded yesterday.", dct="2022-04-20")
    assert value_of(times, expr) == value
    assert value_of(times, "yesterday") == "2022-04-21"


@pytest.mark.parametrize("sentence", ["The poll was run by USA Today and Gallup.", "He told Russia Today it was over.",
                                      "He appeared on the Today show."])
def test_today_in_a_title_case_name_is_no_date(times_of, sentence):
    assert times_of(sentence) == []
    assert value_of(times_of("Kyiv was quiet. Today the markets reopened."), "Today") == "2022-04-21"


def test_the_same_day_and_two_days_off(times_of):
    times = times_of("The talks opened on Tuesday. On the same day, troops left the port.", dct="2022-04-22")
    assert value_of(times, "the same day") == "2022-04-19"
    times = times_of("The convoy arrived on April 12, and on that day the bridge fell.", dct="2022-04-22")
    assert value_of(times, "that day") == "2022-04-12"
    assert value_of(times_of("The day before yesterday, rain fell.", dct="2022-04-22"),
                    "The day before yesterday") == "2022-04-20"
    assert value_of(times_of("The day after tomorrow, talks resume.", dct="2022-04-22"),
                    "The day after tomorrow") == "2022-04-24"


@pytest.mark.parametrize(("sentence", "values"), [
    ("Shelling went on from 1 to 5 March.", [("1", "2022-03-01"), ("5 March", "2022-03-05")]),
    ("Between 3 and 7 April, five villages fell.", [("3", "2022-04-03"), ("7 April", "2022-04-07")]),
    ("The siege lasted March 2-20, 2019.", [("March 2", "2019-03-02"), ("20, 2019", "2019-03-20")]),
])
def test_both_ends_of_a_day_range_are_dates(times_of, sentence, values):
    assert [(t.text, t.value) for t in times_of(sentence, dct="2022-04-22")] == values


def test_a_number_range_without_a_month_is_no_day_range(times_of):
    assert [t.value for t in times_of("He served 10 to 15 years. Prices rose 2 to 3 percent in March.")] == [
        "PXY", "2022-03"]


@pytest.mark.parametrize(("sentence", "dct", "value"), [
    ("Troops massed on the border this time last year.", "2022-04-22", "2021-04-22"),
    ("We will know more this time next week.", "2022-04-22", "2022-04-29"),
    ("Prices were lower this time last month.", "2022-03-31", "2022-02-28"),
])
def test_this_time_last_year_is_a_day(times_of, sentence, dct, value):
    assert [t.value for t in times_of(sentence, dct=dct)] == [value]
