"""Tables of the actors stage (data/actors/*.json) compiled into patterns once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sitrep.datafiles import load_json

if TYPE_CHECKING:
    pass



SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
GENERIC_HEADS = frozenset({"agency", "ministry"})  # bare "the agency" = the last organisation named
_B = r"(?<![\w-])"  # word boundary that also treats hyphenated words as one
_E = r"(?![\w-])"


# Regional adjectives that qualify an unnamed official without naming a side ("a European official").
# The field of an unnamed official between the affiliation and the title ("a senior NATO intelligence official").
FIELDS = ("(?i:intelligence|defen[cs]e|military|security|government|administration|foreign[- ]policy|"
          "counterterrorism|law[- ]enforcement|border|health|energy|state)")
REGION_ADJECTIVES = "(?:European|Western|Arab|African|Asian|Nordic|Baltic|Gulf|Latin American|Middle Eastern)"


# ---------------------------------------------------------------- tables
def alternation(words: Iterable[str]) -> str:
    """A regex group matching any of `words`, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def country_names() -> dict[str, str]:
    """Country names (pycountry names, common names and the table's aliases) -> alpha-3."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names[value] = c.alpha_3
    names.update(load_json("actors", "sides.json")["countries"])
    return names


@dataclass(frozen=True)
class Tables:
    """The cue tables and the patterns compiled from them (built once by the factory)."""

    adjectives: dict[str, str]
    demonyms: dict[str, str]
    countries: dict[str, str]
    capitals: dict[str, str | None]
    heads: dict[str, str]  # lower-cased surface -> coreference key
    named: dict[str, tuple[str | None, str]]
    group_heads: dict[str, str]
    bare_groups: frozenset[str]
    media: frozenset[str]
    platforms: frozenset[str]  # media that carry others' words (and photo credits): never a source
    titles: dict[str, str]  # lower-cased -> as listed
    people: dict[str, dict[str, Any]]  # alias or name -> person entry
    preferred_country: dict[str, str]
    prefix_re: re.Pattern[str]
    suffix_re: re.Pattern[str]
    org_re: re.Pattern[str]
    named_re: re.Pattern[str]
    group_re: re.Pattern[str]
    bare_re: re.Pattern[str]
    demonym_re: re.Pattern[str]
    state_re: re.Pattern[str]
    known_re: re.Pattern[str]
    role_re: re.Pattern[str]
    title_after_re: re.Pattern[str]
    title_name_re: re.Pattern[str]
    broad_prefix_re: re.Pattern[str]
    place_prefix_re: re.Pattern[str]
    fled_re: re.Pattern[str]
    like_re: re.Pattern[str]
    appos_nat_re: re.Pattern[str]
    reporting: frozenset[str]
    alpha3: dict[str, str]  # ISO alpha-2 -> alpha-3 (places carry alpha-2)
    junk: NotActors
    speaker_persons: frozenset[str] = frozenset()  # data/actors/speaker_nouns.json
    speaker_orgs: frozenset[str] = frozenset()
    speaker_documents: frozenset[str] = frozenset()
    inference_verbs: frozenset[str] = frozenset()  # claims cues: 'this document suggests' is the writer's inference
    voice_nouns: frozenset[str] = frozenset()  # claims cues: 'his office', 'her lawyer' speak for their possessor
    outlet_re: re.Pattern[str] | None = None  # a medium's name that can be a source (media - platforms), longest first


@dataclass(frozen=True)
class NotActors:
    """Names that are never actors (data/actors/not_actors.json): clock zones, feasts, weapons, credits."""

    zones: frozenset[str]
    holiday_re: re.Pattern[str]
    weapon_words: frozenset[str]
    weapons: frozenset[str]
    designation_re: re.Pattern[str]
    credit_re: re.Pattern[str]
    credit_tail: frozenset[str]
    not_speakers: frozenset[str]
    diseases: frozenset[str] = frozenset()


def load_not_actors() -> NotActors:
    d = load_json("actors", "not_actors.json")
    return NotActors(
        zones=frozenset(d["time_zones"]), holiday_re=re.compile("|".join(f"(?:{h})" for h in d["holidays"])),
        weapon_words=frozenset(d["weapon_words"]), weapons=frozenset(d["weapons"]),
        designation_re=re.compile(d["designation_re"]), credit_re=re.compile(d["credit_re"]),
        credit_tail=frozenset(d["credit_tail"]), not_speakers=frozenset(d["not_speaker_nouns"]),
        diseases=frozenset(d["diseases"]),
    )


def load_tables() -> Tables:
    sides = load_json("actors", "sides.json")
    orgs = load_json("actors", "organisations.json")
    titles = load_json("actors", "titles.json")["titles"]
    people = load_json("actors", "people.json")["people"]
    speakers = load_json("actors", "speaker_nouns.json")
    cues = load_json("claims", "cues.json")
    countries = country_names()
    by_alias = {a: p for p in people for a in [p["name"], *p["aliases"]]}
    preferred: dict[str, str] = {}
    for name, code in sides["countries"].items():
        preferred.setdefault(code, name)
    nat = alternation(sides["adjectives"])
    ctry = alternation(countries)
    title = "(?i:" + alternation(titles) + ")"
    heads = "(?i:" + alternation(orgs["heads"]) + ")"
    named = alternation(orgs["named"])
    side_pre = rf"(?:(?P<poss>{ctry})(?:['’]s|s)\s+|(?P<nat>{nat})\s+)?"  # "Russias": texts without apostrophes
    caps = alternation(sides["capitals"])
    return Tables(
        adjectives=sides["adjectives"], demonyms=sides["demonyms"], countries=countries,
        capitals=sides["capitals"], heads={k.lower(): v for k, v in orgs["heads"].items()},
        named={k: (v[0], v[1]) for k, v in orgs["named"].items()},
        group_heads={k.lower(): v for k, v in orgs["group_heads"].items()},
        bare_groups=frozenset(orgs["bare_groups"]), media=frozenset(orgs["media"]), platforms=frozenset(orgs["platforms"]),
        titles={t.lower(): t for t in titles}, people=by_alias, preferred_country=preferred,
        prefix_re=re.compile(rf"{_B}{side_pre}(?:(?P<org>{heads}|{named})\s+)?(?P<title>{title})\s+$"),
        suffix_re=re.compile(
            rf"^,\s+(?:who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as|became|remains)\s+)?"
            rf"(?:(?i:the|a|an)\s+)?(?:(?i:current|acting)\s+)?{side_pre}(?:(?P<org>{heads}|{named})\s+)?"
            rf"(?P<title>{title}){_E}"
            rf"(?:\s+of\s+(?:the\s+)?(?:(?P<ofnat>{nat})\s+)?(?P<of>{ctry}|{heads}|{named}){_E})?"),
        org_re=re.compile(rf"{_B}{side_pre}(?P<head>{heads})(?:\s+of\s+(?:the\s+)?(?P<of>{ctry}))?{_E}"
                          rf"(?!\s+{title}{_E})"),
        named_re=re.compile(rf"{_B}(?:(?P<nat>{nat})\s+)?(?P<head>{named}){_E}(?!\s+{title}{_E})"),
        group_re=re.compile(rf"{_B}{side_pre}(?P<head>(?i:{alternation(orgs['group_heads'])})){_E}"),
        bare_re=re.compile(rf"{_B}(?P<head>(?i:{alternation(orgs['bare_groups'])})){_E}"),
        demonym_re=re.compile(rf"{_B}(?P<head>{alternation(sides['demonyms'])}){_E}"),
        state_re=re.compile(rf"{_B}(?P<head>{ctry}|{alternation(sides['capitals'])}){_E}"),
        known_re=re.compile(rf"{_B}(?P<head>{alternation(by_alias)}){_E}"),
        role_re=re.compile(
            rf"{_B}(?:(?P<art>(?i:the|a|an|one|another))\s+|(?=(?:{ctry})['’]s\s))"
            rf"(?:(?i:senior|top|local|regional|deputy|former|unnamed|acting)\s+)*"
            rf"(?:(?P<nat>{nat})\s+|(?P<poss>{ctry})(?:['’]s)?\s+|(?P<org>{named})\s+|(?P<region>{REGION_ADJECTIVES})\s+|(?P<place>{caps}|[A-Z][\w-]+(?=['’]?s\s))(?:['’]?s)?\s+)?"
            rf"(?:{FIELDS}\s+)?(?:{heads}(?:['’]s)?\s+|(?!{title}{_E})(?P<qual>[A-Za-z][a-z-]+)\s+)?(?P<title>{title})"
            rf"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:\s+(?i:region|oblast|province|city))?"
            rf"(?=\s*[,.;:!?)]|\s+(?:said|says|told|has|had|have|was|is|were|who|which|in|on|at|and)\b))?"
            rf"{_E}(?!\s+[A-Z]|['’])"),  # not before a name, nor a possessive ("the mayor's office")
        title_after_re=re.compile(rf"\s+{title}{_E}"),
        title_name_re=re.compile(rf"{_B}(?P<title>{title})\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’-]+){{0,2}})"),
        broad_prefix_re=re.compile(
            rf"{_B}{side_pre}(?:[a-z][\w-]*\s+){{0,3}}(?P<title>{title})(?:\s+(?:in|of|for|to)\s+(?:the\s+)?[A-Z][\w.-]+)?"
            rf"\s*,?\s*(?:{title}\s+)?$"),
        place_prefix_re=re.compile(
            rf"{_B}(?P<place>[A-Z][\w-]+?)(?:['’]?s)?\s+(?:(?i:regional|city|local|deputy)\s+)?"
            rf"(?P<title>{title}),?\s+$"),
        fled_re=re.compile(r"(?i)\b(?:fled|flee(?:ing)?|escaped?|escaping|evacuated)\b(?:\s+[\w-]+){0,5}?\s+from\b"),
        like_re=re.compile(rf",\s+like\s+(?:other|many|most|fellow|all)\s+(?:\w+\s+)?(?P<dem>{alternation(sides['demonyms'])}){_E}"),
        appos_nat_re=re.compile(rf"^,\s+(?i:a|an|the)\s+[^,.;]{{0,80}}?(?P<nat>{nat}|{ctry}){_E}"),
        reporting=frozenset(load_json("claims", "cues.json")["reporting_verbs"]),
        alpha3=alpha3_codes(), junk=load_not_actors(),
        speaker_persons=frozenset(speakers["persons"]), speaker_orgs=frozenset(speakers["organisations"]),
        voice_nouns=frozenset(cues["voice_nouns"]), speaker_documents=frozenset(speakers["documents"]),
        inference_verbs=frozenset(cues["inference_verbs"]), outlet_re=outlet_pattern(orgs["media"], orgs["platforms"]),
    )


def outlet_pattern(media: Iterable[str], platforms: Iterable[str]) -> re.Pattern[str] | None:
    """Any medium that is not a platform, as a whole word; None when there is none."""
    names = set(media) - set(platforms)
    return re.compile(r"(?<![\w-])" + alternation(names) + r"(?![\w-])") if names else None


def alpha3_codes() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}
