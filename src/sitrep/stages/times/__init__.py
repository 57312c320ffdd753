"""TIMES stage: TimeML TIMEX3 expressions, normalised against the document creation time (DCT).

Approach (HeidelTime-style): a table of regex rules (`rules.py`) finds candidate expressions; every
rule has a normaliser that turns its match into a TimeML type/value/mod using the DCT
(record.published), the tense of the governing verb from the spaCy parse (bare weekdays and
months go back for past tense, forward for future), earlier expressions (anaphora: "the quarter",
"a year earlier", "the following year") and the wars table ("the 200th day of the war").
Overlapping candidates are resolved longest-first. Spans follow TimeBank: determiners and
modifiers are in ("the last two weeks", "nearly two years", "the end of 1990"), prepositions out.

Dated entries: a full date that opens its line as a stamp ("22 Apr 2022 - 18:44 GMT", a date alone on its
line or followed by a separator; a weekday or a label such as "Updated" may lead it, "Updated 6:44 PM EDT,
Fri April 22, 2022") or a dateline ("KYIV, April 22 (Reuters) - ") becomes the anchor of everything after
it, in place of the DCT: live blogs and wire digests date their entries, and "yesterday", "on Friday" or
"overnight" inside an entry count from the entry's date. A dated clock is one TIME on its own date ("22 Apr
2022 - 18:44 GMT" -> 2022-04-22T18:44). Day anaphors ("the next day", "the day before", "the same day", "on
that day") count from the last day named; "the day before yesterday" and "the day after tomorrow" are two
days off; "earlier/later in the day" tag "the day" (as TimeBank does) with the anchor's date, and
"earlier/later in the week|month" the anchor's week or month; "in/during/through the morning|night" is that
part of the last day named (a night as "overnight" is); "the early/small hours (of Sunday)" is TIME <day>TMO
with mod START, not a count of hours; a clock takes the day named next to it ("midnight on Thursday", "on
Thursday at 3 p.m."); a weekday governed by a present-tense verb ("the envoys meet Monday") is the nearest
such day; a day word in capitals next to another capitalised word is a name ("USA TODAY"), and so is "Today"
after a capitalised word inside a sentence ("USA Today", "Russia Today"). Bare plural units filled with
something are durations ("months of talks" PXM, not "years of age"); "days or weeks" takes the first unit.
The week reported on ("for the week", "the week's") is a week of the DCT year (YYYY-WXX, as TimeBank values
it). "one day" after a modal ("may one day join") is FUTURE_REF. Fractions of a unit are counted: "half an
hour" PT30M, "two and a half years" P2Y6M, "a quarter century" P25Y. Both ends of a day range are dates
("from 1 to 5 March", "March 2-20, 2019": the bare day takes the other end's month and year). A weekday
after a cue of anticipation ("ahead of", "pending", "in the run-up to", "put off/postponed until") is ahead;
after a bare "before/until/till" it follows the tense (measured: the bare cues cost 0.2 points on the
TimeBank check part), and "before Sunday's runoff" is the nearest Sunday (always ahead also cost 0.2). "This
time last year/month/week" is the DCT's day moved by one unit.

Example, DCT 2022-09-11 (a Sunday):
    "On Thursday evening, Zelensky estimated the area" -> TIME "Thursday evening" 2022-09-08TEV
    "this weekend" -> DATE 2022-W36-WE; "In these 200 days" -> DURATION "these 200 days" P200D
    "on the 200th day of the war" (Ukraine) -> DATE "the 200th day" 2022-09-11
    "Negotiations ended months ago" -> DATE "months ago" PAST_REF; "daily" -> SET P1D

Without a DCT relative expressions stay underspecified in TimeML style: "Thursday" ->
XXXX-WXX-4, "last month" -> XXXX-XX, "yesterday" -> XXXX-XX-XX; "now"/"today"-like
references that need no anchor keep their REF values (today -> XXXX-XX-XX).

Known failure modes: "former" and "formerly" are not tagged (TimeBank does not tag them), nor is "the
future of X" (a fate); bare "the year", "the day", "then", "once" are not tagged; "a year ago" in earnings news is anchored on the last
quarter mentioned, which is wrong when the text moves on; tense from a small parser is noisy,
so a bare weekday whose verb is not found is taken as past; an entry date written without a year
or in a sentence ("On 22 April, ...") does not become an anchor, and a stamp that is really a quoted
date at a line start would move the anchor; range durations ("two to three
weeks") get X values. A month without a year stays in the DCT year in past-tense sentences unless it is
more than one month after the DCT month, so "agreed to buy it in February" (DCT October, meaning next
February) is taken as this year; amount rates ("$2 million a year") are not tagged, as in TimeBank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sitrep.config import Settings
from sitrep.model import Record, TimeExpr
from sitrep.pipeline import Stage
from sitrep.spans import pick_disjoint
from sitrep.stages.times import calendar as cal
from sitrep.stages.times.rules import Context, Resolved, Rule, compile_rules
from sitrep.stages.times.scan import rule_matches
from sitrep.stages.times.wars import War, load_wars, pick_war

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "1.6.2"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    order: int
    match: object  # re.Match[str]

    @property
    def length(self) -> int:
        return self.end - self.start


def make_times_stage(settings: Settings | None = None) -> Stage:
    """Compile the rules and load the wars table once; the stage fn only runs them."""
    rules = compile_rules()
    wars = load_wars()

    def run(record: Record, parse: Doc) -> Record:
        dct = dct_of(record)
        times = find_times(record.text, dct, parse, rules, wars)
        return record.model_copy(update={"times": times})

    return Stage(name="times", version=VERSION, requires=frozenset({"text", "published", "parse"}),
                 provides=frozenset({"times"}), fn=run)


def dct_of(record: Record) -> date | None:
    if record.published is None:
        return None
    try:
        return date.fromisoformat(record.published.value[:10])
    except ValueError:
        return None


def find_times(text: str, dct: date | None, parse: Doc | None, rules: tuple[Rule, ...],
               wars: tuple[War, ...]) -> tuple[TimeExpr, ...]:
    """1. match every rule; 2. drop matches no normaliser accepts; 3. keep the longest of overlaps;
    4. normalise in text order so anaphors see earlier values."""
    ctx = Context(text=text, dct=dct, parse=parse, war=pick_war(wars, text, dct))
    candidates = [c for c in match_rules(text, rules) if resolve(c, _probe(ctx)) is not None]
    chosen = select_longest(candidates)
    out: list[TimeExpr] = []
    for cand in chosen:
        res = resolve(cand, ctx)
        if res is None:
            continue
        start = res.start if res.start is not None else cand.start
        end = res.end if res.end is not None else cand.end
        out.append(TimeExpr(id=f"t{len(out) + 1}", start=start, end=end, text=text[start:end], type=res.type,
                            value=res.value, mod=res.mod))
        remember(ctx, res)
        if is_entry_stamp(text, start, end, res.value):
            ctx.dct = date.fromisoformat(res.value[:10])  # the entry's date anchors what follows it
    return tuple(out)


STAMP_VALUE_RE = re.compile(r"\d{4}-\d\d-\d\d")
STAMP_LABEL_RE = re.compile(r"(?:(?:Last\s+)?(?:Updated|Posted|Published)(?:\s+on)?:?\s+)?"
                            r"(?:(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|urday)?\.?,?\s+)?",
                            re.IGNORECASE)
DATELINE_RE = re.compile(r"[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]+)?,\s*")
PROSE_LINE_RE = re.compile(r"[.!?”\"]\s*\n")  # a line of prose: an entry comes after some of the text
AFTER_STAMP_RE = re.compile(r"\s*(?:$|[-–—|:(])")
AFTER_DATELINE_RE = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]")


def is_entry_stamp(text: str, start: int, end: int, value: str) -> bool:
    """A dated entry: a full date (or dated clock) that opens its line and is followed by nothing, a short
    tail or a separator ("22 Apr 2022 - 18:44 GMT", "April 22, 2022 | Kyiv"), or a dateline
    ("KYIV, April 22 (Reuters) - "); it must come after a line of prose, since a date heading the
    text is the article's own (its `published`)."""
    if not STAMP_VALUE_RE.match(value):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not PROSE_LINE_RE.search(text, 0, line_start):
        return False  # the article's own header date: `published` already stands for it
    line_end = text.find("\n", end)
    prefix, suffix = text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]
    if not prefix.strip() or STAMP_LABEL_RE.fullmatch(prefix.lstrip()):  # "Fri 22 Apr ...", "Updated 6:44 PM ..."
        return len(suffix.strip()) <= 25 or AFTER_STAMP_RE.match(suffix) is not None
    return DATELINE_RE.fullmatch(prefix) is not None and AFTER_DATELINE_RE.match(suffix) is not None


def match_rules(text: str, rules: tuple[Rule, ...]) -> list[Candidate]:
    found: list[Candidate] = []
    for order, (rule, matches) in enumerate(zip(rules, rule_matches(text, rules), strict=True)):
        for m in matches:
            start, end = m.span("t") if "t" in rule.pattern.groupindex else m.span()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                found.append(Candidate(start, end, rule, order, m))
    return found


def select_longest(cands: list[Candidate]) -> list[Candidate]:
    """Greedy: longest first (earlier rule wins ties), skipping anything overlapping a kept span."""
    ranked = sorted(cands, key=lambda c: (-c.length, c.order, c.start))
    return pick_disjoint(ranked, lambda c: (c.start, c.end))


def resolve(cand: Candidate, ctx: Context) -> Resolved | None:
    return cand.rule.normalise(cand.match, ctx)  # type: ignore[arg-type]


def _probe(ctx: Context) -> Context:
    """The same context without anaphoric state: used only to test whether a match is a timex."""
    return Context(text=ctx.text, dct=ctx.dct, parse=ctx.parse, war=ctx.war, tenses=ctx.tenses)


def remember(ctx: Context, res: Resolved) -> None:
    gran = cal.granularity(res.value)
    if res.type not in ("DATE", "TIME") or gran is None or res.shifted:
        return
    ctx.last = res.value
    if gran == "Q":
        ctx.last_quarter = res.value


__all__ = ["VERSION", "dct_of", "find_times", "make_times_stage"]
