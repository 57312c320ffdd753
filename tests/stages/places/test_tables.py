"""The places stage's tables (stages/places/tables.py): one source for the region type words."""

from __future__ import annotations

from sitrep.stages.places import recognise
from sitrep.stages.places.tables import TYPE_KINDS, load_tables, region_type_words


def test_region_type_words_are_the_cue_tables_region_county_and_city_words() -> None:
    after = load_tables().cues_after
    assert region_type_words() == {word for word, kind in after.items() if kind in TYPE_KINDS}
    assert recognise.REGION_TYPE_WORDS is region_type_words()
    assert {"county", "raion", "municipality", "borough", "parish", "oblast"} <= region_type_words()
    assert "river" not in region_type_words() and "reservoir" not in region_type_words()


def test_a_region_named_with_its_type_word_is_not_its_own_name() -> None:
    assert not recognise._own_name("Suffolk County")
    assert not recognise._own_name("Kharkivskyi Raion")
    assert not recognise._own_name("Cork City")
    assert recognise._own_name("Ceredigion")


def test_department_is_no_cue() -> None:
    # 'the Police Department', 'the Justice Department': an office, not a region named 'Police' or 'Justice'
    assert "department" not in load_tables().cues_after
