from sitrep.analysis.mentions import standing_control
from sitrep.analysis.sides import build_sides, sides_for, surface


def test_lemma_patterns_read_running_text() -> None:
    import re

    assert re.fullmatch(surface("(russia*|pro - russian|people 's republic)"), "pro-russian")
    assert re.fullmatch(surface("syrian (arab )?army"), "syrian arab army")
    assert re.fullmatch(surface("houthi*"), "houthis")


def test_the_parties_of_the_places_conflict_say_who_holds_it() -> None:
    ukraine, yemen, syria = sides_for("UA"), sides_for("YE"), sides_for("SY")
    assert standing_control("the plant at ", " has been under russian control since march.", ukraine) == "RUS"
    assert standing_control("the kyiv-controlled town of ", " was quiet", ukraine) == "UKR"
    assert standing_control("the houthi-held port of ", " was shelled", yemen) == "HOUTHI"
    assert standing_control("syrian government forces still control ", "", syria) == "SYR"
    assert standing_control("", " remains in rebel hands", syria) == "REBELS"


def test_a_place_in_no_theatre_reads_every_conflicts_parties() -> None:
    assert sides_for("FR") is sides_for(None)
    assert standing_control("", " remained under taliban control", sides_for("FR")) == "TALIBAN"


def test_a_meeting_or_a_wish_is_no_hold() -> None:
    sides = build_sides([("ATL", "atlant*"), ("MU", "mu*")])
    assert standing_control("atlantis held talks with ", "", sides) is None
    assert standing_control("atlantis wants to control ", "", sides) is None
    assert standing_control("atlantean troops still hold ", "", sides) == "ATL"
    assert standing_control("", " is not under atlantean control", sides) is None
