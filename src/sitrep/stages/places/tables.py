"""The places stage's data tables (src/sitrep/data/places/), read once by the factory."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from sitrep.gazetteer.build import data_file, read_table
from sitrep.gazetteer.names import name_key


@dataclass(frozen=True)
class Tables:
    cues_after: dict[str, str]
    cues_before: dict[str, str]
    not_places: frozenset[str]
    demonyms: dict[str, str]  # "Russian" -> "RU" | "Africa"
    facility_after: frozenset[str]
    facility_before: frozenset[str]
    vague_demonyms: frozenset[str] = frozenset()  # 'Central American': read, never emitted
    agent_nouns: frozenset[str] = frozenset()  # 'Russian forces': a demonym naming who acts, not where


def load_tables() -> Tables:
    cues = json.loads(data_file("cues.json").read_text(encoding="utf-8"))
    lines = data_file("not_places.txt").read_text(encoding="utf-8").splitlines()
    stop = frozenset(name_key(s) for s in lines if s.strip() and not s.startswith("#"))
    rows = list(read_table("demonyms.tsv"))
    demonyms = {row[0]: row[1] for row in rows}
    vague = frozenset(row[0] for row in rows if row[2:3] == ["vague"])
    return Tables(cues["after"], cues["before"], stop, demonyms, frozenset(cues["facility_after"]),
                  frozenset(cues["facility_before"]), vague, frozenset(cues["agent_nouns"]))


TYPE_KINDS = frozenset({"region", "county", "city"})


@cache
def region_type_words() -> frozenset[str]:
    """The words that say a name is a region's, county's or town's ('county', 'oblast', 'municipality'): the
    cue table's 'after' words of those kinds, one source for the cues and for reading a region's own name."""
    cues = json.loads(data_file("cues.json").read_text(encoding="utf-8"))
    return frozenset(word for word, kind in cues["after"].items() if kind in TYPE_KINDS)
