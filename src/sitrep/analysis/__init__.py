"""Cross-article views over stored articles: events, claims, figures, contradictions, timelines.

    from sitrep.analysis import analyse
    bundle = analyse(stored_articles)          # -> Analysis (spec: shared/spec/analysis.md)
    bundle.to_json_dict()                      # exactly `sitrep export --to analysis`

    analyser = Analyser()                      # incremental: the same result as analyse()
    analyser.add(first_batch); analyser.add([one_more])
    analyser.result(); analyser.explain("E3fa9b01c2d")

Only the pairwise linking (the costly part) is incremental: `add` files the new mentions and
links them to the blocks they fall in; `result` builds the items from the current groups,
which is linear. Because every link is a pairwise decision and ids hash each group's
earliest mention, the result does not depend on the order articles were added in, and
an added article changes only the items it joins. Pure Python: no spaCy, no storage.
"""

from __future__ import annotations

from collections.abc import Iterable

from sitrep.analysis.claims import ClaimIndex, build_claim, claim_id
from sitrep.analysis.contradictions import (
    attribution_contradictions,
    claim_contradictions,
    control_contradictions,
    figure_contradictions,
    reported_denials,
)
from sitrep.analysis.events import EventIndex, build_event, event_id, stated_date
from sitrep.analysis.figures import SeriesKey, build_series, series_key
from sitrep.analysis.filters import Filters, filter_items, find_timeline
from sitrep.analysis.grouping import report_order
from sitrep.analysis.mentions import ArticleMentions, ClaimMention, EventMention, QuantityMention, read_article
from sitrep.analysis.model import (
    SCHEMA,
    Analysis,
    Claim,
    Contradiction,
    Event,
    MergeReason,
    Series,
    Timeline,
)
from sitrep.analysis.records import articles_from_records
from sitrep.analysis.timelines import ControlMention, build_timelines, from_claim, from_event, from_standing
from sitrep.errors import InputError
from sitrep.model import StoredArticle

__all__ = ["SCHEMA", "Analyser", "Analysis", "Filters", "analyse", "articles_from_records", "filter_items",
           "find_timeline"]


class Analyser:
    """Holds every article's mentions and the merge indexes; `result()` gives the bundle."""

    def __init__(self, articles: Iterable[StoredArticle] = ()) -> None:
        self.articles: dict[str, ArticleMentions] = {}
        self.events = EventIndex()
        self.claims = ClaimIndex()
        self.quantities: dict[SeriesKey, list[QuantityMention]] = {}
        self.add(articles)

    def add(self, articles: Iterable[StoredArticle]) -> int:
        """Read and link new articles (already-seen ids are ignored); returns how many were new."""
        fresh = [read_article(a) for a in sorted(articles, key=lambda a: a.record.id)
                 if a.record.id not in self.articles]
        for m in fresh:
            self.articles[m.article] = m
        self.events.add(e for m in fresh for e in m.events)
        self.claims.add(c for m in fresh for c in m.claims)
        for m in fresh:
            for q in m.quantities:
                key = series_key(q)
                if key is not None:
                    self.quantities.setdefault(key, []).append(q)
        return len(fresh)

    def result(self) -> Analysis:
        groups = {a.article: a.group for a in self.articles.values()}
        event_groups = [(event_id(g), g) for g in self.events.groups()]
        event_of = {(m.article, m.item): eid for eid, g in event_groups for m in g}
        events = sorted((build_event(g, groups) for _, g in event_groups), key=_event_order)
        series = sorted((build_series(k, qs, event_of) for k, qs in self.quantities.items()),
                        key=lambda s: (s.measure, s.subject.label, report_order(s.points[0].report)))
        series_of = {(r.article, r.item): s.id for s in series for p in s.points for r in p.reports}
        claim_groups = [(claim_id(g), g) for g in self.claims.groups()]
        claims = sorted((build_claim(g, groups, event_of, series_of) for _, g in claim_groups),
                        key=lambda c: report_order(c.reports[0]))
        standing = [from_standing(s) for a in sorted(self.articles.values(), key=lambda a: a.article) for s in a.standing]
        timelines = build_timelines(_readings(event_groups, claim_groups) + standing)
        contradictions = _contradictions(series, claim_groups, event_groups, timelines, self.common_places())
        return Analysis(articles=len(self.articles), events=tuple(events), claims=tuple(claims),
                        figures=tuple(series), contradictions=tuple(contradictions), timelines=tuple(timelines))

    def common_places(self) -> frozenset[str]:
        """Places named in more than a tenth of the articles (and at least 4): too broad to pin a claim."""
        counts: dict[str, int] = {}
        for article in self.articles.values():
            for key in {p.key for p in article.places.values()}:
                counts[key] = counts.get(key, 0) + 1
        limit = max(3, len(self.articles) // 10)
        return frozenset(k for k, n in counts.items() if n > limit)

    def explain(self, item_id: str) -> list[MergeReason]:
        """Why the mentions of event `item_id` were merged (each link with its score and reasons)."""
        for group in self.events.groups():
            if event_id(group) == item_id:
                return self.events.reasons((m.article, m.item) for m in group)
        raise InputError(f"no event {item_id!r} in the store")


def analyse(articles: Iterable[StoredArticle]) -> Analysis:
    """Every view of the spec over these articles (deterministic, ingest-order free)."""
    return Analyser(articles).result()


def _event_order(e: Event) -> tuple[str, str]:
    return (e.date or e.reports[0].published or "9999", e.id)


def _readings(event_groups: list[tuple[str, list[EventMention]]],
              claim_groups: list[tuple[str, list[ClaimMention]]]) -> list[ControlMention]:
    dates = {eid: stated_date(g) for eid, g in event_groups}
    readings = [r for eid, g in event_groups for m in g for r in from_event(m, eid, dates[eid])]
    readings += [r for cid, g in claim_groups for m in g for r in from_claim(m, cid)]
    return readings


def _contradictions(series: list[Series], claim_groups: list[tuple[str, list[ClaimMention]]],
                    event_groups: list[tuple[str, list[EventMention]]],
                    timelines: list[Timeline], common: frozenset[str]) -> list[Contradiction]:
    found = figure_contradictions(series) + claim_contradictions(claim_groups, event_groups, common)
    found += reported_denials(claim_groups)
    found += control_contradictions(timelines) + attribution_contradictions(event_groups)
    unique = {x.id: x for x in found}
    return sorted(unique.values(), key=lambda x: (x.kind, report_order(x.sides[0].reports[0]), x.id))


_ = (Claim,)  # re-exported model types live in sitrep.analysis.model
