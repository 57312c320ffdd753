from sitrep.analysis import Analyser, analyse
from sitrep.model import StoredArticle
from tests.analysis.builders import KHARKIV, KHARKIV_OBLAST, KYIV, article, shelling_reports


def test_one_event_across_outlets_with_near_duplicates_counted_once() -> None:
    bundle = analyse(shelling_reports())
    kharkiv = [e for e in bundle.events if any(p.name == "Kharkiv" for p in e.places)]
    assert len(kharkiv) == 2  # the Monday shelling and the Tuesday strike a week later
    monday = next(e for e in kharkiv if e.date == "2022-04-11")
    assert monday.articles == 3
    assert monday.outlets == 2  # the copy site is a near-duplicate of Wire One
    assert {r.article for r in monday.reports} == {"art-a", "art-b", "art-c"}
    assert monday.plover == "ASSAULT" and monday.date_precision == "day"


def test_fatalities_are_the_lowest_figure_of_the_latest_reports() -> None:
    monday = next(e for e in analyse(shelling_reports()).events if e.date == "2022-04-11")
    assert monday.fatalities is not None
    assert monday.fatalities.value == 5
    assert monday.fatalities.as_of == "2022-04-12"


def test_region_and_town_inside_it_merge_but_conflicting_actors_do_not() -> None:
    a = article("r-a", "One", "2022-09-11", "Russian forces withdrew from the Kharkiv region.")
    a.actor("Russian forces", "group", "RUS").place("Kharkiv region", *KHARKIV_OBLAST)
    a.event("withdrew", "RETREAT", actor="Russian forces", places=("Kharkiv region",))
    b = article("r-b", "Two", "2022-09-12", "Russian forces withdrew from Kharkiv after the counter-attack.")
    b.actor("Russian forces", "group", "RUS").place("Kharkiv", *KHARKIV)
    b.event("withdrew", "RETREAT", actor="Russian forces", places=("Kharkiv",))
    c = article("r-c", "Three", "2022-09-12", "Ukrainian forces withdrew from Kharkiv after the counter-attack.")
    c.actor("Ukrainian forces", "group", "UKR").place("Kharkiv", *KHARKIV)
    c.event("withdrew", "RETREAT", actor="Ukrainian forces", places=("Kharkiv",))
    events = analyse([a.stored(), b.stored(), c.stored()]).events
    assert sorted(e.articles for e in events) == [1, 2]


def test_explain_lists_the_merge_reasons() -> None:
    analyser = Analyser(shelling_reports())
    monday = next(e for e in analyser.result().events if e.date == "2022-04-11")
    reasons = analyser.explain(monday.id)
    assert len(reasons) >= 2
    assert any("identical mention" in r.why for r in reasons)
    assert all(r.score > 0 for r in reasons)


def test_headline_and_later_paragraph_of_one_article_are_one_event() -> None:
    a = article("h-a", "One", "2022-04-12",
                "Shelling hits Kharkiv. Russian artillery shelled Kharkiv overnight, officials said.")
    a.actor("Russian artillery", "group", "RUS").place("Kharkiv", *KHARKIV)
    a.event("Shelling", "ASSAULT", places=("Kharkiv",)).event("shelled", "ASSAULT", actor="Russian artillery")
    assert len(analyse([a.stored()]).events) == 1


def test_a_withdrawal_reported_from_nearby_towns_is_one_event_but_shelling_there_is_two() -> None:
    town = (711635, 50.64, 29.92, "city", "UA", "Kyiv Oblast")
    a = article("n-a", "One", "2022-04-10", "Russian troops withdrew from the area around Kyiv. Artillery shelled Kyiv.")
    a.actor("Russian troops", "group", "RUS").place("Kyiv", *KYIV)
    a.event("withdrew", "RETREAT", ("Strategic developments", "Non-violent transfer of territory"),
            actor="Russian troops", places=("Kyiv",))
    a.event("shelled", "ASSAULT", ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            places=("Kyiv",))
    b = article("n-b", "Two", "2022-04-12", "Residents of Borodianka returned after the Russian troops withdrew. "
                "Borodianka was shelled by artillery.")
    b.actor("Residents", "group").place("Borodianka", *town)
    b.event("withdrew", "RETREAT", ("Strategic developments", "Non-violent transfer of territory"),
            actor="Residents", places=("Borodianka",))
    b.event("shelled", "ASSAULT", ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            places=("Borodianka",))
    events = analyse([a.stored(), b.stored()]).events
    assert sorted((e.plover, e.articles) for e in events) == [("ASSAULT", 1), ("ASSAULT", 1), ("RETREAT", 2)]


GENEVA = (2660646, 46.2, 6.15, "city", "CH", "Geneva")
UKRAINE = (690791, 49.0, 32.0, "country", "UA", None)
RUSSIA = (2017370, 60.0, 100.0, "country", "RU", None)


def test_a_place_borrowed_from_the_sentence_before_does_not_locate_an_event_in_another_country() -> None:
    a = article("g-a", "Wire", "2022-04-20",
                "The Geneva-based agency counted the people who left. "
                "Meanwhile Russia began a large offensive in eastern Ukraine.")
    a.actor("Russia", "state", "RUS").place("Geneva", *GENEVA).place("Ukraine", *UKRAINE)
    a.event("began a large offensive", "ASSAULT", actor="Russia", places=("Geneva", "Ukraine"))
    (event,) = analyse([a.stored()]).events
    assert [p.name for p in event.places] == ["Ukraine"]


def test_a_dateline_city_stays_when_the_sentence_names_only_the_actors_country() -> None:
    a = article("g-b", "Wire", "2022-04-20", "KYIV, (AP) — Russia shelled the capital overnight.")
    a.actor("Russia", "state", "RUS").place("KYIV", *KYIV).place("Russia", *RUSSIA)
    a.event("shelled", "ASSAULT", actor="Russia", places=("KYIV", "Russia"))
    (event,) = analyse([a.stored()]).events
    assert "KYIV" in {p.name for p in event.places}


def test_a_person_one_report_resolves_and_the_other_only_names_is_one_visit() -> None:
    a = article("v-a", "Paper", "2022-05-02", "Ms. Harlow, a firm critic of the war, traveled to Kyiv last week.")
    a.place("Kyiv", *KYIV).event("traveled to Kyiv", "CONSULT", places=("Kyiv",))
    b = article("v-b", "Daily", "2022-05-04", "During Harlow's unannounced visit, the minister toured Kyiv on foot.")
    b.actor("Harlow", "person", "GBR").place("Kyiv", *KYIV)
    b.event("visit", "CONSULT", actor="Harlow", places=("Kyiv",))
    c = article("v-c", "Daily", "2022-05-05", "During Okafor's unannounced visit, the envoy toured Kyiv on foot.")
    c.actor("Okafor", "person", "NGA").place("Kyiv", *KYIV)
    c.event("visit", "CONSULT", actor="Okafor", places=("Kyiv",))
    events = analyse([a.stored(), b.stored(), c.stored()]).events
    assert sorted(sorted(r.article for r in e.reports) for e in events) == [["v-a", "v-b"], ["v-c"]]


def test_a_countrywide_withdrawal_on_a_stated_day_joins_the_same_sides_regional_one() -> None:
    transfer = ("Strategic developments", "Non-violent transfer of territory")
    a = article("w-a", "Wire", "2022-04-03", "Russian troops withdrew from the towns around Kyiv.")
    a.actor("Russian troops", "group", "RUS").place("Kyiv", *KYIV)
    a.event("withdrew", "RETREAT", transfer, actor="Russian troops", places=("Kyiv",))
    b = article("w-b", "Paper", "2022-04-05", "The Russians left Ukraine's north on March 31, heading for Belarus.")
    b.actor("The Russians", "group", "RUS").place("Ukraine", *UKRAINE).time("March 31", "2022-03-31")
    b.event("left", "RETREAT", transfer, actor="The Russians", places=("Ukraine",), when="March 31")
    c = article("w-c", "Paper", "2022-04-05", "Ukrainian units left Ukraine's north-east on March 31.")
    c.actor("Ukrainian units", "group", "UKR").place("Ukraine", *UKRAINE).time("March 31", "2022-03-31")
    c.event("left", "RETREAT", transfer, actor="Ukrainian units", places=("Ukraine",), when="March 31")
    events = analyse([a.stored(), b.stored(), c.stored()]).events
    assert sorted(sorted(r.article for r in e.reports) for e in events) == [["w-a", "w-b"], ["w-c"]]


def test_the_same_undated_sentence_months_apart_is_two_events_but_a_day_apart_one() -> None:
    text = "Russian artillery shelled Kharkiv overnight."
    def copy(rid: str, published: str):  # type: ignore[no-untyped-def]
        a = article(rid, rid, published, text)
        a.actor("Russian artillery", "group", "RUS").place("Kharkiv", *KHARKIV)
        return a.event("shelled", "ASSAULT", actor="Russian artillery", places=("Kharkiv",)).stored()
    events = analyse([copy("s-a", "2022-04-13"), copy("s-b", "2022-04-14"), copy("s-c", "2022-07-20")]).events
    assert sorted(sorted(r.article for r in e.reports) for e in events) == [["s-a", "s-b"], ["s-c"]]


def test_aid_mentions_stating_different_sums_are_different_packages() -> None:
    us = (6252001, 39.76, -98.5, "country", "US", None)
    a = article("aid-1", "Office", "2022-04-13", "The United States will send $700 million in security assistance. "
                "The United States will also send $90 million in security assistance for border guards.")
    a.actor("The United States", "state", "USA").place("United States", *us)
    a.quantity("$700 million", 7e8, "usd").quantity("$90 million", 9e7, "usd")
    a.event("send $700 million", "AID", actor="The United States", places=("United States",))
    a.event("also send $90 million", "AID", actor="The United States", places=("United States",))
    b = article("aid-2", "Wire", "2022-04-14", "The United States will send $700 million in security assistance to Kyiv.")
    b.actor("The United States", "state", "USA").place("United States", *us).quantity("$700 million", 7e8, "usd")
    b.event("send $700 million", "AID", actor="The United States", places=("United States",))
    events = analyse([a.stored(), b.stored()]).events
    assert sorted(sorted((r.article, r.start) for r in e.reports) for e in events) == \
        [[("aid-1", 0), ("aid-2", 0)], [("aid-1", 65)]]


def test_a_battle_and_the_strike_in_the_next_sentence_are_two_events() -> None:
    a = article("bk-a", "Paper", "2022-04-16", "Ukrainian forces repelled the Russian assault on Kyiv. "
                "Residents came back, but missile blasts shook Kyiv on Saturday.")
    a.actor("Ukrainian forces", "group", "UKR").place("Kyiv", *KYIV).time("Saturday", "2022-04-16")
    a.event("repelled", "ASSAULT", ("Battles", "Armed clash"), actor="Ukrainian forces", places=("Kyiv",))
    a.event("missile blasts", "ASSAULT", ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            places=("Kyiv",), when="Saturday")
    assert len(analyse([a.stored()]).events) == 2


def test_a_chain_of_links_does_not_join_a_battle_and_a_strike_that_no_link_joins() -> None:
    a = article("ch-a", "Paper", "2022-04-16", "Ukrainian forces repelled the Russian assault on Kyiv. "
                "The fighting near Kyiv went on for weeks. Missile blasts shook Kyiv on Saturday.")
    a.actor("Ukrainian forces", "group", "UKR").place("Kyiv", *KYIV).time("Saturday", "2022-04-16")
    a.event("repelled", "ASSAULT", ("Battles", "Armed clash"), actor="Ukrainian forces", places=("Kyiv",))
    a.event("fighting", "ASSAULT", places=("Kyiv",))
    a.event("Missile blasts", "ASSAULT", ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            places=("Kyiv",), when="Saturday")
    analyser = Analyser([a.stored()])
    events = analyser.result().events
    assert sorted(len(e.reports) for e in events) == [1, 2]
    reasons = [r for e in events for r in analyser.explain(e.id)]
    assert any("kept apart: ACLED types" in " ".join(r.why) for r in reasons)


def test_stated_days_a_fortnight_apart_stay_apart_however_an_undated_report_links_them() -> None:
    def report(rid: str, published: str, text: str, day: tuple[str, str] | None):  # type: ignore[no-untyped-def]
        a = article(rid, rid, published, text)
        a.actor("Russian artillery", "group", "RUS").place("Kharkiv", *KHARKIV)
        if day:
            a.time(day[0], day[1])
        return a.event("shelled", "ASSAULT", actor="Russian artillery", places=("Kharkiv",),
                       when=day[0] if day else None).stored()
    first = report("d-a", "2022-04-05", "Russian artillery shelled Kharkiv on April 4.", ("April 4", "2022-04-04"))
    undated = report("d-b", "2022-04-19", "Russian artillery shelled Kharkiv again.", None)
    second = report("d-c", "2022-04-19", "Russian artillery shelled Kharkiv on April 18.", ("April 18", "2022-04-18"))
    events = analyse([first, undated, second]).events
    assert len(events) == 2 and all(len({r.article for r in e.reports}) <= 2 for e in events)


def test_a_later_predicate_of_todays_act_is_not_the_act_it_follows() -> None:
    from sitrep.analysis.events import recalls_prior_act
    from sitrep.analysis.mentions import read_article

    text = "This step follows up on last week's listing of the banks, and freezes the assets of their owners."
    a = article("prior-b", "Office", "2022-03-10", text)
    a.event("listing of the banks", "SANCTION").event("freezes the assets", "SANCTION")
    listing, freezing = read_article(a.stored()).events
    assert recalls_prior_act(listing) and not recalls_prior_act(freezing)


UKRAINE = (690791, 49.0, 32.0, "country", "UA")
REMOTE = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def _campaign_statement(rid: str, published: str, text: str, trigger: str, when: tuple[str, str] | None = None) -> StoredArticle:
    a = article(rid, "Ministry", published, text)
    a.place("Ukraine", *UKRAINE)
    if when:
        a.time(*when)
    a.event(trigger, "ASSAULT", REMOTE, places=("Ukraine",), when=when[0] if when else None)
    return a.stored()


def test_a_strike_campaign_on_a_class_of_infrastructure_is_one_event_across_a_season() -> None:
    november = _campaign_statement("camp-a", "2022-11-20", "The army keeps hitting Ukraine with waves of strikes on power plants.",
                                   "strikes on power plants")
    february = _campaign_statement("camp-b", "2023-02-10", "All winter the enemy bombed the power grid of Ukraine.",
                                   "bombed the power grid")
    ports = _campaign_statement("camp-c", "2023-01-15", "Missiles keep falling on the grain ports of Ukraine.",
                                "falling on the grain ports")
    dated = _campaign_statement("camp-d", "2022-12-06", "On Monday missiles hit power stations across Ukraine.",
                                "hit power stations", when=("Monday", "2022-12-05"))
    events = analyse([november, february, ports, dated]).events
    merged = [e for e in events if e.articles > 1]
    assert len(events) == 3 and len(merged) == 1
    assert {r.article for r in merged[0].reports} == {"camp-a", "camp-b"}  # the grain ports and the dated strike apart


def test_campaign_readings_further_apart_than_a_season_stay_apart() -> None:
    spring = _campaign_statement("camp-e", "2022-04-01", "Strikes on energy infrastructure continue across Ukraine.",
                                 "Strikes on energy infrastructure")
    autumn = _campaign_statement("camp-f", "2022-11-01", "Strikes on energy infrastructure continue across Ukraine again.",
                                 "Strikes on energy infrastructure")
    assert len(analyse([spring, autumn]).events) == 2


RUSSIA = (2017370, 60.0, 100.0, "country", "RU")
JAPAN = (1861060, 35.69, 139.69, "country", "JP")


def test_the_same_numbered_act_of_a_series_is_one_event_wherever_each_report_places_it() -> None:
    first = article("ser-a", "Office", "2022-03-01",
                    "Today the government is announcing the first package of sanctions, together with Japan.")
    first.place("Japan", *JAPAN).time("Today", "2022-03-01")
    first.event("sanctions", "SANCTION", places=("Japan",), when="Today")
    recalled = article("ser-b", "Office", "2022-03-03", "Our first package of sanctions hit Russia hard.")
    recalled.place("Russia", *RUSSIA).event("sanctions", "SANCTION", places=("Russia",))
    other = article("ser-c", "Office", "2022-03-04", "The second package of sanctions on Russia is ready.")
    other.place("Russia", *RUSSIA).event("sanctions", "SANCTION", places=("Russia",))
    events = analyse([first.stored(), recalled.stored(), other.stored()]).events
    assert sorted(sorted(r.article for r in e.reports) for e in events) == [["ser-a", "ser-b"], ["ser-c"]]


def test_an_act_that_todays_act_follows_is_not_todays_act() -> None:
    a = article("prior-a", "Office", "2022-03-10",
                "Today we impose sanctions on the largest banks of Russia. "
                "This follows our action earlier this week to impose sanctions on the elites of Russia.")
    a.place("Russia", *RUSSIA).time("Today", "2022-03-10").time("earlier this week", "2022-W10")
    a.event("impose sanctions on the largest", "SANCTION", places=("Russia",), when="Today")
    a.event("impose sanctions on the elites", "SANCTION", places=("Russia",), when="earlier this week")
    assert len(analyse([a.stored()]).events) == 2


def test_a_year_compared_with_does_not_date_the_act() -> None:
    a = article("cmp-a", "Office", "2022-03-10", "The measures against Russia go far beyond 2014.")
    a.place("Russia", *RUSSIA).time("2014", "2014").event("measures", "SANCTION", places=("Russia",), when="2014")
    b = article("cmp-b", "Office", "2022-03-11", "The measures against Russia go far beyond anything before.")
    b.place("Russia", *RUSSIA).event("measures", "SANCTION", places=("Russia",))
    (event,) = analyse([a.stored(), b.stored()]).events
    assert event.articles == 2


def test_one_person_shot_then_killed_in_later_paragraphs_is_one_event() -> None:
    a = article("v-a", "One", "2022-05-02",
                "Police in Kharkiv shot Ivan Petrenko on Sunday. His family spoke to reporters at length. "
                "Neighbours described a quiet street. Petrenko was killed, the coroner said.")
    a.actor("Ivan Petrenko").place("Kharkiv", *KHARKIV).time("Sunday", "2022-05-01")
    a.event("shot", "ASSAULT", target="Ivan Petrenko", places=("Kharkiv",), when="Sunday")
    a.event("killed", "ASSAULT", target="Ivan Petrenko")
    assert len(analyse([a.stored()]).events) == 1


def test_two_people_shot_in_one_article_are_two_events() -> None:
    a = article("v-b", "One", "2022-05-02",
                "Police in Kharkiv shot Ivan Petrenko on Sunday. His family spoke to reporters at length. "
                "Neighbours described a quiet street. Later Oleh Marchenko was killed, the coroner said.")
    a.actor("Ivan Petrenko").actor("Oleh Marchenko").place("Kharkiv", *KHARKIV).time("Sunday", "2022-05-01")
    a.event("shot", "ASSAULT", target="Ivan Petrenko", places=("Kharkiv",), when="Sunday")
    a.event("killed", "ASSAULT", target="Oleh Marchenko")
    assert len(analyse([a.stored()]).events) == 2


def test_a_new_package_told_twice_in_one_article_is_one_act_but_not_across_articles() -> None:
    a = article("p-a", "One", "2022-05-02",
                "The prime minister announced a new package of military support for Kyiv. The talks lasted hours. "
                "Journalists waited outside the building. \"We are sending a new package of aid,\" he wrote later.")
    a.actor("The prime minister", "person", "GBR").place("Kyiv", *KYIV)
    a.event("announced a new package", "AID", actor="The prime minister", places=("Kyiv",))
    a.event("sending a new package", "AID")
    assert len(analyse([a.stored()]).events) == 1
    b = article("p-b", "One", "2022-05-02",
                "The prime minister announced a new package of military support for Kyiv. The talks lasted hours. "
                "Journalists waited outside the building. \"We are sending more aid,\" he wrote later.")
    b.actor("The prime minister", "person", "GBR").place("Kyiv", *KYIV)
    b.event("announced a new package", "AID", actor="The prime minister", places=("Kyiv",))
    b.event("sending more aid", "AID")
    assert len(analyse([b.stored()]).events) == 2


def test_a_state_and_its_armed_forces_are_one_attacker_across_reports() -> None:
    a = article("s-a", "Statement", "2022-02-23",
                "Tonight the people of the republic suffer a brutal and unjustified attack by Russian military forces.")
    a.actor("Russian military forces", "group", "RUS").place("republic", *UKRAINE).time("Tonight", "2022-02-23")
    a.event("attack", "ASSAULT", actor="Russian military forces", places=("republic",), when="Tonight")
    b = article("s-b", "Fact sheet", "2023-02-24",
                "On this day a year ago, Russia began its unjustified war against the republic.")
    b.actor("Russia", "state", "RUS").place("republic", *UKRAINE).time("On this day a year ago", "2022-02-24")
    b.event("began its unjustified war", "ASSAULT", actor="Russia", places=("republic",), when="On this day a year ago")
    c = article("s-c", "Fact sheet", "2023-02-24",
                "On this day a year ago, Ukraine began its unjustified war against the republic.")
    c.actor("Ukraine", "state", "UKR").place("republic", *UKRAINE).time("On this day a year ago", "2022-02-24")
    c.event("began its unjustified war", "ASSAULT", actor="Ukraine", places=("republic",), when="On this day a year ago")
    events = analyse([a.stored(), b.stored(), c.stored()]).events
    assert sorted(sorted(r.article for r in e.reports) for e in events) == [["s-a", "s-b"], ["s-c"]]


def test_a_sentence_listing_struck_places_gives_each_places_event_its_own_report() -> None:
    lviv = (702550, 49.84, 24.02, "city", "UA", "Lviv Oblast")
    odesa = (698740, 46.48, 30.73, "city", "UA", "Odesa Oblast")
    black_sea = (630673, 43.0, 35.0, "area", None, None)
    text = "Missiles fell on Saturday on the Black Sea port of Odesa, the city of Kharkiv and the town of Lviv."
    a = article("li-a", "Paper", "2022-04-16", text)
    a.place("Black Sea", *black_sea).place("Odesa", *odesa).place("Kharkiv", *KHARKIV).place("Lviv", *lviv)
    for town in ("Black Sea", "Odesa", "Kharkiv", "Lviv"):
        a.event("Missiles", "ASSAULT", REMOTE, places=(town,))
    events = analyse([a.stored()]).events
    shown = sorted(sorted({r.text for r in e.reports}) for e in events)
    assert shown == [["Missiles fell on Saturday on the Black Sea port of Odesa"], ["the city of Kharkiv"],
                     ["the town of Lviv."]]


def test_a_massacre_of_people_counts_them_killed() -> None:
    from sitrep.analysis.mentions import read_article

    a = article("ms-a", "Paper", "2022-04-20", "Witnesses described a massacre of some 40 people in the village.")
    a.quantity("some 40 people", 40, "people", "approx").event("massacre", "ASSAULT")
    (event,) = read_article(a.stored()).events
    assert event.killed == ((40.0, "approx"),)


def test_a_year_in_an_undated_sentence_dates_the_act_to_that_year_not_the_reporting_window() -> None:
    from sitrep.analysis.mentions import read_article

    a = article("yr-a", "Paper", "2022-04-20", "Before the 2017 election, the candidate flew to Rome to meet the pope.")
    a.time("2017", "2017").event("meet", "CONSULT")
    (event,) = read_article(a.stored()).events
    assert event.when is not None and (event.when.first.isoformat(), event.when.precision) == ("2017-01-01", "year")
    b = article("yr-b", "Paper", "2022-04-20", "In 2022 the candidate flew to Rome to meet the pope.")
    b.time("2022", "2022").event("meet", "CONSULT")
    assert read_article(b.stored()).events[0].when is None  # the report's own year: the window stays


def test_a_meeting_told_either_way_round_is_one_meeting() -> None:
    rome = (3169070, 41.89, 12.48, "city", "IT", "Lazio")
    a = article("mt-a", "Paper", "2022-04-20", "Last year Mr. Varga flew to Rome to meet Pope Leone at the Vatican.")
    a.actor("Mr. Varga", "person", "HUN").actor("Pope Leone", "person", "VAT").place("Rome", *rome)
    a.event("meet", "CONSULT", actor="Mr. Varga", target="Pope Leone", places=("Rome",))
    b = article("mt-b", "Daily", "2022-04-21", "Pope Leone meets Mr. Varga in Rome at the Vatican.")
    b.actor("Pope Leone", "person", "VAT").actor("Mr. Varga", "person", "HUN").place("Rome", *rome)
    b.event("meets", "CONSULT", actor="Pope Leone", target="Mr. Varga", places=("Rome",))
    assert len(analyse([a.stored(), b.stored()]).events) == 1


def test_two_towns_linked_only_through_a_countrywide_mention_stay_two_events() -> None:
    lviv = (702550, 49.84, 24.02, "city", "UA", "Lviv Oblast")
    a = article("tw-a", "Paper", "2022-04-12", "Russian artillery shelled Kyiv on Monday. "
                "Russian artillery shelled Ukraine on Monday. Russian artillery shelled Lviv on Monday.")
    a.actor("Russian artillery", "group", "RUS").place("Kyiv", *KYIV).place("Ukraine", *UKRAINE).place("Lviv", *lviv)
    a.time("Monday", "2022-04-11")
    for town in ("Kyiv", "Ukraine", "Lviv"):
        a.event(f"shelled {town}", "ASSAULT", REMOTE, actor="Russian artillery", places=(town,), when="Monday")
    analyser = Analyser([a.stored()])
    assert len(analyser.events.uf.groups()) == 1  # the links chain all three
    assert sorted(len(e.reports) for e in analyser.result().events) == [1, 2]
