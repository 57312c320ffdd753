"""Property tests of the whole pipeline on generated war-report text: exact spans, valid ids, determinism."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.model import Document
from tests.test_golden import iter_spans

FRAGMENTS = [
    "Russian forces shelled Kharkiv on Thursday evening.",
    "Ukrainian President Volodymyr Zelensky said on Telegram that troops had retaken Izium.",
    "“We will not give up,” the governor of the Donetsk region told reporters.",
    "More than 3,000 square kilometers were recaptured this weekend, the general staff claims.",
    "The claims could not be independently verified.",
    "About a third of the Kherson region is still occupied.",
    "Hundreds of civilians fled across the Dnipro river, according to the UN.",
    "Moscow has not yet responded.",
    "At least 12 people were killed and 40 wounded in a missile strike on Kyiv last month.",
    "Protesters gathered in Tbilisi on 3 March 2022 to demand sanctions.",
    "Talks between the two sides ended months ago.",
    "Ça va — Kyïv, Київ, Odesa/Odessa!",
]

texts = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", "\n", "\n\n", "  "]), min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True)).strip()))


@pytest.fixture(scope="module")
def extract(nlp):
    from sitrep.config import Settings
    from sitrep.extraction import make_pipeline
    from sitrep.nlp.parser import parse_texts

    pipeline = make_pipeline(Settings())

    def run(text: str, published: str | None):
        [parse] = parse_texts(nlp, [text])
        return pipeline.run(Document(id="gen", text=text, published=published), parse)

    return run


@given(text=texts, published=st.sampled_from([None, "2022-09-11", "2023-02-24T08:00:00+00:00"]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_spans_exact_ids_valid_and_deterministic(extract, text: str, published: str | None) -> None:
    record = extract(text, published)
    for start, end, mention in iter_spans(record):
        assert 0 <= start < end <= len(text)
        if mention is not None:
            assert text[start:end] == mention
    ids = [x.id for x in (*record.actors, *record.places, *record.times, *record.quantities, *record.claims,
                          *record.events)]
    assert len(ids) == len(set(ids))
    assert extract(text, published) == record
