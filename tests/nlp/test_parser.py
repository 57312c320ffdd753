"""Parsing keeps the record's text byte for byte, also when a long text is parsed in pieces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.nlp.parser import parse_texts, split_text


@given(st.text(alphabet=st.sampled_from("ab .\n!?"), max_size=400), st.integers(min_value=5, max_value=60))
@settings(max_examples=200)
def test_split_text_partitions_exactly(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)


def test_split_prefers_paragraph_breaks() -> None:
    text = "First paragraph here.\n\nSecond paragraph is here.\n\nThird one."
    assert split_text(text, 40)[0] == "First paragraph here.\n\n"


def test_long_text_parsed_in_pieces_keeps_offsets(nlp) -> None:
    para = "Russian troops shelled Kharkiv on Sunday. Ukrainian forces retook Izyum.\n\n"
    text = para * 40
    [doc] = parse_texts(nlp, [text], chunk_chars=500)
    assert doc.text == text
    last = doc[-3]
    assert text[last.idx:last.idx + len(last.text)] == last.text
    assert sum(1 for s in doc.sents) >= 80


def test_order_and_count_preserved(nlp) -> None:
    texts = [f"Document number {i} mentions Kyiv." for i in range(7)]
    docs = list(parse_texts(nlp, texts, batch_size=3))
    assert [d.text for d in docs] == texts
