"""Overlap queries over character spans, for stages that link items found by earlier stages."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
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
