"""Tell one happening from a description or an unrealised purpose, for PLOVER-only hits.

A trigger word can sit in a clause that reports no act at a time:

- a description: the trigger is what something is called or seen as, a predicate noun
  ("immigration is a threat to the nation-state", "they view him as a menace", "the move was a
  done deal");
- an infinitival relative: what a noun is for or could be used for ("an enemy to blame", "a
  deal to sign", "the powers to arrest");
- a tally: a perfect tense summing acts up to now with a number ("has sanctioned more than 800
  people since the invasion", "12 million people in total have been forced to flee");
- a habit: an adverb of frequency on the verb ("usually condemn", "often find ways", "has
  long offered"): what is done as a rule, no one act;
- a topic: a noun introduced by "when it comes to" or "in terms of" ("especially when it comes
  to intelligence sharing");
- the writer's own act: a first-person present-tense speech act outside quotes ("I applaud
  the council", "We urge readers to vote"), which a letter or column performs, not reports.
- a disposition: an adjective of readiness the writer predicates ("are willing to die for it");
- a risk: a thing, not a party, that threatens ("the scandal threatens to bring down the
  government");
- a warning of a fact: "warned that agents were plotting a coup" is an allegation, not a threat;
- a topic subject: a singular act noun without a doer as the subject of a verb that does not
  tell it happen ("A visit to the zone found that ...");
- a danger faced: "confronting a menace", "in the face of grave threats";
- the purpose of speaking ("spoke on condition of anonymity to discuss the talks");
- what is done "without" ("without consulting his advisers");
- a time reference: a bare definite act noun that dates something else ("in the weeks before
  the invasion", "during the blockade").

Only PLOVER-only hits are judged here (cues without an ACLED type): ACLED-typed violent and
territorial hits have their own test in eventive.py, and a strike told as "the strikes, which
hit the city repeatedly" is still a strike.

Example: "Voters view the governor as a threat to the party." -> no THREATEN event.

Habits told without an adverb of frequency ("has visited Kyiv several times", "people who
support our position") are not judged: on the check part of the annotated articles, such clauses are as often counted
events as not, so a rule for them did not hold up.

Known failure modes: the parse decides what is a predicate or a relative clause ("the
result was an attack on the city" is a description here, though it tells of an attack); a
topic subject whose verb does tell the act in other words than HAPPEN_VERBS ("The meeting
produced a deal") is dropped; word lists (HAPPEN_VERBS, FACING_VERBS, SPEAKING_VERBS,
TIME_PREPS) decide. On the annotated articles (2026-12-03) the disposition, risk, warning,
time-reference, "without", speaking-purpose and danger rules each removed tune false positives
and left the check part unchanged; the generic-subject and topic-subject rules also removed
check-part false positives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.stages.events.arguments import clause_verb
from sitrep.stages.events.mood import is_reported

if TYPE_CHECKING:
    from spacy.tokens import Token

HABIT_ADVERBS = frozenset({
    "often", "usually", "typically", "generally", "normally", "routinely", "frequently", "traditionally",
    "habitually", "regularly", "commonly", "customarily", "ordinarily", "seldom", "rarely", "sometimes",
})
TALLY_WORDS = ("so far", "to date", "in total", "in all", "altogether", "all told")
AGENT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
ACTOR_WORDS = frozenset({
    "government", "administration", "army", "military", "troops", "force", "soldier", "official", "minister",
    "ministry", "president", "leader", "country", "state", "alliance", "union", "parliament", "police", "rebel",
    "militant", "group", "authority", "side", "regime", "man", "woman", "people", "protester", "gunman",
})
SPEAKING_VERBS = frozenset({"speak", "talk", "comment"})
HAPPEN_VERBS = frozenset({
    "take", "happen", "occur", "begin", "start", "end", "resume", "continue", "break", "last", "hold", "conclude",
    "follow", "come", "go", "proceed", "finish", "open", "close", "erupt", "unfold", "stall", "fail", "succeed",
})
DANGER_NOUNS = frozenset({"threat", "menace"})
FACING_VERBS = frozenset({"face", "confront", "counter", "meet", "address", "tackle", "combat", "fight", "deter",
                          "perceive", "assess", "withstand", "resist", "defend", "protect"})
FACING_NOUNS = frozenset({"defence", "defense", "response", "protection", "shield", "bulwark", "resistance"})
TIME_PREPS = frozenset({"before", "after", "since", "until", "till", "during", "following", "amid", "throughout"})
AS_VERBS = frozenset({"view", "see", "regard", "describe", "characterize", "characterise", "portray", "depict",
                      "cast", "brand", "label", "paint", "frame", "treat", "consider", "perceive", "present", "call"})


def is_no_happening(trigger: Token) -> bool:
    """The trigger describes, sets a purpose or is the writer's own act rather than a report."""
    return is_description(trigger) or is_infinitival_relative(trigger) or is_writers_own(trigger) \
        or is_tally(trigger) or is_habit(trigger) or is_topic(trigger) or is_disposition(trigger) \
        or is_risk(trigger) or is_warning_of_fact(trigger) or is_time_reference(trigger) or is_done_without(trigger) \
        or is_speaking_purpose(trigger) or is_topic_subject(trigger) or is_danger_faced(trigger)


def is_speaking_purpose(trigger: Token) -> bool:
    """ "spoke on condition of anonymity to discuss internal deliberations", "talked to reporters
    to explain the plan": the purpose of speaking is the speaking itself (a claim), no further act."""
    verb = clause_verb(trigger)
    if verb.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() in SPEAKING_VERBS


def is_topic_subject(trigger: Token) -> bool:
    """ "A visit to the zone found that ...", "resistance would collapse", "The decision
    reflects ...": a singular act noun that is the subject of a verb that does not tell it
    happen, and names nobody who did it (no possessor, no "by" phrase, no name in its phrase),
    is what the sentence talks about, not a report of the act. Kept: "The meeting took place on
    Monday", "Talks between Kyiv and Moscow resumed" (a verb of happening or a named party),
    and plurals ("Negotiations ended months ago")."""
    if trigger.pos_ != "NOUN" or trigger.tag_ != "NN" or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if trigger.head.lemma_.lower() in HAPPEN_VERBS or any(c.dep_ in ("poss", "agent") for c in trigger.children):
        return False
    phrase = [t for t in trigger.subtree if t.i != trigger.i]
    return not any(t.pos_ in ("PROPN", "PRON") or t.ent_type_ in AGENT_ENTS for t in phrase)


def is_danger_faced(trigger: Token) -> bool:
    """ "confronting a Russian menace", "in the face of grave threats", "to counter the threat": a
    threat that someone faces or meets is a danger, not a threat someone made ("Moscow issued
    threats", "threats by the militia" stay)."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in DANGER_NOUNS:
        return False
    head = trigger.head
    if trigger.dep_ in ("dobj", "obj") and head.lemma_.lower() in FACING_VERBS:
        return True
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "face" and head.head.dep_ == "pobj":
        return head.head.head.lower_ == "in"  # "in the face of threats"
    return trigger.dep_ == "pobj" and head.lower_ in ("against", "to") and head.head.lemma_.lower() in FACING_NOUNS


def is_done_without(trigger: Token) -> bool:
    """ "pressing on without consulting his advisers", "left without signing the deal": what is
    done "without" is not done."""
    verb = clause_verb(trigger)
    return verb.dep_ == "pcomp" and verb.pos_ == "VERB" and verb.head.lower_ == "without"


def is_time_reference(trigger: Token) -> bool:
    """ "In the weeks before the invasion", "during the talks": a bare definite act noun named to
    date something else is a happening the reader knows, not a report of it ("after a visit to
    Kyiv", "after his talks with Macron" tell the act with its own arguments and stay)."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in trigger.children) or any(
            c.dep_ in ("prep", "acl", "relcl", "compound", "amod", "poss") for c in trigger.children):
        return False  # "after a visit to Kyiv", "after talks with Macron": the act told there, with its own arguments
    prep = trigger.head
    return prep.lower_ in TIME_PREPS or (prep.lower_ in ("to", "of") and prep.head.lower_ in ("prior", "ahead", "eve"))


def is_risk(trigger: Token) -> bool:
    """ "The crisis threatens to derail the talks", "the rise of a rival threatened to split the
    vote": a thing that threatens is a risk, not a party making a threat. A threat needs a
    subject that can act: a name, a pronoun or a body of people ("the army threatened to ...")."""
    if trigger.lemma_.lower() != "threaten" or trigger.pos_ != "VERB":
        return False
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    return bool(subjects) and not any(_can_act(s) for s in subjects)


def _can_act(noun: Token) -> bool:
    if noun.pos_ in ("PRON", "PROPN") or noun.ent_type_ in AGENT_ENTS or noun.lemma_.lower() in ACTOR_WORDS:
        return True
    return any(c.pos_ == "PROPN" or c.ent_type_ in AGENT_ENTS for c in noun.children if c.dep_ in ("compound", "poss", "amod"))


def is_warning_of_fact(trigger: Token) -> bool:
    """ "The ministry warned that foreign agents were plotting a coup": a warning whose content
    tells what is or was so (past or progressive, no modal) is an allegation, a claim, not a
    threat; "warned that Moscow would face consequences" stays one."""
    if trigger.lemma_.lower() != "warn" or trigger.pos_ != "VERB":
        return False
    for clause in (c for c in trigger.children if c.dep_ == "ccomp"):
        tags = {clause.tag_} | {c.tag_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if not tags & {"MD", "VB"} and tags & {"VBD", "VBN", "VBG"}:
            return True
    return False


def is_disposition(trigger: Token) -> bool:
    """ "those left out are willing to die for it", "voters are ready to punish him": an adjective
    of readiness the writer predicates of someone describes a disposition, not an act or a
    promise. Kept when someone is quoted or reported saying it ("we are ready to talk," he said):
    then it is that party's offer."""
    return trigger.pos_ == "ADJ" and not is_reported(trigger)


def is_topic(trigger: Token) -> bool:
    """ "especially when it comes to intelligence sharing", "in terms of sanctions": a noun that
    a topic phrase introduces names what is talked about, not an act that happened."""
    noun = _phrase_head(trigger)
    prep = noun.head
    if noun.dep_ != "pobj" or prep.i == noun.i:
        return False
    verb = prep.head
    if prep.lower_ == "to" and verb.lemma_.lower() == "come":
        return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children)
    return prep.lower_ == "of" and verb.lower_ == "terms" and verb.head.lower_ == "in"


def is_habit(trigger: Token) -> bool:
    """ "Governments usually condemn such attacks", "Regimes often find ways round sanctions",
    "The service has long offered a cheaper tier": an adverb of frequency or habit (or "long"
    with a perfect tense) on the clause verb tells what someone does as a rule, not one act."""
    verb = clause_verb(trigger)
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    adverbs = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    if adverbs & HABIT_ADVERBS:
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    return perfect and "long" in adverbs


def is_tally(trigger: Token) -> bool:
    """ "Australia has sanctioned more than 800 people since the invasion", "12 million people in
    total have been forced to flee": a count of acts summed up to now (a perfect tense, a
    running total's words and a number among its arguments) aggregates many happenings; it is
    no one event."""
    verb = clause_verb(trigger)
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have"
                                                   for c in verb.children):
        return False
    words = [t for t in verb.subtree if t.i != verb.i]
    text = " ".join(t.lower_ for t in words)
    if not (any(t.lower_ == "since" and t.head.i == verb.i for t in words) or any(w in text for w in TALLY_WORDS)):
        return False
    arguments = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(t.like_num or t.lower_ in ("millions", "thousands", "hundreds", "dozens") for a in arguments for t in a.subtree)


def is_writers_own(trigger: Token) -> bool:
    """ "I applaud the council for ...", "We urge readers to ...": a first-person present-tense
    speech act outside quotes and reported speech is the text itself praising or urging (a
    letter, a column), not a report of an act. Quoted or reported ("'We condemn it,' he said")
    it is someone's act and stays."""
    verb = clause_verb(trigger)
    if verb.i != trigger.i or verb.tag_ not in ("VBP", "VBZ") or is_reported(verb):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


def is_description(trigger: Token) -> bool:
    """A predicate noun: the complement of a copula ("is a threat", "was a done deal") or of
    "as" after a verb of viewing or calling ("view him as a menace")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = _phrase_head(trigger)
    if noun.dep_ in ("attr", "oprd"):
        return True
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in AS_VERBS


def _phrase_head(token: Token) -> Token:
    """The noun phrase a compound, modifier or "of" phrase belongs to ("done deal" -> "deal",
    "a testament of our commitment" -> "testament")."""
    for _ in range(4):
        head = token.head
        if token.dep_ in ("compound", "amod") and head.i != token.i and head.pos_ in ("NOUN", "PROPN"):
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
            token = head.head
        else:
            break
    return token


def is_infinitival_relative(trigger: Token) -> bool:
    """ "an external enemy to blame", "a deal to sign": a to-infinitive that modifies a noun
    names a use or purpose, not an act."""
    verb = clause_verb(trigger)
    return verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
