"""Names that are never actors: credits, weapons, clock zones, towns, particles and possessives."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

from sitrep.stages.actors.mentions import PARTICLE_END_RE, PARTICLE_TAIL_RE, Context
from sitrep.stages.actors.tables import Tables


# ---------------------------------------------------------------- names that are never actors
def is_not_actor(t: Tables, ctx: Context, start: int, end: int) -> bool:
    """A clock zone or stamp ("GMT", "18:44 GMT"), a feast ("Orthodox Easter"), a weapon ("HIMARS", "S-300",
    "Storm Shadow missiles"), a disease ("COVID"), a hashtag or handle ("#StandWithUkraine"), or a name inside a photo credit."""
    j = t.junk
    name = re.sub(r"^(?i:the)\s+", "", ctx.text[start:end])
    words = name.split()
    if not words or name[0] in "#@" or ctx.text[start - 1:start] in ("#", "@"):
        return True
    if any(w in j.zones for w in words) or re.search(r"\d:\d\d", name) or j.holiday_re.fullmatch(name):
        return True
    if name in j.diseases or re.sub(r"['’]s$", "", name) in j.diseases:  # "COVID", "Parkinson's"
        return True
    after = re.match(r"\s+([a-z]+)", ctx.text[end:end + 20])
    if name in j.weapons or j.designation_re.fullmatch(name) or words[-1].lower() in j.weapon_words \
            or (after is not None and after.group(1) in j.weapon_words and (name in j.weapons or len(words) == 1
                                                                               and name.isupper())):
        return True
    return words[-1] in j.credit_tail or in_credit(t, ctx, start)


def in_credit(t: Tables, ctx: Context, start: int) -> bool:
    """Whether `start` lies in a credit: after "Photo:", "Photograph by", "©"... on its line, before any
    closing bracket or sentence end."""
    line = ctx.text.rfind("\n", 0, start) + 1
    for m in t.junk.credit_re.finditer(ctx.text, line, start):
        between = ctx.text[m.end():start]
        if not re.search(r"[)\]]|[.!?]\s+[A-Z]", between):
            return True
    return False


TOWN_APPOS_RE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:city|town|village|settlement|port|hub|suburb)\b")
TOWN_BEFORE_RE = re.compile(
    r"(?:\b(?:in|near|outside|around|towards?|into)|\b(?:re)?(?:captured|took|seized|liberated|reclaimed|shelled|entered|"
    r"occupied|encircled|surrounded|bombarded|besieged|retook|recaptured))\s+$")
LIST_NEXT_RE = re.compile(r"(?:,\s*|\s+(?:and|or)\s+)([A-Z][\w'’-]+)")
LIST_PREV_RE = re.compile(r"([A-Z][\w'’-]+)(?:,\s*|,?\s+(?:and|or)\s+)$")


def looks_like_town(ctx: Context, start: int, end: int) -> bool:
    """A one-word name that the text treats as a place: "Lyman, a strategic city", "recaptured Lyman",
    "in Lyman", or a list with a place in it ("Vovchansk, Lyman and Chuhuiv")."""
    if " " in ctx.text[start:end] or ctx.text.startswith(("'s", "’s"), end):
        return False
    if TOWN_APPOS_RE.match(ctx.text, end) or TOWN_BEFORE_RE.search(ctx.text[max(0, start - 30):start]):
        return True
    nxt = LIST_NEXT_RE.match(ctx.text, end)
    if nxt is not None and ctx.is_place(nxt.start(1), nxt.end(1)):
        return True
    prev = LIST_PREV_RE.search(ctx.text[max(0, start - 40):start])
    offset = max(0, start - 40)
    return prev is not None and ctx.is_place(offset + prev.start(1), offset + prev.end(1))


def extend_particles(text: str, start: int, end: int) -> int:
    """'Ursula von' + ' der Leyen': a person's name runs on over lower-case particles to the capitalised surname."""
    cut = PARTICLE_END_RE.search(text, start, end)
    base = cut.start() if cut else end
    m = PARTICLE_TAIL_RE.match(text, base)
    return m.end() if m else end


def strip_possessive(text: str, start: int, end: int) -> int:
    """End offset without a trailing 's / ’s."""
    return end - 2 if text[start:end].endswith(("'s", "’s")) else end
