"""Tests for the EVENTS stage: hand-written sentences per ACLED sub-type and PLOVER type,
the seed-like sentences, ids/spans, and (when ../shared is present) the dev-set gates."""

from __future__ import annotations

import json

import pytest

from sitrep.model import Actor, Claim, Place, Record, Span
from sitrep.stages.events import make_events_stage
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def stage():
    return make_events_stage()


@pytest.fixture(scope="module")
def run(nlp, stage):
    def _run(text: str, **fields: object) -> Record:
        return stage.run(Record(id="t", text=text, **fields), nlp(text))  # type: ignore[arg-type]
    return _run


def first_label(record: Record, scheme: str) -> str | None:
    for event in record.events:
        if scheme == "acled" and event.acled:
            return event.acled[1]
        if scheme == "plover" and event.plover:
            return event.plover
    return None


def place(pid: str, name: str, text: str, kind: str = "city") -> Place:
    start = text.index(name)
    return Place(id=pid, name=name, kind=kind, mentions=(Span(start=start, end=start + len(name), text=name),))  # type: ignore[arg-type]


ACLED_CASES = [
    ("Government warplanes bombed rebel positions near the town, killing four fighters.", "Air/drone strike"),
    ("A drone strike hit a car carrying militants on Tuesday.", "Air/drone strike"),
    ("Separatists shelled residential areas of the city overnight with heavy artillery.", "Shelling/artillery/missile attack"),
    ("A suicide bomber blew himself up at a checkpoint, killing three police officers.", "Suicide bomb"),
    ("A roadside bomb exploded under an army truck, wounding two soldiers.", "Remote explosive/landmine/IED"),
    ("Attackers hurled a grenade at a police patrol in the market.", "Grenade"),
    ("Rebels used chlorine gas against the besieged district, witnesses said.", "Chemical weapon"),
    ("Troops and insurgents exchanged fire for several hours near the border.", "Armed clash"),
    ("Government forces recaptured the town of Marib from the rebels on Sunday.", "Government regains territory"),
    ("Islamic State militants seized control of the village after two days of heavy fighting.", "Non-state actor overtakes territory"),
    ("Gunmen opened fire on villagers at a market, killing nine people.", "Attack"),
    ("Armed men abducted two aid workers from their car.", "Abduction/forced disappearance"),
    ("Two women were raped by soldiers at the camp, a rights group said.", "Sexual violence"),
    ("Thousands of protesters rallied peacefully in the capital against the new tax.", "Peaceful protest"),
    ("Police detained dozens of demonstrators at an unauthorised rally in the city.", "Protest with intervention"),
    ("Security forces fired tear gas and live ammunition at protesters, killing two.", "Excessive force against protesters"),
    ("Protesters threw stones at police and set cars on fire during the demonstration.", "Violent demonstration"),
    ("An angry mob lynched a man accused of theft in the village.", "Mob violence"),
    ("The warring parties agreed a ceasefire to take effect on Monday.", "Agreement"),
    ("Police arrested five opposition politicians in dawn raids on Thursday.", "Arrests"),
    ("Soldiers seized a cache of weapons and ammunition in a hideout.", "Disrupted weapons use"),
    ("The army established a new military base near the border.", "Headquarters or base established"),
    ("Militants looted shops and set fire to houses in the town.", "Looting/property destruction"),
    ("Government troops withdrew from the city without a fight.", "Non-violent transfer of territory"),
    ("Dozens of soldiers defected to the rebel army on Friday.", "Change to group/activity"),
]

NO_ACLED = [
    "A magnitude 6.1 earthquake struck the coast, killing eight people.",
    "A gas tank at the chemical plant exploded, injuring four workers.",
    "A man robbed a bank downtown and fled with cash.",
    "The foreign minister met his counterpart to discuss trade ties.",
    "The group claimed responsibility for the car bomb that killed eight people.",
]

PLOVER_CASES = [
    ("The two governments agreed to share information on missing persons.", "AGREE"),
    ("The president held talks with the visiting prime minister.", "CONSULT"),
    ("The government welcomed the statement as a step towards peace.", "SUPPORT"),
    ("The authorities lifted the curfew in the province.", "CONCEDE"),
    ("The two countries restored full diplomatic ties.", "COOPERATE"),
    ("Doctors donated medicine to the hospital.", "AID"),
    ("The president resigned on Sunday.", "RETREAT"),
    ("Prosecutors are investigating alleged war crimes in the region.", "INVESTIGATE"),
    ("The opposition demanded the release of political prisoners.", "DEMAND"),
    ("The minister accused the neighbouring state of violating the treaty.", "DISAPPROVE"),
    ("The rebels rejected the peace plan.", "REJECT"),
    ("The government threatened to cut off relations with its neighbour.", "THREATEN"),
    ("The United States imposed sanctions on the regime.", "SANCTION"),
    ("Workers began a hunger strike to protest the closure.", "PROTEST"),
    ("Smugglers trafficked drugs across the border.", "CRIME"),
    ("The government mobilized army reservists.", "MOBILIZE"),
    ("The government banned the opposition party.", "COERCE"),
    ("Soldiers attacked the village, killing twelve civilians.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "sub"), ACLED_CASES)
def test_acled_sub_types(run, text, sub):
    assert first_label(run(text), "acled") == sub


@pytest.mark.parametrize("text", NO_ACLED)
def test_disaster_crime_diplomacy_get_no_acled(run, text):
    assert first_label(run(text), "acled") is None


@pytest.mark.parametrize(("text", "plover"), PLOVER_CASES)
def test_plover_types(run, text, plover):
    assert first_label(run(text), "plover") == plover


def test_no_event_document(run):
    assert run("The weather was mild and the museum opened at nine.").events == ()


def test_future_acts_are_promises_or_threats(run):
    assert first_label(run("Finland will give Tanzania a grant for new schools."), "plover") == "AGREE"
    assert first_label(run("The farmers said they would blockade Paris from Monday."), "plover") == "THREATEN"


def test_russian_capture_is_non_state_in_ukraine(run):
    rec = run("Russian forces captured the village of Pisky after weeks of fighting.")
    assert first_label(rec, "acled") == "Non-state actor overtakes territory"


def test_seed_like_sentences(run):
    text = ("Russian forces have left most of the Kharkiv region after Ukrainian counter-attacks. "
            "The Ukrainian army has also reclaimed Izyum from Russian forces. "
            "Zelensky thanked the soldiers who liberated hundreds of towns, the most recent of which are "
            "Balaklia, Izyum and Kupyansk. "
            "In the city of Nova Kachovka, Russian soldiers evacuated a hospital so that they could entrench themselves. "
            "Russia is not rejecting negotiations with Ukraine, Lavrov said. "
            "Russia is demanding that Ukraine not become a member of NATO.")
    places = (place("p1", "Kharkiv", text, "region"), place("p2", "Izyum", text), place("p3", "Balaklia", text),
              place("p4", "Kupyansk", text), place("p5", "Nova Kachovka", text))
    rec = run(text, places=places)
    by_place: dict[str, list[str | None]] = {}
    for event in rec.events:
        for pid in event.places:
            by_place.setdefault(pid, []).append(event.plover)
    assert "RETREAT" in by_place["p1"]
    regained = [e for e in rec.events if e.acled and e.acled[1] == "Government regains territory"]
    assert {p for e in regained for p in e.places} >= {"p2", "p3", "p4"}
    assert {"MOBILIZE", "COERCE"} & set(by_place["p5"])
    plovers = [e.plover for e in rec.events]
    assert "CONSULT" in plovers and "DEMAND" in plovers and "REJECT" not in plovers


def test_ids_spans_and_links(run):
    text = "Police said gunmen shot dead two farmers on Monday. Protesters marched in Kyiv."
    actor = Actor(id="a1", name="gunmen", kind="group", mentions=(Span(start=12, end=18),))
    claim = Claim(id="c1", start=12, end=50)
    rec = run(text, actors=(actor,), claims=(claim,), places=(place("p1", "Kyiv", text),))
    assert [e.id for e in rec.events] == [f"e{i}" for i in range(1, len(rec.events) + 1)]
    assert [e.start for e in rec.events] == sorted(e.start for e in rec.events)
    for event in rec.events:
        assert 0 <= event.start < event.end <= len(text) and event.end - event.start <= 400
        assert event.trigger is not None and text[event.trigger.start:event.trigger.end] == event.trigger.text
    first, second = rec.events[0], rec.events[-1]
    assert first.actor == "a1" and first.claim == "c1"
    assert second.places == ("p1",) and second.claim is None


WAR_ACLED_CASES = [
    ("Tanks and troops rolled into the border town at dawn.", "Non-state actor overtakes territory"),
    ("Fighters took forty villagers into the mountains.", "Abduction/forced disappearance"),
    ("The army unleashed a full-scale offensive in the east.", "Armed clash"),
    ("Government forces pounded rebel positions around the city.", "Shelling/artillery/missile attack"),
    ("The missile strikes destroyed a fuel depot and killed two people.", "Shelling/artillery/missile attack"),
    ("The troops hurriedly departed on March 31.", "Non-violent transfer of territory"),
    ("The blazes at two oil depots were started by enemy drones.", "Air/drone strike"),
    ("The warehouse fire was caused by a rocket, the mayor said.", "Shelling/artillery/missile attack"),
    ("Heavy artillery hit an ammunition depot near the frontier at dawn.", "Shelling/artillery/missile attack"),
    ("Air defences shot down four attack drones overnight.", "Disrupted weapons use"),
    ("Police discovered a weapons depot in a farmhouse.", "Disrupted weapons use"),
]

WAR_PLOVER_CASES = [
    ("Soldiers held the plant staff at gunpoint for a month.", "COERCE"),
    ("Fires broke out at two oil depots in a potential act of sabotage.", "ASSAULT"),
    ("The country annexed the peninsula in 2014.", "COERCE"),
    ("The defence ministry promised to bomb targets in the capital.", "THREATEN"),
    ("The two states have renewed diplomatic ties after a long break.", "COOPERATE"),
    ("Mines work hard to meet demand for coal.", None),
    ("Norway has supplied the army with new anti-tank missile systems.", "AID"),
    ("Four lorries laden with medicine and food reached the encircled town.", "AID"),
    ("The trains of commuters were delayed again.", None),
]


@pytest.mark.parametrize(("text", "sub"), WAR_ACLED_CASES)
def test_war_reporting_acled(run, text, sub):
    assert first_label(run(text), "acled") == sub


@pytest.mark.parametrize(("text", "plover"), WAR_PLOVER_CASES)
def test_war_reporting_plover(run, text, plover):
    assert first_label(run(text), "plover") == plover


def test_labour_strike_is_no_missile_strike(run):
    assert first_label(run("Teachers went on strike over pay on Monday."), "acled") == "Peaceful protest"


def test_month_march_is_no_protest(run):
    rec = run("Troops withdrew from the town on March 31.")
    assert "PROTEST" not in [e.plover for e in rec.events]


def test_several_events_per_sentence_main_first(run):
    rec = run("Ukrainian forces repelled the attack, and Moscow has withdrawn thousands of troops from the region.")
    assert [e.plover for e in rec.events][:2] == ["ASSAULT", "RETREAT"]
    assert len({e.start for e in rec.events}) == 1


def test_background_clause_comes_after_main_event(run):
    rec = run("The country is about to restore diplomatic ties with its neighbour five years after crowds "
              "burned down its embassy.")
    assert [e.plover for e in rec.events][:2] == ["COOPERATE", "COERCE"]


def test_strike_on_several_towns_is_one_event_per_town(run):
    text = "Missiles struck Odesa and Lviv on Saturday."
    rec = run(text, places=(place("p1", "Odesa", text), place("p2", "Lviv", text)))
    assert [e.places for e in rec.events] == [("p1",), ("p2",)]


def test_event_without_place_takes_the_scene(run):
    text = "Air-raid sirens wailed in Kharkiv overnight. The strike killed one person."
    rec = run(text, places=(place("p1", "Kharkiv", text),))
    strike = [e for e in rec.events if e.acled and e.start > 30]
    assert strike and strike[0].places == ("p1",)


def _score(nlp, stage, name: str, scheme: str, part: str | None = None) -> float:
    """Macro F1 of the first labelled event against a dev set (or its tune / check part,
    tests/devsplit.py), as shared/tools/score.py computes it."""
    from tests.devsplit import part_of

    docs = [json.loads(line) for line in shared_path("data", "dev", name).read_text(encoding="utf-8").splitlines()]
    docs = [d for d in docs if part is None or part_of(str(d["id"])) == part]
    pairs = []
    for doc, parse in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        if doc.get("labels") == [] and doc.get("no_events") is False:
            continue
        label = doc.get("label") or (doc.get("labels") or ["None"])[0]
        gold = str(doc["acled_sub_event_type"] or "None") if scheme == "acled" else str(label)
        gold = {"FIGHT": "ASSAULT", "REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}.get(gold, gold)
        got = first_label(stage.run(Record(id="d", text=doc["text"]), parse), scheme) or "None"
        pairs.append((gold, got))
    f1s = []
    for label in sorted({g for g, _ in pairs}):
        tp = sum(g == p == label for g, p in pairs)
        fp = sum(p == label != g for g, p in pairs)
        fn = sum(g == label != p for g, p in pairs)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return 100 * sum(f1s) / len(f1s)


# Floors on the fixed tune / check parts (the events stage alone, no upstream record). The check
# floors are the issue-8 acceptance figures (CASE >= 75, PLOVER >= 70); the tune floors sit just
# under what the stage measures now, after the cue entries written for single dev sentences went.
def test_case2021_acled_gate(nlp, stage):
    assert _score(nlp, stage, "events_case2021_dev.jsonl", "acled", "check") >= 75.0
    assert _score(nlp, stage, "events_case2021_dev.jsonl", "acled", "tune") >= 73.0


def test_plover_gsr_gate(nlp, stage):
    assert _score(nlp, stage, "events_plover_gsr_dev.jsonl", "plover", "check") >= 70.0
    assert _score(nlp, stage, "events_plover_gsr_dev.jsonl", "plover", "tune") >= 78.5


def test_petrarch2_gate(nlp, stage):
    assert _score(nlp, stage, "events_petrarch2_unittests.jsonl", "plover") >= 28.0


# --- precision on war reporting: acts that did not happen, duplicates, titles, junk triggers ---

def _acled(record: Record) -> list[str]:
    return [e.acled[1] for e in record.events if e.acled]


def test_demanded_cession_gives_no_territorial_event(run):
    text = "Russia is demanding that Ukraine cede the regions of Donetsk and Luhansk."
    rec = run(text, places=(place("p1", "Donetsk", text, "region"), place("p2", "Luhansk", text, "region")))
    assert [e.plover for e in rec.events] == ["DEMAND"] and _acled(rec) == []


@pytest.mark.parametrize("text", [
    "The opposition called for a ceasefire in the east.",
    "Moscow wants NATO to withdraw its troops from the Baltic states.",
    "The ministers urged the rebels to withdraw from the city.",
    "Kyiv demanded the withdrawal of Russian troops from the region.",
])
def test_demanded_acts_give_no_acled_event(run, text):
    assert _acled(run(text)) == []


@pytest.mark.parametrize("text", [
    "Russia might attack to keep Finland out of the alliance.",
    "Ukrainian forces could recapture the city within weeks.",
    "Will Russia invade Moldova?",
    "If Russian troops shell the city, the West will send more weapons.",
    "When Russia launches rocket strikes on civilians, Europe should supply more radars.",
    "Officials are looking at the possibility of Russia carrying out an attack on the border.",
])
def test_hypothetical_acts_give_no_event(run, text):
    assert _acled(run(text)) == []


def test_no_requests_is_no_demand(run):
    assert run("There have been no requests for assistance from either country.").events == ()


def test_writer_should_is_no_demand_but_reported_must_is(run):
    assert "DEMAND" not in [e.plover for e in run("Sweden and Finland should join the alliance.").events]
    assert "DEMAND" not in [e.plover for e in run("Even dictators need to worry about their standing.").events]
    said = run("Biden said Russia must end the war in Ukraine.")
    assert "DEMAND" in [e.plover for e in said.events]


def test_one_event_per_type_and_places_in_a_sentence(run):
    rec = run("The two countries have accepted refugees and have also accepted hundreds of evacuees.")
    assert [e.plover for e in rec.events] == ["AGREE"]


def test_strike_toll_is_no_second_attack(run):
    text = "The missile strike killed two people and injured several more in Kyiv."
    rec = run(text, places=(place("p1", "Kyiv", text),))
    assert _acled(rec) == ["Shelling/artillery/missile attack"]


def test_title_without_verb_gives_no_event(run):
    text = "Resumption of negotiations\n\nLavrov said the talks were over."
    assert all(e.start >= text.index("Lavrov") for e in run(text).events)


def test_place_that_acts_is_no_place_of_the_event(run):
    text = "Ukrainian forces repelled the attack on Kyiv, and Moscow has withdrawn its troops."
    rec = run(text, places=(place("p1", "Kyiv", text), place("p2", "Moscow", text)))
    assert all("p2" not in e.places for e in rec.events)
    assert any("p1" in e.places for e in rec.events if e.plover == "RETREAT")


@pytest.mark.parametrize("text", [
    "The alliance is a liability to peace and stability.",
    "Russia might not seek stability in the region.",
    "Faced with horrific losses on the battlefield, the general resigned.",
    "The changes are designed to help the company regain momentum.",
    "Observers say nonviolent forms of collaboration are better.",
    "Norway has supplied Ukraine with additional anti-ship missile launchers.",
    "The new package includes artillery systems and armored personnel carriers.",
    "That army now stands revealed as an empty shell.",
    "The Ukrainian people continue to demonstrate resilience and courage.",
    "We rallied the international community to stand against the war.",
])
def test_words_that_look_like_violence_are_not(run, text):
    assert _acled(run(text)) == []


# --- passing mentions of the war are no event reports (eventive.py) ---

@pytest.mark.parametrize("text", [
    "That optimism has largely evaporated in the wake of Russia's attack.",
    "Officials in the capital expect such attacks and downplay the risk.",
    "The alliance promises to defend any member that comes under attack.",
    "Six months of relentless attacks have only strengthened the nation's pride.",
    "The new radars help Ukraine protect its people against continued Russian attacks.",
    "Aid reaches communities affected by ongoing fighting.",
    "Refugees need support while the fighting continues.",
    "The Kremlin is also waging an ideological battle against Western values.",
    "The United States holds Russia accountable for its attacks and atrocities.",
])
def test_nominal_mentions_of_the_war_give_no_acled_event(run, text):
    assert _acled(run(text)) == []


@pytest.mark.parametrize("text", [
    "The package includes 100 grenade launchers, 5,000 rifles and 400 machine guns.",
    "The armored capabilities we are sending include Bradley infantry fighting vehicles and tanks.",
    "The West should begin arming Ukraine with main battle tanks.",
    "Ukraine is making use of antitank missiles and drones provided by its allies.",
    "Sanctions target firms that make combat aircraft and missiles for the military.",
])
def test_weapons_in_aid_lists_give_no_acled_event(run, text):
    assert _acled(run(text)) == []


@pytest.mark.parametrize("text", [
    "Putin had largely retreated from public view in recent weeks.",
    "The candidate is intent on liberating women from poverty.",
    "The firm captures the country's innovative culture.",
    "The Russian attempt to seize the capital failed.",
    "We support Ukraine's efforts to regain control of its territory.",
    "His forces failed to topple the government or wrest control of its biggest cities.",
    "Sanctions hit officials exercising authority in occupied areas of the country.",
])
def test_figurative_or_unachieved_territorial_acts_give_no_event(run, text):
    assert not [a for a in _acled(run(text)) if "territory" in a]


def test_ability_to_repel_is_no_clash(run):
    assert _acled(run("The equipment will bolster Ukraine's ability to repel Russia's aggression.")) == []


@pytest.mark.parametrize(("text", "label"), [
    ("The rocket strike killed two people and injured several more.", "Shelling/artillery/missile attack"),
    ("The missile attacks on Saturday hit an airport and a port.", "Shelling/artillery/missile attack"),
    ("Fighting broke out there this morning between the two armed groups.", "Armed clash"),
    ("Medics treated the injured after the missile strike in Kharkiv.", "Shelling/artillery/missile attack"),
    ("She sheltered in a basement for weeks to escape constant shelling in Kharkiv.", "Shelling/artillery/missile attack"),
    ("Warplanes carried out a series of airstrikes on several districts of the Gaza Strip.", "Air/drone strike"),
    ("Vietnamese-led forces retook a strategic village after fierce fighting with guerrillas.", "Armed clash"),
    ("The Russian ground force, which retreated hastily, left burned tanks behind.", "Non-violent transfer of territory"),
    ("Militants tried to storm the police headquarters with grenades.", "Grenade"),
])
def test_reported_acts_are_kept(run, text, label):
    known = ("Kharkiv",) if "Kharkiv" in text else ()
    rec = run(text, places=tuple(place(f"p{i}", n, text) for i, n in enumerate(known, 1)))
    assert label in _acled(rec)


def test_territorial_split_keeps_the_towns_a_sentence_lists(run):
    text = ("Zelensky thanked the soldiers who liberated hundreds of towns, "
            "the most recent of which are Balaklia and Kupyansk.")
    rec = run(text, places=(place("p1", "Balaklia", text), place("p2", "Kupyansk", text)))
    assert sorted(e.places for e in rec.events if e.acled and "territory" in e.acled[1]) == [("p1",), ("p2",)]


def test_weapons_defended_against_are_no_attack_by_the_defender(run):
    assert _acled(run("We provided air defense systems to protect cities against missiles.")) == []


def _plovers(record: Record) -> list[str]:
    return [e.plover for e in record.events if e.plover]


@pytest.mark.parametrize(("text", "plover"), [
    ("The army has kept a large military presence in the province since 2014.", None),
    ("Moscow established a permanent military presence in the enclave.", "MOBILIZE"),
    ("The rifles and shells, supplied by Poland, reached the front last week.", "AID"),
    ("Berlin agreed to deliver howitzers to the army.", "AID"),
    ("The regime has clamped down on independent media across the country.", "COERCE"),
    ("Georgia applied for membership of the bloc in March.", "DEMAND"),
])
def test_trigger_families_for_presence_supply_censorship_and_membership(run, text, plover):
    got = _plovers(run(text))
    if plover is None:  # a state ("has kept a presence"), not an act of building it up
        assert "MOBILIZE" not in got
    else:
        assert plover in got


def test_homes_reduced_to_rubble_is_a_shelling(run):
    text = "Russian troops held the town for a month. In Irpin, apartment blocks were reduced to rubble."
    rec = run(text, places=(place("p1", "Irpin", text),))
    hits = [e for e in rec.events if e.acled and e.acled[1] == "Shelling/artillery/missile attack"]
    assert hits and hits[0].places == ("p1",)


def test_rubble_after_an_earthquake_is_no_attack(run):
    assert _acled(run("The earthquake reduced the old town to rubble.")) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Residents of Bilohorodka came back after the withdrawal of Russian troops last week.", True),
    ("People went home after the pullout of the occupying forces.", True),
    ("Analysts discussed what a withdrawal would mean for the markets.", False),
])
def test_territorial_noun_needs_who_moved_or_when(run, text, kept):
    got = [a for a in _acled(run(text)) if a == "Non-violent transfer of territory"]
    assert bool(got) is kept


# --- CAMEO verb classes: reduce relations (16x), disapprove (11x), yield (08x), consult (04x),
# fight (19x), coerce (17x), sign agreements (05x/03x) ---
@pytest.mark.parametrize(("text", "plover"), [
    ("The government broke off talks with the rebels on Monday.", "SANCTION"),
    ("Washington withdrew from the arms control treaty last year.", "SANCTION"),
    ("Ankara downgraded diplomatic relations with Tel Aviv.", "SANCTION"),
    ("The minister regretted the decision of the council.", "DISAPPROVE"),
    ("Beijing objected to the visit of the delegation.", "DISAPPROVE"),
    ("The president castigated the opposition for its tactics.", "DISAPPROVE"),
    ("The junta acceded to the demands of the protesters.", "CONCEDE"),
    ("The authorities reopened the border crossing on Friday.", "CONCEDE"),
    ("The government allowed international observers into the region.", "CONCEDE"),
    ("Tehran reopened its embassy in Riyadh.", "COOPERATE"),
    ("The foreign ministers convened in Geneva on Tuesday.", "CONSULT"),
    ("The rebel group waged a guerrilla campaign against the army.", "ASSAULT"),
    ("Police seized the property of the exiled businessman.", "COERCE"),
    ("The two countries signed a ten-year bilateral trade protocol.", "AGREE"),
])
def test_cameo_verb_class_families(run, text, plover):
    assert _plovers(run(text))[:1] == [plover]


@pytest.mark.parametrize("text", [
    "The convoy stopped close to the border with Poland.",
    "I regret to say that the meeting was short.",
    "The two sides waged a price war over the market.",
])
def test_cameo_families_skip_look_alikes(run, text):
    got = set(_plovers(run(text)))
    assert not got & {"COERCE", "DISAPPROVE", "ASSAULT"}


# ---------------------------------------------------------------- cue table: one sentence per entry family
# Every row of cues.jsonl is a class of expression; each has a sentence written for this test that it
# must hit, and a table row without one fails `test_every_cue_has_a_family_sentence`.
CUE_FAMILIES = {
    "air_strike": "Government jets struck a rebel camp in the hills.",
    "air_strike2": "An airstrike flattened a bakery in the northern suburb.",
    "air_assets": "Fighter jets dropped bombs on the supply road overnight.",
    "shelling": "Separatist artillery shelled the western district for hours.",
    "shelling_rpg": "Militants fired rocket-propelled grenades at the convoy.",
    "shelling_fire": "The brigade fired mortars at the enemy trenches.",
    "suicide": "A suicide bomber detonated his vest at the checkpoint.",
    "ied": "A roadside bomb wrecked a police pickup near the bridge.",
    "bomb_generic": "A bomb exploded outside the courthouse, wounding three guards.",
    "grenade": "Attackers threw a grenade into the barracks yard.",
    "chemical": "Witnesses said the regime used sarin against the district.",
    "clash": "Troops clashed with insurgents near the dam.",
    "repel": "The garrison repelled an attack by the rebels before dawn.",
    "attack_military": "Insurgents ambushed an army patrol on the highway.",
    "launch_assault": "The army launched an assault on the rebel stronghold.",
    "attack_by_armed": "Militants attacked the barracks before dawn.",
    "killed_in_attack": "Four soldiers were killed in an ambush near the border.",
    "fight_verb": "Government troops fought against the militia for two days.",
    "regain": "Government forces recaptured the town from the rebels.",
    "capture": "The militants seized the airport after a week of fighting.",
    "gain_ground": "Rebel fighters gained ground south of the capital.",
    "withdraw": "The troops withdrew from their positions along the river.",
    "handover": "The militia handed control of the city over to the army.",
    "withdraw_any": "The prime minister resigned after the vote.",
    "ceasefire_declare": "The rebels declared a ceasefire for the holiday.",
    "move_in": "Armoured columns rolled into the provincial capital.",
    "take_away": "Soldiers took the villagers into captivity.",
    "gunpoint": "Gunmen held the bank staff hostage for six hours.",
    "sabotage": "Saboteurs damaged a railway relay box near the junction.",
    "caused_by_air": "The blaze at the warehouse was started by drones.",
    "caused_by_shelling": "The fire was caused by artillery, the governor said.",
    "offensive": "The army stepped up its offensive against the insurgents.",
    "pound": "Government guns pounded rebel positions around the city.",
    "strikes": "The strikes destroyed two military depots, the army said.",
    "annex": "The neighbouring state annexed the border province.",
    "destruction": "Soldiers razed three villages in the valley.",
    "civ_attack": "Gunmen killed six farmers in the village on Sunday.",
    "civ_attack2": "Gunmen opened fire on a wedding party, witnesses said.",
    "civ_attack3": "Militiamen attacked villagers fetching water at the well.",
    "kill_generic": "Armed men murdered a local councillor at his home.",
    "kill_fighters": "Soldiers killed twelve militants in a raid on their hideout.",
    "abduct": "Militants abducted a priest from his parish.",
    "sexual": "A girl was raped by militiamen at the camp.",
    "protest": "Students protested against the tuition hike in the capital.",
    "obstruct": "Farmers blocked highways with tractors over fuel prices.",
    "protest_intervene": "Police dispersed the protesters outside parliament.",
    "protest_force": "Police fired tear gas at the demonstrators.",
    "protest_kill": "Police shot and wounded three protesters in the square.",
    "riot": "Protesters torched a police station during the demonstration.",
    "riot2": "Rioting broke out in the port city after the verdict.",
    "mob": "An angry mob beat a suspected thief in the market.",
    "agreement": "The two sides signed a truce in the capital.",
    "agreement_release": "The militia released six hostages in exchange for two fighters.",
    "arrest": "Police arrested the opposition leader at his home.",
    "disrupted": "Troops seized a stockpile of explosives in the forest.",
    "disrupted2": "Rockets were discovered in a truck at the crossing.",
    "disrupted3": "Police foiled a bomb plot against the stadium.",
    "disrupted_depot": "Police raided a militant hideout in the hills.",
    "hq": "The army set up a new military base near the border.",
    "looting": "Militiamen looted shops in the town centre.",
    "change_group": "Dozens of soldiers defected to the rebels.",
    "mass_grave": "Investigators found a mass grave near the old quarry.",
    "siege": "Government troops have besieged the rebel town since March.",
    "bodies_found": "Villagers found the bodies of four farmers after the militia left.",
    "atrocity": "Witnesses described atrocities carried out by the soldiers in the village.",
    "sink_warship": "A navy frigate sank after the rebels fired on it.",
    "military_campaign": "The army renewed its campaign to take the eastern provinces.",
    "infrastructure_strike": "Rebel rockets hit the power station outside the city.",
    "mine_laying": "Retreating soldiers laid mines along the river road.",
    "condemn_label": "Calling the raid cowardly, the governor promised an inquiry.",
    "disaster_natural": "A strong earthquake struck the coastal province.",
    "disaster_manmade": "A gas cylinder exploded at the factory.",
    "crime": "Thieves robbed a jewellery store downtown.",
    "attribution": "The group claimed responsibility for the bombing.",
    "blame": "The ministry blamed the rebels for the blackout.",
    "condemn": "The council condemned the execution of the activists.",
    "sanction": "The bloc imposed sanctions on four generals.",
    "threaten": "The president threatened to expel the envoy.",
    "vow": "The rebels vowed revenge for the killing of their leader.",
    "threaten_cond": "The union said it will strike if wages are cut.",
    "threaten_will": "The rebels said they would retaliate.",
    "reject": "The government rejected the proposal.",
    "demand": "The protesters demanded the release of the students.",
    "demand_weak": "The party is seeking a recount of the votes.",
    "demand_modal": "The envoy said the troops must leave the zone.",
    "demand_order": "The court ordered the minister to appear for questioning.",
    "agree": "The two governments agreed to reopen the border.",
    "intend": "The minister said the country will send doctors to the region.",
    "consult": "The foreign ministers met in Geneva on Monday.",
    "support": "The leaders praised the peace initiative.",
    "concede": "The authorities lifted the curfew in the capital.",
    "cooperate": "The two police forces shared intelligence on the smuggling ring.",
    "aid": "The charity donated blankets to the refugee camp.",
    "aid_convoy": "A convoy carrying food reached the besieged town.",
    "investigate": "Prosecutors opened an investigation into the deaths.",
    "mobilize": "The army deployed troops to the northern border.",
    "coerce": "The government imposed a curfew on the province.",
    "assault": "The rebels invaded the neighbouring province.",
    "ruins": "The old market was reduced to rubble by the bombardment.",
    "presence": "The navy increased its military presence in the strait.",
    "arms_supply": "Poland supplied the army with artillery and ammunition.",
    "censor_info": "The regime cracked down on the press after the coup.",
    "apply_member": "The country applied for membership of the alliance.",
    "reduce_relations": "The government tore up the trade treaty.",
    "disapprove_verbs": "The minister castigated the opposition for the walkout.",
    "yield": "The government bowed to pressure and dropped the charges.",
    "consult_more": "The committee convened to review the case.",
    "wage_war": "The country declared war on its neighbour.",
    "seize_property": "The authorities seized the tycoon's assets.",
    "sign_long": "The leaders signed a landmark trade agreement in Rome.",
    "reopen_mission": "The two states reopened their embassies.",
}


def test_every_cue_has_a_family_sentence(stage):
    from sitrep.stages.events.tables import load_tables

    assert {c.name for c in load_tables().cues} == set(CUE_FAMILIES)


@pytest.fixture(scope="module")
def tables():
    from sitrep.stages.events.tables import load_tables

    return load_tables()


@pytest.mark.parametrize(("name", "text"), sorted(CUE_FAMILIES.items()))
def test_cue_family_hits_its_sentence(nlp, tables, name, text):
    from sitrep.stages.events.detect import sentence_hits

    hits = {h.cue.name for sent in nlp(text).sents for h in sentence_hits(sent, tables)}
    assert name in hits, hits


@pytest.mark.parametrize("text", [
    "Engineers opened a new road tunnel under the mountains.",
    "The company shipped out its first batch of phones in May.",
    "The dealer sold the vehicle of a retired teacher.",
    "Cousins exchanged gifts in exchange for the release of old debts.",
])
def test_removed_single_sentence_entries_give_no_event(run, text):
    assert not [e for e in run(text).events if e.plover in ("COERCE", "SANCTION", "ASSAULT") or e.acled]


@pytest.mark.parametrize("text", [
    "Thank you for supporting our journalism.",
    "Sign up for our weekly newsletter to get the headlines.",
    "We use cookies to improve your experience; see our privacy policy.",
    "Copyright 2022 The Daily Courier. All rights reserved.",
])
def test_boilerplate_gives_no_event(run, text):
    assert run(text).events == ()


def test_boilerplate_line_does_not_void_the_report_glued_to_it(run):
    text = "Sign up for our newsletter\nRebel tanks rolled into the town on Monday."
    assert first_label(run(text), "acled") == "Non-state actor overtakes territory"


@pytest.mark.parametrize("text", [
    "There is no evidence that the general rescued the soldiers.",
    "The army would not dare target the convoy, the minister said.",
    "The commanders aim to launch an offensive in the south before winter.",
    "The rebels plan to attack the airport next week.",
    "Parliament is set to discuss the bill within weeks.",
    "A close inspection of the trenches was impossible.",
    "Will the army invade the islands?",
    "Could the rebels capture the port\nAnalysts doubt it.",
    "The claim that troops shelled the hospital was false, a fact check found.",
    "This will provide a land corridor to the coast.",
    "Sanctions are a blunt tool against rich regimes.",
])
def test_acts_that_did_not_happen_give_no_event(run, text):
    assert [e for e in run(text).events if e.plover not in ("DISAPPROVE", "REJECT", "INVESTIGATE")] == []


def test_debunk_keeps_the_accusation(run):
    rec = run("The ministry accused the channel of spreading a fake video of the attack.")
    assert "DISAPPROVE" in [e.plover for e in rec.events] and not [e for e in rec.events if e.acled]


@pytest.mark.parametrize("text", [
    "The prisoners had their hands tied behind their backs.",
    "Thousands of people have crossed back into the country since spring.",
    "The report tells us a great deal about the economy.",
    "The senator suffered a heart attack on Tuesday.",
    "The crisis produced a rally-around-the-flag effect.",
])
def test_idioms_hold_no_trigger(run, text):
    assert [e.plover for e in run(text).events if e.plover in ("SUPPORT", "AGREE", "ASSAULT", "PROTEST")] == []


@pytest.mark.parametrize("text", [
    "The Bulls shot 32 percent from the field in the second game.",
    "Firefighters battled the flames for three days.",
    "The striker battled injuries all season.",
    "The officer shot the driver after a traffic stop, the family said.",
])
def test_violent_acled_types_need_organised_violence(run, text):
    assert [e.acled for e in run(text).events if e.acled and e.acled[0] != "Strategic developments"] == []


def test_organised_violence_named_in_the_story_before_counts(run):
    text = "Militants planted a landmine on the road to the market. It exploded on Monday and wounded four passengers."
    assert len([e for e in run(text).events if e.acled and e.acled[0] == "Explosions/Remote violence"]) >= 1


@pytest.mark.parametrize(("text", "plover"), [
    ("The bloc imposed sanctions on four generals.", "SANCTION"),
    ("The bloc will impose sanctions on the oil trade next month.", "SANCTION"),
    ("Canada backed the sanctions against the regime.", "SANCTION"),
    ("The union suspended trade with the regime after the coup.", "SANCTION"),
])
def test_sanctions_are_sanctions_not_threats_or_support(run, text, plover):
    assert first_label(run(text), "plover") == plover


def test_customs_detention_is_no_political_arrest(run):
    rec = run("Customs officers detained two travellers at the airport with undeclared cash.")
    assert first_label(rec, "acled") is None


# ---------------------------------------------------------------- sides per conflict (data/conflicts.json)
def _war_record(text: str, towns: list[tuple[str, str, str]], actors: list[tuple[str, str]]) -> dict:
    """places (name, kind, ISO2 country) and actors (name, ISO3 side) found in `text`."""
    places = []
    for i, (name, kind, country) in enumerate(towns, 1):
        start = text.index(name)
        places.append(Place(id=f"p{i}", name=name, kind=kind, country=country,  # type: ignore[arg-type]
                            mentions=(Span(start=start, end=start + len(name), text=name),)))
    found = []
    for i, (name, side) in enumerate(actors, 1):
        start = text.index(name)
        found.append(Actor(id=f"a{i}", name=name, kind="group", side=side, mentions=(Span(start=start, end=start + len(name)),)))
    return {"places": tuple(places), "actors": tuple(found)}


@pytest.mark.parametrize(("text", "towns", "actors", "sub"), [
    ("Russian forces retook the village of Tetkino in the Kursk region from Ukrainian troops.",
     [("Tetkino", "city", "RU"), ("Kursk", "region", "RU")], [("Russian forces", "RUS"), ("Ukrainian troops", "UKR")],
     "Government regains territory"),
    ("Russian forces captured the town of Lyman in Donetsk Oblast after heavy fighting.",
     [("Lyman", "city", "UA"), ("Donetsk Oblast", "region", "UA")], [("Russian forces", "RUS")],
     "Non-state actor overtakes territory"),
    ("Ukrainian troops recaptured the village of Pisky near Donetsk.",
     [("Pisky", "city", "UA"), ("Donetsk", "city", "UA")], [("Ukrainian troops", "UKR")],
     "Government regains territory"),
    ("Islamic State fighters seized the village of Hajin near Deir ez-Zor.",
     [("Hajin", "city", "SY"), ("Deir ez-Zor", "city", "SY")], [],
     "Non-state actor overtakes territory"),
    ("The Syrian army retook the town of Hajin from Islamic State fighters.",
     [("Hajin", "city", "SY")], [],
     "Government regains territory"),
])
def test_territory_is_coded_by_the_sides_of_the_conflict(run, text, towns, actors, sub):
    assert first_label(run(text, **_war_record(text, towns, actors)), "acled") == sub


def test_conflict_is_chosen_from_places_and_actors(run):
    from sitrep.stages.events.sides import choose_conflict
    from sitrep.stages.events.tables import load_tables

    text = "Russian forces captured Lyman. Fighting continued near Donetsk."
    record = Record(id="t", text=text, **_war_record(text, [("Lyman", "city", "UA"), ("Donetsk", "city", "UA")],
                                                       [("Russian forces", "RUS")]))
    conflict = choose_conflict(record, load_tables())
    assert conflict is not None and conflict.id == "russia-ukraine"
    assert choose_conflict(Record(id="t", text="The Bulls won again."), load_tables()) is None


# ---------------------------------------------------------------- one event per happening
def test_headline_and_later_retelling_are_one_event(run):
    text = ("Rebels capture the town of Marib after heavy fighting\n"
            "The governor said the army would counter-attack.\n"
            "Rebels captured the town of Marib after heavy fighting on Sunday, officials said.")
    rec = run(text, **_war_record(text, [("Marib", "city", "YE")], [("Rebels", "HOUTHI")]))
    captures = [e for e in rec.events if e.acled and "territory" in e.acled[1]]
    assert len(captures) == 1 and captures[0].start == 0


def test_two_strikes_on_one_city_stay_two_events(run):
    text = ("A missile strike hit a school in Kharkiv on Monday.\n"
            "Separately, a drone strike destroyed a bakery and a garage in Kharkiv.")
    rec = run(text, **_war_record(text, [("Kharkiv", "city", "UA")], []))
    assert len([e for e in rec.events if e.acled and e.acled[0] == "Explosions/Remote violence"]) == 2


def test_vigilantes_are_no_vigil(run):
    rec = run("Vigilantes beat two men accused of stealing cattle in the village.")
    assert "Peaceful protest" not in _acled(rec)


def test_tear_gas_suffocation_is_no_chemical_weapon(run):
    rec = run("Several pupils suffered suffocation after police fired tear gas near the school during a protest.")
    assert "Chemical weapon" not in _acled(rec)


@pytest.mark.parametrize("text", [
    "The senator and his supporters left the hall.",
    "It is worth taking a moment to look back at the crisis.",
    "I think they understood it should be for their own safety, he said.",
    "Both states, should they join, would add ships to the fleet.",
    "Officials want to rethink the fundamentals of the budget.",
])
def test_words_naming_people_or_used_otherwise_are_no_trigger(run, text):
    assert [e.plover for e in run(text).events if e.plover in ("SUPPORT", "DEMAND", "AID")] == []


def test_ties_are_matched_by_their_lemma(run):
    assert first_label(run("The two states upgraded their diplomatic ties last week."), "plover") == "SUPPORT"


@pytest.mark.parametrize("text", [
    "The hostel near the station took in forty families.",
    "Speaking to a radio station on Friday, the minister defended the budget.",
    "Hard questions are being asked about the budget.",
    "The minister urgently needs a win before the vote.",
    "In a poll, most respondents agreed that the two peoples are one nation.",
])
def test_look_alike_consultations_demands_and_agreements(run, text):
    assert [e.plover for e in run(text).events if e.plover in ("CONSULT", "DEMAND", "AGREE", "AID")] == []


@pytest.mark.parametrize("text", [
    "Sanctions alone will not bring the regime down.",
    "If she wins, she would hold talks with the rebels.",
    "The fraudulent vote angered the opposition.",
    "Tariffs should be used sparingly.",
])
def test_kinds_hypotheses_qualities_and_opinions_are_no_events(run, text):
    assert [e.plover for e in run(text).events if e.plover in ("SANCTION", "CONSULT", "CRIME", "DEMAND", "AGREE")] == []


# ---------------------------------------------------------------- acts that did not happen (2.1)
@pytest.mark.parametrize("text", [
    "The crisis is worse than the blockade of 1948.",
    "Cutting aid to the region would mean more hunger.",
    "Most members would be willing to negotiate with the rebels.",
    "If the two leaders ever meet, the talks will be tense.",
    "Pressure is growing on the government to release the prisoners.",
    "The parliament is set to discuss the bill next week.",
    "To resist the blockade, the city needs more fuel.",
    "The minister hopes these negotiations will conclude soon.",
    "Sanctions alone, or any sanctions at all, will not end the war.",
    "Sanctions alone - at least any sanctions the allies would consider - will not end the war.",
])
def test_compared_supposed_planned_and_generic_acts_are_no_events(run, text):
    assert [e.plover for e in run(text).events] == []


@pytest.mark.parametrize("text", [
    "Voters view the governor as a threat to the party.",
    "The merger was a done deal.",
    "The letter is a testament of our commitment to peace.",
    "He has the power to veto the law.",
])
def test_descriptions_and_infinitival_relatives_are_no_events(run, text):
    assert [e.plover for e in run(text).events] == []


@pytest.mark.parametrize(("text", "want"), [
    ("You have to insist on your rights, she said.", []),
    ("We must condemn this, the mayor said.", []),
    ("The rebels must accept the deal, the envoy said.", ["DEMAND"]),
    ("The general will demand more troops next year.", []),
    ("\u201cWe will reject any deal,\u201d the minister said.", ["REJECT"]),
])
def test_speech_acts_owed_or_forecast_are_not_made(run, text, want):
    assert [e.plover for e in run(text).events] == want


@pytest.mark.parametrize(("text", "want"), [
    ("The discussions will wrap up before the summer, she said.", []),
    ("This will provide a corridor to the coast, he said.", []),
    ("The alliance is preparing to welcome new members.", []),
    ("It will resume flights to the capital next week, the airline said.", ["AGREE"]),
    ("The government will evacuate all settlements in the zone, a spokesman said.", ["AGREE"]),
    ("The president will withdraw the envoy unless the border reopens, his spokesman said.", ["THREATEN"]),
])
def test_future_acts_are_promises_only_of_actors(run, text, want):
    assert [e.plover for e in run(text).events] == want


@pytest.mark.parametrize(("text", "want"), [
    ("The powers granted to the governor ensure order.", []),
    ("The foundation gave the school a grant of 5,000 dollars.", ["AID"]),
    ("She moved to the city and got settled.", []),
    ("The two firms settled the dispute out of court.", ["AGREE"]),
    ("Rumors of his illness refuse to die.", []),
    ("The funds ensure that families are enabled to receive support.", []),
])
def test_grants_settlements_and_idioms(run, text, want):
    assert [e.plover for e in run(text).events] == want


def test_talks_that_ended_are_a_consultation(run):
    assert [e.plover for e in run("The discussions in Vienna ended on Monday.").events] == ["CONSULT"]


def test_a_fact_check_keeps_only_the_speech_acts_round_the_claim(run):
    text = ("Posts shared thousands of times say soldiers shelled a school in the city last week.\n"
            "The ministry denied the accusation on Monday.\n"
            "Our rating: False\n")
    rec = run(text, title="Fact check: Old video does not show a school being shelled")
    assert [e.plover for e in rec.events] == ["REJECT"]
    plain = run(text.replace("Our rating: False\n", ""), title="Soldiers shell a school")
    assert "ASSAULT" in [e.plover for e in plain.events]


# ---------------------------------------------------------------- war acts told indirectly (2.3)
def _war(text: str, towns: list[tuple[str, str, str]], actors: list[tuple[str, str]] | None = None) -> dict:
    return _war_record(text, towns + [("Ukraine", "country", "UA")], actors or [])


@pytest.mark.parametrize(("text", "towns", "plover", "acled"), [
    ("After the Russian withdrawal from Ukraine, reporters saw dead bodies in the streets of Irpin.",
     [("Irpin", "city", "UA")], "ASSAULT", "Attack"),
    ("Investigators in Ukraine found the bodies of nine residents in a basement in Irpin.",
     [("Irpin", "city", "UA")], "ASSAULT", "Attack"),
    ("The mayor visited Irpin in Ukraine after learning of the atrocities committed by Russian soldiers.",
     [("Irpin", "city", "UA")], "ASSAULT", "Attack"),
    ("Russian troops have besieged Chernihiv in Ukraine for three weeks.", [("Chernihiv", "city", "UA")], "ASSAULT", None),
    ("A Russian landing ship sank near Berdyansk in Ukraine on Thursday.", [("Berdyansk", "city", "UA")], "ASSAULT", None),
    ("Russia's strikes against the energy infrastructure of Ukraine left millions without heat.",
     [("Russia", "country", "RU")], "ASSAULT",
     "Shelling/artillery/missile attack"),
])
def test_killings_sieges_sinkings_and_infrastructure_strikes_are_war_acts(run, text, towns, plover, acled):
    rec = run(text, **_war(text, towns))
    assert plover in [e.plover for e in rec.events]
    if acled:
        assert acled in _acled(rec)


@pytest.mark.parametrize("text", [
    "The ferry sank in a storm off the coast.",
    "Doctors found the body of the singer at his home.",
    "The atrocities of the last century are taught in schools.",
    "A state of siege was declared in the capital.",
])
def test_accidents_deaths_and_history_are_no_war_acts(run, text):
    assert [e.plover for e in run(text).events if e.plover == "ASSAULT"] == []


def test_a_sanction_is_placed_at_its_target_not_at_who_imposes_it(run):
    text = "Australia, with Japan and Canada, imposed heavy costs on Russia over the war."
    rec = run(text, **_war_record(text, [("Australia", "country", "AU"), ("Japan", "country", "JP"),
                                          ("Canada", "country", "CA"), ("Russia", "country", "RU")], []))
    sanction = next(e for e in rec.events if e.plover == "SANCTION")
    assert sanction.places == ("p4",)


def test_committing_a_crime_is_no_commitment(run):
    text = "The atrocities committed by the militia in the village shocked the world."
    assert "AGREE" not in [e.plover for e in run(text).events]
    assert "AGREE" in [e.plover for e in run("The government committed itself to a ceasefire.").events]


@pytest.mark.parametrize(("text", "want"), [
    ("The two services have increased intelligence sharing.", "COOPERATE"),
    ("The Soviet army assisted the separatist forces.", "AID"),
    ("Calling the invasion barbaric, the prime minister announced new aid.", "DISAPPROVE"),
])
def test_sharing_assisting_and_condemning_labels(run, text, want):
    assert want in [e.plover for e in run(text).events]


@pytest.mark.parametrize("text", [
    "She assisted in the investigation.",
    "The senator launched his campaign in Iowa.",
])
def test_assisting_in_and_election_campaigns_are_no_aid_or_assault(run, text):
    assert [e.plover for e in run(text).events if e.plover in ("AID", "ASSAULT")] == []


def test_a_peninsula_is_ground_that_can_be_taken(run):
    text = "The rebels captured the Jaffna peninsula after heavy fighting."
    assert "Non-state actor overtakes territory" in _acled(run(text))


def test_explosions_after_a_strike_are_that_strike(run):
    towns = [("Kharkiv", "city", "UA"), ("Russia", "country", "RU")]
    text = ("Explosions from at least one Russian missile strike shook Kharkiv in Ukraine, Russia and Ukraine said.\n"
            "Residents said there were explosions in an eastern district of Kharkiv.")
    assert _acled(run(text, **_war(text, towns))) == ["Shelling/artillery/missile attack"] * 2
    text = "A roadside bomb planted by Russia exploded near Kharkiv in Ukraine.\nLater there were explosions in Kharkiv."
    assert set(_acled(run(text, **_war(text, towns)))) == {"Remote explosive/landmine/IED"}


def test_a_dominant_place_sets_the_scene_of_an_act_told_without_one(run):
    text = ("Troops reached Hostomel in Ukraine.\n\nHostomel airport was shelled. Hostomel burned.\n\n"
            "Residents of Hostomel hid in Irpin.\n\nOn leaving, the soldiers took forty workers into Belarus.")
    import re

    places = tuple(Place(id=f"p{i}", name=name, kind=kind, country=country,  # type: ignore[arg-type]
                         mentions=tuple(Span(start=m.start(), end=m.end(), text=name) for m in re.finditer(name, text)))
                   for i, (name, kind, country) in enumerate([("Hostomel", "city", "UA"), ("Irpin", "city", "UA"),
                                                            ("Belarus", "country", "BY"), ("Ukraine", "country", "UA")], 1))
    rec = run(text, places=places)
    abduction = next(e for e in rec.events if e.acled and e.acled[1] == "Abduction/forced disappearance")
    assert "p1" in abduction.places
    one = run(text.replace("Hostomel burned.", "Irpin burned. Irpin fell."), places=tuple(
        p.model_copy(update={"mentions": p.mentions[:1]}) for p in places))
    assert "p1" not in next(e for e in one.events if e.acled and e.acled[1] == "Abduction/forced disappearance").places


def test_hackers_attacking_a_grid_is_no_attack_on_civilians(run):
    text = "Hackers attacked the power grid of Ukraine last winter, Russia and Ukraine said."
    assert not {"Attack", "Shelling/artillery/missile attack"} & set(_acled(run(text, **_war(text, [("Russia", "country", "RU")]))))


@pytest.mark.parametrize(("text", "want"), [
    ("The company offered no additional information about the plan.", []),
    ("Half of the voters would even consider supporting the candidate.", []),
    ("Voters cast protest ballots in the north.", []),
    ("He spoke in a video conference on Tuesday.", []),
    ("The mayor has the voters to thank for his success.", []),
    ("The firm faced a customer backlash.", []),
    ("The migrants' ambition was to survive.", []),
    ("The president vowed to remain in the capital.", ["AGREE"]),
    ("The general vowed to crush the rebels.", ["THREATEN"]),
    ("Police arrested forty migrants near the border.", ["CRIME"]),
])
def test_nothing_given_considered_acts_and_look_alike_words(run, text, want):
    assert [e.plover for e in run(text).events] == want


def test_a_possibility_that_an_act_happens_is_no_act(run):
    text = "Few believed the possibility that the army would invade, Russia and Ukraine said."
    rec = run(text, **_war(text, [("Russia", "country", "RU")]))
    assert [e.plover for e in rec.events if e.plover in ("ASSAULT", "THREATEN")] == []


def test_explosions_from_a_strike_are_the_strike(run):
    text = "Explosions from at least one strike shook Kharkiv on Saturday, Russia and Ukraine said."
    rec = run(text, **_war(text, [("Kharkiv", "city", "UA"), ("Russia", "country", "RU")]))
    assert _acled(rec)[:1] == ["Shelling/artillery/missile attack"]
    assert "ASSAULT" not in [e.plover for e in run("Workers went on strike after explosions at the plant.").events]


@pytest.mark.parametrize("text", [
    "He also dealt with an injury late in the season.",
    "His relentlessness made him a fan favourite.",
    "People with compromised immune systems are alarmed.",
    "Such measures were acceptable as a stopgap.",
    "Asked if he regretted the delay, the mayor shrugged.",
    "Officials said during an evening news conference that the roads were closed.",
    "A court ruling struck down the mandate on Monday.",
    "The firm spent millions hiring consultants.",
])
def test_look_alike_agreements_concessions_demands_and_consultations(run, text):
    assert [e.plover for e in run(text).events] == []


@pytest.mark.parametrize(("text", "want"), [
    ("The two parties reached a compromise on the budget.", "AGREE"),
    ("Thousands of protesters gathered in the square against the new law.", "PROTEST"),
])
def test_compromises_and_protesters_still_count(run, text, want):
    assert want in [e.plover for e in run(text).events]


@pytest.mark.parametrize(("text", "want"), [
    ("I applaud the council for its courage.", []),
    ("We urge the governor to veto the bill.", []),
    ("\u201cWe condemn this attack,\u201d the minister said.", ["DISAPPROVE"]),
    ("I met the mayor last week.", ["CONSULT"]),
])
def test_the_writers_own_present_speech_acts_are_no_reports(run, text, want):
    assert [e.plover for e in run(text).events] == want


def test_a_definite_subject_noun_points_back_at_the_act_told_before(run):
    text = "The two ministers held discussions in Vienna on Monday.\nThe discussions underline how far the sides have moved."
    assert [e.plover for e in run(text).events] == ["CONSULT"]
    assert [e.plover for e in run("The discussions in Vienna ended on Monday.").events] == ["CONSULT"]


@pytest.mark.parametrize(("text", "want"), [
    ("Australia has sanctioned more than 800 people since the invasion.", []),
    ("Some 12 million people in total have been forced to flee their homes.", []),
    ("Australia sanctioned 14 senators on Friday.", ["SANCTION"]),
])
def test_running_totals_are_no_single_events(run, text, want):
    assert [e.plover for e in run(text).events] == want


def test_a_negated_main_clause_does_not_negate_its_adverbial_clause(run):
    text = "While intelligence sharing among the two services has increased, it is not at the level of a full alliance."
    assert "COOPERATE" in [e.plover for e in run(text).events]
    assert "ASSAULT" not in [e.plover for e in run("The army did not dare to attack the town.").events]


@pytest.mark.parametrize(("text", "want"), [
    ("The ministry said France had sent a lot of military equipment to the army.", "AID"),
    ("Foreign troops became involved in the civil war in 1992.", "ASSAULT"),
    ("Retreating soldiers laid mines along the river road.", "ASSAULT"),
])
def test_quantities_of_aid_involvement_in_wars_and_mine_laying(run, text, want):
    assert want in [e.plover for e in run(text).events]


def test_mining_coal_is_no_mine_laying(run):
    assert "ASSAULT" not in [e.plover for e in run("Workers at the coal mine laid new rails for the army.").events]


@pytest.mark.parametrize(("text", "want"), [
    ("\u201cI think we will have long talks with our partners,\u201d the minister said.", []),
    ("\u201cI believe they will meet again next week,\u201d he said.", []),
    ("Analysts expect that the army will launch a new offensive in the spring.", []),
    ("He predicted that the rebels would retreat from the city.", []),
    ("\u201cWe will sign the agreement tomorrow,\u201d the minister said.", ["AGREE"]),
])
def test_a_future_act_believed_or_predicted_is_a_forecast(run, text, want):
    assert [e.plover for e in run(text).events] == want


def test_a_time_the_sentence_only_compares_with_is_not_the_events_time(run):
    from sitrep.model import TimeExpr

    def when_of(text: str, *phrases: str) -> str | None:
        times = tuple(TimeExpr(id=f"t{i}", start=text.index(p), end=text.index(p) + len(p), text=p, type="DATE",
                               value=p) for i, p in enumerate(phrases, 1))
        events = run(text, times=times).events
        return events[0].when if events else "no event"

    assert when_of("Today the government imposed sanctions on the bank that go far beyond 2014.", "Today", "2014") == "t1"
    assert when_of("The army shelled the town harder than in 2015.", "2015") is None
    assert when_of("The army shelled the town in 2015.", "2015") == "t1"


@pytest.mark.parametrize(("text", "want"), [
    ("Governments usually condemn such attacks.", []),
    ("Authoritarian regimes often find ways to circumvent sanctions.", []),
    ("The streaming service has long offered a cheaper tier.", []),
    ("The neighbouring state has long supported the separatists in the region.", []),
    ("The government condemned the attack on Monday.", ["DISAPPROVE"]),
])
def test_a_habit_told_with_an_adverb_of_frequency_is_no_event(run, text, want):
    assert [e.plover for e in run(text).events] == want


def test_a_conjoined_verb_shares_the_future_of_the_first(run):
    assert run("Analysts say the rebels will advance and occupy the city.").events == ()
    assert "ASSAULT" in [e.plover for e in run("The rebels advanced and occupied the city on Monday.").events]


@pytest.mark.parametrize(("text", "want"), [
    ("The chief executive of the firm said profits rose.", []),
    ("The team executed the plan flawlessly.", []),
    ("A portrait hangs in the hall.", []),
    ("The prisoner was executed by firing squad.", ["COERCE"]),
    ("Guards hanged two prisoners at dawn.", ["COERCE"]),
    ("The regime carried out the execution of three dissidents.", ["COERCE"]),
])
def test_executions_and_hangings_need_a_person_put_to_death(run, text, want):
    assert [e.plover for e in run(text).events] == want


@pytest.mark.parametrize(("text", "want"), [
    ("The old general would meet his commanders every morning in those years.", []),
    ("The minister would sign the deal if parliament agreed.", []),
    ("The minister said he would sign the deal next week.", ["AGREE"]),
    ("The president will sign the deal next week, his office said.", ["AGREE"]),
])
def test_would_outside_reported_speech_is_a_habit_or_a_supposition(run, text, want):
    assert [e.plover for e in run(text).events] == want


@pytest.mark.parametrize(("text", "want"), [
    ("The two countries are close partners, especially when it comes to intelligence sharing.", []),
    ("When it comes to sanctions, the bloc is divided.", []),
    ("The agencies share intelligence on a daily basis.", ["COOPERATE"]),
])
def test_a_noun_a_topic_phrase_introduces_is_no_act(run, text, want):
    assert [e.plover for e in run(text).events] == want


@pytest.mark.parametrize(("text", "want"), [
    ("\u201cWe support the people of the island,\u201d the minister said.", []),
    ("\u201cWe will have long discussions with our partners,\u201d the minister said.", []),
    ("\u201cWe are working closely with the agency,\u201d she said.", []),
    ("\u201cThey sent us food and medicine last week,\u201d the mayor said.", ["AID"]),
    ("\u201cWe reject this ultimatum,\u201d the spokesman said.", ["REJECT"]),
    ("The minister said the government supports the people of the island.", ["SUPPORT"]),
])
def test_a_stance_or_intention_inside_a_quotation_is_no_act(run, text, want):
    assert [e.plover for e in run(text).events] == want


def test_a_party_s_stance_told_in_a_quotation_in_the_third_person_is_a_claim(run):
    """Events 2.23: a present-tense stance inside a quotation is a claim whoever its subject is
    (on the annotated articles, such events were wrong on both parts)."""
    text = "\u201cThe republic is not rejecting negotiations with its neighbour,\u201d the foreign minister said."
    assert "CONSULT" not in [e.plover for e in run(text).events]


@pytest.mark.parametrize(("text", "want"), [
    ("The war has lasted two months. The minister denounced an unprovoked attack by the invading army.",
     ("ASSAULT", "Armed clash")),
    ("The war has lasted two months. It was a brutal and premeditated assault by rebel fighters on the town.",
     ("ASSAULT", "Armed clash")),
    ("The war has lasted two months. The minister warned again about attacks by the invading army.", None),
    ("The paper reported an attack by a neighbour's dog on a child.", None),
])
def test_one_attack_told_as_a_noun_with_its_armed_attacker_is_an_act(run, text, want):
    acled = [(e.plover, e.acled[1]) for e in run(text).events if e.acled]
    assert (acled[0] if acled else None) == want


@pytest.mark.parametrize(("text", "want"), [
    ("The war has lasted two months. Explosions rocked the port overnight.", "Remote explosive/landmine/IED"),
    ("The war has lasted two months. Loud explosions echoed across the capital.", "Remote explosive/landmine/IED"),
    ("The war has lasted two months. Her first album rocked the charts.", None),
])
def test_explosions_that_rock_or_echo_through_a_place_are_an_act(run, text, want):
    assert first_label(run(text), "acled") == want


def test_the_attacker_of_an_attack_noun_is_its_by_phrase_not_the_sufferer(run):
    text = "The war has lasted two months. The villagers suffered a brutal attack by Russian troops."
    record = run(text, **_war_record(text, [], [("villagers", "UKR"), ("Russian troops", "RUS")]))
    attack = next(e for e in record.events if e.plover == "ASSAULT")
    assert (attack.actor, attack.target) == ("a2", None)


def test_an_instrument_in_the_by_phrase_leaves_the_subject_as_the_actor(run):
    text = "The war has lasted two months. Russian troops carried out an attack by drones on the depot."
    record = run(text, **_war_record(text, [], [("Russian troops", "RUS")]))
    attack = next(e for e in record.events if e.plover == "ASSAULT")
    assert attack.actor == "a1"


@pytest.mark.parametrize(("text", "want"), [
    ("The war has lasted two months. Residents heard several loud explosions near the harbour.",
     "Remote explosive/landmine/IED"),
    ("The war has lasted two months. Blasts were heard across the capital before dawn.",
     "Remote explosive/landmine/IED"),
    ("The war has lasted two months. Nobody heard any explosions near the harbour.", None),
    ("The war has lasted two months. Residents did not hear explosions near the harbour.", None),
])
def test_explosions_heard_or_reported_are_an_act(run, text, want):
    assert first_label(run(text), "acled") == want


def test_a_stated_date_dates_the_act_before_a_bare_clock_time(run):
    from sitrep.model import TimeExpr

    def when_of(text: str, *phrases: str) -> str | None:
        times = tuple(TimeExpr(id=f"t{i}", start=text.index(p), end=text.index(p) + len(p), text=p,
                               type="TIME" if "m." in p else "DATE", value=p) for i, p in enumerate(phrases, 1))
        events = run(text, times=times).events
        return events[0].when if events else "no event"

    assert when_of("The soldiers shelled the village about 6:30 a.m. on March 3, officials said.",
                   "about 6:30 a.m.", "March 3") == "t2"
    assert when_of("The soldiers shelled the village about 6:30 a.m., officials said.", "about 6:30 a.m.") == "t1"
    assert when_of("The soldiers shelled the village on Monday, hours after talks ended on March 3.",
                   "Monday", "March 3") == "t1"


@pytest.mark.parametrize(("text", "want"), [
    ("The war has lasted two months. A huge blast destroyed the bridge to the island.", ["ASSAULT"]),
    ("The war has lasted two months. An explosion badly damaged the bridge to the island.", ["ASSAULT"]),
    ("The war has lasted two months. Soldiers destroyed the village's archive.", ["COERCE"]),
])
def test_the_damage_a_blast_does_in_its_sentence_is_no_second_act(run, text, want):
    assert [e.plover for e in run(text).events] == want


@pytest.mark.parametrize(("text", "want"), [
    ("The war has lasted two months. Air raid sirens sounded over the port on Monday.", []),
    ("The war has lasted two months. Blasts shook the port while air raid sirens wailed.", ["ASSAULT"]),
    ("The war has lasted two months. Air raid alerts sounded as an airstrike hit the port on Monday.", ["ASSAULT"]),
])
def test_an_air_raid_siren_is_a_warning_not_a_raid(run, text, want):
    assert [e.plover for e in run(text).events] == want
