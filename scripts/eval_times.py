"""TimeBank value F1 on the fixed tune and check parts (tests/devsplit.py).

    .venv/bin/python scripts/eval_times.py            # both parts, graded by shared/tools/score.py timex
    .venv/bin/python scripts/eval_times.py --errors   # also list the tune part's value errors

Only the tune part's errors are ever printed: the check part is measured, not looked at.
Needs ../shared (the dev set is publishers' copyright and is read from there at run time).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "dev" / "timex_timebank.jsonl"
sys.path.insert(0, str(ROOT))

from tests.devsplit import part_of  # noqa: E402


def extract_all(rows: list[dict]) -> dict[str, dict]:
    from sitrep.config import Settings
    from sitrep.extraction import extract
    from sitrep.model import Document

    docs = [Document(id=str(r["id"]), text=r["text"], title=r.get("title"), published=r.get("dct") or None)
            for r in rows]
    out = {}
    for outcome in extract(docs, Settings()):
        if outcome.record is None:
            raise SystemExit(f"extraction failed: {outcome.failure}")
        out[outcome.record.id] = outcome.record.to_json_dict()
    return out


def grade(rows: list[dict], records: dict[str, dict], tmp: Path, part: str) -> str:
    gold, recs = tmp / f"gold-{part}.jsonl", tmp / f"records-{part}.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    recs.write_text("".join(json.dumps(records[str(r["id"])]) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "timex", str(gold), str(recs)],
                          capture_output=True, text=True, check=True)
    return done.stdout


def value_errors(rows: list[dict], records: dict[str, dict]) -> list[str]:
    """Gold timexes whose overlapping prediction has another value, or none at all."""
    lines = []
    for row in rows:
        pred = records[str(row["id"])].get("times") or []
        for t in row["timexes"]:
            hits = [p for p in pred if p["start"] < t["end"] and t["start"] < p["end"]]
            got = ", ".join(f"{p['text']!r}={p['value']}" for p in hits) or "-"
            if not any(str(p["value"]) == str(t["value"]) for p in hits):
                lines.append(f"{row['id']} dct={row.get('dct')}  {t['text']!r} want {t['value']}  got {got}")
        for p in pred:
            if not any(p["start"] < t["end"] and t["start"] < p["end"] for t in row["timexes"]):
                lines.append(f"{row['id']} spurious {p['text']!r}={p['value']}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list the tune part's value errors")
    args = parser.parse_args()
    if not GOLD.exists():
        raise SystemExit(f"{GOLD} is missing (needs ../shared)")
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = extract_all(rows)
    parts = {p: [r for r in rows if part_of(str(r["id"])) == p] for p in ("tune", "check")}
    with tempfile.TemporaryDirectory() as tmp:
        for part, subset in parts.items():
            out = grade(subset, records, Path(tmp), part)
            print(f"== {part} ({len(subset)} documents)\n{out}")
    if args.errors:
        print("\n".join(value_errors(parts["tune"], records)))


if __name__ == "__main__":
    main()
