"""Load and compile the event typing tables in `sitrep/data/events/` and the conflict sides in
`sitrep/data/conflicts.json` (done once, by the factory).

Cue patterns are written over a sentence's *lemma string*: the lower-cased lemmas of its tokens
joined by single spaces. Pattern shorthand (expanded here, so the data files stay readable):
`word*` = the word with any ending, `~` = a gap of up to 3 tokens, `~~` = up to 8 tokens,
`@NAME` = a named context from contexts.json (and PARTY: the words of every conflict party in
conflicts.json). Every pattern matches whole tokens only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from sitrep.datafiles import data_path, load_json

GAP_LONG = r"(?: \S+){0,8} "
GAP_SHORT = r"(?: \S+){0,3} "


@dataclass(frozen=True)
class Cue:
    """One row of cues.jsonl, compiled."""

    name: str
    score: float
    plover: str | None
    acled: str | None  # an ACLED sub-event type, "@regain"/"@capture" (decided by who acts), or None
    pattern: re.Pattern[str]
    with_: re.Pattern[str] | None
    without: re.Pattern[str] | None
    keeps_negation: bool
    reported_only: bool = False  # counts only in reported speech (flag "reported")

    @property
    def is_blocker(self) -> bool:
        return self.plover is None and self.acled is None


@dataclass(frozen=True)
class Conflict:
    """One row of conflicts.json: whose government the ground of each theatre country is, and
    the words that name each party."""

    id: str
    theatre: frozenset[str]  # ISO alpha-2
    default_ground: str
    governments: dict[str, str]  # ISO alpha-2 of the ground -> party key
    parties: dict[str, re.Pattern[str]]  # party key (ISO alpha-3 for a state) -> words naming it


@dataclass(frozen=True)
class Tables:
    cues: tuple[Cue, ...]
    acled_types: dict[str, tuple[str, str]]  # sub-event type -> (event type, default PLOVER type)
    contexts: dict[str, re.Pattern[str]]
    plover_types: frozenset[str]
    conflicts: tuple[Conflict, ...] = ()
    alpha3: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 -> alpha-3 (places carry alpha-2)


def _read_json(name: str) -> dict[str, object]:
    data = load_json("events", name)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _shorthand(pattern: str) -> str:
    pattern = pattern.replace(".", r"\.")
    pattern = re.sub(r"(?<=[\w)\]])\*", r"\\S*", pattern)
    pattern = pattern.replace(" ~~ ", GAP_LONG).replace(" ~ ", GAP_SHORT)
    return pattern.replace("~~ ", GAP_LONG.lstrip()).replace("~ ", GAP_SHORT.lstrip())


def expand(pattern: str, contexts: dict[str, str]) -> str:
    """Turn table shorthand into a regex body (no outer token boundaries); contexts are pre-expanded."""
    body = _shorthand(pattern)
    for name in sorted(contexts, key=len, reverse=True):
        body = body.replace("@" + name, "(?:" + contexts[name] + ")")
    return body


def compile_pattern(pattern: str, contexts: dict[str, str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\S)(?:" + expand(pattern, contexts) + r")(?!\S)")


def _cue(row: list[object], contexts: dict[str, str]) -> Cue:
    name, score, plover, acled, pattern, with_, without, flags = row
    return Cue(
        name=str(name), score=float(str(score)), plover=str(plover) if plover else None,
        acled=str(acled) if acled else None, pattern=compile_pattern(str(pattern), contexts),
        with_=compile_pattern(str(with_), contexts) if with_ else None,
        without=compile_pattern(str(without), contexts) if without else None,
        keeps_negation="neg" in str(flags), reported_only="reported" in str(flags),
    )


def load_conflicts(contexts: dict[str, str]) -> tuple[Conflict, ...]:
    rows = load_json("conflicts.json")["conflicts"]
    return tuple(Conflict(
        id=str(r["id"]), theatre=frozenset(r["theatre"]), default_ground=str(r["default_ground"]),
        governments={str(k): str(v) for k, v in r["governments"].items()},
        parties={str(k): compile_pattern(str(v), contexts) for k, v in r["parties"].items()},
    ) for r in rows)


def party_words() -> str:
    """Every conflict party's words as one pattern (the PARTY context: "a party to a war")."""
    rows = load_json("conflicts.json")["conflicts"]
    return "(" + "|".join(str(v) for r in rows for v in r["parties"].values()) + ")"


def alpha3_codes() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def load_tables() -> Tables:
    """Read the data files and compile every pattern."""
    raw_contexts = {k: _shorthand(str(v)) for k, v in _read_json("contexts.json").items()}
    raw_contexts["PARTY"] = _shorthand(party_words())
    rows = data_path("events", "cues.jsonl").read_text(encoding="utf-8").splitlines()
    cues = tuple(_cue(json.loads(r), raw_contexts) for r in rows if r.strip() and not r.startswith('["_doc'))
    acled = {k: (str(v[0]), str(v[1])) for k, v in _read_json("acled_types.json").items() if isinstance(v, list)}
    plover = frozenset(_read_json("plover_types.json"))
    contexts = {k: compile_pattern("@" + k, raw_contexts) for k in raw_contexts}
    _check(cues, acled, plover)
    return Tables(cues=cues, acled_types=acled, contexts=contexts, plover_types=plover,
                  conflicts=load_conflicts(raw_contexts), alpha3=alpha3_codes())


def _check(cues: tuple[Cue, ...], acled: dict[str, tuple[str, str]], plover: frozenset[str]) -> None:
    for cue in cues:
        if cue.plover is not None and cue.plover not in plover:
            raise ValueError(f"cue {cue.name!r}: unknown PLOVER type {cue.plover!r}")
        if cue.acled is not None and not cue.acled.startswith("@") and cue.acled not in acled:
            raise ValueError(f"cue {cue.name!r}: unknown ACLED sub-event type {cue.acled!r}")
