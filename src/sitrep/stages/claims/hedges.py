"""Verification and response sentences acting on the claims before them in the paragraph."""

from __future__ import annotations

import re

from sitrep.model import ClaimStatus, Span
from sitrep.stages.claims.drafts import Doc2, Draft, trim
from sitrep.stages.claims.units import Unit


def in_scope(d: Doc2, drafts: list[Draft], unit: Unit, same_unit: bool = True) -> list[Draft]:
    """Claims a verification/response sentence speaks about: earlier in its paragraph (or the previous one)."""
    def before(x: Draft) -> bool:
        return x.unit < unit.index or (same_unit and x.unit == unit.index and x.end <= unit.end)

    mine = [x for x in drafts if before(x) and d.units[x.unit].para == unit.para]
    if mine:
        return sorted(mine, key=lambda x: x.start)
    prev_para = unit.para - 1
    return sorted((x for x in drafts if before(x) and d.units[x.unit].para == prev_para), key=lambda x: x.start)


def apply_hedges(d: Doc2, unit: Unit, drafts: list[Draft]) -> None:
    text = d.text[unit.start:unit.end]
    evidence = Span(start=unit.start, end=unit.end)
    hedge = d.cues.unconfirmed_re.search(text) or d.cues.unverified_re.search(text)
    if hedge:
        status: ClaimStatus = "unverified" if d.cues.unverified_re.search(text) else "unconfirmed"
        subject = text[:hedge.start()]
        if not d.cues.figures_re.search(subject):
            add_unattributed(d, unit, drafts)
        targets = in_scope(d, drafts, unit)
        if d.cues.figures_re.search(subject):
            with_figures = [x for x in targets if has_quantity(d, x)]
            targets = with_figures or targets
        for x in targets:
            if x.status in ("asserted", "reported", "unconfirmed", "unverified"):
                x.status = status
                x.evidence.append(evidence)
    elif d.cues.debunk_re.search(text):
        for x in in_scope(d, drafts, unit, same_unit=False)[-1:]:
            x.status = "denied"
            x.evidence.append(evidence)
    elif d.cues.confirmed_re.search(text) and not any(x.unit == unit.index for x in drafts):
        for x in in_scope(d, drafts, unit)[-1:]:
            x.status = "confirmed"
            x.evidence.append(evidence)
    inline = d.cues.inline_debunk_re.search(text)
    if inline:
        deny_inline(d, unit.start + inline.start(), [x for x in drafts if x.unit == unit.index], evidence)
    if d.cues.response_re.search(text):
        for x in in_scope(d, drafts, unit, same_unit=False):
            x.response = "none"


def deny_inline(d: Doc2, at: int, drafts: list[Draft], evidence: Span) -> None:
    """'X said C (a false claim, ...)', 'C – a baseless claim': the writer debunks the claims of the
    sentence that come before the debunk; a claim running over it ends there."""
    for x in drafts:
        if x.start >= at:
            continue
        if x.end > at:
            x.end = trim(d.text, x.start, at)[1]
        x.status = "denied"
        x.evidence.append(evidence)


def add_unattributed(d: Doc2, hedge: Unit, drafts: list[Draft]) -> None:
    """Sentences before a hedge in its paragraph, with no claim yet, become unattributed claims."""
    for u in reversed(d.units[:hedge.index]):
        if u.para != hedge.para or any(x.unit == u.index for x in drafts):
            if u.para != hedge.para:
                break
            continue
        if is_hedge_or_response(d, u):
            break
        s, e = trim(d.text, u.start, u.end)
        if e - s >= 8:
            drafts.append(Draft(s, e, u.index, None, None, "reported", frame=[]))


def is_hedge_or_response(d: Doc2, u: Unit) -> bool:
    text = d.text[u.start:u.end]
    return bool(d.cues.unconfirmed_re.search(text) or d.cues.unverified_re.search(text)
                or d.cues.response_re.search(text))



def has_quantity(d: Doc2, x: Draft) -> bool:
    return bool(re.search(r"\d", d.text[x.start:x.end])) or any(
        w in d.text[x.start:x.end].lower() for w in ("hundreds", "thousands", "dozens", "half", "third"))
