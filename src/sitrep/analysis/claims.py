"""The claim ledger: one claim per statement per claimant, with every report of it.

Steps:
1. **Collapse** identical claim mentions (same claimant key, same content words).
2. **Block** by claimant key, then by content word inside the block (words shared by more
   than `COMMON` mentions of one claimant are not used to find candidates), so a prolific
   claimant does not make the work quadratic.
3. **Link** two mentions when the claimant key is the same, no figure differs, and their
   content words overlap enough, both as containment and as Jaccard (`is_same_statement`): a quote, its paraphrase and a shortened headline share
   most of their content words; in one article a headline summing up a long quote needs only
   containment and four shared words; a quote cut short elsewhere needs most of the shorter
   wording's words (at least five) in the same order (`is_truncation`). Unattributed mentions
   need near-identical wording.
4. **Build**: the fullest wording is the content; status follows the reports in published
   order (`history`), `disputed` when one report asserts and another denies (or one report
   says the other side denied it).

Example: "Ukraine and Russia are essentially one people" (Reuters) and "Russians and
Ukrainians are the same people" (CNN), both by Putin, share 3 of 4 content stems: one claim,
two outlets.

Known limits: claims by one claimant on one topic with different wording stay apart; a claimant
spelt two ways that `party_key` does not unify stays two claimants.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitrep.analysis.events import party_model
from sitrep.analysis.grouping import UnionFind, content_id, count_outlets, report_order, sort_reports
from sitrep.analysis.mentions import ClaimMention, PartyInfo, PlaceInfo, stem_sequence
from sitrep.analysis.model import Claim, HistoryStep, Party, PlaceRef

COMMON = 200
CONTAINMENT = 0.6
UNATTRIBUTED = 0.85
JACCARD = 0.4  # a short claim inside a long one ("his invasion of Ukraine") is not the same statement
SUMMARY, SUMMARY_WORDS = 0.7, 4  # ... unless, in one article, it carries most of its words and at least four
TRUNCATED, TRUNCATED_WORDS = 0.8, 5  # ... or it is the long one cut short: most of its words, in order

MentionKey = tuple[str, str]


def claimant_key(m: ClaimMention) -> str:
    return m.claimant.key if m.claimant else "-"


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def is_same_statement(a: ClaimMention, b: ClaimMention) -> float | None:
    """The overlap of the two wordings when they are one statement by one claimant, else None."""
    if claimant_key(a) != claimant_key(b):
        return None
    numbers_a, numbers_b = _numbers(a.stems), _numbers(b.stems)
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        return None  # "at 1,000 km2" and "at 2,000 km2" are two statements
    shared = len((a.stems & b.stems) - numbers_a)
    score = containment(a.stems, b.stems)
    need = UNATTRIBUTED if a.claimant is None else CONTAINMENT
    union = len((a.stems | b.stems) - numbers_a - numbers_b) or 1
    # an article's headline or lead summing up the long quote it then gives
    summary = a.article == b.article and shared >= SUMMARY_WORDS and score >= SUMMARY
    if shared >= 2 and score >= need and (shared / union >= JACCARD or summary or is_truncation(a, b)):
        return score
    return None


def in_order(short: tuple[str, ...], long: tuple[str, ...]) -> int:
    """How many of `short`'s stems `long` has in the same order (longest common subsequence)."""
    prev = [0] * (len(long) + 1)
    for s in short:
        cur = [0]
        for j, w in enumerate(long):
            cur.append(prev[j] + 1 if s == w else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def is_truncation(a: ClaimMention, b: ClaimMention) -> bool:
    """One wording is the other cut short ("X will never recognise the annexation" quoted whole in
    one article, its first clause in another): most of the shorter one's words, in its order,
    and at least `TRUNCATED_WORDS` of them."""
    sa, sb = stem_sequence(a.report.text), stem_sequence(b.report.text)
    short, long = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if len(short) < TRUNCATED_WORDS:
        return False
    return in_order(short, long) >= max(TRUNCATED_WORDS, TRUNCATED * len(short))


def _numbers(stems: frozenset[str]) -> frozenset[str]:
    return frozenset(s for s in stems if s[0].isdigit())


@dataclass
class ClaimIndex:
    mentions: dict[MentionKey, ClaimMention] = field(default_factory=dict)
    nodes: dict[tuple[object, ...], list[MentionKey]] = field(default_factory=dict)
    words: dict[tuple[str, str], list[tuple[object, ...]]] = field(default_factory=dict)
    uf: UnionFind[MentionKey] = field(default_factory=UnionFind)

    def add(self, mentions: Iterable[ClaimMention]) -> set[MentionKey]:
        touched: set[MentionKey] = set()
        for m in sorted(mentions, key=lambda m: (m.article, m.item)):
            key = (m.article, m.item)
            if key in self.mentions:
                continue
            self.mentions[key] = m
            self.uf.add(key)
            touched.add(key)
            self._file(m, key)
        roots = {self.uf.find(t) for t in touched}
        return {k for k in self.uf.parent if self.uf.find(k) in roots}

    def _file(self, m: ClaimMention, key: MentionKey) -> None:
        sig = (claimant_key(m), m.stems)
        if sig in self.nodes:
            self.nodes[sig].append(key)
            self.uf.union(key, self.nodes[sig][0])
            return
        self.nodes[sig] = [key]
        seen: set[tuple[object, ...]] = set()
        for word in sorted(m.stems):
            block = self.words.setdefault((claimant_key(m), word), [])
            if len(block) <= COMMON:
                for other in block:
                    if other not in seen:
                        seen.add(other)
                        self._try(key, self.nodes[other][0])
            block.append(sig)

    def _try(self, a: MentionKey, b: MentionKey) -> None:
        if is_same_statement(self.mentions[a], self.mentions[b]) is not None:
            self.uf.union(a, b)

    def groups(self) -> list[list[ClaimMention]]:
        return [[self.mentions[k] for k in g] for g in self.uf.groups()]


def claim_id(group: list[ClaimMention]) -> str:
    first = min(group, key=lambda m: report_order(m.report))
    return content_id("C", first.article, first.item)


def build_claim(group: list[ClaimMention], groups: dict[str, str], event_of: dict[MentionKey, str],
                series_of: dict[MentionKey, str]) -> Claim:
    reports = sort_reports(m.report for m in group)
    outlets, articles = count_outlets(reports, groups)
    ordered = sorted(group, key=lambda m: report_order(m.report))
    history = tuple(HistoryStep(status=m.status, article=m.article,
                                published=m.published.isoformat() if m.published else None) for m in ordered)
    fullest = sorted(group, key=lambda m: (-len(m.report.text), m.article, m.item))[0]
    said = sorted(d for d in (m.said_at or m.published for m in group) if d is not None)
    events = sorted({event_of[(m.article, e)] for m in group for e in m.events if (m.article, e) in event_of})
    figures = sorted({series_of[(m.article, q)] for m in group for q in m.quantities if (m.article, q) in series_of})
    return Claim(
        id=claim_id(group), claimant=_claimant(group), channel=_channel(group), content=fullest.report.text,
        said_at=said[0].isoformat() if said else None, status=ledger_status([m.status for m in ordered]),  # type: ignore[arg-type]
        history=history, reports=reports, outlets=outlets, articles=articles, events=tuple(events),
        figures=tuple(figures), places=_places(group))


def ledger_status(statuses: list[str]) -> str:
    """The current status: disputed once asserted and denied; confirmed sticks; else the latest."""
    kinds = set(statuses)
    if "denied" in kinds and kinds - {"denied"}:
        return "disputed"
    if "confirmed" in kinds:
        return "confirmed"
    return statuses[-1] if statuses else "asserted"


def _claimant(group: list[ClaimMention]) -> Party | None:
    parties: list[PartyInfo] = [m.claimant for m in group if m.claimant is not None]
    if not parties:
        return None
    best = sorted(parties, key=lambda p: (p.side is None, -len(p.name), p.name))[0]
    return party_model(best)


def _channel(group: list[ClaimMention]) -> str | None:
    counts = Counter(m.channel for m in group if m.channel)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counts else None


def _places(group: list[ClaimMention]) -> tuple[PlaceRef, ...]:
    seen: dict[str, PlaceInfo] = {}
    for m in group:
        for p in m.places:
            seen.setdefault(p.key, p)
    return tuple(p.ref for p in sorted(seen.values(), key=lambda p: (-p.level, p.ref.name)))
