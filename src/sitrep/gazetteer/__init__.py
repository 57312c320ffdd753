"""An offline GeoNames gazetteer in one SQLite file: build it, import dumps into it, look names up.

    from sitrep.gazetteer import open_gazetteer
    gaz = open_gazetteer(settings)          # GazetteerError if missing/corrupt/old
    gaz.lookup("Kharkov")                   # -> (Hit(Entry(706483, "Kharkiv", ...), tier=0), ...)
"""

from __future__ import annotations

import sys

from sitrep.config import Settings
from sitrep.gazetteer.store import BUILD_COMMAND, SCHEMA_VERSION, Entry, Gazetteer, Hit

__all__ = ["BUILD_COMMAND", "SCHEMA_VERSION", "Entry", "Gazetteer", "Hit", "open_gazetteer"]


def open_gazetteer(settings: Settings, *, build_if_missing: bool = False) -> Gazetteer:
    """Open the gazetteer at settings.gazetteer_path; optionally build it first when absent."""
    path = settings.gazetteer_path
    if build_if_missing and not path.exists():
        from sitrep.gazetteer.build import build_gazetteer

        print(f"sitrep: building the gazetteer at {path} (once, about a minute)...", file=sys.stderr)
        stats = build_gazetteer(path)
        print(f"sitrep: gazetteer built: {stats.places} places in {stats.seconds:.0f} s", file=sys.stderr)
    return Gazetteer(path)
