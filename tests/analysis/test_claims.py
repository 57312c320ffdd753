from sitrep.analysis import analyse
from tests.analysis.builders import area_reports, article


def test_quote_and_paraphrase_by_one_claimant_are_one_claim() -> None:
    a = article("c-a", "One", "2022-04-12", "The minister said that the bridge over the river was destroyed by shelling.")
    a.actor("The minister", "person", "UKR").claim("the bridge over the river was destroyed by shelling", "The minister")
    b = article("c-b", "Two", "2022-04-13", "The minister said the river bridge was destroyed.")
    b.actor("The minister", "person", "UKR").claim("the river bridge was destroyed", "The minister",
                                                   status="unverified")
    c = article("c-c", "Three", "2022-04-13", "A general said the river bridge was destroyed.")
    c.actor("A general", "person", "RUS").claim("the river bridge was destroyed", "A general")
    claims = analyse([a.stored(), b.stored(), c.stored()]).claims
    assert sorted(c.articles for c in claims) == [1, 2]
    merged = next(c for c in claims if c.articles == 2)
    assert merged.outlets == 2
    assert merged.content == "the bridge over the river was destroyed by shelling"  # the fullest wording
    assert [h.status for h in merged.history] == ["asserted", "unverified"]
    assert merged.status == "unverified"


def test_different_figures_are_different_claims() -> None:
    claims = analyse(area_reports()).claims
    assert len(claims) == 2


def test_assert_then_deny_is_disputed() -> None:
    a = article("d-a", "One", "2022-04-12", "Officials said the depot near the border was hit.")
    a.actor("Officials", "group", "UKR").claim("the depot near the border was hit", "Officials")
    b = article("d-b", "Two", "2022-04-14", "Officials later said the depot near the border was hit, which was denied.")
    b.actor("Officials", "group", "UKR").claim("the depot near the border was hit", "Officials", status="denied")
    (claim,) = analyse([a.stored(), b.stored()]).claims
    assert claim.status == "disputed"
    assert len(claim.history) == 2


def test_an_official_statement_asserts_its_unattributed_events() -> None:
    text = "Russia launched a massive strike on the power grid. The United States condemns it."
    gov = article("g-a", "The White House", "2022-11-23", text)
    gov.actor("Russia", "state", "RUS").event("strike", "ASSAULT", actor="Russia")
    news = article("g-b", "Daily Paper", "2022-11-23", text)
    news.actor("Russia", "state", "RUS").event("strike", "ASSAULT", actor="Russia")
    claims = analyse([gov.stored(), news.stored()]).claims
    assert len(claims) == 1
    assert claims[0].claimant is not None and claims[0].claimant.side == "USA"
    assert claims[0].reports[0].article == "g-a" and claims[0].events


def test_a_denial_contradicts_the_other_sides_placeless_claims_beside_the_town_it_names() -> None:
    bucha = (712165, 50.54, 30.21, "city", "UA", "Kyiv Oblast")
    a = article("d-a", "Wire", "2022-04-12", "Putin said the killings in Irpin were fake. "
                "Ukraine says Russia committed war crimes. The weather was mild.\n\nThe talks were long. "
                "Ukrainian officials say grain exports resumed.")
    a.actor("Putin", "person", "RUS").actor("Ukraine", "state", "UKR").actor("Ukrainian officials", "org", "UKR")
    a.place("Irpin", *bucha)
    a.claim("the killings in Irpin were fake", "Putin", places=("Irpin",))
    a.claim("Russia committed war crimes", "Ukraine").claim("grain exports resumed", "Ukrainian officials")
    b = article("d-b", "Paper", "2022-04-12", "Ukraine says Russia committed war crimes in the east.")
    b.actor("Ukraine", "state", "UKR").claim("Russia committed war crimes in the east", "Ukraine")
    (x,) = [x for x in analyse([a.stored(), b.stored()]).contradictions if x.kind == "claim"]
    sides = {s.claimant.name if s.claimant else None: {r.article for r in s.reports} for s in x.sides}
    assert sides["Putin"] == {"d-a"} and sides["Ukraine"] == {"d-a"}  # not the other article's claim
    assert not any("grain" in r.text for s in x.sides for r in s.reports)  # nor one two sentences away


def test_numbers_match_whatever_their_separators_and_differ_by_magnitude() -> None:
    a = article("n-a", "Wire", "2022-09-12", "Zaluzhny said troops had retaken 3,000 square kilometres.")
    a.actor("Zaluzhny", "person", "UKR").claim("troops had retaken 3,000 square kilometres", "Zaluzhny")
    b = article("n-b", "Paper", "2022-09-12", "Zaluzhny said the troops had retaken 3000 square kilometres.")
    b.actor("Zaluzhny", "person", "UKR").claim("the troops had retaken 3000 square kilometres", "Zaluzhny")
    c = article("n-c", "Daily", "2022-09-13", "Zaluzhny said troops had retaken 3,000,000 square kilometres.")
    c.actor("Zaluzhny", "person", "UKR").claim("troops had retaken 3,000,000 square kilometres", "Zaluzhny")
    claims = analyse([a.stored(), b.stored(), c.stored()]).claims
    assert sorted(sorted(r.article for r in c.reports) for c in claims) == [["n-a", "n-b"], ["n-c"]]


def test_a_headline_summing_up_a_long_quote_is_the_same_claim_but_a_short_phrase_is_not() -> None:
    a = article("hq-a", "Wire", "2022-04-12",
                "Lavrenko: Irpin massacre is staged like the fake gas attack in Idlib\n\n"
                "Lavrenko said: \"They staged a gas attack in Idlib and blamed the government, and it turned out to "
                "be fake; the Irpin massacre is staged the same way, as everyone in the region knows.\" "
                "Lavrenko also spoke of the massacre in Irpin.")
    a.actor("Lavrenko", "person", "RUS")
    a.claim("Irpin massacre is staged like the fake gas attack in Idlib", "Lavrenko")
    a.claim("They staged a gas attack in Idlib and blamed the government, and it turned out to be fake; the Irpin "
            "massacre is staged the same way, as everyone in the region knows.", "Lavrenko")
    a.claim("the massacre in Irpin", "Lavrenko")
    claims = analyse([a.stored()]).claims
    assert sorted(len(c.reports) for c in claims) == [1, 2]


def test_a_claim_the_other_side_denies_is_disputed_but_a_sides_own_denial_stays_denied() -> None:
    belgorod = (578072, 50.61, 36.58, "city", "RU", "Belgorod")
    a = article("dn-a", "Paper", "2022-04-25", "The governor said drones had hit a depot in Belgorod, "
                "claims Kyiv officials have denied.")
    a.actor("The governor", "person", "RUS").actor("Kyiv officials", "org", "UKR").place("Belgorod", *belgorod)
    a.claim("drones had hit a depot in Belgorod", "The governor", status="denied", places=("Belgorod",))
    b = article("dn-b", "Paper", "2022-04-25", "Peskov said the Kremlin denied reports that the talks had failed.")
    b.actor("Peskov", "person", "RUS").actor("the Kremlin", "org", "RUS")
    b.claim("reports that the talks had failed", "Peskov", status="denied")
    statuses = {c.reports[0].article: c.status for c in analyse([a.stored(), b.stored()]).claims}
    assert statuses == {"dn-a": "disputed", "dn-b": "denied"}


def test_a_quote_cut_short_in_another_article_is_the_same_claim() -> None:
    whole = ("the government will never accept the seizure of the southern provinces and will keep supplying the "
             "defenders with every weapon they need until the last town is free and rebuilt again")
    a = article("tr-a", "One", "2022-10-01", f"The prime minister said {whole}.")
    a.actor("The prime minister", "person", "GBR").claim(whole, "The prime minister")
    cut = "the government will never accept the seizure of the southern provinces"
    b = article("tr-b", "Two", "2022-10-02", f"The prime minister vowed {cut}.")
    b.actor("The prime minister", "person", "GBR").claim(cut, "The prime minister")
    other = "the southern provinces will hold elections next spring"
    c = article("tr-c", "Three", "2022-10-02", f"The prime minister said {other}.")
    c.actor("The prime minister", "person", "GBR").claim(other, "The prime minister")
    claims = analyse([a.stored(), b.stored(), c.stored()]).claims
    merged = next(x for x in claims if x.articles > 1)
    assert {r.article for r in merged.reports} == {"tr-a", "tr-b"} and merged.outlets == 2


def test_a_denial_its_own_sentence_reports_is_a_claim_contradiction_with_both_sides() -> None:
    depot = (578072, 50.61, 36.58, "city", "RU", "Belgorod")
    a = article("rd-a", "Paper", "2022-05-02", "The mayor said artillery had struck a depot in Belgorod, "
                "claims Ukraine's army has denied.")
    a.actor("The mayor", "person", "RUS").actor("Ukraine's army", "org", "UKR").place("Belgorod", *depot)
    a.claim("artillery had struck a depot in Belgorod", "The mayor", status="denied", places=("Belgorod",))
    (x,) = [x for x in analyse([a.stored()]).contradictions if x.kind == "claim"]
    assert [s.claimant.side if s.claimant else None for s in x.sides] == ["RUS", "UKR"]
    assert x.sides[0].reports[0].text == "artillery had struck a depot in Belgorod"
    assert x.sides[1].reports[0].text == "Ukraine's army has denied"
