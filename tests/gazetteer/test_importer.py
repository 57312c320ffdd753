from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.importer import import_dump, kind_of, sniff_format
from tests.gazetteer.small import build_small_gazetteer


def geoname_line(gid: int, name: str, alt: str, lat: float, lon: float, fclass: str, fcode: str, cc: str,
                 admin1: str, pop: int) -> str:
    """One row of the GeoNames 'geoname' table: 19 tab-separated columns."""
    cols = [str(gid), name, name, alt, str(lat), str(lon), fclass, fcode, cc, "", admin1, "", "", "",
            str(pop), "", "150", "Europe/Kyiv", "2023-01-01"]
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


@pytest.fixture
def gaz_path(tmp_path: Path) -> Path:
    return build_small_gazetteer(tmp_path / "g.sqlite")


def test_import_zip_of_geoname_rows(tmp_path: Path, gaz_path: Path) -> None:
    rows = geoname_line(706468, "Inhulets", "Ingulets,Інгулець", 46.6, 32.8, "H", "STM", "UA", "", 0)
    rows += geoname_line(702550, "Lyman", "Krasnyi Lyman,Liman", 48.99, 37.8, "P", "PPL", "UA", "05", 20066)
    dump = tmp_path / "UA.zip"
    with zipfile.ZipFile(dump, "w") as z:
        z.writestr("readme.txt", "GeoNames readme\n")
        z.writestr("UA.txt", rows)
    assert import_dump(gaz_path, dump) == 2
    gaz = Gazetteer(gaz_path)
    river = [h.entry for h in gaz.lookup("Ingulets")]
    assert river and river[0].kind == "river" and river[0].geonameid == 706468
    assert {h.entry.geonameid for h in gaz.lookup("Krasnyi Lyman")} == {702550}


def test_import_alternate_names_for_known_ids(tmp_path: Path, gaz_path: Path) -> None:
    dump = tmp_path / "alternateNamesV2.txt"
    dump.write_text("1\t707292\tde\tIsjum\t\t\t\t\t\t\n2\t707292\tlink\thttps://en.wikipedia.org/wiki/Izium\t\t\t\t\t\t\n"
                    "3\t999999999\ten\tNowhere\t\t\t\t\t\t\n", encoding="utf-8")
    assert import_dump(gaz_path, dump) == 1
    assert {h.entry.geonameid for h in Gazetteer(gaz_path).lookup("Isjum")} == {707292}


def test_import_rejects_other_files(tmp_path: Path, gaz_path: Path) -> None:
    bad = tmp_path / "x.txt"
    bad.write_text("a,b,c\n", encoding="utf-8")
    with pytest.raises(InputError):
        import_dump(gaz_path, bad)


def test_formats_and_kinds() -> None:
    assert sniff_format("\t".join(["1"] * 19)) == "geoname"
    assert sniff_format("1\t2\ten\tName\t1\t\t\t\t\t") == "alternate"
    assert kind_of("A", "PCLI") == "country" and kind_of("A", "ADM1") == "region" and kind_of("H", "STM") == "river"
