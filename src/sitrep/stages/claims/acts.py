"""Whether a reporting verb reports a speech act that took place.

A claim needs someone who said something. A reporting verb that is only planned, expected,
possible or imagined reports nothing yet: "the government is expected to announce its position",
"Smith will likely announce something", "if you could tell a voter that C, ...", "a win he can
take home to tell them that C". Nor does a verb of inference hedged by "seem/appear" ("the
general's remarks seem to suggest that C"): that is the writer reading the words, not the
speaker's claim. "Would" is left out (habitual past: "he would say at meetings"), and so is
"can" on the verb itself ("I can confirm that C" is said).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# modal auxiliaries that make the verb itself unrealised ("will announce", "might say")
VERB_MODALS = frozenset({"will", "shall", "might", "may", "could", "should", "must", "'ll", "’ll"})
# on a governing verb ("he can take it home to tell them"), "can" and "would" count too
HEAD_MODALS = VERB_MODALS | {"can", "would"}
# governors of an infinitive that make the speech act planned or expected ("is expected to announce")
PLAN_HEADS = frozenset({"expect", "plan", "want", "intend", "hope", "aim", "seek", "prepare", "schedule",
                        "due", "likely", "set", "go", "try", "wish", "need"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
HEDGE_HEADS = frozenset({"seem", "appear"})


def has_modal(tok: Token, modals: frozenset[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children)


def is_conditional(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children)


def is_unrealised(verb: Token) -> bool:
    """The verb's speech act is future, planned, possible or conditional (see the module docstring)."""
    if has_modal(verb, VERB_MODALS) or is_conditional(verb):
        return True
    tok = verb
    for _ in range(3):  # up an infinitive chain ("is expected to announce", "can take it to tell") or to
        if tok.dep_ not in ("xcomp", "advcl", "conj") or tok.head is tok:  # the first conjunct ("could go and tell")
            return False
        head = tok.head
        modals = VERB_MODALS if tok.dep_ == "conj" else HEAD_MODALS
        if (tok.dep_ != "conj" and head.lemma_.lower() in PLAN_HEADS) or has_modal(head, modals) or is_conditional(head):
            return True
        tok = head
    return False


def is_hedged_inference(verb: Token, inference_verbs: frozenset[str]) -> bool:
    """'X's remarks seem to suggest that C': the writer's inference, not X's claim."""
    return (verb.lemma_.lower() in inference_verbs and verb.dep_ == "xcomp"
            and verb.head.lemma_.lower() in HEDGE_HEADS)
