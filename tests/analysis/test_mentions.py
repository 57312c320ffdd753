"""Reading one record into mentions: capitals as governments, a side's forces, stated years."""

from sitrep.analysis import analyse
from sitrep.analysis.mentions import is_government_use, parse_timex, party_key
from sitrep.model import Actor, Span
from tests.analysis.builders import KHARKIV, KYIV, article

MOSCOW = (524901, 55.75, 37.62, "city", "RU", "Moskva")


def test_a_capital_named_as_its_government_does_not_locate_an_event() -> None:
    a = article("m-a", "Paper", "2022-05-02",
                "The minister, long a hard voice against Moscow, went to Kyiv to meet the president.")
    a.place("Moscow", *MOSCOW).place("Kyiv", *KYIV)
    a.event("went to Kyiv", "CONSULT", places=("Moscow", "Kyiv"))
    (event,) = analyse([a.stored()]).events
    assert [p.name for p in event.places] == ["Kyiv"]


def test_a_capital_as_a_town_stays() -> None:
    a = article("m-b", "Paper", "2022-05-02", "Drones struck an oil depot in Moscow overnight.")
    a.place("Moscow", *MOSCOW).event("struck", "ASSAULT", places=("Moscow",))
    (event,) = analyse([a.stored()]).events
    assert [p.name for p in event.places] == ["Moscow"]


def test_government_use_is_read_from_the_words_around_the_name() -> None:
    text = ("Kyiv said it would answer. Talks with Moscow stalled. Missiles hit Kyiv. Moscow has withdrawn its envoy. "
            "Two Kyiv helicopters fired at a depot. Kyiv residents came back. Along with Kyiv, Lviv was hit.")
    def at(name: str, nth: int = 0) -> bool:
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        return is_government_use(text, start, start + len(name))
    assert at("Kyiv") and at("Moscow") and at("Moscow", 1) and at("Kyiv", 2)
    assert not at("Kyiv", 1) and not at("Kyiv", 3) and not at("Kyiv", 4)


def test_a_sides_forces_share_one_key_however_named() -> None:
    def key(name: str, kind: str = "group", side: str | None = "RUS") -> str:
        return party_key(Actor(id="a1", name=name, kind=kind, side=side, mentions=(Span(start=0, end=1),)))  # type: ignore[arg-type]
    assert key("Russian forces") == key("Russian troops") == key("the Russians") == key("Russian army", "org")
    assert key("Ukrainian forces", side="UKR") != key("Russian forces")
    assert key("Wagner group") != key("Russian forces")


def test_a_stated_year_keeps_events_of_different_years_apart() -> None:
    span = parse_timex("2022")
    assert span is not None and span.precision == "year" and (span.first.month, span.last.day) == (1, 31)
    a = article("y-a", "Office", "2023-02-24",
                "A year ago Russia began its invasion of Ukraine. Russia hit power plants across Ukraine this week.")
    a.actor("Russia", "state", "RUS").time("A year ago", "2022")
    a.event("began its invasion", "ASSAULT", actor="Russia", when="A year ago")
    a.event("hit power plants", "ASSAULT", actor="Russia")
    events = analyse([a.stored()]).events
    assert len(events) == 2  # last year's invasion is not this week's strikes, same actor or not


def test_one_year_ago_dates_the_day_a_year_before_the_report() -> None:
    from datetime import date

    from sitrep.analysis.mentions import anniversary
    published = date(2023, 3, 15)
    exact = anniversary("One year ago", parse_timex("2022"), published)
    assert exact is not None and (exact.first, exact.precision) == (date(2022, 3, 15), "day")
    hedged = anniversary("almost a year ago", parse_timex("2022"), published)
    assert hedged is not None and hedged.precision == "year"
    assert (hedged.first, hedged.last) == (date(2022, 2, 12), date(2022, 4, 15))
    assert anniversary("two years ago", parse_timex("2021"), published).precision == "year"  # type: ignore[union-attr]
    assert anniversary("last year", parse_timex("2022"), published) is None
    assert anniversary("a year ago", parse_timex("2019"), published) is None  # the value says otherwise
    assert anniversary("a year ago", parse_timex("2022"), None) is None


def test_reports_of_an_anniversary_date_the_event_they_recall() -> None:
    first = article("y-b", "Office", "2023-03-15", "One year ago, the army launched its offensive on Kharkiv.")
    first.actor("the army", "group", "RUS").time("One year ago", "2022").place("Kharkiv", *KHARKIV)
    first.event("launched its offensive", "ASSAULT", actor="the army", when="One year ago", places=("Kharkiv",))
    second = article("y-c", "Office", "2023-03-13", "Almost one year ago, the army launched its offensive on Kharkiv.")
    second.actor("the army", "group", "RUS").time("Almost one year ago", "2022").place("Kharkiv", *KHARKIV)
    second.event("launched its offensive", "ASSAULT", actor="the army", when="Almost one year ago", places=("Kharkiv",))
    (event,) = analyse([first.stored(), second.stored()]).events
    assert (event.date, event.date_precision) == ("2022-03-15", "day")


def test_a_person_is_keyed_by_the_surname_under_any_transliteration() -> None:
    def key(name: str, kind: str = "person", side: str | None = "UKR") -> str:
        return party_key(Actor(id="a1", name=name, kind=kind, side=side, mentions=(Span(start=0, end=1),)))  # type: ignore[arg-type]
    assert key("Volodymyr Zelensky") == key("Zelenskyy") == key("President Zelenskiy") == key("Zelensky's")
    assert key("Valeriy Zaluzhny") == key("Gen. Zaluzhnyi")
    assert key("Zelensky") != key("Zaluzhny")
    assert key("Russias Defense Ministry", "org", "RUS") == key("the Russian defence ministry", "org", "RUS")


def test_an_unnamed_office_holder_speaks_for_the_department() -> None:
    def key(name: str, kind: str = "person", side: str | None = "USA") -> str:
        return party_key(Actor(id="a1", name=name, kind=kind, side=side, mentions=(Span(start=0, end=1),)))  # type: ignore[arg-type]
    assert key("Secretary of State") == key("the State Department", "org") == key("Department of State", "org")
    assert key("the Defence Minister", side="GBR") == key("Ministry of Defence", "org", "GBR")
    assert key("Secretary Blinken") != key("Secretary of State")


def test_a_government_body_without_a_side_in_an_official_statement_takes_the_publishers_side() -> None:
    a = article("gb-a", "The White House (U.S. Government)", "2023-02-21",
                "The State Department has found that the occupiers committed war crimes.")
    a.actor("The State Department", "org").claim("the occupiers committed war crimes", "The State Department")
    b = article("gb-b", "The White House (U.S. Government)", "2023-02-24",
                "The Secretary of State determined that the occupiers committed war crimes.")
    b.actor("The Secretary of State", "person").claim("the occupiers committed war crimes", "The Secretary of State")
    c = article("gb-c", "Wire", "2023-02-24", "The State Department said the occupiers committed war crimes.")
    c.actor("The State Department", "org").claim("the occupiers committed war crimes", "The State Department")
    claims = analyse([a.stored(), b.stored(), c.stored()]).claims
    official = next(c for c in claims if "gb-a" in {r.article for r in c.reports})
    assert {r.article for r in official.reports} == {"gb-a", "gb-b"} and official.claimant is not None
    assert official.claimant.side == "USA"  # a news wire's unsided report stays apart


def test_earlier_this_week_is_the_days_before_the_report_and_later_the_days_after() -> None:
    from datetime import date

    from sitrep.analysis.mentions import this_side_of_today
    thursday, week = date(2022, 6, 16), parse_timex("2022-W24")
    earlier = this_side_of_today("earlier this week", week, thursday)
    later = this_side_of_today("Later this week", week, thursday)
    assert earlier is not None and (earlier.first, earlier.last) == (date(2022, 6, 13), date(2022, 6, 15))
    assert later is not None and (later.first, later.last) == (date(2022, 6, 17), date(2022, 6, 19))
    assert this_side_of_today("earlier this week", week, date(2022, 6, 13)) == week  # Monday: nothing before
    assert this_side_of_today("this week", week, thursday) == week
    assert this_side_of_today("earlier this week", week, date(2022, 7, 1)) == week  # another week's report


def test_british_and_american_spellings_share_their_stems() -> None:
    from sitrep.analysis.mentions import stems_of, us_spelling

    assert stems_of("They honour the centre of the defence line") == stems_of("They honor the center of the defense line")
    assert stems_of("a labour camp 5 metres away") == stems_of("a labor camp 5 meters away")
    assert [us_spelling(w) for w in ("four", "your", "hour", "tour")] == ["four", "your", "hour", "tour"]


def test_page_furniture_at_the_edge_of_a_report_is_left_out() -> None:
    from sitrep.analysis.mentions import trim_boilerplate

    for text, kept in [("Advertisement:\nTanks rolled into the zone.", "Tanks rolled into the zone."),
                       ("Placeholder while article actions load The video seems clear.", "The video seems clear."),
                       ("ADVERTISEMENT Story continues below advertisement\nTroops left.", "Troops left."),
                       ("Troops left the town. Advertisement", "Troops left the town."),
                       ("Advertisements for the war bonds ran.", "Advertisements for the war bonds ran."),
                       ("Advertisement", "Advertisement"),
                       ("Jane Roe and John Doe | AP Today at 10:46 a.m. EDT A court heard the case.",
                        "A court heard the case."),
                       ("Email The agency is looking into the reports.", "The agency is looking into the reports."),
                       ("Email records show the order.", "Email records show the order.")]:
        start, end = trim_boilerplate(text, 0, len(text))
        assert text[start:end] == kept


def test_a_reports_text_and_wording_leave_the_page_furniture_out() -> None:
    from sitrep.analysis.mentions import read_article
    from tests.analysis.builders import KYIV, article

    a = article("ad-a", "Paper", "2022-04-20", "Advertisement:\nRussian artillery shelled Kyiv overnight.")
    a.place("Kyiv", *KYIV).event("shelled", "ASSAULT", places=("Kyiv",))
    (event,) = read_article(a.stored()).events
    assert event.report.text == "Russian artillery shelled Kyiv overnight."
    assert event.report.start == len("Advertisement:\n")
    assert not any(s.startswith("adver") for s in event.stems)
