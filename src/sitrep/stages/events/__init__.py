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
3. Territorial cues are resolved by who acts, on whose ground (sides.py, data/conflicts.json):
   the government of the country where the ground lies retaking it is "Government regains
   territory"; a rebel group or a foreign army taking it, "Non-state actor overtakes
   territory". So Russian forces taking Lyman is the latter, retaking a village in the Kursk
   region the former. Without a conflict row or a side, generic words decide (government,
   army vs rebels, militants).
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
6. Precision (mood.py): acts that did not happen give no event: questions (also a headline
   line ending in "?"), "could/may/might", "if/unless" clauses, what is demanded or called for
   ("demanding that Ukraine cede the regions": the DEMAND carries it), "no requests", what is
   negated above the trigger ("would not dare target"), what there is "no evidence" of, what is
   planned, aimed at or scheduled ("aim to launch an offensive"), what is "impossible" or
   "unlikely", and a kind of act rather than one act ("Sanctions are a tool", also as the generic subject
   above the trigger: "Small firms can struggle under the weight of embargoes"); "there will be
   talks" and "there would be resistance" commit nobody. Inside a direct quotation (also one
   that runs on over sentences) what is told in the present or future is the speaker's claim,
   not an act, unless a named party does it or the quote performs a speech act by a verb. A future act is
   a promise or threat only when an actor commits to it (a named actor, or a pronoun or body of
   people someone is quoted about: "it will resume operations," officials said); the writer's
   forecast and a thing's future ("this will provide a corridor", "the discussions will wrap up")
   are no events, nor an act being prepared ("is preparing to welcome"). A speech act owed ("you
   have to insist", "we must condemn") is not made; said of another party it is a DEMAND ("Sudan
   must reach an agreement," he said). Descriptions and infinitival relatives ("view him as a
   menace", "a done deal", "the power to veto", stative.py) give no PLOVER-only event. Titles
   without a verb give no PLOVER-only event. Per sentence, one event per PLOVER type and places,
   and a strike's toll ("killed one person") is no second attack. Idioms ("a great deal",
   "crossed back", "hands tied behind their backs", "heart attack") hold no trigger.
7. Frames (frame.py): a boilerplate line ("Thank you for supporting our journalism") gives no
   event; in a fact check or debunk only the accusations and denials round it do; violent
   ACLED types need organised violence in view (armed actors, weapons, war, or a party of the
   document's conflict, in the sentence or the two before it): "the Bulls shot 32 percent",
   "firefighters battled the flames" are no attacks.
8. One event per happening per article: a later sentence on another line that retells an
   event (same types and trigger word, a shared argument, most content words in common) is
   merged into the first telling, which takes the arguments only the repeat names; a bare
   definite subject noun ("The discussions underline ...") points back at the act of that word
   told before and gives no new PLOVER-only event. A running total ("has sanctioned more than
   800 people since ...") is no single event (stative.py).
9. Where: a sanction is placed at its target, not at the countries that impose it ("The US,
   with its allies, imposed costs on Russia" -> Russia); an ACLED act told without a place in a
   paragraph naming none takes the story's dominant local place (`focus_place`); bare
   explosions right after a named strike are that strike (`refine_explosions`). A fact-check
   document (frame.py `is_fact_check`) is one debunk frame.

Example: "The Ukrainian army has also reclaimed Izyum from Russian forces." ->
Event(plover="ASSAULT", acled=("Battles", "Government regains territory"), trigger="reclaimed",
places=[Izyum]). "Police fired tear gas at protesters." -> COERCE, ("Protests", "Excessive
force against protesters").

Known failure modes: the organised-violence and boilerplate frames are word lists; a merged
repeat keeps no span of its own; extra events of a sentence share its span, so they cannot be told apart
by offsets; a place borrowed from an earlier sentence can be wrong; cues are English lemma patterns, so unusual wording or lemmatiser errors are missed; the
government / non-state decision falls back on generic words in the subject when neither the
conflict table nor an actor side decides; reported-as-denied events are typed like real ones (the `claim` field says they rest on
a claim); eventive.py drops passing mentions of violence only for violent and territorial
ACLED types, and only by word lists and the parse.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from sitrep.config import Settings
from sitrep.model import Event, Place, Record, Span
from sitrep.pipeline import Stage
from sitrep.stages.events.arguments import (
    ArgumentIndex,
    actor_in,
    actor_side,
    claim_for,
    clause_verb,
    index_arguments,
    noun_agent,
    object_range,
    patient_range,
    place_mentions_in,
    places_in,
    source_range,
    subject_range,
    time_in,
)
from sitrep.stages.events.detect import Hit, pick_hits, sentence_hits
from sitrep.stages.events.eventive import is_reported_act
from sitrep.stages.events.frame import allows, is_fact_check, organised_story, read_frame
from sitrep.stages.events.mood import in_quotation, is_generic, is_reported, is_unreal
from sitrep.stages.events.sides import (
    GOV_REGAINS,
    NONSTATE_OVERTAKES,
    choose_conflict,
    ground_country,
    is_region_mention,
    territory_by_conflict,
)
from sitrep.stages.events.stative import is_no_happening
from sitrep.stages.events.tables import Conflict, Tables, load_tables

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

VERSION = "2.29"
MAX_SPAN = 400
SPEECH_ACTS = frozenset({"AGREE", "DEMAND", "REJECT", "THREATEN", "DISAPPROVE"})
COOPERATIVE = frozenset({"AID", "SUPPORT", "CONCEDE", "COOPERATE", "CONSULT", "RETREAT", "INVESTIGATE"})
FUTURE = frozenset({"will", "would", "shall", "'ll"})
SPEAKER_PRONOUNS = frozenset({"i", "we", "you", "one"})
OBLIGATION = frozenset({"must", "should"})
INTENT_HEADS = frozenset({"willing", "prepared", "ready", "promise", "pledge", "offer", "plan", "intend", "vow", "prepare"})
RETELL_OVERLAP = 0.5
ANAPHORIC_DETERMINERS = frozenset({"the", "these", "those", "this"})
STOPWORDS = frozenset({"that", "this", "with", "from", "have", "been", "were", "will", "said", "says", "their", "they", "also", "which", "after", "about", "would", "there", "when", "into", "than", "more", "other"})
VIOLENT_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
LONE_OFFICERS = frozenset({"officer", "policeman", "policewoman", "cop", "deputy", "trooper", "sheriff"})
AGENT_ENTS = frozenset({"GPE", "ORG", "PERSON", "NORP"})
ACTOR_NOUNS = frozenset({
    "government", "administration", "army", "military", "troops", "force", "soldier", "official", "minister",
    "ministry", "president", "leader", "country", "state", "alliance", "union", "parliament", "police", "rebel",
    "militant", "company", "authority", "side", "delegation", "party", "coalition", "regime", "court",
})
PEACEFUL = "Peaceful protest"
PROTEST_OUTCOMES = frozenset({"Protest with intervention", "Excessive force against protesters", "Violent demonstration"})
REFINE_GAP = 3  # characters between a protest sentence and the next one that refines it
FRAME_SENTENCES = 2  # sentences after a disaster/responsibility blocker that need a strong cue
BLOCKED_MIN = 5.0  # table score a cue needs in those sentences
SCENE_SENTENCES = 2  # how far back an event without a place looks for one
FOCUS_MIN = 4  # mentions a story's dominant local place needs
FOCUS_LEAD = 2  # ... and how many times the mentions of the next one
SPLIT_TYPES = frozenset({"Explosions/Remote violence", "Battles"})  # ACLED codes one event per location
CIVILIAN_ATTACK = "Attack"
REMOTE_VIOLENCE = "Explosions/Remote violence"
DAMAGE_WORDS = ("destroy", "damag", "devastat", "flatten", "demolish", "wreck", "raze", "razed", "level")
BARE_EXPLOSION = "Remote explosive/landmine/IED"
EXPLOSION_LOOKBACK = 3  # events back that a bare explosion may belong to
TERRITORIAL = frozenset({GOV_REGAINS, NONSTATE_OVERTAKES, "Non-violent transfer of territory"})


def make_events_stage(settings: Settings | None = None) -> Stage:
    """Load the typing tables once and return the stage."""
    tables = load_tables()

    def run(record: Record, parse: Doc) -> Record:
        return record.model_copy(update={"events": find_events(record, parse, tables)})

    return Stage(
        name="events", version=VERSION,
        requires=frozenset({"title", "text", "parse", "actors", "places", "times", "claims"}),
        provides=frozenset({"events"}), fn=run,
    )


def find_events(record: Record, parse: Doc, tables: Tables) -> tuple[Event, ...]:
    """Events in text order, numbered e1.."""
    events: list[Event] = []
    index = index_arguments(record)
    conflict = choose_conflict(record, tables)
    fact_check = is_fact_check(record.title, record.text)
    focus = focus_place(record)
    after_blocker = 0
    previous: list[SpacySpan] = []
    for sent in parse.sents:
        hits = sentence_hits(sent, tables)
        min_score = BLOCKED_MIN if after_blocker else 0.0
        after_blocker = FRAME_SENTENCES if hits and hits[0].cue.is_blocker else max(after_blocker - 1, 0)
        scene = scene_places(index, record.text, previous[-SCENE_SENTENCES:], sent) or focus
        story = organised_story(record.text, previous, sent, tables, conflict)
        frame = read_frame(sent, record.text, tables, organised_before=story, conflict=conflict, fact_check=fact_check)
        real = [h for h in hits if h.cue.is_blocker or (
            allows(frame, h, tables) and not is_unreal(h.first) and (h.last.i == h.first.i or not is_unreal(h.last))
            and not (h.cue.acled is None and (is_generic(h.first) or is_no_happening(h.first)))
            and (h.cue.acled or has_verb(record.text, sent, h.first)))]
        found: list[Event] = []
        agents = agent_places(sent, hits)
        for hit in pick_hits(real, min_score):
            if is_back_reference(hit, events + found):
                continue  # "The discussions underline ...": the talks told before, not new talks
            found.extend(events_for(hit, sent, record, index, tables, scene, agents, conflict))
        events.extend(dedupe(found))
        previous.append(sent)
    events = merge_repeats(refine_explosions(refine_protests(events, tables)), record)
    return tuple(e.model_copy(update={"id": f"e{i}"}) for i, e in enumerate(events, 1))


def is_back_reference(hit: Hit, told: list[Event]) -> bool:
    """A definite event noun as the subject of its clause ("The discussions underline the
    extent ...", "These sanctions follow ...") with nothing of its own (no possessor, modifier
    or of-phrase) speaks about an act of that type and word told earlier in the article: it
    is that act again, no new one."""
    noun = hit.first
    if hit.cue.acled is not None or noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False  # ACLED codes each report of a violent act; the analysis merges them
    if not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in noun.children):
        return False
    if any(c.dep_ in ("poss", "compound", "amod", "prep", "nummod", "acl", "relcl") for c in noun.children):
        return False
    stem = noun.text.lower()[:5]
    return any(e.plover == hit.cue.plover and e.trigger is not None and stem in (e.trigger.text or "").lower() for e in told)


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
    strike killed one person and wounded several others"), and the damage it did no act of
    force of its own ("A blast destroyed the bridge")."""
    if any(e.acled and e.acled[0] == REMOTE_VIOLENCE for e in events):
        events = [e for e in events if not (e.acled and e.acled[1] == CIVILIAN_ATTACK) and not is_damage_of_strike(e)]
    out: list[Event] = []
    for event in events:
        twin = next((i for i, e in enumerate(out) if _twins(e, event)), None)
        if twin is None:
            out.append(event)
        elif out[twin].acled is None and event.acled is not None:
            out[twin] = event
    return out


def is_damage_of_strike(event: Event) -> bool:
    """The damage a strike or blast did in its own sentence ("A blast destroyed the bridge"): a
    PLOVER-only COERCE on a damage verb is the strike's effect, not a second act of force."""
    word = (event.trigger.text or "").lower() if event.trigger else ""
    return event.plover == "COERCE" and event.acled is None and word.startswith(DAMAGE_WORDS)


def _twins(a: Event, b: Event) -> bool:
    return (a.start, a.end, a.plover, a.places) == (b.start, b.end, b.plover, b.places) and (
        a.acled is None or b.acled is None or a.acled == b.acled)


def merge_repeats(events: list[Event], record: Record) -> list[Event]:
    """One event per happening per article: the headline, the lead and later sentences that tell
    the same act again ("Russia shells Kharkiv" ... "Russian forces shelled Kharkiv on Monday")
    are one event. A later event is a repeat of an earlier one of the same PLOVER and ACLED type
    when they share an argument and none tells them apart (`same_happening`), and a line break lies between them
    (inside a paragraph a second mention elaborates: "opened the door to negotiations. 'Russia
    is not rejecting negotiations,' he said"); the earlier one is kept (where the article first
    tells it) and takes the arguments only the repeat names."""
    values = {t.id: t.value for t in record.times}
    out: list[Event] = []
    for event in events:
        same = next((i for i, kept in enumerate(out) if same_happening(kept, event, values)
                     and record.text.find("\n", kept.end, event.start) >= 0 and retells(record.text, kept, event)), None)
        if same is None:
            out.append(event)
        else:
            out[same] = absorb(out[same], event)
    return out


def same_happening(a: Event, b: Event, values: Mapping[str, object]) -> bool:
    """Same types and trigger word (its first letters: "shells" ... "shelled"), an argument in
    common (actor, target or a place), and actor, target, places and time agree where both name
    one. "Soldiers stole materials" ... "soldiers stole the server" share no argument: two acts."""
    if (a.plover, a.acled) != (b.plover, b.acled) or a.start == b.start:
        return False
    if not (_agree(a.actor, b.actor) and _agree(a.target, b.target)):
        return False
    if a.places and b.places and not set(a.places) & set(b.places):
        return False
    if a.when and b.when and values.get(a.when) != values.get(b.when):
        return False
    shared = (a.actor is not None and a.actor == b.actor) or (a.target is not None and a.target == b.target) \
        or bool(set(a.places) & set(b.places))
    return shared and _trigger_word(a) == _trigger_word(b)


def retells(text: str, a: Event, b: Event) -> bool:
    """The two sentences share most of their content words (RETELL_OVERLAP of the shorter's):
    a repetition, not two strikes on the same city ("the strike killed one person" ... "the
    strikes destroyed a tank factory")."""
    words_a, words_b = _content_words(text[a.start:a.end]), _content_words(text[b.start:b.end])
    shorter = min(len(words_a), len(words_b))
    return shorter > 0 and len(words_a & words_b) / shorter >= RETELL_OVERLAP


def _content_words(span: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", span.lower()) if w not in STOPWORDS}


def _agree(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def _trigger_word(event: Event) -> str:
    return (event.trigger.text or "").lower()[:5] if event.trigger else ""


def absorb(kept: Event, repeat: Event) -> Event:
    """The kept event with the arguments only the repeat names."""
    return kept.model_copy(update={
        "actor": kept.actor or repeat.actor, "target": kept.target or repeat.target,
        "places": kept.places or repeat.places, "when": kept.when or repeat.when,
        "claim": kept.claim or repeat.claim,
        "confidence": max(kept.confidence or 0.0, repeat.confidence or 0.0) or None,
    })


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


def refine_explosions(events: list[Event]) -> list[Event]:
    """Explosions told without a device ("explosions shook the capital", "there were blasts in a
    district") right after a strike by a named weapon are that strike's explosions: they take
    its sub-type, not the roadside-bomb default of a bare explosion."""
    out = list(events)
    for i, event in enumerate(out):
        if not (event.acled and event.acled[1] == BARE_EXPLOSION and _trigger_word(event)[:4] in ("expl", "blas")):
            continue
        strike = next((e for e in reversed(out[max(0, i - EXPLOSION_LOOKBACK):i])
                       if e.acled and e.acled[0] == REMOTE_VIOLENCE and e.acled[1] != BARE_EXPLOSION), None)
        if strike is not None:
            out[i] = event.model_copy(update={"acled": strike.acled})
    return out


def focus_place(record: Record) -> tuple[str, ...]:
    """The local place a story is about, when one dominates: at least FOCUS_MIN mentions and
    FOCUS_LEAD times as many as any other place below country level ("the Chernobyl exclusion
    zone" all through an article). It sets the scene of an ACLED-typed act told without a
    place in a paragraph that names none ("they took 150 guards into Belarus")."""
    counts = sorted(((len(p.mentions), p.id) for p in record.places if p.kind not in ("country", "region")), reverse=True)
    if not counts or counts[0][0] < FOCUS_MIN:
        return ()
    runner_up = counts[1][0] if len(counts) > 1 else 0
    return (counts[0][1],) if counts[0][0] >= FOCUS_LEAD * runner_up else ()


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
               scene: tuple[str, ...] = (), agents: tuple[tuple[int, int], ...] = (),
               conflict: Conflict | None = None) -> list[Event]:
    """One event for the hit; one per place for a territorial event, or a strike or battle whose
    clause names several places. An ACLED-typed event naming no local place takes the scene's.
    A place named only as the one who acts (`agents`: "Moscow has withdrawn troops") is no place
    of the event."""
    start, end = event_span(record.text, sent, hit)
    verb = clause_verb(hit.first)
    own = noun_agent_range(hit.first)
    subject = own if own is not None and actor_in(index, own) is not None else subject_range(verb)
    actor = actor_in(index, subject)
    ground = ground_country(places_in(index, start, end), conflict, record.text, place_mentions_in(index, start, end))
    acled = acled_label(hit, index, tables, actor, subject, (conflict, ground))
    if acled is not None and not is_reported_act(hit.first, hit.last, acled, index, tables):
        return []  # a passing mention of violence ("since Russia's attack", "battle tanks")
    if acled is not None and acled[0] in VIOLENT_ACLED and is_lone_officer(verb, tables):
        acled = None  # one officer's use of force in policing is no organised political violence
    if hit.first.lemma_.lower() in FUTURE and not is_committed(hit.first.head if hit.first.dep_ == "aux" else verb):
        return []  # "This will provide a corridor": the writer's forecast, nobody's promise
    if acled is None and is_quoted_stance(hit, verb):
        return []  # '"We support them and will keep sending aid," she said': a stance or an intention
    plover = hit.cue.plover or (tables.acled_types[acled[1]][1] if acled else None)
    mood_plover = plover_for_mood(verb, plover, hit.first)
    if mood_plover is None:
        return []
    if mood_plover != plover:
        plover, acled = mood_plover, None  # a promised, threatened or demanded act has not happened
    trigger_start, trigger_end = hit.first.idx, hit.last.idx + len(hit.last)
    base = Event(
        id="e0", start=start, end=end, plover=plover, acled=acled, actor=actor,
        target=target_apart(actor_in(index, object_range(verb)), actor),
        when=time_in(index, start, end, trigger_start, record.text),
        claim=claim_for(index, start, end, trigger_start),
        trigger=Span(start=trigger_start, end=trigger_end, text=record.text[trigger_start:trigger_end]),
        confidence=round(min(0.95, 0.3 + max(hit.score, 0.0) / 10), 2),
    )
    inside = place_mentions_in(index, start, end)
    doers = doer_ranges(hit.first, verb) if base.plover == "SANCTION" else ()
    places = [p for p in places_in(index, start, end) if not _only_agent(inside[p.id], agents)
              and not (p.kind == "country" and _only_agent(inside[p.id], doers))]
    if subject is not None and actor is not None:  # "Russian troops shelled Vovchansk": not in Russia
        scene_places = [p for p in places if not (p.kind == "country" and _only_agent(inside[p.id], (subject,)))]
        places = scene_places if scene_places else places  # a demonym is still better than no place at all
    local = [p for p in places if p.kind != "country"]
    if any(not is_region_mention(record.text, inside[p.id]) for p in local):  # "Ozerne in the Belgorod region"
        local = [p for p in local if not is_region_mention(record.text, inside[p.id])]
    if len(local) > 1 and (is_territorial(base) or (base.acled and base.acled[0] in SPLIT_TYPES)):
        in_clause = place_mentions_in(index, verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge))
        targets = separate_locations([p for p in local if p.id in in_clause])
        local = separate_locations(local)
        if len(targets) > 1:
            return [base.model_copy(update={"places": (p.id,)}) for p in targets]
        if is_territorial(base):  # the clause's own town, else the towns the sentence lists
            return [base.model_copy(update={"places": (p.id,)}) for p in (targets or local)]
    ids = tuple(p.id for p in places)
    if base.acled and not local and scene:
        ids = scene + ids
    return [base.model_copy(update={"places": ids})]


def is_quoted_stance(hit: Hit, verb: Token) -> bool:
    """Inside a direct quotation (also a later sentence of a quotation that runs on), what the
    quote tells in the present or the future ("We support the people of Ukraine", "we will keep
    sending aid", "more and more people support our position", "his calls to elect him will
    backfire") states a position, an intention or an opinion: the quote is a claim (the claims
    stage), not a report of an act. Kept: what the quote tells as past ("they sent us tanks", "we
    have delivered the aid"), the speech acts the quote itself performs, told by a verb ("We
    reject this ultimatum", "Russia must withdraw"), which are the speaker's act, and a named
    party's stance ('"Russia is not rejecting negotiations," Lavrov said'); a speech act told by a
    noun ("her threats", "his calls to ...") is talked about, not performed."""
    if (hit.cue.plover in SPEECH_ACTS and hit.first.pos_ != "NOUN") or not in_quotation(hit.first):
        return False
    holder = verb.head if verb.dep_ in ("conj", "xcomp") and verb.head.i != verb.i else verb
    subjects = [c for c in (*verb.children, *holder.children) if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.ent_type_ in AGENT_ENTS and c.lower_ not in ("i", "we") for c in subjects):
        return False  # '"Russia is not rejecting negotiations," Lavrov said': a named party's stance told, kept
    past = verb.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    return not past


def agent_places(sent: SpacySpan, hits: list[Hit]) -> tuple[tuple[int, int], ...]:
    """Char ranges of place names that are the active subject of a trigger verb of the sentence:
    "Moscow has withdrawn troops", "Kyiv retook the town" (the government, not the scene)."""
    triggers = {h.first.i for h in hits}
    return tuple((t.idx, t.idx + len(t)) for t in sent
                 if t.dep_ == "nsubj" and t.head.i in triggers and t.ent_type_ in ("GPE", "LOC"))


def noun_agent_range(trigger: Token) -> tuple[int, int] | None:
    """Char range of who acts in an event noun's own "by" phrase (`noun_agent`): the noun's actor,
    whatever verb the noun is an argument of ("the people suffer an attack by ...": the people
    are no attacker)."""
    agent = noun_agent(trigger)
    return None if agent is None else (agent.left_edge.idx, agent.right_edge.idx + len(agent.right_edge))


def target_apart(target: str | None, actor: str | None) -> str | None:
    """No actor is its own target (the object phrase of the clause can hold the noun's agent)."""
    return None if target is not None and target == actor else target


def doer_ranges(trigger: Token, verb: Token) -> tuple[tuple[int, int], ...]:
    """Char ranges naming who acts: the active subject or passive agent of the trigger's verb
    ("The United States, with its allies, imposed sanctions on Russia") and the possessor of a
    trigger noun ("Australia's sanctions"). For a sanction, a country named there acts; it is
    not where the event is: a sanction is placed at its target. (For other acts the subject's
    country is kept: on the annotated articles, dropping it lost more than it fixed.)"""
    out = []
    subject = subject_range(verb) if not any(c.dep_ == "nsubjpass" for c in verb.children) else None
    if subject is not None:
        out.append(subject)
    out += [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in trigger.children if c.dep_ == "poss"]
    return tuple(out)


def lies_within(p: Place, q: Place) -> bool:
    """p is part of q's location: a town in the region q ("Marinka, Donetsk" with Donetsk the
    oblast), or a site placed at the town q ("the Azovstal steel plant in Mariupol")."""
    if p.id == q.id:
        return False
    if q.kind == "region" and p.kind != "region" and p.country == q.country and p.admin1 and p.admin1 == q.admin1:
        return True
    return (p.geonameid is None and q.geonameid is not None and None not in (p.lat, p.lon, q.lat, q.lon)
            and abs(p.lat - q.lat) < 0.1 and abs(p.lon - q.lon) < 0.1)  # type: ignore[operator]


def separate_locations(places: list[Place]) -> list[Place]:
    """The places of a list that are separate locations, each at its most precise: a region that
    holds another place of the list and a site placed at a town of the list go (one strike "on a
    camp near El Fasher in North Darfur" is one location, El Fasher, not three)."""
    if len(places) < 2:
        return places
    return [p for p in places if not any((p.kind == "region" and lies_within(q, p))
                                         or (p.geonameid is None and lies_within(p, q)) for q in places)]


def _only_agent(inside: list[tuple[int, int]], agents: tuple[tuple[int, int], ...]) -> bool:
    """Every mention of the place inside the event is the acting subject, not the scene."""
    return bool(agents) and bool(inside) and all(
        any(lo < m_end and m_start < hi for lo, hi in agents) for m_start, m_end in inside)


def is_peaceful(event: Event) -> bool:
    return event.acled is not None and event.acled[1] == PEACEFUL


def plover_for_mood(verb: Token, plover: str | None, trigger: Token | None = None) -> str | None:
    """Future acts are promises (AGREE) or threats (THREATEN) when someone says them, nothing
    when the writer forecasts them (None: no event); "must"/"should" acts are DEMANDs; an
    announced sanction stays a SANCTION."""
    if plover is None:
        return plover
    auxes = shared_auxes(verb)
    if auxes & FUTURE and any(c.dep_ == "expl" for c in verb.children):
        return None  # "there would be little resistance", "there will be talks": nobody commits to it
    if plover in SPEECH_ACTS:
        if trigger is not None and trigger.lemma_.lower() in OBLIGATION:  # "Russia must withdraw," he said
            return None if has_speaker_subject(trigger.head if trigger.dep_ == "aux" else verb) else plover
        return speech_act_for_mood(verb, plover, auxes)
    if auxes & OBLIGATION:
        return "DEMAND" if is_reported(verb) else None  # a writer's "should" is an opinion, nobody's demand
    if is_preparing(verb):
        return None  # "NATO is preparing to welcome new members": a plan under way, no act yet
    promised = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_HEADS
    if not (auxes & FUTURE or promised):
        return plover
    if auxes & FUTURE == {"would"} and not promised and not is_reported(verb):
        return None  # "Putin would meet his generals every morning", "the minister would sign if ...":
        # a habit in the past or a supposition; only a reported "would" ("he said he would sign") is a future
    conditional = any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children) for c in verb.children)
    if plover == "SANCTION" and not (promised or conditional):
        return plover  # "the EU will impose sanctions": an announced measure, not a threat
    if not (promised or is_committed(verb)):
        return None  # the writer's forecast, or a thing's ("this will provide a corridor"), nobody's promise
    if conditional:
        return "THREATEN"  # "will withdraw its force unless ...": an ultimatum
    return "AGREE" if plover in COOPERATIVE else "THREATEN"


def shared_auxes(verb: Token) -> set[str]:
    """The auxiliaries of the verb, and of the verb it is conjoined to when it has neither an
    auxiliary nor a subject of its own: in "Russia will invade and occupy the city" the "will"
    governs "occupy" too."""
    own = {c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if own or verb.dep_ != "conj" or verb.head.i == verb.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return own
    return {c.lemma_.lower() for c in verb.head.children if c.dep_ in ("aux", "auxpass")}


def speech_act_for_mood(verb: Token, plover: str, auxes: set[str]) -> str | None:
    """A demand, threat, refusal or promise is an act when it is made. One that someone must or
    has to make is not made yet: said of another party it is a DEMAND on them ("Sudan must reach
    an agreement," Straw said), said of oneself or of anyone ("you have to insist", "we must
    condemn") it demands nothing. One the writer forecasts ("Putin will seek a victory") is no
    event; said by an actor, a future speech act is a commitment and stays ("we will reject
    any deal," he said)."""
    if auxes & OBLIGATION or is_obliged(verb):
        return "DEMAND" if is_reported(verb) and not has_speaker_subject(verb) else None
    if auxes & FUTURE and not is_reported(verb):
        return None
    return plover


def has_speaker_subject(verb: Token) -> bool:
    """The subject is the speaker, the addressee or anyone: "I", "we", "you", "one"."""
    holder = verb.head if verb.dep_ == "xcomp" else verb  # "you have to insist"
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in SPEAKER_PRONOUNS for c in holder.children)


def is_obliged(verb: Token) -> bool:
    """ "have to insist", "need to demand", "ought to reject": the verb is the infinitive of an
    obligation."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in ("have", "need", "ought") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_preparing(verb: Token) -> bool:
    """ "is preparing to welcome", "are preparing to launch": an act being prepared (a
    progressive "preparing", unlike the willing "prepared to")."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() == "prepare" and head.tag_ == "VBG"


def is_committed(verb: Token) -> bool:
    """A future act someone commits to: its subject is a named actor ("Finland will give ..."),
    or, when someone is quoted saying it, an actor pronoun or noun ("it will resume operations,"
    officials said)."""
    return has_agent_subject(verb) or (is_reported(verb) and has_actor_subject(verb))


def has_actor_subject(verb: Token) -> bool:
    """A subject that can commit itself when someone is quoted saying it: a personal pronoun
    ("it will resume operations", "they will release him") or a noun for a body of people ("the
    government will send", "Russian troops will withdraw"); "this", "that" or an event noun
    ("the discussions will wrap up") is a thing."""
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.tag_ == "PRP" or child.lemma_.lower() in ACTOR_NOUNS:
            return True
    return False


def is_lone_officer(verb: Token, tables: Tables) -> bool:
    """The act's subject is one police officer ("the officer shot him during a traffic stop")
    and no protest is in the sentence: policing of a person, which ACLED's political-violence
    types do not cover (police firing on protesters is coded by the protest cues)."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]  # "shot by an officer"
    lone = any(d.tag_ == "NN" and d.lemma_.lower() in LONE_OFFICERS for d in doers)
    sent = " ".join(t.lemma_.lower() for t in verb.sent)
    return lone and not tables.contexts["PROTEST"].search(sent)


def has_agent_subject(verb: Token) -> bool:
    """The subject is a named actor who can commit itself ("Finland will give ..."), not a thing
    ("This will provide a corridor")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ in AGENT_ENTS for c in verb.children)


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
                subject: tuple[int, int] | None,
                where: tuple[Conflict | None, str | None] = (None, None)) -> tuple[str, str] | None:
    sub = hit.cue.acled
    if sub is None:
        return None
    if sub.startswith("@"):
        sub = territory_sub_type(hit, index, tables, actor, subject, where)
    return (tables.acled_types[sub][0], sub)


def territory_sub_type(hit: Hit, index: ArgumentIndex, tables: Tables, actor: str | None,
                       subject: tuple[int, int] | None,
                       where: tuple[Conflict | None, str | None] = (None, None)) -> str:
    """Government regains vs non-state overtakes: by the conflict's sides on this ground
    (sides.py), else by generic words in the subject (government, army vs rebels, militants)."""
    sent = hit.first.sent
    verb = clause_verb(hit.first)
    patient = patient_range(verb)
    loser = patient if subject is None else source_range(verb)
    verdict = territory_by_conflict(
        where[0], where[1], (actor_side(index, actor), _lemmas(sent, *subject) if subject else ""),
        (actor_side(index, actor_in(index, loser)), _lemmas(sent, *loser) if loser else ""), tables)
    if verdict is not None:
        return verdict
    if subject is None and patient is not None:
        beaten = _side_of(_lemmas(sent, *patient), tables)
        if beaten:
            return GOV_REGAINS if beaten == NONSTATE_OVERTAKES else NONSTATE_OVERTAKES
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
    if nonstate and not gov:
        return NONSTATE_OVERTAKES
    if gov:
        return GOV_REGAINS
    return None


__all__ = ["find_events", "make_events_stage"]
