"""PUBLISHED stage: the document creation time (DCT), from metadata or inferred from the text.

Approach, in order (the first that answers wins):
1. `record.published` from the input metadata / --published is kept as is.
2. A dateline near the top: "KYIV, Ukraine, March 3 (Reuters) -" or "KYIV, Sept. 11, 2022 (AP) --".
   A dateline without a year takes the first explicit year written in the text (else it is skipped).
3. A war-day count: "the 200th day of the war", "day 200 of the invasion", counted from the start
   date of the war the text is about (src/sitrep/data/wars.json; day 1 = the start date).
4. A full date standing near the top ("Sept. 11, 2022", "11 September 2022", "2022-09-11"), alone
   on a line or after Published/Updated/Posted.
The inferred value is Published(value="YYYY-MM-DD", precision="day", inferred=True,
evidence=Span of the words it rests on).

Example: the seed article (no metadata) says "in his daily video speech on the 200th day of the
war" about Russia's invasion of Ukraine (started 2022-02-24) -> 2022-09-11, evidence
"200th day of the war".

Known failure modes: a war-day count quoted about an earlier day ("on the 100th day of the war, he
had said...") gives that day, not the publication date; a dateline without a year in a text that
writes no year is skipped; a historical date alone on a top line is taken as the DCT.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.config import Settings
from sitrep.model import Published, Record, Span
from sitrep.pipeline import Stage
from sitrep.stages.times.lexicon import MONTHS, ORDINALS
from sitrep.stages.times.patterns import MONTH
from sitrep.stages.times.wars import War, load_wars, pick_war

VERSION = "1.0.0"
_TOP = 400  # characters from the start where datelines and top dates are looked for
_DAYNUM = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WIRE = r"(?:\((?:Reuters|AP|AFP|UPI|dpa|DPA|Xinhua|Bloomberg|CNN|TASS|Interfax|Ukrinform|RFE/RL)\)\s*)?"
_DATELINE = (
    rf"(?m)^[ \t]*[A-Z][A-Za-z.'’-]+(?:[ ,]+[A-Za-z.'’-]+){{0,4}},?\s+(?P<date>(?P<mon>{MONTH})\s*{_DAYNUM}"
    rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?)\s*{_WIRE}[-–—]"
)
_FULL_DATE = (
    rf"(?P<date>(?P<mon>{MONTH})\s*{_DAYNUM},?\s+(?P<y>(?:19|20)\d\d)"
    rf"|{_DAYNUM.replace('(?P<d>', '(?P<d2>')}\s+(?P<mon2>{MONTH}),?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))"
)
_TOP_DATE = rf"(?im)^[ \t]*(?:(?:published|updated|posted|last\s+updated)(?:\s+on)?:?\s*)?(?:\w+day,?\s+)?{_FULL_DATE}"
_ORD = r"\d{1,4}(?:st|nd|rd|th)|" + "|".join(ORDINALS)
_WAR_DAY = (
    rf"(?i)\b(?:the\s+)?(?P<n>{_ORD})\s+day\s+(?:of|since)\s+(?:the\s+|this\s+|[A-Z][\w’']*'s\s+)?(?:full[\s-]scale\s+|russian\s+|russia's\s+)?(?P<w>war|invasion|aggression|conflict)\b"
    r"|\bday\s+(?P<n2>\d{1,4})\s+of\s+(?:the\s+|this\s+|[A-Z][\w’']*'s\s+)?(?:full[\s-]scale\s+)?(?:war|invasion|aggression|conflict)\b"
)


def make_published_stage(settings: Settings | None = None) -> Stage:
    """Compile the cue patterns and load the wars table once."""
    dateline, top_date, war_day = re.compile(_DATELINE), re.compile(_TOP_DATE), re.compile(_WAR_DAY)
    full_year = re.compile(r"(?<![\d$])(?:19|20)\d\d(?!\d)")
    wars = load_wars()

    def run(record: Record, parse: object) -> Record:
        if record.published is not None:
            return record
        text = record.text
        found = (from_dateline(dateline, full_year, text) or from_war_day(war_day, wars, text)
                 or from_top_date(top_date, text))
        return record.model_copy(update={"published": found}) if found else record

    return Stage(name="published", version=VERSION, requires=frozenset({"text", "parse", "published"}),
                 provides=frozenset({"published"}), fn=run)


def from_dateline(pattern: re.Pattern[str], full_year: re.Pattern[str], text: str) -> Published | None:
    m = pattern.search(text[:_TOP])
    if not m:
        return None
    year = int(m["y"]) if m["y"] else _first_year(full_year, text)
    return _published(year, m["mon"], m["d"], m.start("date"), m.end("date"), text) if year else None


def from_war_day(pattern: re.Pattern[str], wars: tuple[War, ...], text: str) -> Published | None:
    war = pick_war(wars, text)
    if war is None:
        return None
    for m in pattern.finditer(text):
        n = _ordinal(m["n"]) if m["n"] else int(m["n2"])
        if n:
            start, end = m.start("n") if m["n"] else m.start(), m.end()
            return Published(value=war.day(n).isoformat(), precision="day", inferred=True,
                             evidence=Span(start=start, end=end, text=text[start:end]))
    return None


def from_top_date(pattern: re.Pattern[str], text: str) -> Published | None:
    m = pattern.search(text[:_TOP])
    if not m:
        return None
    if m["iy"]:
        return _published(int(m["iy"]), None, m["id"], m.start("date"), m.end("date"), text, month=int(m["im"]))
    if m["mon"]:
        return _published(int(m["y"]), m["mon"], m["d"], m.start("date"), m.end("date"), text)
    return _published(int(m["y2"]), m["mon2"], m["d2"], m.start("date"), m.end("date"), text)


def _published(year: int, mon: str | None, day: str, start: int, end: int, text: str,
               month: int | None = None) -> Published | None:
    try:
        value = date(year, month or MONTHS[(mon or "").lower().rstrip(".")], int(day))
    except (ValueError, KeyError):
        return None
    return Published(value=value.isoformat(), precision="day", inferred=True,
                     evidence=Span(start=start, end=end, text=text[start:end]))


def _first_year(pattern: re.Pattern[str], text: str) -> int | None:
    m = pattern.search(text)
    return int(m.group()) if m else None


def _ordinal(s: str) -> int | None:
    digits = re.match(r"\d+", s)
    return int(digits.group()) if digits else ORDINALS.get(s.lower())
