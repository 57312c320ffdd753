"""Order-free grouping: union-find over pairwise links, content ids, and outlet counting.

Every merge decision in the views is **pairwise** (mention a with mention b, never a mention
with a partly built cluster), so the groups are the connected components of a link graph:
the same set of mentions gives the same groups whatever order they arrive in, and adding a
mention can only join groups, which is what makes the incremental update equal to a full
recomputation. Ids hash the group's earliest mention (published date, article, item), so
they do not depend on ingest order either and stay put when later articles join the group.
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

from sitrep.analysis.model import Report

K = TypeVar("K", bound=Hashable)


class UnionFind(Generic[K]):
    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def add(self, item: K) -> None:
        self.parent.setdefault(item, item)

    def find(self, item: K) -> K:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller key becomes the root: deterministic, whatever the call order
            lo, hi = (ra, rb) if str(ra) <= str(rb) else (rb, ra)
            self.parent[hi] = lo

    def groups(self) -> list[list[K]]:
        out: dict[K, list[K]] = {}
        for item in self.parent:
            out.setdefault(self.find(item), []).append(item)
        return [sorted(g, key=str) for g in out.values()]


def report_order(report: Report) -> tuple[str, str, int, str]:
    """Earliest first: published date (unknown last), article id, offset, item."""
    return (report.published or "9999", report.article, report.start, report.item)


def sort_reports(reports: Iterable[Report]) -> tuple[Report, ...]:
    unique = {(r.article, r.item, r.start, r.end): r for r in reports}
    return tuple(sorted(unique.values(), key=report_order))


def content_id(prefix: str, *parts: object) -> str:
    """`E3fa9b01c2d`: a short hash of what identifies the item."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:10]}"


def count_outlets(reports: Iterable[Report], groups: dict[str, str]) -> tuple[int, int]:
    """(outlets, articles): near-duplicates (same canonical group) count as one outlet."""
    articles: set[str] = set()
    labels: dict[str, str] = {}
    for r in reports:
        articles.add(r.article)
        group = groups.get(r.article, r.article)
        label = r.outlet or f"article:{group}"
        labels[group] = min(labels.get(group, label), label)
    return len(set(labels.values())), len(articles)
