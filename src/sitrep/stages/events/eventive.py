"""Tell a reported act of violence from a passing mention of violence, for ACLED-typed hits.

War reporting names the war all the time without reporting an event: "in the wake of
Russia's attack", "since the fighting began", "help Ukraine defend against Russian attacks",
"Bradley infantry fighting vehicles", "grenade launchers and artillery rounds" in an aid
package, "occupied areas". ACLED codes an event only for a specific act at a place and time.
So an ACLED-typed hit of a violent or territorial type is kept only when its trigger (or a
verb or event noun inside a longer match) is

- a verb: a clause reports the act ("Russian forces shelled the town"). A territorial verb
  ("retreated", "liberated") also needs a local place in its clause, an armed (military,
  government, non-state or conflict-party) subject or object, or ground as its object ("rolled into
  the town"), and must not be only tried ("the attempt to seize Kyiv", "efforts to regain
  control"): "Putin retreated from public view" and "liberating women from the veil" drop;
- a territorial noun ("withdrawal", "capture") whose own phrase names an armed force, a time,
  a number or a local place ("after the withdrawal of Russian troops"); a bare "withdrawal" drops;
- an event noun ("attack", "strike", "fighting") that is anchored: subject or object of a
  violent verb ("the strike killed one person", "carried out strikes") or what its victims
  fled or escaped ("to escape constant shelling"), in a phrase of a violent verb ("killed in
  shelling"), or its own phrase names a date or time, a number, a local (non-country) place,
  what it hit ("strikes against the energy infrastructure") or a violent relative clause ("the
  missile attacks on Saturday", "strikes which hit buildings"), or, for one act (singular), its
  attacker as an armed force or party ("an unprovoked attack by Russian forces"); explosions
  heard, seen or reported ("residents heard loud explosions");
  as subject of another verb, or after "came under", that verb's clause must be anchored;
- a weapon noun ("missiles", "drones", "chlorine gas") used in an act: argument of a violent
  verb ("missiles hit the ship", "struck by missiles"), in a phrase of an anchored event noun
  ("attacks with poisonous gas"), used "against" someone, or in a clause naming a time or a
  local place;
- a modifier only of an event or weapon noun ("missile strike", "chlorine bomb"); never of
  anything else ("battle tanks", "missile base", "grenade launchers"), and a territorial word
  never as a modifier ("occupied areas", "liberated communities").

A possessor or subject is an actor, never the scene ("Russia's attack"). A place name the
record did not resolve counts as local (countries always resolve).

Example: "Helsinki expects such attacks." -> dropped; "The attack killed five people." -> kept.

Known failure modes: an anaphoric mention of a reported strike ("the strikes served as a
reminder") is dropped; a figurative verb with an abstract object ("attacking the UN Charter")
is kept; a wrong parse (a noun tagged as verb) decides wrongly; Strategic-development types
(agreements, deployments, looting) are not checked; word lists (EVENT_NOUN, VIOLENT_VERB in contexts.json) decide what counts as an
event noun, a violent verb or a victim's verb (VICTIM_VERB).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.events.arguments import ArgumentIndex, clause_verb, noun_agent
from sitrep.stages.events.mood import is_attempted
from sitrep.stages.events.tables import Tables

if TYPE_CHECKING:
    from spacy.tokens import Token

CHECKED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
TERRITORIAL_SUBS = frozenset({
    "Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory",
})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "csubj"})
TIME_ENTS = frozenset({"DATE", "TIME"})
VERB_POS = frozenset({"VERB", "AUX"})
MAX_CLIMB = 3
NESTED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})
CORE_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "conj"})
AGENT_DEPS = frozenset({"poss", "nsubj"})
GROUND_PREPS = frozenset({"into", "from", "of", "across", "to", "toward", "towards", "in"})
MAX_MATCH = 12  # tokens of a long match looked at
NOUN_POS = frozenset({"NOUN", "PROPN"})
OF_HEAD_POS = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
ARMED_CONTEXTS = ("MILITARY", "GOV_FORCE", "NONSTATE", "PARTY")
TARGET_PREPS = frozenset({"on", "against"})
BLAST_NOUNS = frozenset({"explosion", "blast"})
WITNESS_VERBS = frozenset({"hear", "see", "report", "record", "witness", "film"})


def is_reported_act(first: Token, last: Token, acled: tuple[str, str], index: ArgumentIndex,
                    tables: Tables) -> bool:
    """The ACLED-typed hit from `first` to `last` reports a specific act (see module doc). A
    longer match counts when any of its verbs or event nouns does ("police officer have been
    killed in Taliban attacks")."""
    territorial = acled[1] in TERRITORIAL_SUBS
    if acled[0] not in CHECKED_TYPES and not territorial:
        return True
    if territorial and is_attempted(first):
        return False  # "the Russian attempt to seize Kyiv": the ground did not change hands
    doc = first.doc
    inner = [doc[i] for i in range(first.i + 1, min(last.i + 1, first.i + MAX_MATCH))]
    words = [first] + [t for t in inner if t.pos_ in VERB_POS or _is(tables, "EVENT_NOUN", t)]
    return any(_word_reports(word, first, last, territorial, index, tables) for word in words)


def _word_reports(word: Token, first: Token, last: Token, territorial: bool, index: ArgumentIndex,
                  tables: Tables) -> bool:
    head = predicate(word, first, last, tables)
    if head is None:
        return False  # "battle tanks", "missile base", "grenade launchers"
    if territorial and head.i != word.i and not first.i < head.i <= last.i:
        return False  # a state, not an act: "occupied areas", "liberated communities"
    if head.pos_ not in VERB_POS and head.pos_ not in NOUN_POS:
        return True  # "entered without fighting": no phrase to judge
    if head.pos_ in VERB_POS:
        return not territorial or territorial_anchor(head, index, tables)
    if territorial:
        return territorial_noun_anchored(head, index, tables)
    if _is(tables, "EVENT_NOUN", head):
        return event_noun_anchored(head, index, tables)
    return weapon_in_act(head, index, tables)


def predicate(word: Token, first: Token, last: Token, tables: Tables) -> Token | None:
    """The word that carries the hit: the trigger, or the event or weapon noun it modifies
    ("strike" for "missile strike", "bomb" for "chlorine bomb", "onslaught" for "renewed
    onslaught"). None when it modifies anything else: "battle tanks", "missile base"."""
    token = word
    for _ in range(MAX_CLIMB):
        if token.dep_ == "conj" and token.head.pos_ in NOUN_POS and token.head.dep_ in MODIFIER_DEPS:
            token = token.head  # "rocket and missile attacks": "missile" is a conjunct of "rocket"
        if token.dep_ not in MODIFIER_DEPS or token.head.i == token.i or token.head.pos_ not in NOUN_POS:
            return token
        head = token.head
        if not (first.i < head.i <= last.i or _is(tables, "EVENT_NOUN", head) or _is(tables, "WEAPON_NOUN", head)):
            return None
        token = head
    return token


def event_noun_anchored(noun: Token, index: ArgumentIndex, tables: Tables) -> bool:
    """An event noun that is an argument of a violent verb, in a phrase of one, or whose own
    phrase names a time, number, local place or violent verb; the subject of another verb
    ("fighting broke out there this morning") or what something "came under" counts when
    that verb's clause is so anchored."""
    head = noun.head
    if violent_argument(noun, tables):
        return True
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in OF_HEAD_POS and violent_argument(head.head, tables):
        return True  # "carried out a string of airstrikes", "killed in one of the attacks"
    if phrase_anchored(noun, index, tables) or attacker_named(noun, tables) or blast_witnessed(noun):
        return True
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in VERB_POS:
        return phrase_anchored(head, index, tables)  # "fighting broke out there this morning"
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in VERB_POS:
        return phrase_anchored(head.head, index, tables)  # "came under attack on Tuesday"
    return False


def blast_witnessed(noun: Token) -> bool:
    """Explosions heard, seen or reported are a reported act ("residents heard loud explosions",
    "blasts were heard across the capital"): the object or passive subject of a witness verb."""
    if noun.lemma_.lower() not in BLAST_NOUNS or noun.dep_ not in ("dobj", "obj", "nsubjpass"):
        return False
    if any(c.lower_ in ("no", "any") for c in noun.children):
        return False  # "nobody heard any explosions"
    verb = noun.head
    if verb.pos_ not in VERB_POS or verb.lemma_.lower() not in WITNESS_VERBS:
        return False
    return not any(c.dep_ == "neg" or c.lower_ in ("nobody", "no one", "none") for c in verb.children)


def attacker_named(noun: Token, tables: Tables) -> bool:
    """One act told as a noun with its attacker: a singular event noun whose "by" phrase
    (`noun_agent`) names an armed force or a party to the war ("an unprovoked and unjustified
    attack by Russian military forces"); plural "attacks by Russia" are a kind of act, not one."""
    agent = noun_agent(noun) if noun.tag_ == "NN" else None
    if agent is None:
        return False
    lemmas = " ".join(t.lemma_.lower() for t in core_phrase(agent))
    return any(tables.contexts[name].search(lemmas) for name in ARMED_CONTEXTS)


def violent_argument(noun: Token, tables: Tables) -> bool:
    """The noun is the subject or object of a violent verb, or in a phrase of one; or what its
    victims fled, escaped, survived or suffered ("sheltered to escape constant shelling")."""
    head = noun.head
    verb = head.head if noun.dep_ == "pobj" else head
    if noun.dep_ not in ARGUMENT_DEPS and noun.dep_ != "pobj" or verb.pos_ not in VERB_POS:
        return False
    return _is(tables, "VIOLENT_VERB", verb) or _is(tables, "VICTIM_VERB", verb)


def phrase_anchored(word: Token, index: ArgumentIndex, tables: Tables) -> bool:
    """The word's own phrase (its subtree without nested clauses, with its relative clauses)
    names a time, a number, a local place, or holds a violent clause ("strikes which hit
    buildings", "attacks that took place in Bay region")."""
    own = clause_tokens(word)
    if any(c.dep_ in ("relcl", "acl") and _is(tables, "VIOLENT_VERB", c) for c in word.children):
        return True
    for clause in [c for c in word.children if c.dep_ in ("relcl", "acl")]:
        own += clause_tokens(clause)  # "the attacks that took place in Bay region"
    if any(t.ent_type_ in TIME_ENTS or t.like_num for t in own):
        return True
    return has_local_place(own, index) or has_target(word, tables)


def has_target(word: Token, tables: Tables) -> bool:
    """The act's phrase names what it hit: "strikes against Ukraine's energy infrastructure",
    "attacks on power plants" (TARGET in contexts.json)."""
    for prep in word.children:
        if prep.dep_ != "prep" or prep.lower_ not in TARGET_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and tables.contexts["TARGET"].search(" ".join(t.lemma_.lower() for t in core_phrase(obj))):
                return True
    return False


def clause_tokens(word: Token) -> list[Token]:
    """The word's subtree without the word and without clauses nested in it (complements,
    conjuncts, adverbial and relative clauses), so "help Ukraine win the battle in Kyiv" does
    not anchor "help"."""
    out: list[Token] = []
    stack = [c for c in word.children if c.dep_ not in NESTED_DEPS]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in NESTED_DEPS)
    return out


def has_local_place(tokens: list[Token], index: ArgumentIndex) -> bool:
    """A token in a place the record resolved below country level, or in a place name the
    record did not resolve at all (countries always resolve; unknown names are small places)."""
    for token in tokens:
        if token.ent_type_ not in PLACE_ENTS and token.pos_ != "PROPN" or _is_agent(token):
            continue
        rows = index.places.overlapping(token.idx, token.idx + len(token))
        if any(row[3].kind != "country" for row in rows) or (not rows and token.ent_type_ in PLACE_ENTS):
            return True
    return False


def _is_agent(token: Token) -> bool:
    """A possessor or subject acts, it is no scene: "Russia's attack", "Ukraine is using"."""
    holder = token.head if token.dep_ == "compound" else token
    return holder.dep_ in AGENT_DEPS


def weapon_in_act(noun: Token, index: ArgumentIndex, tables: Tables) -> bool:
    """A weapon (or other) noun counts as the instrument or agent of a violent verb: its clause
    verb, a clause that verb governs ("used drones to strike cities"), or its own relative
    clause ("the missile that sank the ship"); or its clause names a time or a local place
    ("used mustard gas in an attack in Schwaz")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.head.pos_ in NOUN_POS and _is(tables, "EVENT_NOUN", head.head):
        return event_noun_anchored(head.head, index, tables)  # "attacks with poisonous gas"
    verb = clause_verb(noun)
    if verb.pos_ in VERB_POS and _is(tables, "VIOLENT_VERB", verb):
        return True
    governed = [c for c in verb.children if c.dep_ in ("xcomp", "advcl", "relcl", "acl")]
    governed += [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    if any(_is(tables, "VIOLENT_VERB", c) for c in governed if c.pos_ in VERB_POS):
        return True
    if noun.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children):
        return True  # "used chlorine gas against the district"
    if verb.pos_ not in VERB_POS:
        return False
    own = clause_tokens(verb)
    return any(t.ent_type_ in TIME_ENTS for t in own) or has_local_place(own, index)


def territorial_anchor(verb: Token, index: ArgumentIndex, tables: Tables) -> bool:
    """A territorial verb needs a local place in its clause, an armed (military, government,
    non-state or conflict-party) subject or object, or ground as its object ("regained territory",
    "rolled into the town")."""
    if has_local_place(clause_tokens(verb), index):
        return True
    arguments: list[tuple[Token, tuple[str, ...]]] = [(c, ARMED_CONTEXTS if c.dep_ in ("nsubj", "agent") else ARMED_CONTEXTS + ("TERRITORY",))
                 for c in verb.children if c.dep_ in ("nsubj", "agent", "dobj", "nsubjpass")]
    arguments += [(o, ("TERRITORY",)) for c in verb.children if c.dep_ == "prep" and c.lower_ in GROUND_PREPS
                  for o in c.children if o.dep_ == "pobj"]  # "rolled into the town"
    if verb.dep_ in ("relcl", "acl"):  # "the force, which retreated"; "three posts seized from"
        arguments.append((verb.head, ARMED_CONTEXTS if verb.dep_ == "relcl" else ARMED_CONTEXTS + ("TERRITORY",)))
    for argument, contexts in arguments:
        lemmas = " ".join(t.lemma_.lower() for t in core_phrase(argument))
        if any(tables.contexts[name].search(lemmas) for name in contexts):
            return True
    return False


def territorial_noun_anchored(noun: Token, index: ArgumentIndex, tables: Tables) -> bool:
    """A territorial noun reports a change of ground when its own phrase names who moved ("the
    withdrawal of Russian troops", "the Russian pullout") or a time, number or local place ("the
    capture of Lyman on Saturday"); "a withdrawal" alone is a topic."""
    if phrase_anchored(noun, index, tables):
        return True
    lemmas = " ".join(t.lemma_.lower() for t in core_phrase(noun)[1:])
    return any(tables.contexts[name].search(lemmas) for name in ARMED_CONTEXTS)


def core_phrase(token: Token) -> list[Token]:
    """The noun phrase without its clauses and appositions: "Putin, who had been on Russian
    television" -> "Putin"; "tens of thousands of troops" keeps its "of" phrases."""
    out = [token]
    for child in token.children:
        if child.dep_ in CORE_DEPS or (child.dep_ == "prep" and child.lower_ == "of") or child.dep_ == "pobj":
            out.extend(core_phrase(child))
    return out


def _is(tables: Tables, context: str, token: Token) -> bool:
    return bool(tables.contexts[context].fullmatch(token.lemma_.lower()))
