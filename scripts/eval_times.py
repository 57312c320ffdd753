"""TimeBank value F1 on the fixed tune and check parts (tests/devsplit.py).

    .venv/bin/python scripts/eval_times.py            # both parts, graded by shared/tools/score.py timex
    .venv/bin/python scripts/eval_times.py --errors   # also list the tune part's value errors
    .venv/bin/python scripts/eval_times.py --by-rule  # per rule: predictions right/wrong/spurious, both parts

Only the tune part's errors are ever printed; --by-rule prints counts per rule (aggregates) for both parts,
which show a rule that does worse on the check part without showing any check item.
Needs ../shared (the dev set is publishers' copyright and is read from there at run time).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
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


def trace_rules() -> dict[tuple[str, int], str]:
    """Have the times stage note which rule produced each expression: {(text, start): rule name}."""
    import sitrep.stages.times as times

    made: dict[tuple[str, int], str] = {}
    resolve = times.resolve

    def traced(cand, ctx):  # type: ignore[no-untyped-def]
        res = resolve(cand, ctx)
        if res is not None:
            made[(ctx.text, res.start if res.start is not None else cand.start)] = cand.rule.name
        return res

    times.resolve = traced
    return made


def rule_counts(rows: list[dict], records: dict[str, dict], made: dict[tuple[str, int], str]) -> Counter[tuple[str, str]]:
    """(rule, right|wrong|spurious) counts over the given rows: aggregates only."""
    counts: Counter[tuple[str, str]] = Counter()
    for row in rows:
        for p in records[str(row["id"])].get("times") or []:
            hits = [t for t in row["timexes"] if p["start"] < t["end"] and t["start"] < p["end"]]
            verdict = ("spurious" if not hits else "right" if any(str(t["value"]) == str(p["value"]) for t in hits)
                       else "wrong")
            counts[(made.get((row["text"], p["start"]), "?"), verdict)] += 1
    return counts


def print_rule_counts(parts: dict[str, list[dict]], records: dict[str, dict], made: dict[tuple[str, int], str]) -> None:
    counts = {part: rule_counts(subset, records, made) for part, subset in parts.items()}
    names = sorted({name for c in counts.values() for name, _ in c})
    print(f"{'rule':18} " + "   ".join(f"{part:>5}: right wrong spurious" for part in counts))
    for name in names:
        cells = [f"{'':5}  {c[(name, 'right')]:5} {c[(name, 'wrong')]:5} {c[(name, 'spurious')]:8}" for c in counts.values()]
        print(f"{name:18} " + "   ".join(cells))


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
    parser.add_argument("--by-rule", action="store_true", help="counts per rule, both parts (aggregates only)")
    args = parser.parse_args()
    if not GOLD.exists():
        raise SystemExit(f"{GOLD} is missing (needs ../shared)")
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    made = trace_rules() if args.by_rule else {}
    records = extract_all(rows)
    parts = {p: [r for r in rows if part_of(str(r["id"])) == p] for p in ("tune", "check")}
    with tempfile.TemporaryDirectory() as tmp:
        for part, subset in parts.items():
            out = grade(subset, records, Path(tmp), part)
            print(f"== {part} ({len(subset)} documents)\n{out}")
    if args.by_rule:
        print_rule_counts(parts, records, made)
    if args.errors:
        print("\n".join(value_errors(parts["tune"], records)))


if __name__ == "__main__":
    main()
