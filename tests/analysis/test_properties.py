"""Property tests: the views do not depend on ingest order, and incremental = full recomputation."""

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.analysis import Analyser, analyse
from sitrep.model import StoredArticle
from tests.analysis.builders import KHARKIV, KYIV, area_reports, article, shelling_reports


def _more() -> list[StoredArticle]:
    a = article("p-a", "Wire One", "2022-04-13", "The mayor said a strike on Kyiv killed 3 people, which Moscow denied.")
    a.actor("The mayor", "person", "UKR").actor("Moscow", "state", "RUS").place("Kyiv", *KYIV)
    a.quantity("3 people", 3, "killed").claim("a strike on Kyiv killed 3 people", "The mayor", places=("Kyiv",),
                                              quantities=("3 people",))
    a.event("strike", "ASSAULT", places=("Kyiv",), claim="a strike on Kyiv killed 3 people")
    b = article("p-b", "Daily Two", "2022-04-14", "Moscow called the strike on Kyiv a fake and a provocation.")
    b.actor("Moscow", "state", "RUS").place("Kyiv", *KYIV).claim("the strike on Kyiv a fake", "Moscow",
                                                                 places=("Kyiv",))
    c = article("p-c", "Daily Two", "2022-04-15", "Russian forces captured a village near Kharkiv.")
    c.actor("Russian forces", "group", "RUS").place("Kharkiv", *KHARKIV)
    c.event("captured", "ASSAULT", ("Battles", "Non-state actor overtakes territory"), actor="Russian forces",
            places=("Kharkiv",))
    return [a.stored(), b.stored(), c.stored()]


def _identity() -> list[StoredArticle]:
    """A visit named in one report and resolved in another; a countrywide withdrawal on a stated day."""
    lviv = (702550, 49.84, 24.02, "city", "UA", "Lviv Oblast")
    a = article("p-v", "Paper", "2022-04-16", "Mr. Harlow, a critic of Moscow, traveled to Lviv a week ago.")
    a.place("Lviv", *lviv).event("traveled to Lviv", "CONSULT", places=("Lviv",))
    b = article("p-w", "Daily", "2022-04-18", "During Harlow's visit the minister toured Lviv. "
                "The Russians left the country's north on April 1.")
    b.actor("Harlow", "person", "GBR").actor("The Russians", "group", "RUS").place("Lviv", *lviv)
    b.time("April 1", "2022-04-01").event("visit", "CONSULT", actor="Harlow", places=("Lviv",))
    b.event("left", "RETREAT", ("Strategic developments", "Non-violent transfer of territory"),
            actor="The Russians", when="April 1")
    return [a.stored(), b.stored()]


def _seasons() -> list[StoredArticle]:
    """A strike campaign told in two statements months apart, a numbered act recalled, a standing hold."""
    ukraine, russia = (690791, 49.0, 32.0, "country", "UA"), (2017370, 60.0, 100.0, "country", "RU")
    remote = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    a = article("p-s1", "Ministry", "2022-11-20", "The army keeps hitting Ukraine with strikes on power plants.")
    a.place("Ukraine", *ukraine).event("strikes on power plants", "ASSAULT", remote, places=("Ukraine",))
    b = article("p-s2", "Ministry", "2023-02-10", "All winter the enemy bombed the power grid of Ukraine.")
    b.place("Ukraine", *ukraine).event("bombed the power grid", "ASSAULT", remote, places=("Ukraine",))
    c = article("p-s3", "Office", "2022-03-01", "Today we announce the first package of sanctions on Russia. "
                "Melitopol remains under Russian control.")
    c.place("Russia", *russia).place("Melitopol", 702320, 46.85, 35.37, "city", "UA", "Zaporizhzhia Oblast")
    c.time("Today", "2022-03-01").event("sanctions", "SANCTION", places=("Russia",), when="Today")
    d = article("p-s4", "Office", "2022-03-03", "Our first package of sanctions hit Russia hard.")
    d.place("Russia", *russia).event("sanctions", "SANCTION", places=("Russia",))
    return [a.stored(), b.stored(), c.stored(), d.stored()]


POOL = shelling_reports() + area_reports() + _more() + _identity() + _seasons()
FULL = analyse(POOL).to_json_dict()


@settings(max_examples=25, deadline=None)
@given(st.permutations(POOL))
def test_same_articles_in_any_order_give_the_same_output_and_ids(order: list[StoredArticle]) -> None:
    assert analyse(order).to_json_dict() == FULL


@settings(max_examples=25, deadline=None)
@given(st.permutations(POOL), st.integers(min_value=0, max_value=len(POOL)))
def test_incremental_update_equals_full_recomputation(order: list[StoredArticle], cut: int) -> None:
    analyser = Analyser(order[:cut])
    for one in order[cut:]:
        analyser.add([one])
    assert analyser.result().to_json_dict() == FULL


def test_adding_an_article_keeps_the_ids_of_items_it_does_not_touch() -> None:
    before = analyse(POOL[:-1])
    after = analyse(POOL)
    kept = {e.id for e in before.events} & {e.id for e in after.events}
    assert len(kept) >= len(before.events) - 1
    assert {c.id for c in before.claims} <= {c.id for c in after.claims}


def test_the_pool_exercises_every_view() -> None:
    assert FULL["events"] and FULL["claims"] and FULL["figures"] and FULL["timelines"]
    kinds = {x["kind"] for x in FULL["contradictions"]}  # type: ignore[union-attr]
    assert "claim" in kinds
