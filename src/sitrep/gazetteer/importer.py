"""Import official GeoNames dumps into an existing gazetteer (all feature classes).

Formats (download.geonames.org/export/dump/readme.txt):
- geoname table (allCountries.zip, UA.zip, cities500.zip, or the plain .txt): 19 tab-separated
  columns: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
  feature code, country code, cc2, admin1, admin2, admin3, admin4, population, elevation,
  dem, timezone, modification date.
- alternateNamesV2 (alternateNamesV2.zip / .txt): alternateNameId, geonameid, isolanguage,
  alternate name, isPreferredName, isShortName, isColloquial, isHistoric, from, to.
  Names for ids not in the gazetteer are skipped; link rows (isolanguage 'link', 'wkdt',
  'post', 'iata', ...) are skipped.
A .zip is read without unpacking; its first .txt member that is not readme.txt is used.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sitrep.errors import GazetteerError, InputError
from sitrep.gazetteer.store import Entry, Gazetteer, keys_for

NON_NAME_LANGS = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc", "tcid"})
KIND_BY_CLASS = {"P": "city", "H": "river", "L": "area", "T": "area", "S": "other", "V": "area", "R": "other",
                 "U": "area"}


def kind_of(fclass: str, fcode: str) -> str:
    """PlaceKind for a GeoNames feature class/code."""
    if fcode.startswith("PCL"):
        return "country"
    if fcode.startswith("ADM") and fcode[3:4] in ("1", "2", "3", "4", "5", "D"):
        return "region"
    if fclass == "H":
        return "river" if fcode.startswith("STM") else "area"
    return KIND_BY_CLASS.get(fclass, "other")


@contextmanager
def open_dump(path: Path) -> Iterator[IO[str]]:
    """A text stream over a .txt dump or the data member of a .zip dump."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() != ".zip":
        with path.open(encoding="utf-8") as f:
            yield f
        return
    with zipfile.ZipFile(path) as z:
        members = [n for n in z.namelist() if n.endswith(".txt") and not n.lower().endswith("readme.txt")]
        if not members:
            raise InputError(f"{path}: no .txt data file inside the zip")
        with z.open(members[0]) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8")


def sniff_format(first_line: str) -> str:
    """'geoname' (19 columns) or 'alternate' (alternateNamesV2: 4+ columns, 2nd is an id)."""
    cols = first_line.rstrip("\n").split("\t")
    if len(cols) == 19:
        return "geoname"
    if 4 <= len(cols) <= 10 and cols[0].isdigit() and cols[1].isdigit():
        return "alternate"
    raise InputError(f"not a GeoNames dump line ({len(cols)} tab-separated columns): {first_line[:80]!r}")


def import_dump(gazetteer_path: Path, dump: Path) -> int:
    """Add or replace the dump's rows in the gazetteer; returns the number of rows imported."""
    Gazetteer(gazetteer_path)  # checks existence and schema version
    conn = sqlite3.connect(gazetteer_path)
    try:
        with open_dump(dump) as f:
            first = f.readline()
            if not first:
                return 0
            fmt = sniff_format(first)
            lines = _chain(first, f)
            count = _import_geonames(conn, lines) if fmt == "geoname" else _import_alternates(conn, lines)
        conn.commit()
        return count
    except sqlite3.DatabaseError as exc:
        raise GazetteerError(f"import into {gazetteer_path} failed: {exc}") from exc
    finally:
        conn.close()


def _chain(first: str, rest: IO[str]) -> Iterator[str]:
    yield first
    yield from rest


def parse_geoname(line: str) -> tuple[Entry, list[str]] | None:
    c = line.rstrip("\n").split("\t")
    if len(c) != 19 or not c[0].isdigit():
        return None
    entry = Entry(int(c[0]), c[1], c[6], c[7], c[8] or None, c[10] or None, float(c[4]), float(c[5]),
                  int(c[14] or 0), kind_of(c[6], c[7]))
    return entry, [c[2], *[n for n in c[3].split(",") if n]]


def _import_geonames(conn: sqlite3.Connection, lines: Iterator[str]) -> int:
    count = 0
    for line in lines:
        parsed = parse_geoname(line)
        if parsed is None:
            continue
        e, names = parsed
        conn.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (e.geonameid, e.name, e.fclass, e.fcode, e.country, e.admin1, e.lat, e.lon, e.population, e.kind))
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)",
                         [(k, t, e.geonameid) for k, t in keys_for([e.name, *names])])
        if e.fcode == "ADM1" and e.country and e.admin1:
            conn.execute("INSERT OR IGNORE INTO admin1 VALUES (?,?,?,?)", (e.country, e.admin1, e.name, e.geonameid))
        count += 1
    return count


def _import_alternates(conn: sqlite3.Connection, lines: Iterator[str]) -> int:
    known = {row[0] for row in conn.execute("SELECT geonameid FROM places")}
    count = 0
    for line in lines:
        c = line.rstrip("\n").split("\t")
        if len(c) < 4 or not c[1].isdigit() or c[2] in NON_NAME_LANGS or int(c[1]) not in known:
            continue
        gid = int(c[1])
        conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", [(k, t, gid) for k, t in keys_for([c[3]])])
        count += 1
    return count
