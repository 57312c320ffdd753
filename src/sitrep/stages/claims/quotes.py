"""Quote continuation: quotes over several sentences and quote paragraphs after a quoted claim."""

from __future__ import annotations

import bisect

from sitrep.model import ClaimStatus
from sitrep.stages.claims.drafts import MAX_SPAN, Doc2, Draft, trim
from sitrep.stages.claims.units import Unit


def paragraph_start(d: Doc2, unit: int) -> int:
    """Start offset of the paragraph holding unit `unit`."""
    para = d.units[unit].para
    while unit > 0 and d.units[unit - 1].para == para:
        unit -= 1
    return d.units[unit].start


def extend_quotes(d: Doc2, drafts: list[Draft]) -> list[Draft]:
    """'“A. B,” he said': a quote over several sentences is one claim, from its opening mark.

    Only a claim that ends at the closing mark grows, when the opening mark is in an earlier sentence
    of the same paragraph and no mark closes in between. Claims inside that stretch are words of the
    quote's speaker ("“The Danes believe C. We want D,” Jensen said": C is Jensen's too): they merge
    into it. Returns the drafts left."""
    starts = sorted(x.start for x in drafts)
    absorbed: set[int] = set()
    for x in drafts:
        if "”" not in d.text[x.end:x.end + 3] or id(x) in absorbed:
            continue
        floor = paragraph_start(d, x.unit)
        opening = d.text.rfind("“", floor, x.start)
        if opening < 0 or opening >= d.units[x.unit].start or d.text.find("”", opening, x.start) >= 0:
            continue
        s, _ = trim(d.text, opening, x.start)
        if x.end - s > MAX_SPAN:
            continue
        inside = [y for y in drafts if y is not x and s <= y.start and y.end <= x.start]
        i = bisect.bisect_left(starts, s)
        if i < len(starts) and starts[i] < x.start and (x.claimant is None or len(inside) < sum(
                s <= st < x.start for st in starts[i:])):
            continue  # a claim that starts in the stretch but reaches past it: leave both
        absorbed.update(id(y) for y in inside)
        x.start, x.quote = s, True
    return [x for x in drafts if id(x) not in absorbed]


CLOSING = {"“": "”", "\"": "\"", "«": "»"}


def quote_close(d: Doc2, opening: int) -> int | None:
    """Offset of the mark closing the quote opened at `opening`, if it is in the same paragraph."""
    close = d.text.find(CLOSING[d.text[opening]], opening + 1)
    nl = d.text.find("\n", opening)
    if close < 0 or (0 <= nl < close):
        return None
    return close


def run_on(d: Doc2, x: Draft, limit: int) -> None:
    """'X said they “A. B.”': a claim ending inside a quote it opened runs on to the closing mark
    (before `limit`, the start of the next claim)."""
    opening = d.text.rfind("“", x.start, x.end)
    if opening < 0 or d.text.find("”", opening, x.end) >= 0:
        return
    close = quote_close(d, opening)
    if close is not None and x.end < close < limit and close - x.start <= MAX_SPAN:
        x.end = trim(d.text, x.start, close)[1]


def continuation(d: Doc2, unit: Unit, last: Draft) -> Draft | None:
    """A sentence that opens a quote right after a quote attributed to `last`'s claimant (“A,” he said. “B.”)."""
    opening = unit.start
    if d.text[opening] not in CLOSING or (last.claimant is None and last.claimant_text is None):
        return None
    prev = d.units[unit.index - 1]
    if not (last.quote or any(q in d.text[prev.start:prev.end] for q in "”\"»")):
        return None
    close = quote_close(d, opening)
    end = close if close is not None and close - opening <= MAX_SPAN else d.text.find("\n", opening)
    s, e = trim(d.text, opening, end if end > opening else len(d.text))
    if e - s < 8:
        return None
    status: ClaimStatus = "reported" if last.status == "reported" else "asserted"
    return Draft(s, e, unit.index, last.claimant, last.claimant_text, status, channel=last.channel,
                 said_at=last.said_at, quote=True)


def continue_quotes(d: Doc2, drafts: list[Draft]) -> list[Draft]:
    """Quote paragraphs and sentences that go on from the quote claimed just before them.

    A sentence with no claim that opens with a quote mark, right after a sentence holding a quote
    claim (or a claim whose sentence closes a quote), is a claim of the same claimant with the same
    channel; the chain goes on over following quotes. Drafts come sorted by start."""
    out: list[Draft] = []
    i = 0
    last: Draft | None = None
    last_end = -1  # end offset of the unit that holds `last`
    covered_to = -1
    for unit in d.units:
        here = []
        while i < len(drafts) and drafts[i].start < unit.end:
            run_on(d, drafts[i], drafts[i + 1].start if i + 1 < len(drafts) else len(d.text))
            here.append(drafts[i])
            i += 1
        out.extend(here)
        covered_to = max([covered_to] + [x.end for x in here])
        if here:
            last, last_end = here[-1], unit.end
            continue
        if unit.start < covered_to:
            last_end = unit.end if last is not None else last_end
            continue
        prev_end = d.units[unit.index - 1].end if unit.index else -2
        new = continuation(d, unit, last) if last is not None and last_end == prev_end else None
        if new is None:
            last = None
            continue
        out.append(new)
        covered_to = new.end
        last, last_end = new, unit.end
    return out


FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "mine", "ours"})


def is_first_person(unit: Unit) -> bool:
    return any(t.lower_ in FIRST_PERSON and t.pos_ == "PRON" for t in unit.tokens)


def unmarked_quote_leads(d: Doc2, drafts: list[Draft]) -> None:
    """Texts stripped of quote marks: 'If a second wave comes, we are lost. We cannot take more, Mayor X
    told AP.' A first-person sentence with no claim right before a named speaker's 'C, X said' sentence
    of the same paragraph is the start of the same unmarked quote: the claim grows back over it, as a
    marked quote over several sentences is one claim (a writer's own 'we' is not followed by such a line)."""
    claimed = {x.unit for x in drafts}
    for x in drafts:
        unit = d.units[x.unit]
        if (x.claimant is None or x.unit == 0 or x.start - unit.start >= 3 or x.end >= unit.end - 3
                or x.quote or x.unit - 1 in claimed):
            continue
        prev = d.units[x.unit - 1]
        s, e = trim(d.text, prev.start, prev.end)
        if prev.para == unit.para and is_first_person(prev) and e - s >= 8 and d.text[s] not in CLOSING \
                and x.end - s <= MAX_SPAN:
            x.start = s


FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})


def in_open_quote(d: Doc2, x: Draft) -> bool:
    """The draft starts inside quote marks opened earlier in its paragraph and closed after it."""
    floor = paragraph_start(d, x.unit)
    opening = d.text.rfind("“", floor, x.start + 1)
    return opening >= 0 and d.text.find("”", opening, x.start) < 0 and d.text.find("”", x.start) >= 0


def first_person_speakers(d: Doc2, drafts: list[Draft]) -> None:
    """'“My view is C,” X told me. “I worry that D.”': an I/we subject inside quote marks is the quote's
    speaker, the claimant of the quoted claim just before it in the paragraph (drafts sorted by start)."""
    last: Draft | None = None
    for x in drafts:
        if (x.claimant is None and (x.claimant_text or "").lower() in FIRST_PERSON_SUBJECTS and last is not None
                and last.quote and last.claimant is not None and x.unit - last.unit <= 1
                and d.units[last.unit].para == d.units[x.unit].para and in_open_quote(d, x)):
            x.claimant, x.claimant_text, x.status = last.claimant, None, "asserted"
            x.channel = x.channel or last.channel
            x.quote = True
        last = x


def stripped_quote_speakers(d: Doc2, drafts: list[Draft]) -> None:
    """An I/we subject outside quote marks right after a 'C, X said.' sentence of the same paragraph goes on
    X's words in a text stripped of quote marks ('It is an honour, Udoka said. I think everyone ...'): X's
    claim. Elsewhere it stays the writer's (an official statement's 'We urge ...' is its author's claim)."""
    by_unit = {x.unit: x for x in drafts}
    for x in drafts:
        if x.claimant is not None or (x.claimant_text or "").lower() not in FIRST_PERSON_SUBJECTS or x.quote \
                or in_open_quote(d, x):
            continue
        prev = by_unit.get(x.unit - 1)
        if prev is None or prev.claimant is None or d.units[prev.unit].para != d.units[x.unit].para \
                or prev.start - d.units[prev.unit].start >= 3 or prev.end >= d.units[prev.unit].end - 3:
            continue
        x.claimant, x.claimant_text, x.channel = prev.claimant, None, x.channel or prev.channel
