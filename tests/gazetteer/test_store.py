from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.errors import GazetteerError
from sitrep.gazetteer import BUILD_COMMAND, Gazetteer, open_gazetteer
from sitrep.gazetteer.names import name_key, skeleton_key
from tests.gazetteer.small import build_small_gazetteer


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer(build_small_gazetteer(tmp_path_factory.mktemp("gaz") / "g.sqlite"))


@pytest.mark.parametrize(("a", "b"), [
    ("Nova Kachovka", "Nova Kakhovka"), ("Izyum", "Izium"), ("Balaklia", "Balakliia"),
    ("Kupyansk", "Kupiansk"), ("Kupyansk", "Kup'yans'k"), ("Luhansk", "Lugansk"),
    ("Zaporizhzhia", "Zaporizhia"), ("Seversky Donets", "Severskiy Donets"),
])
def test_skeleton_folds_transliterations(a: str, b: str) -> None:
    assert skeleton_key(a) == skeleton_key(b)


def test_name_key_folds_script_case_and_punctuation() -> None:
    assert name_key("Харків") == "kharkiv"
    assert name_key("Kup’yans’k") == name_key("kupyansk")
    assert name_key("the Netherlands") == "netherlands"


@pytest.mark.parametrize(("name", "gid"), [
    ("Kharkov", 706483), ("Харків", 706483), ("Izium", 707292), ("Nova Kachovka", 699839), ("Balaklia", 712926),
])
def test_lookup_finds_transliteration_variants(gaz: Gazetteer, name: str, gid: int) -> None:
    assert gid in {h.entry.geonameid for h in gaz.lookup(name)}


def test_exact_key_beats_skeleton(gaz: Gazetteer) -> None:
    hits = gaz.lookup("Kherson")
    assert {h.tier for h in hits} == {0}
    assert {h.entry.geonameid for h in hits} == {706448, 706442}


def test_admin1_name_is_joined(gaz: Gazetteer) -> None:
    entry = gaz.get(707292)
    assert entry is not None and entry.admin1 == "Kharkiv Oblast"
    country = gaz.country("UA")
    assert country is not None and country.geonameid == 690791


def test_missing_gazetteer_names_build_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITREP_GAZETTEER", raising=False)
    with pytest.raises(GazetteerError, match=BUILD_COMMAND):
        open_gazetteer(Settings(data_dir=tmp_path))


def test_corrupt_gazetteer_names_build_command(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GazetteerError, match=BUILD_COMMAND):
        Gazetteer(path)


def test_old_schema_names_build_command(tmp_path: Path) -> None:
    path = build_small_gazetteer(tmp_path / "g.sqlite")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
    with pytest.raises(GazetteerError, match="schema version 0"):
        Gazetteer(path)


def test_an_abbreviation_matches_only_with_its_period(gaz: Gazetteer) -> None:
    assert gaz.lookup("Mass") == ()  # 'Mass grave'
    assert [h.entry.name for h in gaz.lookup_abbreviation("Mass.")] == ["Massachusetts"]
    assert gaz.lookup_abbreviation("Mass.")[0].tier == 2
