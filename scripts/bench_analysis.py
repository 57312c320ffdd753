"""Benchmark: analysis time over 1,000 and 10,000 stored articles, to show near-linear growth.

The corpus (records JSONL from `sitrep extract` or `sitrep export --to jsonl`, or the store at
--db) is replicated with fresh ids; replica k has every date (publication and TimeML values)
moved k*SHIFT days later (--shift-days, default 3), so replicas are new reports of new events,
not copies that collapse. With 3 days, replicas of an undated sentence stay inside each other's
30-day reporting window: the candidates per mention grow until the replicas span the window
(about 1,700 articles of the dev corpus), so 1,000 -> 10,000 is not quite linear; with
--shift-days 45 every replica falls outside the others' windows and the growth shows the cost
per mention alone. Prints CPU seconds (and wall), articles/s, the event-mention pairs scored,
and the time and pair ratios against the ratio of sizes (1.0 = linear); the pairs do not
depend on the machine's load, the time does.

usage: .venv/bin/python scripts/bench_analysis.py --records records.jsonl [--sizes 1000 10000] [--shift-days 3]
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from sitrep.analysis import Analyser
from sitrep.analysis.records import article_from_record, read_records
from sitrep.model import Record, StoredArticle

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def shifted(value: str, days: int) -> str:
    def move(match: re.Match[str]) -> str:
        try:
            return (date.fromisoformat(match[0]) + timedelta(days=days)).isoformat()
        except ValueError:
            return match[0]
    return DAY.sub(move, value, count=1)


def replica(record: Record, k: int, shift: int = 3) -> Record:
    """Record k of the replicated corpus: fresh id, dates moved k*shift days."""
    if k == 0:
        return record
    days = shift * k
    times = tuple(t.model_copy(update={"value": shifted(t.value, days)}) for t in record.times)
    published = record.published.model_copy(update={"value": shifted(record.published.value, days)}) \
        if record.published else None
    return record.model_copy(update={"id": f"{record.id}~{k}", "times": times, "published": published})


def corpus(records: list[Record], size: int, shift: int = 3) -> list[StoredArticle]:
    out: list[StoredArticle] = []
    k = 0
    while len(out) < size:
        out.extend(article_from_record(replica(r, k, shift)) for r in records[: size - len(out)])
        k += 1
    return out


def timed(articles: Iterable[StoredArticle]) -> tuple[float, float, int, int, int]:
    """(CPU seconds, wall seconds, events, claims, event pairs scored): CPU time, because the
    machine may be shared, and the pairs scored, which no other load on the machine moves."""
    wall, cpu = time.perf_counter(), time.process_time()
    analyser = Analyser(articles)
    bundle = analyser.result()
    return (time.process_time() - cpu, time.perf_counter() - wall, len(bundle.events), len(bundle.claims),
            analyser.events.tried)


def load(args: argparse.Namespace) -> list[Record]:
    if args.records:
        return list(read_records(Path(args.records)))
    from sitrep.storage import open_store

    with open_store(args.db) as store:
        return list(store.iter_records())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", help="records JSONL (default: read the store)")
    ap.add_argument("--db", help="store URL when --records is not given")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--shift-days", type=int, default=3, help="days between replicas (default 3)")
    args = ap.parse_args()
    records = load(args)
    base = None
    for size in args.sizes:
        articles = corpus(records, size, args.shift_days)
        seconds, wall, events, claims, pairs = timed(articles)
        base = base or (size, seconds, pairs)
        growth = (seconds / base[1]) / (size / base[0])
        pair_growth = (pairs / base[2]) / (size / base[0])
        print(f"{size:6} articles: {seconds:7.2f} s CPU ({wall:.1f} s wall)  {size / seconds:6.0f} articles/s  "
              f"{events} events, {claims} claims, {pairs} pairs scored  growth vs {base[0]}: "
              f"time/size {growth:.2f}, pairs/size {pair_growth:.2f}")


if __name__ == "__main__":
    main()
