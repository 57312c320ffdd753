"""The wars table (src/sitrep/data/wars.json): which war a text is about and what date its day N is.

"the 200th day of the war" in an article about Russia's invasion of Ukraine (day 1 = 2022-02-24)
is 2022-09-11. A war is chosen by counting its keywords in the text; the table is data, so
other wars are added there, not in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.datafiles import load_json


@dataclass(frozen=True)
class War:
    id: str
    name: str
    start: date
    keywords: tuple[str, ...]

    def day(self, n: int) -> date:
        """The date of day `n` (day 1 is the start date)."""
        return self.start + timedelta(days=n - 1)


def load_wars() -> tuple[War, ...]:
    raw = load_json("wars.json")
    return tuple(
        War(id=w["id"], name=w["name"], start=date.fromisoformat(w["start"]), keywords=tuple(w["keywords"]))
        for w in raw["wars"]
    )


def pick_war(wars: tuple[War, ...], text: str, dct: date | None = None) -> War | None:
    """The war whose keywords occur most often in `text` (ties: the table order); None if none occur.

    A war that starts after the document's date cannot be the one it counts days of.
    """
    best: War | None = None
    best_hits = 0
    for war in wars:
        if dct is not None and war.start > dct:
            continue
        hits = sum(text.count(k) for k in war.keywords)
        if hits > best_hits:
            best, best_hits = war, hits
    return best
