"""Overlap queries over character spans, for stages that link items found by earlier stages."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items keyed by character spans, answering overlap queries in O(log n + k).

    Rows are (start, end, order, item); `order` is the item's place in its record list, so
    ties resolve as a scan of that list would. Built once per document: per-event scans of
    every mention made the stage quadratic in document length.
    """

    def __init__(self, rows: Iterable[tuple[int, int, int, T]]) -> None:
        self.rows = sorted(rows, key=lambda r: (r[0], r[2]))
        self.starts = [r[0] for r in self.rows]
        self.longest = max((r[1] - r[0] for r in self.rows), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int, T]]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [r for r in self.rows[lo:hi] if r[1] > start]

    def inside(self, start: int, end: int) -> list[tuple[int, int, int, T]]:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [r for r in self.rows[lo:hi] if r[1] <= end]


def pick_disjoint(items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """Greedy selection: each item, in the priority order given, is kept unless it overlaps one
    already kept. Returns the kept items in text order. O(n log n): the kept spans are disjoint,
    so only the neighbours at the insertion point can overlap.
    """
    starts: list[int] = []
    ends: list[int] = []
    kept: list[T] = []
    for item in items:
        start, end = span(item)
        i = bisect_left(starts, start)
        if (i > 0 and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        kept.insert(i, item)
    return kept
