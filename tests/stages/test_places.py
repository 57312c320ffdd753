from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from sitrep.config import Settings
from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.names import name_key
from sitrep.model import Record
from sitrep.pipeline import Stage
from sitrep.stages.places import make_places_stage
from tests.stages.places.builders import places, small_places_stage


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> Stage:
    return small_places_stage(tmp_path_factory)


def test_contract(stage: Stage) -> None:
    assert stage.name == "places" and stage.requires == {"text", "parse"} and stage.provides == {"places"}


def test_region_cue_resolves_to_the_region_record(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Russian forces have left most of the Kharkiv region after heavy fighting.")
    oblast = got["Kharkiv Oblast"]
    assert oblast.geonameid == 706482 and oblast.kind == "region"
    assert oblast.mentions[0].text == "Kharkiv region"
    assert got["Russia"].kind == "country" and got["Russia"].mentions[0].text == "Russian"


def test_bare_name_defaults_to_the_city(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Explosions were heard in Kherson on Tuesday, officials said.")
    assert got["Kherson"].geonameid == 706448 and got["Kherson"].kind == "city"
    assert any(a.geonameid == 706442 for a in got["Kherson"].alternatives)


def test_seed_rivers_are_rivers(stage: Stage, nlp: Any) -> None:
    text = "The Russian troops had retreated beyond the rivers Oskil and Severski Donets."
    got = places(stage, nlp, text)
    assert got["Oskil"].kind == "river" and got["Oskil"].geonameid is None
    assert got["Siverskyi Donets"].kind == "river"
    assert got["Siverskyi Donets"].mentions[0].text == "Severski Donets"


@pytest.mark.parametrize(("text", "name", "gid"), [
    ("The Ukrainian army has also reclaimed Izium, a strategic city.", "Izyum", 707292),
    ("In the city of Nova Kachovka, soldiers evacuated a hospital.", "Nova Kakhovka", 699839),
    ("Shelling continued near Balaklia and Kupiansk on Friday.", "Balakliya", 712926),
    ("Missiles hit Kharkov overnight, the mayor said.", "Kharkiv", 706483),
])
def test_transliteration_variants(stage: Stage, nlp: Any, text: str, name: str, gid: int) -> None:
    assert places(stage, nlp, text)[name].geonameid == gid


def test_ambiguous_name_follows_the_story_country(stage: Stage, nlp: Any) -> None:
    us = places(stage, nlp, "Storms hit Atlanta and the rest of Georgia, and the United States braced for more.")
    assert us["Georgia"].country == "US"
    ge = places(stage, nlp, "Protesters gathered in Tbilisi as Georgia and Russia traded accusations.")
    assert ge["Georgia"].country == "GE"
    ca = places(stage, nlp, "Snow closed roads around London, Ontario, on Monday.")
    assert ca["London"].country == "CA"


def test_demonyms_people_and_media_are_not_places(stage: Stage, nlp: Any) -> None:
    text = ("The Russians still control about a fifth of the country. In an interview with the Financial Times, "
            "Zelensky wrote this on Telegram.")
    assert places(stage, nlp, text) == {}


def test_ids_follow_first_mention_and_group_mentions(stage: Stage, nlp: Any) -> None:
    text = "Ukraine said Kharkiv was calm. Later Ukraine said Kharkiv was shelled again."
    record = stage.run(Record(id="t", text=text), nlp(text))
    assert [(p.id, p.name, len(p.mentions)) for p in record.places] == [("p1", "Ukraine", 2), ("p2", "Kharkiv", 2)]


def test_work_grows_linearly_with_the_text(stage: Stage, nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The places stage once recomputed the story context per mention (quadratic): count name keys."""
    from sitrep.stages.places import recognise, resolve

    calls = {"n": 0}

    def counting(name: str) -> str:
        calls["n"] += 1
        return name_key(name)

    monkeypatch.setattr(resolve, "name_key", counting)
    monkeypatch.setattr(recognise, "name_key", counting)
    para = "Russian forces shelled Kharkiv and Izium again, officials in Kherson said. " * 10 + "\n\n"
    work = []
    for copies in (2, 8):
        text = para * copies
        calls["n"] = 0
        stage.run(Record(id="t", text=text), nlp(text))
        work.append(calls["n"])
    assert work[0] > 0 and work[1] <= 4.5 * work[0]


def test_comma_container_and_capital(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Snow fell on London, Ontario, and later on London.")
    assert got["London"].country == "CA" and len(got["London"].mentions) == 2


def test_acronyms_do_not_match_towns_by_alternate_names(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "The MoD said the USA would send more troops to Kharkiv.")
    assert "Modesto" not in got and "United States" in got


def test_state_university_is_in_the_state(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Researchers at Colorado State University said the storm season would be busy.")
    assert got["Colorado"].geonameid == 5417618


def test_a_persons_name_is_not_a_town_elsewhere_in_the_story(stage: Stage, nlp: Any) -> None:
    text = "Minister Oleg Izyum spoke on Monday. Izyum said the team was ready."
    assert "Izyum" not in places(stage, nlp, text)


def test_story_country_outweighs_a_bigger_namesake(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Police in Dublin and across Ireland said a man was arrested in Dundalk.")
    assert got["Dundalk"].country == "IE"
    assert places(stage, nlp, "A man was arrested in Dundalk on Monday.")["Dundalk"].country == "US"


def test_demonyms_in_passing_are_country_evidence(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "None of the injured were Irish, police said. The man lived in Dundalk.")
    assert got["Dundalk"].country == "IE" and "Ireland" not in got


def test_county_follows_the_region_most_of_the_story_is_in(stage: Stage, nlp: Any) -> None:
    text = ("Floods hit Des Moines and much of Iowa. Montgomery County closed roads, Iowa officials said, "
            "while forecasters in Chicago watched.")
    assert places(stage, nlp, text)["Montgomery County"].geonameid == 4867788


def test_a_name_listed_with_states_is_the_state(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Tech firms left western states such as California or Washington.")
    assert got["Washington"].geonameid == 5815135
    assert places(stage, nlp, "Officials in Washington said talks would resume.")["Washington"].geonameid == 4140963


def test_vague_regional_demonyms_are_not_emitted(stage: Stage, nlp: Any) -> None:
    assert places(stage, nlp, "A caravan of Central American migrants reached the border.") == {}


def test_possessive_names_keep_their_facility_and_full_name(stage: Stage, nlp: Any) -> None:
    assert "Saint Peter" not in places(stage, nlp, "The Pope led the vigil in St. Peter's Basilica on Saturday.")
    got = places(stage, nlp, "The Democratic People's Republic of Korea fired a missile.")
    assert "North Korea" in got and "South Korea" not in got


# ---------------------------------------------------------------- dev-set gate (needs ../shared)
DEV_ACC_161 = 94.6  # measured 95.1% (acc@161km of found toponyms) minus 0.5
DEV_RECALL = 86.2  # measured 86.7% minus 0.5


def test_dev_geoparse_gate(nlp: Any, tmp_path: Any) -> None:
    """GeoWebNews dev: acc@161km and recall by the grader, with the real gazetteer."""
    import json
    import re
    import subprocess
    import sys

    from sitrep.model import Document
    from sitrep.nlp.parser import parse_texts
    from sitrep.pipeline import start_record
    from tests.conftest import shared_path

    gold = shared_path("data", "dev", "geoparse_geowebnews_dev.jsonl")
    scorer = shared_path("tools", "score.py")
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    real = make_places_stage(Settings())
    out = tmp_path / "records.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for d, parse in zip(docs, parse_texts(nlp, [d["text"] for d in docs]), strict=True):
            rec = real.run(start_record(Document(id=str(d["id"]), text=d["text"])), parse)
            f.write(rec.model_dump_json() + "\n")
    report = subprocess.run([sys.executable, str(scorer), "geoparse", str(gold), str(out)], capture_output=True,
                            text=True, check=True).stdout
    found = re.search(r"acc@161km ([\d.]+)% of found, recall ([\d.]+)%", report)
    assert found, report
    acc, recall = float(found.group(1)), float(found.group(2))
    assert acc >= DEV_ACC_161 and recall >= DEV_RECALL, report


def _entry(name: str, kind: str = "city", population: int = 20_000, country: str = "IE") -> Any:
    from sitrep.gazetteer.store import Entry

    return Entry(1, name, "P", "PPL" if kind == "city" else "PCLI", country, None, 53.0, -6.4, population, kind)


def test_coordinated_demonyms_are_modifiers(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "The Russian and Irish delegations met on Monday.")
    assert "Russia" in got and "Ireland" in got
    assert places(stage, nlp, "She speaks Russian and English.") == {}


def test_a_person_tagged_town_after_a_locative_preposition_is_a_place() -> None:
    from sitrep.gazetteer.store import Hit
    from sitrep.stages.places.recognise import Mention, is_toponym
    from sitrep.stages.places.tables import load_tables

    m = Mention(0, 6, "Owerri", (Hit(_entry("Owerri"), 0),), "PERSON", exact_ent=True, locative=True)
    assert is_toponym(m, load_tables())
    assert not is_toponym(Mention(0, 6, "Owerri", m.hits, "PERSON", exact_ent=True), load_tables())


def test_a_country_inside_a_longer_name_is_still_the_country() -> None:
    from sitrep.gazetteer.store import Hit
    from sitrep.stages.places.recognise import Mention, is_toponym
    from sitrep.stages.places.tables import load_tables

    country = Mention(4, 10, "France", (Hit(_entry("France", "country", 6_000_000, "FR"), 0),), "ORG", inner=True)
    town = Mention(4, 10, "Bolton", (Hit(_entry("Bolton", population=140_000, country="GB"), 0),), "ORG",
                   inner=True)
    assert is_toponym(country, load_tables()) and not is_toponym(town, load_tables())


def test_short_codes_match_only_in_capitals() -> None:
    from sitrep.gazetteer.store import Hit
    from sitrep.stages.places.recognise import plausible_hits

    car = Hit(_entry("Central African Republic", "country", 5_000_000, "CF"), 0)
    assert plausible_hits("Car", (car,)) == ()
    assert plausible_hits("CAR", (car,)) == (car,)


# ---------------------------------------------------------------- containers, locatives, persons, common words
@pytest.mark.parametrize(("text", "town", "gid", "region"), [
    ("Russian forces shelled Prymorske, Zaporizhzhia.", "Prymorske", 696278, "Zaporizhzhia Oblast"),
    ("On Friday Russian artillery hit Prymorske, Donetsk, wounding two.", "Prymorske", 696279, "Donetsk Oblast"),
    ("Russian forces shelled Vesele, Donetsk. No one was hurt.", "Vesele", 689702, "Donetsk Oblast"),
    ("A drone struck a farm near Vesele, Zaporizhzhia.", "Vesele", 689736, "Zaporizhzhia Oblast"),
    ("Russian forces shelled Lyman, in the Kharkiv region, killing one civilian.", "Lyman", 703071,
     "Kharkiv Oblast"),
    ("Two shells hit Kurakhivka in Donetsk oblast overnight.", "Kurakhivka", 538992, "Donetsk Oblast"),
    ("Shelling by Russian forces hit New York, Donetsk.", "Niu-York", 699751, "Donetsk Oblast"),
])
def test_a_region_named_next_constrains_the_town(stage: Stage, nlp: Any, text: str, town: str, gid: int,
                                                  region: str) -> None:
    got = places(stage, nlp, text)
    assert got[town].geonameid == gid and got[town].admin1 == region and got[town].kind == "city"
    assert got[region].kind == "region"  # 'Zaporizhzhia', 'Donetsk' after the town are the oblast, not a city
    assert "Zaporizhzhya" not in got and "Donetsk" not in got


def test_a_list_of_towns_is_not_a_town_and_its_region(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Sirens sounded in Kharkiv, Zaporizhzhia and Kherson.")
    assert got["Zaporizhzhya"].kind == "city"


def test_new_york_alone_is_the_city(stage: Stage, nlp: Any) -> None:
    assert places(stage, nlp, "She moved to New York last year.")["New York City"].country == "US"


def test_the_attackers_demonym_does_not_place_the_town(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Russian forces shelled Donetsk. Two civilians were wounded.")
    assert got["Donetsk"].geonameid == 709717 and got["Russia"].kind == "country"


def test_the_city_a_region_is_named_after_outranks_a_namesake_in_the_storys_other_country(
        stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Russia's defence ministry said Ukrainian troops shelled Donetsk.")
    assert got["Donetsk"].geonameid == 709717


def test_front_line_towns_taken_held_or_fought_around_are_places(stage: Stage, nlp: Any) -> None:
    assert places(stage, nlp, "Ukrainian troops recaptured Lyman on Saturday.")["Lyman"].country == "UA"
    got = places(stage, nlp, "Fighting continued around Barvinkove and Borodyanka.")
    assert got["Barvinkove"].geonameid == 712794 and got["Borodianka"].geonameid == 711635


@pytest.mark.parametrize("text", [
    "Kateryna, 34, said her house was destroyed.",  # an age after the name: a person (and no Greek Katerini)
    "Rescuers reached Kateryna on Monday.",  # a spelling variant of a Greek town's name is not a match
    "US Secretary of State Antony Blinken met his counterpart.",  # 'State' here is no region cue
    "Human traffickers were arrested, and the human cost is rising.",  # the text uses the word in lower case
    "Mass Grave Found Near A Forest As Troops Push East",  # 'Mass' without its period is no abbreviation
    "Human Rights Groups Condemn The Strike",  # a headline: a small town's namesake needs more
    "Thousands fled to the Abu Shouk camp near El Fasher.",  # the start of a longer place name: not Abu, India
])
def test_persons_and_common_words_are_not_places(stage: Stage, nlp: Any, text: str) -> None:
    got = places(stage, nlp, text)
    assert not {"Kateríni", "Antony", "Uman", "Massachusetts", "Ābu"} & set(got), got


def test_a_state_abbreviation_with_its_period_is_the_state(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "The firm was founded in Springfield, Mass., in 1990.")
    assert got["Massachusetts"].kind == "region" and got["Springfield"].admin1 == "Massachusetts"


# ---------------------------------------------------------------- the hand-written ACLED-style notes
NOTES = Path(__file__).with_name("places_notes.tsv")


@pytest.fixture(scope="module")
def real_stage() -> Stage:
    path = Settings().gazetteer_path
    if not path.exists():
        if os.environ.get("CI") != "true":
            pytest.skip(f"no gazetteer at {path}; run `sitrep gazetteer build`")
        return make_places_stage(Settings())  # builds it
    return make_places_stage(Settings(), Gazetteer(path))


def test_acled_style_notes_land_in_the_named_oblast(real_stage: Stage, nlp: Any) -> None:
    rows = [line.split("\t") for line in NOTES.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert len(rows) >= 15
    for text, town, admin1 in rows:
        got = [p for p in real_stage.run(Record(id="n", text=text), nlp(text)).places
               if any(m.text == town for m in p.mentions)]
        assert got and got[0].admin1 == admin1 and got[0].kind == "city", (text, got)


def test_a_ship_named_after_a_city_is_no_place(nlp: Any) -> None:
    got = places(make_places_stage(Settings()), nlp,  # the full gazetteer: the small one lacks Moscow "The navy lost the cruiser Moskva near the coast. After the Moskva went down, "
                             "officials in Moscow said nothing, and talks were held in Kyiv.")
    assert "Moscow" in got and got["Moscow"].mentions[0].text == "Moscow"
    assert all(m.text != "Moskva" for p in got.values() for m in p.mentions)
    assert "Kyiv" in got


def test_a_dateline_names_where_the_story_was_filed(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "OSKIL, May 2 (AP) — Residents returned to their homes after the shelling stopped.")
    assert got["Oskil"].kind == "city" and got["Oskil"].mentions[0].text == "OSKIL"


@pytest.mark.parametrize(("text", "opens"), [
    ("LONDON, April 5 (Reuters) - Talks resumed.", True),
    ("Some text.\nKHARKIV (AP) — Sirens sounded.", True),
    ("London - the capital - was quiet.", True),
    ("Officials in London, April said, were quiet.", False),
    ("London Breed, the mayor, spoke.", False),
])
def test_dateline_shape(text: str, opens: bool) -> None:
    from sitrep.stages.places.evidence import is_dateline
    from sitrep.stages.places.recognise import Mention

    start = text.index("LONDON") if "LONDON" in text else text.find("KHARKIV") if "KHARKIV" in text else text.index("London")
    word = text[start:].split(",")[0].split(" ")[0]
    assert is_dateline(text, Mention(start, start + len(word), word, ())) is opens


def test_a_compass_word_before_a_country_is_part_of_its_mention(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "Heavy fighting spread across Eastern Ukraine this week.")
    assert got["Ukraine"].mentions[0].text == "Eastern Ukraine" and got["Ukraine"].kind == "country"



def test_a_name_written_after_a_given_name_is_a_surname_throughout(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "The engineer Maria Dundalk spoke to reporters in Kharkiv. Dundalk said the lines were cut.")
    assert "Dundalk" not in got and "Kharkiv" in got


def test_a_party_to_a_court_case_is_not_a_place(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "The judges cited Dundalk v. Ireland in their ruling.")
    assert "Dundalk" not in got and "Ireland" in got
    text = "Lawyers in Kharkiv cited Kharkiv v. Ivanenko, a ruling of 2019."
    assert [m.start for m in places(stage, nlp, text)["Kharkiv"].mentions] == [text.index("Kharkiv")]


@pytest.mark.parametrize(("text", "cue"), [
    ("Troops reclaimed Lyman, a strategic city in eastern Ukraine.", "city"),
    ("They reached Vesele, a small village.", "city"),
    ("The boats crossed the Oskil, a narrow river near the border.", "river"),
    ("Kateryna, a resident of the village, said she stayed.", None),
    ("Ivan, a city official, said so.", None),
])
def test_an_apposition_names_the_kind_of_place(text: str, cue: str | None) -> None:
    from sitrep.stages.places.evidence import appositive_cue
    from sitrep.stages.places.recognise import Mention

    word = text.split(",")[0].split()[-1]
    start = text.index(word)
    assert appositive_cue(text, Mention(start, start + len(word), word, ())) == cue


def test_a_reclaimed_town_is_a_place_even_when_tagged_a_person(stage: Stage, nlp: Any) -> None:
    got = places(stage, nlp, "The army has also reclaimed Balakliia, a strategic city, from Russian forces.")
    assert got["Balakliya"].kind == "city" and got["Balakliya"].country == "UA"
