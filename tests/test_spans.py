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


@given(spans)
def test_pick_disjoint_matches_the_quadratic_greedy(raw: list[tuple[int, int]]) -> None:
    from sitrep.spans import pick_disjoint

    items = [(s, s + w) for s, w in raw]
    kept: list[tuple[int, int]] = []
    for a in items:
        if all(a[1] <= b[0] or b[1] <= a[0] for b in kept):
            kept.append(a)
    assert pick_disjoint(items, lambda x: x) == sorted(kept)
