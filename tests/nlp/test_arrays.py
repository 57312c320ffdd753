"""sitrep.nlp.arrays gives exactly what the per-token loops it replaces give."""

from __future__ import annotations

import pytest

from sitrep.nlp.arrays import texts_and_offsets, texts_where, token_texts

# Written for this test: several spaces, line breaks, accents, an emoji, numbers, capitals.
TEXTS = [
    "Officials in Kharkiv said   three villages were retaken.\n\nNaïve résumé: 12 ok 👍 TODAY",
    "   ",
    "",
    "A single-word\theadline",
]


@pytest.mark.parametrize("text", TEXTS)
def test_arrays_match_token_loops(nlp, text):
    doc = nlp(text)
    assert token_texts(doc) == [t.text for t in doc]
    assert texts_and_offsets(doc) == [(t.text, t.idx) for t in doc]
    assert texts_where(doc, "IS_LOWER", "IS_ALPHA") == [t.text for t in doc if t.is_lower and t.is_alpha]
