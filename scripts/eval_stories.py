"""Cross-article stories: ingest the dev corpus into a fresh store, export the analysis, grade it.

    .venv/bin/python scripts/eval_stories.py --db /tmp/me-stories.db            # ingest, export, grade
    .venv/bin/python scripts/eval_stories.py --db /tmp/me-stories.db --reuse    # store kept: export, grade
    .venv/bin/python scripts/eval_stories.py --db /tmp/me-stories.db --errors   # also the tune part's failures

The corpus is the seed article (../shared/seed/*.txt), the public-domain White House
statements (examples/*.jsonl) and the dev news (../shared/data/dev/news_ukraine_dev.jsonl).
Each story file (shared/gold/stories/{seed,news_dev,open_whitehouse}.json and the project's
tests/gold/stories/news_dev_own.json and news_dev_own2.json) is graded whole by shared/tools/score.py analysis, then
split by story id (tests/devsplit.py) into its tune and check parts, graded apart. Only the
tune part's failures are ever printed: the check part is measured, not looked at.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SITREP = ROOT / ".venv" / "bin" / "sitrep"
sys.path.insert(0, str(ROOT))

from tests.devsplit import part_of  # noqa: E402

GOLDS = {
    "seed": SHARED / "gold" / "stories" / "seed.json",
    "news_dev": SHARED / "gold" / "stories" / "news_dev.json",
    "open_whitehouse": SHARED / "gold" / "stories" / "open_whitehouse.json",
    "news_dev_own": ROOT / "tests" / "gold" / "stories" / "news_dev_own.json",
    "news_dev_own2": ROOT / "tests" / "gold" / "stories" / "news_dev_own2.json",
}
HEADLINE = re.compile(r"analysis: (\d+)/(\d+) checks .*duplicate events (\d+)")


def corpus() -> list[str]:
    return [*map(str, sorted((SHARED / "seed").glob("*.txt"))), *map(str, sorted((ROOT / "examples").glob("*.jsonl"))),
            str(SHARED / "data" / "dev" / "news_ukraine_dev.jsonl")]


def ingest(db: Path) -> None:
    if db.exists():
        db.unlink()
    subprocess.run([str(SITREP), "ingest", *corpus(), "--db", f"sqlite:///{db}", "--quiet"], check=True)


def export(db: Path, out: Path) -> None:
    subprocess.run([str(SITREP), "export", "--to", "analysis", str(out), "--db", f"sqlite:///{db}"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def grade(bundle: Path, gold: Path) -> tuple[str, tuple[int, int, int]]:
    done = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "analysis", str(bundle),
                           "--gold", str(gold)], capture_output=True, text=True, check=True)
    match = HEADLINE.search(done.stdout)
    if match is None:
        raise SystemExit(f"no headline from score.py for {gold}:\n{done.stdout}{done.stderr}")
    return done.stdout, (int(match[1]), int(match[2]), int(match[3]))


def part_file(gold: Path, part: str, tmp: Path) -> Path | None:
    data = json.loads(gold.read_text(encoding="utf-8"))
    stories = [s for s in data["stories"] if part_of(s["id"]) == part]
    if not stories:
        return None
    out = tmp / f"{gold.stem}-{part}.json"
    out.write_text(json.dumps({**data, "stories": stories}), encoding="utf-8")
    return out


def fmt(score: tuple[int, int, int]) -> str:
    n, t, dup = score
    return f"{n:3}/{t:<3} {100.0 * n / t if t else 0.0:5.1f}%  dup {dup}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True, help="SQLite file of your own (recreated unless --reuse)")
    ap.add_argument("--out", type=Path, default=None, help="analysis bundle (default: next to --db)")
    ap.add_argument("--reuse", action="store_true", help="keep the store: export and grade only")
    ap.add_argument("--errors", action="store_true", help="print the tune part's failed checks")
    args = ap.parse_args()
    out = args.out or args.db.with_suffix(".analysis.json")
    if not args.reuse:
        ingest(args.db)
    export(args.db, out)
    tmp = out.parent / (out.stem + "-parts")
    tmp.mkdir(exist_ok=True)
    print(f"{'stories':16} {'all':22} {'tune':22} {'check':22}")
    for name, gold in GOLDS.items():
        _, whole = grade(out, gold)
        cells = [fmt(whole)]
        for part in ("tune", "check"):
            path = part_file(gold, part, tmp)
            if path is None:
                cells.append("-")
                continue
            text, score = grade(out, path)
            cells.append(fmt(score))
            if part == "tune" and args.errors:
                fails = [line for line in text.splitlines() if line.startswith("FAIL")]
                print("\n".join(f"  [{name} tune] {line}" for line in fails))
        print(f"{name:16} {cells[0]:22} {cells[1]:22} {cells[2]:22}")


if __name__ == "__main__":
    main()
