"""Cue tables of the claims stage (data/claims/cues.json and the actor tables it shares: organisations,
sides, not_actors and speaker_nouns)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sitrep.datafiles import load_json


@dataclass(frozen=True)
class Cues:
    verbs: dict[str, str]
    particle_verbs: dict[str, str]
    questioning_verbs: frozenset[str]
    view_nouns: frozenset[str]
    prep_verbs: dict[str, frozenset[str]]
    anaphoric_verbs: frozenset[str]
    anaphora: frozenset[str]
    denial_verbs: frozenset[str]
    falsity_words: frozenset[str]
    claim_nouns: frozenset[str]
    source_nouns: frozenset[str]
    media: frozenset[str]
    evidence_nouns: frozenset[str]
    voice_nouns: frozenset[str]
    characterising_verbs: frozenset[str]
    reported_re: re.Pattern[str]
    unconfirmed_re: re.Pattern[str]
    unverified_re: re.Pattern[str]
    confirmed_re: re.Pattern[str]
    figures_re: re.Pattern[str]
    response_re: re.Pattern[str]
    debunk_re: re.Pattern[str]
    inline_debunk_re: re.Pattern[str]
    inference_verbs: frozenset[str]
    not_source_re: re.Pattern[str]
    channels: tuple[tuple[re.Pattern[str], str], ...]
    adjectives: dict[str, str] = field(default_factory=dict)  # nationality adjective -> alpha-3
    # data/actors/speaker_nouns.json: common nouns for organisations and media that, definite and bare of a
    # name ('the company said'), refer back to an organisation named before; media words end a medium's name
    org_nouns: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()


def load_cues() -> Cues:
    d: dict[str, Any] = load_json("claims", "cues.json")
    speakers: dict[str, Any] = load_json("actors", "speaker_nouns.json")

    def rx(p: str) -> re.Pattern[str]:
        return re.compile(p, re.IGNORECASE)

    return Cues(
        verbs=d["reporting_verbs"], particle_verbs=d["particle_verbs"],
        questioning_verbs=frozenset(d["questioning_verbs"]),
        view_nouns=frozenset(d["view_nouns"]),
        prep_verbs={k: frozenset(v) for k, v in d["prep_verbs"].items()},
        anaphoric_verbs=frozenset(d["anaphoric_verbs"]), anaphora=frozenset(d["anaphora"]),
        denial_verbs=frozenset(d["denial_verbs"]),
        falsity_words=frozenset(d["falsity_words"]), claim_nouns=frozenset(d["claim_nouns"]),
        source_nouns=frozenset(d["source_nouns"]), media=frozenset(load_json("actors", "organisations.json")["media"]),
        evidence_nouns=frozenset(d["evidence_nouns"]), voice_nouns=frozenset(d["voice_nouns"]),
        characterising_verbs=frozenset(d["characterising_verbs"]),
        reported_re=rx("|".join(f"(?:{p})" for p in d["reported_re"])),
        unconfirmed_re=rx(d["unconfirmed_re"]), unverified_re=rx(d["unverified_re"]),
        confirmed_re=rx(d["confirmed_re"]), figures_re=rx(d["figures_re"]), response_re=rx(d["response_re"]),
        debunk_re=rx("|".join(f"(?:{x})" for x in d["debunk_re"])), not_source_re=not_source_pattern(),
        inline_debunk_re=rx(d["inline_debunk_re"]),
        inference_verbs=frozenset(d["inference_verbs"]),
        channels=tuple((re.compile(p) if "(?P<outlet>" in p else rx(p), label) for p, label in d["channels"]),
        adjectives=load_json("actors", "sides.json")["adjectives"],
        org_nouns=frozenset([*speakers["organisations"], *speakers["descriptions"]]), media_nouns=frozenset(speakers["media"]),
        media_words=frozenset(speakers["media_name_words"]), person_nouns=frozenset(speakers["persons"]),
    )


def not_source_pattern() -> re.Pattern[str]:
    """Clock zones, feasts and weapons (data/actors/not_actors.json) are never a claimant as written."""
    d = load_json("actors", "not_actors.json")
    names = "|".join(re.escape(w) for w in sorted([*d["time_zones"], *d["weapons"]], key=len, reverse=True))
    return re.compile(f"(?:{names})|{d['designation_re']}|" + "|".join(f"(?:{h})" for h in d["holidays"]))
