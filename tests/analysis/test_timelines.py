from sitrep.analysis import analyse, find_timeline
from tests.analysis.builders import area_reports


def test_recapture_gives_a_timeline_entry_found_in_any_spelling() -> None:
    timelines = analyse(area_reports()).timelines
    (izium,) = find_timeline(timelines, "Izyum")
    (entry,) = izium.entries
    assert (entry.change, entry.controller) == ("recaptured", "UKR")
    assert entry.reports[0].article == "area-a"
    assert find_timeline(timelines, "Kupiansk") == []


def test_an_undated_withdrawal_takes_its_events_stated_date_and_a_surrounding_district_is_no_siege() -> None:
    from tests.analysis.builders import KYIV, article

    transfer = ("Strategic developments", "Non-violent transfer of territory")
    bucha = (712165, 50.54, 30.21, "city", "UA", "Kyiv Oblast")
    a = article("t-a", "Wire", "2022-04-02", "Russian troops withdrew from Bucha on Friday.")
    a.actor("Russian troops", "group", "RUS").place("Bucha", *bucha).time("Friday", "2022-04-01")
    a.event("withdrew", "RETREAT", transfer, actor="Russian troops", places=("Bucha",), when="Friday")
    b = article("t-b", "Paper", "2022-04-12", "Since Russian troops withdrew from Kyiv, the district surrounding "
                "the capital has been searched.")
    b.actor("Russian troops", "group", "RUS").place("Kyiv", *KYIV)
    b.event("withdrew", "RETREAT", transfer, actor="Russian troops", places=("Kyiv",))
    bundle = analyse([a.stored(), b.stored()])
    assert len([e for e in bundle.events if e.plover == "RETREAT"]) == 1
    entries = {t.place.name: [(e.date, e.change) for e in t.entries] for t in bundle.timelines}
    assert entries == {"Bucha": [("2022-04-01", "withdrew")], "Kyiv": [("2022-04-01", "withdrew")]}


def test_a_sentence_saying_who_holds_a_place_gives_a_hold_on_its_publication_day() -> None:
    from tests.analysis.builders import IZIUM, KHARKIV, article

    melitopol = (702320, 46.85, 35.37, "city", "UA", "Zaporizhzhia Oblast")
    a = article("h-a", "Wire", "2022-05-03", "The port of Berdiansk is quiet. Melitopol remains under Russian control. "
                "Ukrainian troops still hold Kharkiv and the villages north of it. Russia does not control Izium.")
    a.place("Melitopol", *melitopol).place("Kharkiv", *KHARKIV).place("Izium", *IZIUM)
    entries = {t.place.name: [(e.date, e.change, e.controller, e.status) for e in t.entries]
               for t in analyse([a.stored()]).timelines}
    assert entries == {"Melitopol": [("2022-05-03", "holds", "RUS", "reported")],
                       "Kharkiv": [("2022-05-03", "holds", "UKR", "reported")]}


def test_standing_control_is_read_from_the_words_around_the_place() -> None:
    from sitrep.analysis.mentions import standing_control

    assert standing_control("the plant at ", " has been under russian control since march.") == "RUS"
    assert standing_control("the russian-occupied ", " region") == "RUS"
    assert standing_control("kyiv, where ", " remained in ukrainian hands") == "UKR"
    assert standing_control("russian forces have held ", " since the spring") == "RUS"
    assert standing_control("", " is not under russian control") is None
    assert standing_control("russia wants to control ", "") is None
    assert standing_control("russian forces captured ", " on monday") is None  # a change, read from its event


def test_the_capturer_is_the_side_named_other_than_as_the_loser() -> None:
    from sitrep.analysis.timelines import capturer_named

    assert capturer_named("Years ago Russia staged a vote after it captured Ukraine's Crimean Peninsula.") == "RUS"
    assert capturer_named("Columns entered the zone in the first hours of Russia's invasion of Ukraine.") == "RUS"
    assert capturer_named("In the east of Ukraine, Russians captured the depot.") == "RUS"
    assert capturer_named("Ukrainian troops captured the village from Russia.") == "UKR"
    assert capturer_named("Russia and Ukraine fought; the town was taken.") is None


def test_a_capture_told_without_an_actor_goes_to_the_side_that_took_it() -> None:
    from tests.analysis.builders import article

    crimea = (703883, 45.0, 34.0, "region", "UA", "Crimea")
    a = article("cap-a", "Paper", "2022-04-19", "Russia may stage a vote, as it did after it captured Ukraine's Crimea.")
    a.place("Crimea", *crimea).event("captured", "ASSAULT", ("Battles", "Non-state actor overtakes territory"),
                                     places=("Crimea",))
    (timeline,) = analyse([a.stored()]).timelines
    assert [(e.change, e.controller) for e in timeline.entries] == [("captured", "RUS")]


def test_a_change_stated_in_a_month_keeps_its_month_precision() -> None:
    from tests.analysis.builders import article

    hostomel = (707860, 50.58, 30.21, "city", "UA", "Kyiv Oblast")
    a = article("m-a", "Wire", "2022-04-20", "Russian troops captured Hostomel in February, residents said.")
    a.actor("Russian troops", "group", "RUS").place("Hostomel", *hostomel).time("February", "2022-02")
    a.event("captured", "ASSAULT", ("Battles", "Non-state actor overtakes territory"), actor="Russian troops",
            places=("Hostomel",), when="February")
    (timeline,) = analyse([a.stored()]).timelines
    (entry,) = timeline.entries
    assert (entry.date, entry.date_precision, entry.change, entry.controller) == ("2022-02-01", "month", "captured", "RUS")
