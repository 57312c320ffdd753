"""Check that a speed change leaves every record byte for byte the same.

    python scripts/speed_identity.py --write /tmp/speed_ref.jsonl      # before the change
    python scripts/speed_identity.py --compare /tmp/speed_ref.jsonl    # after it

Runs the default pipeline in this process over a fixed corpus: the bundled seed article and
examples, and (when ../shared is there) the Ukraine dev news, the first GeoWebNews and CASE
dev documents. Each record is written as the CLI writes it (`model_dump_json(by_alias=True)`),
one per line; --compare reports the first differing record and section. Keep the reference
outside the repository: the dev texts are publishers' copyright. To make a reference from an
older commit, run this script with PYTHONPATH pointing at a worktree of it
(`git worktree add /tmp/ref <commit>; PYTHONPATH=/tmp/ref/src python scripts/speed_identity.py --write ...`).
Also prints the CPU seconds of the run (parsing and stages), a rough figure only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / ".." / "shared" / "data" / "dev"
SOURCES = (("news_ukraine_dev.jsonl", 49), ("geoparse_geowebnews_dev.jsonl", 40), ("events_case2021_dev.jsonl", 60))


def documents() -> Iterator[object]:
    from sitrep.ingest import read_inputs
    from sitrep.model import Document

    yield from read_inputs([str(ROOT / "examples" / "nos-2022-09-11-kharkiv.txt"),
                            str(ROOT / "examples" / "whitehouse-2022-2023.jsonl")])
    for name, count in SOURCES:
        path = DEV / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as lines:
            for i, line in enumerate(lines):
                if i >= count:
                    break
                d = json.loads(line)
                yield Document(id=str(d["id"]), title=d.get("title"), text=d["text"],
                               published=d.get("published") or d.get("dct") or None)


def records() -> list[str]:
    from sitrep.config import Settings
    from sitrep.extraction import Extractor
    from sitrep.model import Document

    docs = [d for d in documents() if isinstance(d, Document)]
    extractor = Extractor(Settings())
    start = time.process_time()
    out = [o.record.model_dump_json(by_alias=True) if o.record else f"FAILED {o.document.id}: {o.error}"
           for o in extractor(docs)]
    print(f"{len(out)} documents, {time.process_time() - start:.1f} CPU s (parse and stages)", file=sys.stderr)
    return out


def first_difference(got: list[str], want: list[str]) -> str | None:
    if len(got) != len(want):
        return f"{len(got)} records, reference has {len(want)}"
    for i, (a, b) in enumerate(zip(got, want, strict=True)):
        if a != b:
            ja, jb = json.loads(a), json.loads(b)
            sections = [k for k in sorted(set(ja) | set(jb)) if ja.get(k) != jb.get(k)]
            return f"record {i} ({ja.get('id')}) differs in {sections}"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="JSONL", help="write the reference records here")
    mode.add_argument("--compare", type=Path, metavar="JSONL", help="compare with this reference")
    args = ap.parse_args()
    got = records()
    if args.write:
        args.write.write_text("".join(line + "\n" for line in got), encoding="utf-8")
        return 0
    want = args.compare.read_text(encoding="utf-8").splitlines()
    diff = first_difference(got, want)
    print(diff or f"identical: {len(got)} records", file=sys.stderr)
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
