"""places: find toponyms and resolve them to GeoNames records (an offline geoparser).

Approach
1. Recognise (recognise.py): scan capitalised token runs for the longest name the local
   gazetteer knows (exact key, then a transliteration skeleton: Kachovka ~ Kakhovka), add
   spaCy GPE/LOC/FAC entities, read cues ("Kherson region", "city of X", "the rivers X and
   Y"), and keep candidates with toponym evidence: a place label, a cue, or an important
   place whose spaCy label is not a person's (spaCy tags "Oskil" PERSON, "Izyum"
   WORK_OF_ART). Adjectival demonyms ("Russian forces") are mentions of their country.
   Evidence around a name (evidence.py): a region named next constrains it ("Vesele, Donetsk",
   "Lyman, in the Kharkiv region"); verbs and prepositions of place ("recaptured Lyman",
   "around Barvinkove"); a town right after an organisation and a comma is its seat ("the Federal
   University of Technology, Owerri"); an age says person ("Kateryna, 34,"); a word the text also writes in
   lower case is that word ("a mass grave"); title-cased headlines need more evidence; a dateline
   ("LONDON, April 5 (Reuters) -") names a place; a compass word before a country, region or big
   city ("Eastern Ukraine", "West Wales") is part of that place's mention.
2. Resolve (resolve.py): score each gazetteer candidate by kind/population prior, cue
   fit, transliteration tier and document coherence (the story's countries and regions);
   countries and regions resolve to their own GeoNames record and centre, not a capital.
3. Named sites the gazetteer lacks ('Central Mental Hospital in Dublin', 'Freedom Avenue in Kherson')
   are placed at the town named right after them in their sentence, or, with no town after them, at the
   story's focus town (the one it names most often; located.py): kind `other`, no GeoNames id, confidence
   0.6, the town as the alternative.
4. Group mentions by GeoNames id (a located site by its name) into one Place each; ids p1.. in order of
   first mention; the runner-up readings are kept as `alternatives`.

Example
    "Russian troops retreated beyond the rivers Oskil and Severski Donets."
    -> Russia (2017370, country; mention "Russian"), Oskil (river), Siverskyi Donets (river)

Known failure modes
- Small namesakes: a village that shares a name with a word or surname can slip in when
  spaCy gives no label; the not_places list and PROPN check catch the common ones.
- Region vs city with no cue defaults to the city ("Kherson"); "Washington" defaults to DC
  (national capitals get a bonus) unless a container follows ("Washington, Utah"), a state
  cue ("New York state", "upstate New York") or it is listed with a state ("California or
  Washington"). "A New York court" (the state's) still reads as the city.
- Streets, buildings and very small places are not in the gazetteer (cities >= 500 people);
  a name inside a facility's name ("Colorado State University") keeps only town readings.
- First-level region centres are the centroids of Natural Earth's polygons of the same GeoNames
  id (no registry package ships GeoNames' own region points); second-level regions' centres are
  estimated from their towns' spread.
- Same-name counties (Suffolk, Montgomery) rest on the story's other regions, weighted by
  how much of the story each region holds; with no regional context they are a guess.
- Document coherence: a story mostly in one country pulls its towns' namesakes there (Dundalk
  in an Irish story; demonyms in passing, "none were British", count as weak evidence), but a
  lone foreign town in a story about elsewhere (a British soldier's birthplace, Manchester, in
  a story about Syria and the US) goes to the namesake in the story's country.
- Regional demonyms without a reliable point ("Central American", "Latin American", "Middle
  Eastern": marked vague in demonyms.tsv) are not emitted.
- Acronyms ('MoD', 'CMB') match countries, regions and areas, or a town by its own name
  only (never by an airport code among its alternates); a one-word name that the story
  uses inside a person's name ('Mohamed Salah' ... 'Salah') is not a small town.
- Oceans, seas and the Middle East sit at hand-entered points, not GeoNames' own points.
- Names the gazetteer lacks (villages under 500 people, streets, venues) are not emitted: their
  coordinates are unknown, and a guessed point would be a silent guess; only a named building or street
  is emitted, at its town's point (step 3), marked by kind `other`, no GeoNames id and a lower confidence.
  A site placed at the story's focus town is wrong when the story names a site elsewhere ('the Russian
  Embassy' in Washington in a story told from London). No PyPI, npm or Debian
  package ships GeoNames' villages below cities500 (e.g. Zavody, Novomykhailivka), so front-line
  villages stay out ("Zavody, in the Kharkiv region" gives the oblast only).
- "Russian forces shelled Donetsk": a demonym naming who acts is a mention of its country but
  no evidence for where the story's towns are.
- A country inside a longer name ("Air France", "Air Canada Cargo") is still a mention of it.
- A town that names a group ('the Wagner group', 'Wagner mercenaries') is that group throughout the story,
  like a ship named after its class noun ('the cruiser Moskva'); a ship named without one ('the Moskva
  sank') still reads as its town: a rule dropping town readings after 'the' was measured and dropped
  (it cost a right place on the news check part).

Cost: linear in the text (one pass each; the story context is counted once per document).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from sitrep.config import Settings
from sitrep.gazetteer import open_gazetteer
from sitrep.gazetteer.store import Entry, Gazetteer
from sitrep.model import Candidate, Place, Record, Span
from sitrep.nlp.arrays import texts_and_offsets
from sitrep.pipeline import Stage
from sitrep.stages.places.located import Sentence, locate, located_key, named_entities
from sitrep.stages.places.recognise import Mention, find_mentions
from sitrep.stages.places.resolve import Resolution, resolve_all
from sitrep.stages.places.tables import Tables, load_tables

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "1.12.4"
MAX_ALTERNATIVES = 3


def make_places_stage(settings: Settings, gazetteer: Gazetteer | None = None, *, demonyms: bool = True) -> Stage:
    """Load the gazetteer (built on first use when missing) and the cue tables once."""
    gaz = gazetteer or open_gazetteer(settings, build_if_missing=True)
    tables = load_tables()

    def run(record: Record, parse: Doc) -> Record:
        places = extract_places(parse, gaz, tables, demonyms=demonyms, text=record.text)
        return record.model_copy(update={"places": places})

    return Stage("places", VERSION, frozenset({"text", "parse"}), frozenset({"places"}), run)


def extract_places(doc: Doc, gaz: Gazetteer, tables: Tables, *, demonyms: bool = True,
                   text: str | None = None) -> tuple[Place, ...]:
    """The places of one parsed text (`text` is doc.text when the caller has it: saves rebuilding it)."""
    full = doc.text if text is None else text
    mentions = find_mentions(doc, gaz, tables, demonyms=demonyms, text=full)
    evidence = demonym_evidence(doc, tables, mentions)
    resolutions = [r for r in resolve_all(mentions, gaz, evidence) if r.entry is not None]
    sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    return group_places(resolutions + locate(named_entities(doc), resolutions, sentences), full)


def demonym_evidence(doc: Doc, tables: Tables, mentions: list[Mention]) -> Counter[str]:
    """Countries named by demonyms that are not place mentions ('none of the injured were British')."""
    taken = {m.start for m in mentions}
    out: Counter[str] = Counter()
    for text, idx in texts_and_offsets(doc):
        target = tables.demonyms.get(text)
        if target and len(target) == 2 and target.isupper() and idx not in taken:
            out[target] += 1
    return out


def group_places(resolutions: list[Resolution], text: str) -> tuple[Place, ...]:
    """One Place per resolved entry, mentions in text order, ids by first mention."""
    groups: dict[int | str, list[Resolution]] = {}
    for r in sorted(resolutions, key=lambda r: r.mention.start):
        assert r.entry is not None
        groups.setdefault(located_key(r.entry), []).append(r)
    return tuple(_place(f"p{n}", rs, text) for n, rs in enumerate(groups.values(), start=1))


def _place(pid: str, rs: list[Resolution], text: str) -> Place:
    entry = rs[0].entry
    assert entry is not None
    mentions = tuple(Span(start=r.mention.start, end=r.mention.end, text=text[r.mention.start:r.mention.end])
                     for r in rs)
    best = max(rs, key=lambda r: _margin(r))
    alternatives = tuple(_candidate(s, e) for s, e in best.ranked[1:MAX_ALTERNATIVES + 1])
    return Place(
        id=pid, name=entry.name, geonameid=entry.geonameid if entry.geonameid > 0 else None,
        lat=round(entry.lat, 5), lon=round(entry.lon, 5), kind=_kind(entry), country=entry.country,
        admin1=entry.admin1 if entry.kind != "country" else None, mentions=mentions,
        confidence=round(_confidence(best), 3), alternatives=alternatives,
    )


def _kind(entry: Entry) -> str:
    return entry.kind if entry.kind in ("city", "region", "country", "river", "area") else "other"


def _margin(r: Resolution) -> float:
    return r.score - r.ranked[1][0] if len(r.ranked) > 1 else 10.0


def _confidence(r: Resolution) -> float:
    """Logistic in the margin between the chosen reading and the runner-up."""
    import math

    return 1.0 / (1.0 + math.exp(-_margin(r)))


def _candidate(score: float, e: Entry) -> Candidate:
    return Candidate(geonameid=e.geonameid, name=e.name, lat=round(e.lat, 5), lon=round(e.lon, 5),
                     kind=_kind(e), country=e.country, score=round(score, 3))  # type: ignore[arg-type]
