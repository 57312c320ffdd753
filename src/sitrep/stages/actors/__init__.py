"""ACTORS stage: persons, organisations, states and groups, one actor per entity.

Approach (one pass of compiled patterns over the text, plus spaCy entities):
  1. Candidate mentions, each with a coreference key, a kind and, when the text says so, a
     role and a side (ISO 3166 alpha-3):
     - persons: spaCy PERSON entities and names from a table of well-known people
       (data/actors/people.json); the words before the name give role and side
       ("Ukrainian army commander-in-chief Valeriy Zaluzhny" -> role "commander-in-chief",
       side UKR), as does an apposition after it (", Ukraine's foreign minister", but not a role
       phrase that is the subject of the next verb: "Putin, the official said,"); a name runs on
       over lower-case particles ("Ursula von" + "der Leyen");
     - organisations: organisation heads after a nationality adjective or "Country's"
       ("the Russian Defense Ministry" -> org RUS) and named organisations (Kremlin, NATO...);
     - groups: nationality + group noun ("Russian troops" -> group RUS), plural demonyms
       ("the Russians"), and bare collective claimants ("experts think") when they are subjects;
     - states: country names and capitals used as agents ("Russia is demanding" -> state RUS);
     - speakers no entity caught: a two-word proper name that is the subject (or its apposition)
       of a reporting verb is a person ("the engineer, Valerii Semenov, told"), the proper-noun
       object of "according to" an organisation; later bare surnames of persons join them; an untagged
       one-word name that speaks is an organisation ("Pfizer said") or the person the text names in full
       ("Ime Udoka ... Udoka said"); an ORG entity that speaks stays an organisation where the places stage
       placed it ("Amazon said"; never a country, capital or town: "Kyiv said" is the state), as does one with
       a place inside a longer name ("the U.S. Department of Justice");
     - common-noun speakers (data/actors/speaker_nouns.json): a singular person noun that speaks is a
       person named by its phrase ("a store employee said", "according to one resident", "his wife said");
       an organisation noun only with a naming modifier ("the state's attorney general's office"; "the
       company", "his office" are resolved by the claims stage to an earlier actor); a text with no author
       named in it that speaks is the claimant ("the report said", "according to the ruling", "a version of
       the tale says": named with its 'of' object), not a finding ("a poll found"), an inference ("the study
       suggests") or an authored text ("X's statement said": X speaks);
     - unnamed officials: "a Kremlin spokesman", "a company spokesman", "Ukraine's foreign minister" (no
       article before a possessive country; not "the mayor's office", where the office speaks), "the governor of the Belgorod region", "a UK government
       spokesperson", "a European official", "a senior NATO intelligence official" (side from the organisation, nationality, country or place),
       kept when no named person with that role precedes; an indefinite one ("a spokesman", "another
       official") is a new person, never an earlier one, and one in apposition to a name describes it;
     - collective speakers (also group heads the text gives no side: "Prosecutors said", "the rebels said";
       an organisation head used as an adjective names no organisation: "military experts"): a plural noun phrase that is the subject of a reporting verb or the object
       of "according to" ("according to aid workers", "Aid
       organisations say") is a group, unless it is a thing that reports ("figures show");
     Sides also come from a wider description ("a top Russian commander in Ukraine, Gen. X"), a
     place before the title ("Warsaw Mayor X", side of the place's country), "X, like other
     Ukrainians", the place a person fled from, and an organisation's apposition ("Baza, a channel
     with links to Russian security services"). Possessives without apostrophe ("Russias
     defense ministry") count as possessives, and "Russias"/"UNHCRs Mantoo" are not actors.
     Media outlets and platforms ("the Financial Times", "Telegram") are channels, never actors, except an
     outlet that itself reports ("Le Monde reported", "according to Reuters": an org, the source); clock
     zones ("GMT"), feasts ("Orthodox Easter"), weapons ("HIMARS", "S-300"), diseases ("COVID"), hashtags, handles and names
     inside photo credits are never actors (data/actors/not_actors.json); a one-word name that the text
     treats as a place ("recaptured Lyman", "Lyman, a strategic city", "Vovchansk, Lyman and Chuhuiv")
     is no person. A name after a title is a person even when spaCy calls it an organisation
     ("commander-in-chief Oleksandr Pavliuk"); a person with no side takes the side of the organisation
     named right after the role ("a spokesman for Russia's Central Military District").
     An organisation spaCy tagged once is the same organisation wherever its exact name recurs. An entity
     never runs over a line break ("Photo\nMaria Kowalska" is cut to its last line; a person's name there is
     a person whatever the label).
  2. Overlaps are resolved by priority (persons > named orgs > org heads > groups > states).
  3. Coreference: persons by canonical name or a spelling-blind surname key ("Zelensky", "President
     Zelenskyy" and "Volodimir Zelensky" are one actor; Minnekaev = Minnekayev), role-only mentions ("the president") to the last
     person with that role (or the one well-known person who fits: "the Russian president"),
     bare heads ("the army") to the last organisation with that head, a bare generic head as a
     subject ("the agency said") to the last organisation named.
  4. One Actor per key, named by its fullest form, ids a1.. in order of first mention.

Example: "Russian Foreign Minister Sergei Lavrov opened the door." ->
  Actor(name="Sergei Lavrov", kind="person", role="Foreign Minister", side="RUS").

Known failure modes: a person's side is not inferred from the article's setting (dateline) or
from a description without a nationality ("the minister, Robert Habeck" after "In Germany, ...");
spaCy PERSON entities that are really places are dropped only when the
places stage found them (or "river" precedes them); pronouns are not resolved here (the
claims stage does it for subjects); organisation names outside the tables are kept only as
spaCy ORG entities, with a side only when a nationality adjective is inside them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.config import Settings
from sitrep.model import Actor, Record
from sitrep.pipeline import Stage
from sitrep.stages.actors.finders import (
    appositive_names,
    collective_speakers,
    group_mentions,
    noun_speakers,
    org_mentions,
    outlet_speakers,
    person_mentions,
    repeated_org_names,
    role_mentions,
    speaker_mentions,
    state_mentions,
    surname_mentions,
    untagged_speakers,
)
from sitrep.stages.actors.mentions import Context, translit_key
from sitrep.stages.actors.resolution import (
    build_actors,
    drop_surnames_as_orgs,
    resolve_links,
    select,
    sides_from_affiliation,
)
from sitrep.stages.actors.tables import Tables, load_tables

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["VERSION", "find_actors", "make_actors_stage", "translit_key"]

VERSION = "1.19"


def find_actors(t: Tables, record: Record, doc: Doc) -> tuple[Actor, ...]:
    """The numbered steps of the module docstring."""
    places = sorted((m.start, m.end) for p in record.places for m in p.mentions)
    countries = [(m.start, m.end, t.alpha3[p.country]) for p in record.places if p.country in t.alpha3
                 for m in p.mentions]
    towns = sorted((m.start, m.end) for p in record.places if p.kind == "city" for m in p.mentions)
    ctx = Context(record.text, doc, places, sorted(countries), towns)
    orgs = [*org_mentions(t, ctx), *untagged_speakers(t, ctx)]
    persons = [*person_mentions(t, ctx), *speaker_mentions(t, ctx), *(m for m in orgs if m.kind == "person")]
    persons += appositive_names(t, ctx, persons)
    persons += surname_mentions(ctx, persons)
    candidates = [*persons, *(m for m in orgs if m.kind != "person"), *group_mentions(t, ctx),
                  *state_mentions(t, ctx), *role_mentions(t, ctx), *collective_speakers(t, ctx),
                  *outlet_speakers(t, ctx), *repeated_org_names(ctx, orgs),
                  *noun_speakers(t, ctx)]
    mentions = resolve_links(t, select(drop_surnames_as_orgs(candidates)), ctx)
    sides_from_affiliation(ctx, mentions)
    return build_actors(t, mentions)


def make_actors_stage(settings: Settings | None = None) -> Stage:
    """Load the cue tables once; the stage adds `actors` to a record."""
    tables = load_tables()

    def run(record: Record, parse: Doc) -> Record:
        return record.model_copy(update={"actors": find_actors(tables, record, parse)})

    return Stage(name="actors", version=VERSION, requires=frozenset({"text", "parse", "places"}),
                 provides=frozenset({"actors"}), fn=run)
