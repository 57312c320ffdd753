"""SpanIndex answers overlap and containment queries exactly like a full scan."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sitrep.spans import SpanIndex

spans = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), max_size=40)


@given(spans, st.integers(0, 220), st.integers(1, 60))
def test_queries_match_a_scan(raw: list[tuple[int, int]], start: int, width: int) -> None:
    rows = [(s, s + w, i, f"x{i}") for i, (s, w) in enumerate(raw)]
    index = SpanIndex(rows)
    end = start + width
    assert sorted(index.overlapping(start, end)) == sorted(r for r in rows if r[0] < end and start < r[1])
    assert sorted(index.inside(start, end)) == sorted(r for r in rows if start <= r[0] and r[1] <= end)


def test_empty_index() -> None:
    assert SpanIndex([]).overlapping(0, 10) == [] and SpanIndex([]).inside(0, 10) == []
