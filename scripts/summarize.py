"""Print a readable summary of a records JSONL file (used by `make run`)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def main(path: str) -> int:
    from sitrep.cli.summary import render_text
    from sitrep.model import Record

    records = [Record.model_validate(json.loads(line)) for line in Path(path).read_text(encoding="utf-8").splitlines()
               if line.strip()]
    print(f"\nsitrep processed {len(records)} documents into {path}\n")
    totals = Counter({k: sum(len(getattr(r, k)) for r in records)
                      for k in ("places", "times", "quantities", "actors", "claims", "events")})
    print("extracted: " + ", ".join(f"{n} {k}" for k, n in totals.items()))
    print("claims by status: " + _top(Counter(c.status for r in records for c in r.claims)))
    print("events by PLOVER type: " + _top(Counter(e.plover for r in records for e in r.events if e.plover)))
    print("most mentioned places: " + _top(Counter(p.name for r in records for p in r.places for _ in p.mentions)))
    print("most cited claimants: " + _top(Counter(a.name for r in records for c in r.claims for a in r.actors
                                                  if a.id == c.claimant)))
    first = next((r for r in records if r.claims), records[0] if records else None)
    if first is not None:
        print("\nOne record in full (sitrep extract --format text):\n")
        print(render_text(first))
    return 0


def _top(counts: Counter[str], n: int = 8) -> str:
    return ", ".join(f"{k} ({v})" for k, v in counts.most_common(n)) or "none"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "out/records.jsonl"))
