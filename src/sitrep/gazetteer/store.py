"""The gazetteer's SQLite file: schema, writing, opening with checks, and indexed look-ups.

Tables:
    meta(key, value)             schema_version, built_at, sources
    places(geonameid, ...)       one row per GeoNames feature (or hand-entered feature)
    names(key, tier, geonameid)  tier 0 = name_key, tier 1 = skeleton_key, tier 2 = an abbreviation that is
                                 written with its period ('Mass.', 'Va.'); clustered on key
    admin1(country, code, ...)   admin1 code -> name and geonameid

A missing, corrupt or old file raises GazetteerError naming the command that builds it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import GazetteerError
from sitrep.gazetteer.names import name_key, skeleton_key

SCHEMA_VERSION = "7"  # bump whenever the built data changes, so old files are rebuilt
BUILD_COMMAND = "sitrep gazetteer build"
ABBREVIATION_TIER = 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, fclass TEXT NOT NULL, fcode TEXT NOT NULL,
    country TEXT, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL,
    kind TEXT NOT NULL
);
CREATE TABLE names (
    key TEXT NOT NULL, tier INTEGER NOT NULL, geonameid INTEGER NOT NULL,
    PRIMARY KEY (key, tier, geonameid)
) WITHOUT ROWID;
CREATE TABLE admin1 (
    country TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, geonameid INTEGER,
    PRIMARY KEY (country, code)
);
"""


@dataclass(frozen=True)
class Entry:
    """One gazetteer feature. `kind` is the record's PlaceKind; `admin1` the region's name."""

    geonameid: int
    name: str
    fclass: str
    fcode: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    kind: str


@dataclass(frozen=True)
class Hit:
    """A look-up result: the entry and how it matched (tier 0 exact key, 1 skeleton, 2 abbreviation)."""

    entry: Entry
    tier: int


def keys_for(names: Iterable[str]) -> set[tuple[str, int]]:
    """The (key, tier) pairs to index for a feature's names."""
    out: set[tuple[str, int]] = set()
    for name in names:
        key = name_key(name)
        if key:
            out.add((key, 0))
        skel = skeleton_key(name)
        if skel:
            out.add((skel, 1))
    return out


class GazetteerWriter:
    """Writes a fresh gazetteer file (to a temp path, moved into place on `finish`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp.unlink(missing_ok=True)
        self.conn = sqlite3.connect(self.tmp)
        self.conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)

    def add_place(self, entry: Entry, names: Iterable[str]) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
            (entry.geonameid, entry.name, entry.fclass, entry.fcode, entry.country, entry.admin1,
             entry.lat, entry.lon, entry.population, entry.kind),
        )
        self.add_names(entry.geonameid, [entry.name, *names])

    def add_names(self, geonameid: int, names: Iterable[str]) -> None:
        rows = [(k, t, geonameid) for k, t in keys_for(names)]
        self.conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", rows)

    def add_abbreviation(self, geonameid: int, alias: str) -> None:
        """'Mass.', 'Va.': matched only where the text writes the period (tier 2), never as the bare word."""
        key = name_key(alias)
        if key:
            self.conn.execute("INSERT OR IGNORE INTO names VALUES (?,?,?)", (key, ABBREVIATION_TIER, geonameid))

    def add_admin1(self, country: str, code: str, name: str, geonameid: int | None) -> None:
        self.conn.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)", (country, code, name, geonameid))

    def finish(self, meta: dict[str, str]) -> None:
        rows = {**meta, "schema_version": SCHEMA_VERSION}
        self.conn.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", sorted(rows.items()))
        self.conn.commit()
        self.conn.execute("VACUUM")
        self.conn.close()
        self.tmp.replace(self.path)


class Gazetteer:
    """Read-only, indexed look-ups on a built gazetteer file (open once, share freely)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = _connect(path)
        self._cache: dict[str, tuple[Hit, ...]] = {}
        self._countries: dict[str, Entry] | None = None
        self.meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())

    def lookup(self, name: str, *, fuzzy: bool = True) -> tuple[Hit, ...]:
        """Entries whose names share the exact key, else (fuzzy) the skeleton key; cached."""
        key = name_key(name)
        if not key:
            return ()
        cache_key = f"{int(fuzzy)}{key}"
        hits = self._cache.get(cache_key)
        if hits is None:
            hits = self._query(key, 0)
            if not hits and fuzzy:
                hits = self._query(skeleton_key(name), 1)
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[cache_key] = hits
        return hits

    def lookup_abbreviation(self, name: str) -> tuple[Hit, ...]:
        """Entries abbreviated so ('Mass' for 'Mass.'): call only when the text writes the period after it."""
        return self._query(name_key(name), ABBREVIATION_TIER)

    def has_key(self, key: str) -> bool:
        """Is this exact name_key in the index (cheap pre-check for the matcher)?"""
        row = self.conn.execute("SELECT 1 FROM names WHERE key=? AND tier=0 LIMIT 1", (key,)).fetchone()
        return row is not None

    def get(self, geonameid: int) -> Entry | None:
        row = self.conn.execute(f"{_SELECT} WHERE p.geonameid=?", (geonameid,)).fetchone()
        return _entry(row) if row else None

    def country(self, iso2: str) -> Entry | None:
        """The country record of an ISO 3166 alpha-2 code (all countries are read once)."""
        if self._countries is None:
            rows = self.conn.execute(f"{_SELECT} WHERE p.kind='country'").fetchall()
            self._countries = {e.country: e for e in map(_entry, rows) if e.country}
        return self._countries.get(iso2)

    def entries(self) -> Iterator[Entry]:
        for row in self.conn.execute(_SELECT):
            yield _entry(row)

    def _query(self, key: str, tier: int) -> tuple[Hit, ...]:
        if not key:
            return ()
        rows = self.conn.execute(
            f"{_SELECT} JOIN names n ON n.geonameid=p.geonameid WHERE n.key=? AND n.tier=?", (key, tier)
        ).fetchall()
        return tuple(Hit(_entry(r), tier) for r in rows)


_SELECT = (
    "SELECT p.geonameid, p.name, p.fclass, p.fcode, p.country, COALESCE(a.name, p.admin1), p.lat, p.lon,"
    " p.population, p.kind FROM places p LEFT JOIN admin1 a ON a.country=p.country AND a.code=p.admin1"
)


def _entry(row: tuple[object, ...]) -> Entry:
    gid, name, fclass, fcode, country, admin1, lat, lon, pop, kind = row
    return Entry(int(str(gid)), str(name), str(fclass), str(fcode), _opt(country), _opt(admin1),
                 float(str(lat)), float(str(lon)), int(str(pop)), str(kind))


def _opt(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise GazetteerError(f"gazetteer not found at {path}; build it with `{BUILD_COMMAND}`")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise GazetteerError(f"gazetteer at {path} is corrupt ({exc}); rebuild it with `{BUILD_COMMAND}`") from exc
    if row is None or row[0] != SCHEMA_VERSION:
        found = row[0] if row else "none"
        raise GazetteerError(
            f"gazetteer at {path} has schema version {found}, this sitrep needs {SCHEMA_VERSION}; "
            f"rebuild it with `{BUILD_COMMAND}`"
        )
    return conn
