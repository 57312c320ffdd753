from sitrep.analysis import analyse
from tests.analysis.builders import KHARKIV, area_reports, article, shelling_reports


def test_growing_area_figure_is_one_series_in_said_at_order() -> None:
    bundle = analyse(area_reports())
    (series,) = [s for s in bundle.figures if s.measure == "area_regained"]
    assert [p.value for p in series.points] == [1000, 2000]
    assert [p.said_at for p in series.points] == ["2022-09-08", "2022-09-10"]
    assert series.claimant is not None and series.claimant.name == "The president"
    assert not [x for x in bundle.contradictions if x.kind == "figure"]  # growth is not a contradiction


def test_repeated_figure_is_one_point_with_several_reports() -> None:
    killed = [s for s in analyse(shelling_reports()).figures if s.measure == "killed"]
    seven = [p for s in killed for p in s.points if p.value == 7]
    assert len(seven) == 1 and len(seven[0].reports) == 2


def test_aid_packages_and_running_totals_are_separate_series() -> None:
    a = article("aid-a", "Gov", "2022-03-16",
                "The President announced an additional $800 million in security assistance, and a total of "
                "$2 billion since January.")
    a.quantity("$800 million", 8e8, "usd").quantity("$2 billion", 2e9, "usd")
    subjects = sorted(s.subject.label for s in analyse([a.stored()]).figures)
    assert subjects == ["security assistance (package)", "security assistance (running total)"]


def test_incompatible_same_day_figures_contradict_but_bounds_are_respected() -> None:
    def one(rid: str, who: str, side: str, text: str, words: str, value: float, bound: str = "eq"):  # type: ignore[no-untyped-def]
        art = article(rid, rid, "2022-05-02", text)
        art.actor(who, "org", side).place("Kharkiv", *KHARKIV).quantity(words, value, "killed", bound)
        art.claim(words, who, places=("Kharkiv",))
        return art.stored()
    ukr = one("x-a", "The governor", "UKR", "The governor said 40 people were killed in Kharkiv.", "40 people", 40)
    rus = one("x-b", "The ministry", "RUS", "The ministry said 3 people were killed in Kharkiv.", "3 people", 3)
    more = one("x-c", "The mayor", "UKR", "The mayor said more than 30 people were killed in Kharkiv.",
               "more than 30 people", 30, "gt")
    kinds = [x.kind for x in analyse([ukr, rus, more]).contradictions]
    assert kinds.count("figure") == 2  # 3 vs 40 and 3 vs >30, but not >30 vs 40


def test_the_number_reached_continues_the_previous_figure_of_its_paragraph() -> None:
    a = article("an-a", "Paper", "2022-04-20",
                "More than 5 million people have fled the country, the U.N. agency said. "
                "When the number reached 4 million on March 30, aid groups were overwhelmed.")
    a.actor("the U.N. agency", "org").time("March 30", "2022-03-30")
    a.quantity("More than 5 million people", 5e6, "refugees", "gt").quantity("4 million", 4e6, "count")
    a.claim("More than 5 million people have fled the country", "the U.N. agency",
            quantities=("More than 5 million people",))
    (series,) = analyse([a.stored()]).figures
    assert series.measure == "refugees"
    assert [(p.said_at, p.value) for p in series.points] == [("2022-03-30", 4e6), ("2022-04-20", 5e6)]


def test_measure_words_a_size_lives_at_risk_lost_troops_and_a_massacre() -> None:
    a = article("mv-a", "Wire", "2022-04-20",
                "The town had a population of 40,000 people before the war. "
                "The war threatens the lives of 2 million children. "
                "The army has lost 9,000 troops since March. "
                "Witnesses described a massacre of some 80 people.")
    a.quantity("40,000 people", 40000, "people").quantity("2 million children", 2e6, "children")
    a.quantity("9,000 troops", 9000, "troops").quantity("80 people", 80, "people")
    measures = {p.value: s.measure for s in analyse([a.stored()]).figures for p in s.points}
    assert measures == {9000: "casualties", 80: "killed"}


def test_refugee_counts_per_host_country_are_series_of_their_own() -> None:
    moldova = (617790, 47.0, 28.5, "country", "MD", None)
    slovakia = (3057568, 48.7, 19.5, "country", "SK", None)
    ukraine = (690791, 49.0, 32.0, "country", "UA", None)
    text = ("Moldova has received over 90,000 refugees from Ukraine. Another 60,000 refugees fled to Slovakia. "
            "Since the war in Ukraine began, 900,000 refugees have fled Ukraine.")
    a = article("host-a", "Wire", "2022-03-20", text)
    a.place("Moldova", *moldova).place("Slovakia", *slovakia).place("Ukraine", *ukraine)
    a.quantity("90,000 refugees", 90000, "refugees", "gt").quantity("60,000 refugees", 60000, "refugees")
    a.quantity("900,000 refugees", 900000, "refugees")
    series = {s.subject.label: [p.value for p in s.points] for s in analyse([a.stored()]).figures}
    assert series == {"refugees in Moldova": [90000], "refugees in Slovakia": [60000], "refugees": [900000]}
