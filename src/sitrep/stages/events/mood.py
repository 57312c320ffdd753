"""Tell acts that happened from acts that did not: questions, conditions, speculation, demands.

A hit is *unreal* when its trigger sits in

- a question ("Will Russia invade Moldova?");
- a clause with a modal of possibility ("Russia might attack", "the strikes could hit");
- a condition ("if a country asks for support", "unless Moldova requests aid") or a "when"
  clause of a hypothetical main clause ("When Russia launches strikes, the West should ...");
- the content of a demand, call, proposal or wish ("demanding that Ukraine cede the
  regions", "calls for a ceasefire", "wants NATO to withdraw"): the DEMAND hit of the
  governing verb carries it;
- what is only made possible ("the ability to repel attacks"); what is only tried ("the
  attempt to seize Kyiv", "failed to topple") is told by `is_attempted`, for territorial events;
- a noun phrase negated by "no" ("there have been no requests"), or what a possibility, risk
  or fear is of ("the possibility of Russia carrying out an attack");
- a future act someone believes or predicts ("I think we will have talks", "analysts expect
  that Russia will launch an offensive"): a forecast, not a commitment;
- a clause under a "would" higher up ("Ending the talks would mean handing the negotiations to
  others"), unless someone is reported saying it;
- what something is compared with ("a catastrophe worse than the original explosion"), a gerund
  subject of a would/could/might verb ("Stopping dialogue would mean ..."), a state under
  "would be" ("countries would be willing to consider"), an act supposed with "ever" ("in the
  event that Russia ever invaded"), an infinitive a demand noun asks for ("pressure is mounting
  on France to supply weapons"), and the infinitive of a plan verb also when it is parsed as an
  adverbial clause ("is set to discuss", "To resist the onslaught, Ukraine needs ...").

Unreal hits give no event of their own. Future acts ("will", "plan to") are not unreal here:
the stage turns them into promises or threats (AGREE / THREATEN).

Known failure modes: the parse decides what governs what, so a mis-attached clause can be
kept or dropped wrongly; "could" as past ability ("they could hear blasts") counts as
speculation; reported speech is not judged ("Russia denied attacking") — claims say who says it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

POSSIBILITY = frozenset({"could", "may", "might", "can"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
WHEN_MARKS = frozenset({"when", "whenever"})
SUPPOSING_AUX = frozenset({"would", "could", "might"})
HYPOTHETICAL_AUX = frozenset({"should", "would", "will", "must", "could", "can", "may", "might", "shall"})
DEMAND_HEADS = frozenset({
    "demand", "call", "urge", "want", "ask", "propose", "suggest", "insist", "request", "wish",
    "hope", "press", "plead", "appeal", "require", "push", "seek", "implore", "petition", "exhort", "pressure",
})
DEMAND_PREPS = frozenset({"for", "on", "upon"})  # "calls for a ceasefire", "called on troops to ..."
DEMAND_OBJECT_HEADS = frozenset({"demand", "urge", "propose", "suggest", "request", "want", "seek"})  # "demanded the withdrawal"
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
ATTEMPT_HEADS = frozenset({
    "try", "attempt", "aim", "fail", "strive", "struggle", "effort", "bid", "endeavour", "endeavor", "aspiration",
})
PLAN_HEADS = frozenset({
    "plan", "aim", "intend", "hope", "expect", "seek", "want", "wish", "dream", "scheme", "plot", "set", "due", "schedule", "poise",
    "need", "consider", "contemplate", "mull", "weigh",
})
UNREAL_STATES = frozenset({"impossible", "unlikely", "possible", "hypothetical", "unthinkable", "conceivable"})
NEGATION_PASSING = frozenset({
    "dare", "manage", "try", "attempt", "begin", "start", "get", "need", "have", "seem", "appear",
    "confirm", "show", "prove", "indicate", "suggest", "find", "see", "know", "verify", "mean",
})
EVIDENCE_NOUNS = frozenset({
    "evidence", "sign", "indication", "proof", "confirmation", "report", "record", "trace", "suggestion", "basis",
})
MEANS_HEADS = frozenset({"ability", "capability", "capacity", "capable", "likely", "unlikely", "possible", "impossible",
                         "enable"})  # "the ability to repel attacks": a means
SUPPOSED = frozenset({"capable", "capability", "possibility", "prospect", "risk", "threat", "fear", "danger", "chance", "likelihood", "scenario"})
SPEECH_VERBS = frozenset({
    "say", "tell", "state", "declare", "insist", "stress", "add", "warn", "write", "announce",
    "urge", "argue", "reiterate", "tweet", "note", "claim", "emphasize", "emphasise", "repeat", "indicate",
})
OPEN_QUOTES = frozenset({'"', "“", "«"})
CLOSE_QUOTES = frozenset({'"', "”", "»"})
MAX_STEPS = 6
BELIEF_HEADS = frozenset({
    "think", "believe", "expect", "predict", "suspect", "guess", "suppose", "assume", "imagine", "reckon",
    "anticipate", "forecast", "doubt", "bet", "feel", "fear", "project", "estimate", "wonder",
})  # "I think we will have talks": a forecast of the future, nobody's commitment
FORECAST_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
UNNEGATED_DEPS = frozenset({"advcl", "conj", "parataxis", "relcl"})  # "While X has increased, it is not ...": X stands


def is_unreal(trigger: Token) -> bool:
    """The trigger's act is asked about, supposed, conditional, demanded, planned, negated by
    "no" or by a governing verb ("would not dare target"), or what there is no evidence of."""
    if is_question(trigger) or negated_by_no(trigger) or is_compared(trigger) or gives_nothing(trigger):
        return True
    chain = _clause_chain(trigger)
    if any(_unreal_clause(verb) for verb in chain) or any(
            _negates_below(head) for below, head in zip(chain, chain[1:], strict=False) if below.dep_ not in UNNEGATED_DEPS):
        return True
    if _supposed_above(chain):
        return True
    return any(_governed_by(verb, PLAN_HEADS) for verb in chain) or _without_evidence(chain[-1])


def _supposed_above(chain: list[Token]) -> bool:
    """ "Ending the talks would mean handing the negotiations to others", "Russia would try to
    seize the port": a "would" on a verb above the trigger's own clause supposes what that
    clause holds. Kept when the "would" is reported ("he said they would try to meet": a future
    someone tells, judged by the stage as a promise or threat)."""
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
    return any(_has_aux(verb, frozenset({"would"})) and not is_reported(verb) for verb in verbs[1:])


def gives_nothing(trigger: Token) -> bool:
    """ "offered no additional information", "made no concessions", "gave no details": the
    verb's object is negated by "no", so nothing was given or done."""
    return trigger.pos_ == "VERB" and any(c.dep_ == "dobj" and negated_by_no(c) for c in trigger.children)


def is_compared(trigger: Token) -> bool:
    """ "a catastrophe worse than the original explosion", "more sanctions than in 2014": what
    something is compared with is a yardstick, not a report of it."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "than"


def _negates_below(head: Token) -> bool:
    """A head above the trigger that is negated and passes the negation down: a control verb
    ("did not dare / manage / try to attack") or a verb of finding and showing ("did not
    confirm that troops shelled the town")."""
    if not any(c.dep_ == "neg" for c in head.children):
        return False
    return head.lemma_.lower() in NEGATION_PASSING or head.pos_ in ("AUX",)


def _without_evidence(top: Token) -> bool:
    """ "no evidence (that) Putin rescued ...", "no sign of fighting": the clause is what a noun
    negated by "no" would be evidence of."""
    token = top
    for _ in range(MAX_STEPS):
        head = token.head
        if head.i == token.i:
            return False
        if head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in EVIDENCE_NOUNS and negated_by_no(head):
            return True
        token = head
    return False


def is_question(token: Token) -> bool:
    """The sentence, or the trigger's line (a headline glued to the text after it), asks."""
    sent = token.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in ('"', "”", "’", "'")), None)
    if last is not None and last.text == "?":
        return True
    after = list(sent[token.i - sent.start + 1:])  # the tokens after the trigger
    end = next((i for i, t in enumerate(after) if "\n" in t.text or "\n" in t.whitespace_), None)
    line = [t for t in after[:end + 1] if not t.is_space] if end is not None else []
    return bool(line) and line[-1].text == "?"


def negated_by_no(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the heads above it up to its clause verb, then up through clauses that
    are complements, conjuncts or adverbial clauses of another (at most MAX_STEPS steps)."""
    chain = [trigger]
    token = trigger
    for _ in range(MAX_STEPS):
        if token.head.i == token.i:
            break
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "pcomp"):
            break
        token = token.head
        chain.append(token)
    return chain


def _unreal_clause(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX") and _has_aux(token, POSSIBILITY):
        return True
    if token.dep_ == "advcl" and _is_condition(token):
        return True
    return _is_demanded(token) or _is_supposed(token) or _governed_by(token, MEANS_HEADS) or _said_unreal(token) \
        or _agrees_with_statement(token) or _consequent_of_condition(token) or _supposed_subject(token) \
        or _would_be(token) or _ever_done(token) or _forecast(token)


def _forecast(token: Token) -> bool:
    """ "I think we will have careful discussions", "Analysts expect that Russia will launch an
    offensive", "He predicted the army would retreat": a future act in the complement of a verb
    of belief or prediction is what someone expects, not an act done or committed to (a promise
    is said, "We will sign it," not believed)."""
    head = token.head
    return token.dep_ == "ccomp" and head.i != token.i and bool(base_forms(head) & BELIEF_HEADS) \
        and _has_aux(token, FORECAST_AUX)


def _supposed_subject(token: Token) -> bool:
    """ "Stopping dialogue would mean ...", "Cutting aid could cost lives": a gerund subject
    of a would/could/might verb is supposed, not done."""
    return token.dep_ == "csubj" and _has_aux(token.head, SUPPOSING_AUX)


def _would_be(token: Token) -> bool:
    """ "countries would be willing to consider", "Kyiv could be ready to talk": a state
    under would/could/might (the trigger is the adjective it holds)."""
    return token.lemma_.lower() == "be" and _has_aux(token, SUPPOSING_AUX) and any(
        c.dep_ == "acomp" for c in token.children)


def _ever_done(token: Token) -> bool:
    """ "in the event that Russia ever invaded", "if they ever meet": "ever" on the verb
    supposes the act."""
    return token.pos_ in ("VERB", "AUX") and any(c.dep_ == "advmod" and c.lower_ == "ever" for c in token.children)


def _agrees_with_statement(token: Token) -> bool:
    """ "agreed that Russians and Ukrainians are one people": agreeing with a statement (a that-
    clause whose verb is "be") is an opinion, not a promise of action."""
    return token.lemma_.lower() == "agree" and any(
        c.dep_ == "ccomp" and c.lemma_.lower() == "be" for c in token.children)


def _consequent_of_condition(token: Token) -> bool:
    """ "If he wins, he would not rule out talking": the main clause of an if-clause, with a
    would/could/might, is as hypothetical as the condition."""
    return token.pos_ in ("VERB", "AUX") and _has_aux(token, HYPOTHETICAL_AUX - {"will", "shall", "must", "should"}) and any(
        c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children if m.dep_ == "mark") for c in token.children)


def _said_unreal(token: Token) -> bool:
    """ "A close inspection was impossible", "an attack is unlikely": the subject of a copula
    whose complement says it did not or need not happen."""
    head = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() == "be" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in UNREAL_STATES for c in head.children)


def is_generic(trigger: Token) -> bool:
    """A bare plural noun that is the subject of a present-tense or modal verb speaks of a kind
    of act, not of one act: "Sanctions often inspire a rally", "Sanctions alone will not bring
    the regime down". Only
    in full sentences (a headline in the present tense reports: "Airstrikes hit Kharkiv")."""
    if trigger.pos_ == "NOUN" and trigger.dep_ in ("appos", "conj") and trigger.head.pos_ == "NOUN" and (
            _is_any(trigger) or not any(c.dep_ in ("det", "poss", "nummod") for c in trigger.children)):
        trigger = trigger.head  # "Sanctions alone - at least any sanctions that ... - will not"
    if _is_bare_plural_subject(trigger) and trigger.dep_ in ("nsubj", "nsubjpass"):
        return _timeless(trigger.head)
    return any(_timeless(verb) and any(_is_bare_plural_subject(c) and c.dep_ == "nsubj" for c in verb.children)
               for verb in _statement_path(trigger) if verb.pos_ in ("VERB", "AUX"))


def _statement_path(trigger: Token) -> list[Token]:
    """The trigger and its heads up to the root of the statement that holds it, not crossing
    into the verb a reported or believed clause depends on ("Officials say troops shelled the
    town": the saying has its own subject and tense)."""
    path = [trigger]
    token = trigger
    for _ in range(2 * MAX_STEPS):
        if token.head.i == token.i or token.dep_ in ("ccomp", "parataxis", "csubj"):
            break
        token = token.head
        path.append(token)
    return path


def _is_bare_plural_subject(noun: Token) -> bool:
    """A plural common noun without determiner, possessor, number or name in it: "sanctions",
    "private businesses" (a kind), not "these sanctions", "Russian forces", "EU sanctions",
    "activists in Arnor" (a name in its phrase makes a group, not a kind)."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    if any((c.dep_ in ("det", "poss", "nummod") and c.lower_ != "any") or c.pos_ == "PROPN"
           or c.ent_type_ for c in noun.children if c.dep_ not in ("conj", "cc", "prep", "relcl", "acl")):
        return False
    named = [t for p in noun.children if p.dep_ == "prep" for t in p.subtree]
    return not any(t.pos_ == "PROPN" or t.ent_type_ for t in named)


def _timeless(verb: Token) -> bool:
    """The verb is in the simple present or under a modal, not the past or the progressive
    ("provide", "can have", "will not bring"; not "are retaking"), in a sentence ending with a
    full stop (a headline in the present tense reports: "Airstrikes hit Kharkiv")."""
    tense = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    ends = [t for t in verb.sent if not t.is_space and not t.is_punct or t.text in ".!?"]
    return bool(tense & {"VBZ", "VBP", "MD"}) and not tense & {"VBD", "VBN", "VBG"} and bool(ends) \
        and ends[-1].text == "."


def _is_any(noun: Token) -> bool:
    return any(c.lower_ == "any" and c.dep_ in ("det", "nummod") for c in noun.children)


def is_attempted(trigger: Token) -> bool:
    """ "the attempt to seize Kyiv", "efforts to regain control", "failed to topple": the act
    was tried, not (yet) done. An attempted attack is still an attack, so only the stage's
    territorial events ask this."""
    return any(_governed_by(verb, ATTEMPT_HEADS) for verb in _clause_chain(trigger))


def _governed_by(token: Token, heads: frozenset[str]) -> bool:
    """The token is the complement of one of `heads` ("plan to attack"), or its infinitival
    adverbial clause ("is set to discuss", "to resist the onslaught, Ukraine needs ...")."""
    head = token.head
    if head.i == token.i or not base_forms(head) & heads:
        return False
    return token.dep_ in ("xcomp", "acl") or (token.dep_ == "advcl" and _is_infinitive(token))


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def base_forms(token: Token) -> set[str]:
    """The lemma and, for a verb, the plain forms its inflected text may come from: the
    lemmatiser sometimes strips too much ("hopes" -> "hop", "needs" -> "need" is right)."""
    forms = {token.lemma_.lower()}
    word = token.lower_
    if token.pos_ in ("VERB", "AUX") and word.endswith("s") and len(word) > 3:
        forms.add(word[:-1])
    return forms


def _has_aux(verb: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in verb.children)


def _is_condition(verb: Token) -> bool:
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    if marks & CONDITION_MARKS:
        return True
    return bool(marks & WHEN_MARKS) and _has_aux(verb.head, HYPOTHETICAL_AUX)


def _is_supposed(token: Token) -> bool:
    """ "the possibility of Russia carrying out an attack", "the risk of an invasion", "the
    possibility that Putin would invade"."""
    head = token.head
    if token.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in SUPPOSED:
        return True
    return token.dep_ in ("pobj", "pcomp") and head.lower_ == "of" and head.head.lemma_.lower() in SUPPOSED


def _is_demanded(token: Token) -> bool:
    """A clause or noun that is what a demand/call/wish verb asks for."""
    head = token.head
    if head.i == token.i:
        return False
    if token.dep_ in CLAUSE_DEPS and base_forms(head) & DEMAND_HEADS:
        return True
    if token.dep_ == "acl" and head.pos_ == "NOUN" and head.lemma_.lower() in DEMAND_HEADS:
        return True  # "pressure on France to supply weapons", "calls to withdraw"
    if token.dep_ == "dobj" and token.pos_ == "NOUN" and head.lemma_.lower() in DEMAND_OBJECT_HEADS:
        return True
    if token.dep_ == "pobj" and head.lower_ in DEMAND_PREPS:
        verb = head.head
        return verb.i != head.i and verb.lemma_.lower() in DEMAND_HEADS - {"push", "seek"}
    return _demanded_by_subject(token)


def _demanded_by_subject(token: Token) -> bool:
    """ "Pressure is mounting on France to supply weapons", "calls are growing for Russia to
    withdraw": the infinitive is what the subject noun of its head verb demands."""
    if token.dep_ not in ("advcl", "xcomp") or not _is_infinitive(token):
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in DEMAND_HEADS for c in token.head.children)


def is_reported(token: Token) -> bool:
    """The token is in a clause of a say-verb ("Biden said Russia must withdraw") or in a quote."""
    node = token
    for _ in range(MAX_STEPS):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in SPEECH_VERBS:
            return True
        node = head
    if any(c.dep_ == "parataxis" and c.lemma_.lower() in SPEECH_VERBS for c in node.children):
        return True  # "Russia must withdraw, Biden said."
    return in_quote(token)


def in_quotation(token: Token) -> bool:
    """A quotation mark opened before the token in its paragraph (its line) is not closed before
    it: also the later sentences of a quotation that runs on ('"We are ready. We support them,"
    she said')."""
    doc = token.doc
    start = token.i
    while start > 0 and "\n" not in doc[start - 1].whitespace_ and "\n" not in doc[start - 1].text:
        start -= 1
    inside = False
    for t in doc[start:token.i]:
        if t.text in OPEN_QUOTES and not (inside and t.text in CLOSE_QUOTES):
            inside = True
        elif t.text in CLOSE_QUOTES:
            inside = False
    return inside


def in_quote(token: Token) -> bool:
    """A quotation mark opened before the token in its sentence is not closed before it."""
    inside = False
    for t in token.sent:
        if t.i >= token.i:
            break
        if t.text in OPEN_QUOTES and not (inside and t.text in CLOSE_QUOTES):
            inside = True
        elif t.text in CLOSE_QUOTES:
            inside = False
    return inside
