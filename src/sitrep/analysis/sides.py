"""The sides of each conflict, as data: which words name which party (src/sitrep/data/conflicts.json).

The events stage reads the same table for ACLED's territorial coding; here it says who a
sentence means when it says who holds a place ("Kherson remains under Russian control",
"Houthi-held Hodeidah", "Syrian government forces still control Deir ez-Zor"). A place's
conflict is the one whose theatre holds the place's country; a place in no theatre reads the
parties of every conflict. The table's patterns are written over lemma strings (tokens
joined by spaces: "pro - russian", "people 's republic", `word*` = any ending); `surface`
turns them into patterns over folded text.

Example: `sides_for("UA").party("russian")` is "RUS"; `sides_for("YE").party("houthi")` is "HOUTHI".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.datafiles import load_json

_FORCES = r"(?:\s+(?:armed\s+)?(?:forces|troops|army|military|soldiers|units))?"
_STILL = r"(?:still\s+|now\s+|firmly\s+|largely\s+|entirely\s+|fully\s+)?"
# the words between the verb and the place: "hold the southern city of", not "held talks with"
_GAP = r"(?:(?!(?:with|to|on|in|at|for|from|talks|meetings?)\s)\w+\s+){0,2}?"


def surface(lemma_pattern: str) -> str:
    """A conflicts.json lemma pattern as a pattern over folded running text."""
    out = lemma_pattern.replace(" - ", "-").replace(" 's", "'s")
    out = re.sub(r"(?<=[\w)\]])\*", r"\\w*", out)
    return out.replace(" ", r"\s+")


@dataclass(frozen=True)
class Sides:
    """The parties of one conflict (or of all) and the standing-control patterns built on them."""

    parties: tuple[tuple[str, re.Pattern[str]], ...]
    after: re.Pattern[str]  # PLACE ... remains under Russian control
    before: re.Pattern[str]  # Russian forces (still) hold PLACE; Russian-held PLACE

    def party(self, words: str) -> str | None:
        """The party the folded words name ("russian", "ukraine's", "kyiv"), else None."""
        words = words.removesuffix("'s")
        return next((key for key, pattern in self.parties if pattern.fullmatch(words)), None)


def build_sides(parties: list[tuple[str, str]]) -> Sides:
    """Sides from (party key, lemma pattern) rows."""
    compiled = tuple((key, re.compile(surface(p))) for key, p in parties)
    side = "(?:" + "|".join(surface(p) for _, p in parties) + ")"
    after = re.compile(
        r"^[^.;:()]{0,60}?\b(?:remains?|remained|is|was|are|were|stays?|stayed|has been|have been|had been)\s+"
        rf"{_STILL}(?:in\s+|under\s+)(?:the\s+)?\b(?P<side>{side})(?:'s)?\s+(?:military\s+)?(?:control|hands|occupation)\b")
    before = re.compile(
        rf"(?:\b(?P<side>{side})(?:'s)?{_FORCES}\s+(?:still\s+|now\s+|continues? to\s+|firmly\s+)?"
        r"(?:(?:has|have|had)\s+(?:long\s+)?)?(?:holds?|controls?|held|controlled)"
        rf"|\b(?P<side2>{side})-(?:held|controlled|occupied))"
        rf"\s+(?:the\s+)?(?:(?:city|town|village|port|region|plant|site)\s+of\s+)?{_GAP}$")
    return Sides(parties=compiled, after=after, before=before)


@lru_cache(maxsize=1)
def _tables() -> dict[str, Sides]:
    """Theatre country (ISO alpha-2) -> its conflict's sides; "" -> the parties of every conflict."""
    rows = load_json("conflicts.json")["conflicts"]
    out: dict[str, Sides] = {}
    everyone: list[tuple[str, str]] = []
    for row in rows:
        parties = [(str(k), str(v)) for k, v in row["parties"].items() if not str(k).startswith("_")]
        everyone.extend(parties)
        sides = build_sides(parties)
        for country in row["theatre"]:
            out.setdefault(str(country), sides)
    out[""] = build_sides(everyone)
    return out


def sides_for(country: str | None) -> Sides:
    """The sides of the conflict fought in `country` (ISO alpha-2), else of every conflict."""
    tables = _tables()
    return tables.get(country or "", tables[""])
