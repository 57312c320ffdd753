from sitrep.timewords import is_compared_time


def test_a_time_compared_with_is_not_the_acts_date() -> None:
    for text in ("Prices rose far beyond 2019", "The harvest was worse than in 2019",
                 "Exports fell compared with last year", "Unlike those of 2019 the floods"):
        year = text.find("2019") if "2019" in text else text.find("last year")
        assert is_compared_time(text, year), text


def test_a_plain_date_is_the_acts_date() -> None:
    text = "The bridge reopened in 2019 after repairs"
    assert not is_compared_time(text, text.find("2019"))
