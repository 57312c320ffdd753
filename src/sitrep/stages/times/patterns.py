"""Regex fragments (strings) for the TIMES rules; compiled once in `rules.compile_rules`."""

from __future__ import annotations

from sitrep.stages.times.lexicon import TIME_ZONES, VAGUE


def _alt(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


MONTH_FULL = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)\b"
MONTH_ABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)"
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY_ABBR = r"(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"  # only in stamps, next to a date
_ONES = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMWORD = (
    rf"(?:(?:a\s+|one\s+|two\s+|three\s+|several\s+)?(?:hundred|thousand)(?:\s+and)?\s*)?"
    rf"(?:(?:{_TENS})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{_ONES}))\b"
    rf"|(?:a\s+|one\s+|two\s+|several\s+)?(?:hundred|thousand)\b"
)
DIGITS = r"(?<![\d.,$£€#])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+\d/\d)?)(?![\d,]\d)"
NUM = rf"(?:{DIGITS}|{NUMWORD}|an?\b|a\s+half)"
VAGUE_NUM = rf"(?:{VAGUE})"
UNIT_WORDS = (
    r"(?:(?:trading|business|working|calendar|school)\s+)?(?-i:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?"
    r"|weeks?|fortnights?|months?|quarters?(?!\s+of\b)|years?|yrs?|decades?|century|centuries|millennium|millennia)\b"
)
ORDWORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|hundredth)"
)
ORD = rf"(?:\d{{1,4}}(?:st|nd|rd|th)\b|{ORDWORD}\b)"
MODS = _alt([
    "about", "around", "roughly", "approximately", "some", "nearly", "almost", "close to", "more than", "over",
    "just over", "well over", "longer than", "less than", "under", "just under", "fewer than", "shorter than",
    "at least", "no less than", "no fewer than", "at most", "up to", "no more than",
])
POSITION = r"early|late|earlier|later|mid-|mid|the\s+(?:beginning|start|middle|end)\s+of"
YEAR = r"(?<![\d$£€#.,/])(?<!\d-)(?:1[6-9]\d\d|20\d\d)(?![\d]|[.,]\d|\s*%|\s*percent)"
YEARWORDS = (
    rf"(?:nineteen|twenty)[\s-](?:(?:{_TENS})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))"
    r"|two\s+thousand(?:\s+and)?(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?))?"
)
ANYYEAR = rf"(?:{YEAR}|{YEARWORDS})"
DAYNUM = rf"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b|{ORDWORD}\b"
TZ = TIME_ZONES
PART_OF_DAY = r"morning|afternoon|evening|night"
CLOCK = (
    r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?-i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm|AM|PM|A\.M\.|P\.M\.))(?!\w)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])"
    r"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?=(?-i:GMT|UTC|hours|hrs|local))"
    r"|(?P<noon>noon|midday|midnight))"
)
