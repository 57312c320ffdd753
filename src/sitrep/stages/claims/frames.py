"""Channel and said_at from the attribution frame of each claim."""

from __future__ import annotations

from collections.abc import Iterable

from sitrep.stages.claims.drafts import Doc2, Draft


def channel_in(d: Doc2, spans: Iterable[tuple[int, int]]) -> str | None:
    for pattern, label in d.cues.channels:
        for s, e in spans:
            m = pattern.search(d.text, s, e)
            if m:
                outlet = m.groupdict().get("outlet")
                return label.format(outlet=("the " + outlet) if outlet and "the " + outlet in d.text[s:e] else outlet)
    return None


def time_in(d: Doc2, spans: Iterable[tuple[int, int]]) -> str | None:
    for s, e in spans:
        for ts, te, tid in d.times:
            if s <= ts and te <= e:
                return tid
    return None


def fill_frames(d: Doc2, drafts: list[Draft]) -> None:
    """Channel and said_at from each claim's attribution frame; else the channel of the previous sentence."""
    for x in drafts:
        x.channel = x.channel or channel_in(d, x.frame)
        x.said_at = x.said_at or time_in(d, x.frame)
    by_unit: dict[int, list[Draft]] = {}
    for x in drafts:
        by_unit.setdefault(x.unit, []).append(x)
    for x in drafts:
        if x.channel is None and x.claimant is not None and x.unit > 0:
            prev = d.units[x.unit - 1]
            others = [y for y in by_unit.get(prev.index, []) if y.claimant != x.claimant]
            named = x.claimant in d.actors_between(prev.start, prev.end)
            if named and not others and prev.para == d.units[x.unit].para:
                x.channel = channel_in(d, [(prev.start, prev.end)])
