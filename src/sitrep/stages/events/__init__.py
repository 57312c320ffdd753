"""EVENTS stage: type what happened in each sentence in PLOVER and ACLED terms.

Approach (rules over the spaCy parse, tables as data in `sitrep/data/events/`):

1. Each sentence is turned into a lemma string and matched against the cue table
   (cues.jsonl: trigger patterns per PLOVER type / ACLED sub-event type, with optional
   context that must or must not be in the sentence, e.g. "tear gas" counts as excessive
   force only with a protest in the sentence).
2. The best cue wins (table score minus a small dependency-depth penalty and a penalty for
   background clauses, "five years after ..."; negated triggers are dropped) and comes first;
   the best ACLED-typed hit and one hit per further clause follow as more events of the
   sentence. Blocker cues (natural or industrial disasters, claims of responsibility) drop the
   violent hits they outscore, so those cannot be mistaken for attacks. A violent act governed
   by an intent verb ("promised to bomb") is a THREATEN.
3. Territorial cues are resolved by who acts: a government (or Ukrainian) force retaking
   ground is "Government regains territory"; a non-state force, and in ACLED's Ukraine
   coding a Russian one, "Non-state actor overtakes territory".
4. The event is linked to the record: actor (subject), target (object), places and time
   inside the span, and the claim the event rests on. A territorial event, strike or battle
   whose clause names several towns becomes one event per town (ACLED codes one event per
   location); a territorial event whose clause names one town takes that town only, one whose
   clause names none takes each town of the sentence ("liberated towns, the most recent of
   which are Balaklia and Izyum"); an ACLED-typed event naming no town takes the towns of the
   last sentence that named one (same paragraph). A place named only as the one who acts
   ("Moscow has withdrawn troops") is not a place of the event.
5. Precision (eventive.py): an ACLED-typed violent or territorial hit must report an act —
   a verb with a concrete participant, or an event noun anchored by a violent verb, a time,
   a number or a local place — not a passing mention of the war ("in the wake of Russia's
   attack", "infantry fighting vehicles", "occupied areas", "Putin retreated from view").
6. Precision (mood.py): acts that did not happen give no event: questions, "could/may/might",
   "if/unless" clauses, what is demanded or called for ("demanding that Ukraine cede the
   regions": the DEMAND carries it), "no requests". Titles without a verb give no PLOVER-only
   event. Per sentence, one event per PLOVER type and places, and a strike's toll ("killed one
   person") is no second attack.

Example: "The Ukrainian army has also reclaimed Izyum from Russian forces." ->
Event(plover="ASSAULT", acled=("Battles", "Government regains territory"), trigger="reclaimed",
places=[Izyum]). "Police fired tear gas at protesters." -> COERCE, ("Protests", "Excessive
force against protesters").

Known failure modes: extra events of a sentence share its span, so they cannot be told apart
by offsets; a place borrowed from an earlier sentence can be wrong; cues are English lemma patterns, so unusual wording or lemmatiser errors are missed; the
government / non-state decision falls back on words in the subject when no actor side is
known; reported-as-denied events are typed like real ones (the `claim` field says they rest on
a claim); eventive.py drops passing mentions of violence only for violent and territorial
ACLED types, and only by word lists and the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.config import Settings
from sitrep.model import Event, Record, Span
from sitrep.pipeline import Stage
from sitrep.stages.events.arguments import (
    ArgumentIndex,
    actor_in,
    actor_side,
    claim_for,
    clause_verb,
    index_arguments,
    object_range,
    patient_range,
    place_mentions_in,
    places_in,
    subject_range,
    time_in,
)
from sitrep.stages.events.detect import Hit, pick_hits, sentence_hits
from sitrep.stages.events.eventive import is_reported_act
from sitrep.stages.events.mood import is_unreal
from sitrep.stages.events.tables import Tables, load_tables

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

VERSION = "1.6"
MAX_SPAN = 400
GOV_REGAINS = "Government regains territory"
NONSTATE_OVERTAKES = "Non-state actor overtakes territory"
SPEECH_ACTS = frozenset({"AGREE", "DEMAND", "REJECT", "THREATEN", "DISAPPROVE"})
COOPERATIVE = frozenset({"AID", "SUPPORT", "CONCEDE", "COOPERATE", "CONSULT", "RETREAT", "INVESTIGATE"})
FUTURE = frozenset({"will", "would", "shall", "'ll"})
OBLIGATION = frozenset({"must", "should"})
INTENT_HEADS = frozenset({"willing", "prepared", "ready", "promise", "pledge", "offer", "plan", "intend", "vow", "prepare"})
PEACEFUL = "Peaceful protest"
PROTEST_OUTCOMES = frozenset({"Protest with intervention", "Excessive force against protesters", "Violent demonstration"})
REFINE_GAP = 3  # characters between a protest sentence and the next one that refines it
FRAME_SENTENCES = 2  # sentences after a disaster/responsibility blocker that need a strong cue
BLOCKED_MIN = 5.0  # table score a cue needs in those sentences
SCENE_SENTENCES = 2  # how far back an event without a place looks for one
SPLIT_TYPES = frozenset({"Explosions/Remote violence", "Battles"})  # ACLED codes one event per location
CIVILIAN_ATTACK = "Attack"
REMOTE_VIOLENCE = "Explosions/Remote violence"
TERRITORIAL = frozenset({GOV_REGAINS, NONSTATE_OVERTAKES, "Non-violent transfer of territory"})


def make_events_stage(settings: Settings | None = None) -> Stage:
    """Load the typing tables once and return the stage."""
    tables = load_tables()

    def run(record: Record, parse: Doc) -> Record:
        return record.model_copy(update={"events": find_events(record, parse, tables)})

    return Stage(
        name="events", version=VERSION,
        requires=frozenset({"text", "parse", "actors", "places", "times", "claims"}),
        provides=frozenset({"events"}), fn=run,
    )


def find_events(record: Record, parse: Doc, tables: Tables) -> tuple[Event, ...]:
    """Events in text order, numbered e1.."""
    events: list[Event] = []
    index = index_arguments(record)
    after_blocker = 0
    previous: list[SpacySpan] = []
    for sent in parse.sents:
        hits = sentence_hits(sent, tables)
        min_score = BLOCKED_MIN if after_blocker else 0.0
        after_blocker = FRAME_SENTENCES if hits and hits[0].cue.is_blocker else max(after_blocker - 1, 0)
        scene = scene_places(index, record.text, previous[-SCENE_SENTENCES:], sent)
        real = [h for h in hits if h.cue.is_blocker or (
            not is_unreal(h.first) and (h.cue.acled or has_verb(record.text, sent, h.first)))]
        found: list[Event] = []
        agents = agent_places(sent, hits)
        for hit in pick_hits(real, min_score):
            found.extend(events_for(hit, sent, record, index, tables, scene, agents))
        events.extend(dedupe(found))
        previous.append(sent)
    events = refine_protests(events, tables)
    return tuple(e.model_copy(update={"id": f"e{i}"}) for i, e in enumerate(events, 1))


def has_verb(text: str, sent: SpacySpan, trigger: Token) -> bool:
    """A headline or section title without a verb ("Resumption of negotiations") names a topic,
    not an act: the article tells the act itself, so the title gives no PLOVER-only event. An
    ACLED-typed cue is kept: captions are often verbless or mis-tagged ("Police detain
    protesters during a protest ..."). Only the trigger's line counts: a title line can be parsed
    into one sentence with the text after it."""
    lo = text.rfind("\n", sent.start_char, trigger.idx) + 1 or sent.start_char
    hi = text.find("\n", trigger.idx, sent.end_char)
    hi = sent.end_char if hi < 0 else hi
    return any(t.pos_ in ("VERB", "AUX") and lo <= t.idx < hi for t in sent)


def dedupe(events: list[Event]) -> list[Event]:
    """One event per PLOVER type, span and places in a sentence: "Russian soldiers evacuated a
    hospital" matched by two cues is one MOBILIZE. Kept: the first, unless a later twin has the
    ACLED type the first lacks (it then takes the first one's place). The killing or wounding
    told in the sentence of a strike is that strike's toll, not a second attack ("The
    strike killed one person and wounded several others")."""
    if any(e.acled and e.acled[0] == REMOTE_VIOLENCE for e in events):
        events = [e for e in events if not (e.acled and e.acled[1] == CIVILIAN_ATTACK)]
    out: list[Event] = []
    for event in events:
        twin = next((i for i, e in enumerate(out) if _twins(e, event)), None)
        if twin is None:
            out.append(event)
        elif out[twin].acled is None and event.acled is not None:
            out[twin] = event
    return out


def _twins(a: Event, b: Event) -> bool:
    return (a.start, a.end, a.plover, a.places) == (b.start, b.end, b.plover, b.places) and (
        a.acled is None or b.acled is None or a.acled == b.acled)


def refine_protests(events: list[Event], tables: Tables) -> list[Event]:
    """A "peaceful" protest whose own sentence or next sentence tells of intervention, force or
    violence takes that type.

    News leads with "protests erupted in X" and says how they went in the next sentence.
    """
    out = list(events)
    for i, event in enumerate(out):
        if not is_peaceful(event):
            continue
        nxt = next((e for e in out[i + 1:] if e.start >= event.end), None)
        starts = {event.start} | ({nxt.start} if nxt is not None and nxt.start - event.end <= REFINE_GAP else set())
        outcome = next((e for e in out[i + 1:] if e.start in starts and e.acled and e.acled[1] in PROTEST_OUTCOMES), None)
        if outcome is not None:
            out[i] = event.model_copy(update={"acled": outcome.acled, "plover": outcome.plover})
    return out


def scene_places(index: ArgumentIndex, text: str, previous: list[SpacySpan], sent: SpacySpan) -> tuple[str, ...]:
    """Local places of the nearest of the last sentences that names one, without crossing a
    blank line: "Sirens wailed in Kyiv. ... The strike killed one person." sets the strike in Kyiv."""
    for before in reversed(previous):
        if "\n\n" in text[before.start_char:sent.start_char]:
            return ()
        local = tuple(p.id for p in places_in(index, before.start_char, before.end_char) if p.kind != "country")
        if local:
            return local
    return ()


def events_for(hit: Hit, sent: SpacySpan, record: Record, index: ArgumentIndex, tables: Tables,
               scene: tuple[str, ...] = (), agents: tuple[tuple[int, int], ...] = ()) -> list[Event]:
    """One event for the hit; one per place for a territorial event, or a strike or battle whose
    clause names several places. An ACLED-typed event naming no local place takes the scene's.
    A place named only as the one who acts (`agents`: "Moscow has withdrawn troops") is no place
    of the event."""
    start, end = event_span(record.text, sent, hit)
    verb = clause_verb(hit.first)
    subject = subject_range(verb)
    actor = actor_in(index, subject)
    acled = acled_label(hit, index, tables, actor, subject)
    if acled is not None and not is_reported_act(hit.first, hit.last, acled, index, tables):
        return []  # a passing mention of violence ("since Russia's attack", "battle tanks")
    plover = hit.cue.plover or (tables.acled_types[acled[1]][1] if acled else None)
    mood_plover = plover_for_mood(verb, plover)
    if mood_plover != plover:
        plover, acled = mood_plover, None  # a promised, threatened or demanded act has not happened
    trigger_start, trigger_end = hit.first.idx, hit.last.idx + len(hit.last)
    base = Event(
        id="e0", start=start, end=end, plover=plover, acled=acled, actor=actor,
        target=actor_in(index, object_range(verb)),
        when=time_in(index, start, end, trigger_start),
        claim=claim_for(index, start, end, trigger_start),
        trigger=Span(start=trigger_start, end=trigger_end, text=record.text[trigger_start:trigger_end]),
        confidence=round(min(0.95, 0.3 + max(hit.score, 0.0) / 10), 2),
    )
    inside = place_mentions_in(index, start, end)
    places = [p for p in places_in(index, start, end) if not _only_agent(inside[p.id], agents)]
    local = [p for p in places if p.kind != "country"]
    if len(local) > 1 and (is_territorial(base) or (base.acled and base.acled[0] in SPLIT_TYPES)):
        in_clause = place_mentions_in(index, verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
        targets = [p for p in local if p.id in in_clause]
        if len(targets) > 1:
            return [base.model_copy(update={"places": (p.id,)}) for p in targets]
        if is_territorial(base):  # the clause's own town, else the towns the sentence lists
            return [base.model_copy(update={"places": (p.id,)}) for p in (targets or local)]
    ids = tuple(p.id for p in places)
    if base.acled and not local and scene:
        ids = scene + ids
    return [base.model_copy(update={"places": ids})]


def agent_places(sent: SpacySpan, hits: list[Hit]) -> tuple[tuple[int, int], ...]:
    """Char ranges of place names that are the active subject of a trigger verb of the sentence:
    "Moscow has withdrawn troops", "Kyiv retook the town" (the government, not the scene)."""
    triggers = {h.first.i for h in hits}
    return tuple((t.idx, t.idx + len(t)) for t in sent
                 if t.dep_ == "nsubj" and t.head.i in triggers and t.ent_type_ in ("GPE", "LOC"))


def _only_agent(inside: list[tuple[int, int]], agents: tuple[tuple[int, int], ...]) -> bool:
    """Every mention of the place inside the event is the acting subject, not the scene."""
    return bool(agents) and bool(inside) and all(
        any(lo < m_end and m_start < hi for lo, hi in agents) for m_start, m_end in inside)


def is_peaceful(event: Event) -> bool:
    return event.acled is not None and event.acled[1] == PEACEFUL


def plover_for_mood(verb: Token, plover: str | None) -> str | None:
    """Future acts are promises (AGREE) or threats (THREATEN); "must"/"should" acts are DEMANDs."""
    if plover is None or plover in SPEECH_ACTS:
        return plover
    auxes = {c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & OBLIGATION:
        return "DEMAND"
    future = bool(auxes & FUTURE) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_HEADS)
    if not future:
        return plover
    return "AGREE" if plover in COOPERATIVE else "THREATEN"


def is_territorial(event: Event) -> bool:
    return event.plover == "RETREAT" or (event.acled is not None and event.acled[1] in TERRITORIAL)


def event_span(text: str, sent: SpacySpan, hit: Hit) -> tuple[int, int]:
    """The sentence (within the trigger's paragraph) without surrounding space, cut to a window
    round the trigger if too long. `text` is the record text (== the doc's; Doc.text is rebuilt
    on every access, so it is not read here)."""
    start, end = _strip(text, sent.start_char, sent.end_char)
    cut = text.rfind("\n\n", start, hit.first.idx)
    start = cut + 2 if cut >= 0 else start
    cut = text.find("\n\n", hit.last.idx, end)
    end = cut if cut >= 0 else end
    start, end = _strip(text, start, end)
    if end - start <= MAX_SPAN:
        return start, end
    lo = max(start, hit.first.idx - MAX_SPAN // 2)
    hi = min(end, lo + MAX_SPAN)
    return _strip(text, lo, hi)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def acled_label(hit: Hit, index: ArgumentIndex, tables: Tables, actor: str | None,
                subject: tuple[int, int] | None) -> tuple[str, str] | None:
    sub = hit.cue.acled
    if sub is None:
        return None
    if sub.startswith("@"):
        sub = territory_sub_type(hit, index, tables, actor, subject)
    return (tables.acled_types[sub][0], sub)


def territory_sub_type(hit: Hit, index: ArgumentIndex, tables: Tables, actor: str | None,
                       subject: tuple[int, int] | None) -> str:
    """Government regains vs non-state overtakes, by the actor's side, else the subject's words."""
    side = actor_side(index, actor)
    if side == "RUS":
        return NONSTATE_OVERTAKES
    if side == "UKR":
        return GOV_REGAINS
    sent = hit.first.sent
    patient = patient_range(clause_verb(hit.first))
    if subject is None and patient is not None:
        loser = _side_of(_lemmas(sent, *patient), tables)
        if loser:
            return GOV_REGAINS if loser == NONSTATE_OVERTAKES else NONSTATE_OVERTAKES
    for lo, hi in ((subject or (0, 0)), (sent.start_char, hit.first.idx)):
        verdict = _side_of(_lemmas(sent, lo, hi), tables)
        if verdict:
            return verdict
    return GOV_REGAINS if hit.cue.acled == "@regain" else NONSTATE_OVERTAKES


def _lemmas(sent: SpacySpan, lo: int, hi: int) -> str:
    return " ".join(t.lemma_.lower() for t in sent if lo <= t.idx < hi)


def _side_of(lemmas: str, tables: Tables) -> str | None:
    nonstate = bool(tables.contexts["NONSTATE"].search(lemmas))
    gov = bool(tables.contexts["GOV_FORCE"].search(lemmas))
    if nonstate and (not gov or tables.contexts["RUSSIAN"].search(lemmas)):
        return NONSTATE_OVERTAKES
    if gov:
        return GOV_REGAINS
    return None


__all__ = ["find_events", "make_events_stage"]
