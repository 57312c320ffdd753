"""Resolution: overlapping candidates, role and head links, one actor per key, sides from affiliation."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from sitrep.model import Actor, Span

if TYPE_CHECKING:
    pass

from sitrep.stages.actors.finders import (
    head_token,
    is_according_to,
)
from sitrep.stages.actors.mentions import Context, Mention, surname_key
from sitrep.stages.actors.tables import GENERIC_HEADS, SUBJECT_DEPS, Tables


# ---------------------------------------------------------------- resolution
def select(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, higher priority (lower number) and longer first; text order."""
    chosen: list[Mention] = []
    starts: list[int] = []  # chosen spans never overlap, so sorted by start they are sorted by end too
    ends: list[int] = []
    for m in sorted(mentions, key=lambda m: (m.priority, m.start - m.end, m.start)):
        i = bisect.bisect_right(starts, m.start)
        if (i and ends[i - 1] > m.start) or (i < len(starts) and starts[i] < m.end):
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def resolve_links(t: Tables, mentions: list[Mention], ctx: Context) -> list[Mention]:
    """Role-only mentions to the last person with that role (else an unnamed official when the text
    qualifies it or makes it a speaker), bare heads to the last same-head org."""
    out: list[Mention] = []
    for m in mentions:
        if m.link == "role":
            target = None if m.indefinite else last_with_role(t, out, m)
            if target is not None:
                m.key = target.key
            elif (known := known_with_role(t, m)) is not None:
                m.key = known
            elif m.priority > 1 and not is_speaker_at(t, ctx, m):
                continue
        elif m.link == "head":
            head = m.key.split(":", 2)[2]
            target = next((o for o in reversed(out) if o.kind == "org" and o.key.endswith(":" + head)
                           and o.side is not None), None)
            if target is None and head in GENERIC_HEADS and is_subject_at(ctx, m):
                target = next((o for o in reversed(out) if o.kind == "org" and (
                    o.key[0] in "nx" or head in o.key)), None)
            if target is not None:
                m.key, m.side = target.key, target.side
            elif not is_subject_at(ctx, m):
                continue
        out.append(m)
    return out


LEADER_ROLES = ("president", "prime minister", "chancellor", "premier", "leader")


def role_fits(have: str, want: str) -> bool:
    """'Foreign Minister' fits 'minister'; any head of state or government fits 'leader'."""
    have = have.lower()
    return have.endswith(want) or (want == "leader" and have.endswith(LEADER_ROLES))


def last_with_role(t: Tables, seen: list[Mention], m: Mention) -> Mention | None:
    want = (m.role or "").lower()
    for p in reversed(seen):
        entry = t.people.get(p.key[2:], {}) if p.key.startswith("k:") else {}
        role, side = p.role or entry.get("role"), p.side or entry.get("side")
        if p.kind == "person" and role and role_fits(role, want) and m.side in (None, side):
            return p
    return None


def known_with_role(t: Tables, m: Mention) -> str | None:
    """'the Russian president' before (or without) the name: the one well-known person who fits."""
    if m.side is None or m.indefinite or m.name.lower().startswith(("former", "ex-", "late")):
        return None
    want = (m.role or "").lower()
    fits = {p["name"] for p in t.people.values() if p["side"] == m.side and not p.get("common")
            and role_fits(p["role"], want)}
    return "k:" + fits.pop() if len(fits) == 1 else None


def is_speaker_at(t: Tables, ctx: Context, m: Mention) -> bool:
    tok = head_token(ctx, m.start, m.end)
    return tok is not None and (is_according_to(tok) or tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in t.reporting)


def is_subject_at(ctx: Context, m: Mention) -> bool:
    """The mention is a subject (or 'according to' it), also as the modifier of one: 'State Department
    officials said' speaks for the State Department."""
    tok = head_token(ctx, m.start, m.end)
    while tok is not None and tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and (tok.dep_ in SUBJECT_DEPS or is_according_to(tok))


def build_actors(t: Tables, mentions: list[Mention]) -> tuple[Actor, ...]:
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    actors = []
    for i, (key, ms) in enumerate(sorted(groups.items(), key=lambda kv: kv[1][0].start), start=1):
        actors.append(make_actor(t, f"a{i}", key, ms))
    return tuple(actors)


def make_actor(t: Tables, actor_id: str, key: str, ms: list[Mention]) -> Actor:
    entry = t.people.get(key[2:]) if key.startswith("k:") else None
    named = [m for m in ms if m.link is None] or [m for m in ms if m.link != "role"] or ms
    if ms[0].kind == "person":
        name = max(named, key=lambda m: (len(m.name.split()), len(m.name))).name
        if entry and (name not in t.people or len(entry["name"].split()) > len(name.split())):
            name = entry["name"]  # the text's longest form is not a known spelling: "Vladimir Putin Credit"
    elif ms[0].kind == "org":
        name = max(named, key=lambda m: len(m.name)).name
    else:
        name = named[0].name
    role = next((m.role for m in ms if m.role), None) or (entry or {}).get("role")
    side = (entry or {}).get("side") or next((m.side for m in ms if m.side), None)
    mentions = tuple(Span(start=m.start, end=m.end) for m in ms)
    return Actor(id=actor_id, name=strip_article(name), kind=ms[0].kind, role=role, side=side, mentions=mentions)


def strip_article(name: str) -> str:
    return re.sub(r"^(?i:the)\s+", "", name)


AFFILIATION_RE = re.compile(r",?\s+(?:of|for|at|with|from)\s+(?:the\s+)?")


def sides_from_affiliation(ctx: Context, mentions: list[Mention]) -> None:
    """A person with no side takes the side of the organisation, group or state named right after the
    name or role: "a spokesman for Russia's Central Military District", "the commander of Ukrainian air
    defense". `mentions` is in text order."""
    starts = [m.start for m in mentions]
    for m in mentions:
        if m.kind != "person" or m.side is not None:
            continue
        link = AFFILIATION_RE.match(ctx.text, m.end)
        if link is None:
            continue
        i = bisect.bisect_left(starts, link.end())
        if i < len(mentions) and mentions[i].start == link.end() and mentions[i].kind != "person" and mentions[i].side:
            m.side = mentions[i].side


def drop_surnames_as_orgs(candidates: list[Mention]) -> list[Mention]:
    """spaCy sometimes tags a person's surname as ORG ("Andersson's"): drop those."""
    surnames = {m.key[2:] for m in candidates if m.key.startswith("p:")}
    surnames |= {surname_key(m.key[2:]) for m in candidates if m.key.startswith("k:")}
    return [m for m in candidates if not (m.key.startswith("x:") and surname_key(m.name) in surnames
                                          and len(m.name.split()) == 1)]
