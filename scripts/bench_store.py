"""Store ingest throughput, articles/s, on SQLite and PostgreSQL, with and without extraction.

1. With extraction: `ingest_paths` over the open articles (shared/data/open/articles.jsonl,
   or the bundled examples when ../shared is absent) into an empty store: reading, the
   real pipeline (model load included) and the writes.
2. Store only: the records made in step 1, cloned to --records distinct articles (new ids,
   the words of each paragraph shuffled so no two clones are near-duplicates), stored
   through `ingest_documents` as precomputed records: hashing, near-duplicate search,
   row building and one transaction per batch of 100, nothing else. "per CPU s" divides by
   the CPU time of the sitrep process alone (not the PostgreSQL server's): on a machine
   shared with other work it shows what the store code itself costs.
PostgreSQL runs in a fresh, uniquely named database on $SITREP_BENCH_PG (default
postgresql+psycopg://postgres@127.0.0.1:5432/postgres), dropped afterwards; it is
skipped with a note when the server is unreachable. Benchmarks are not tests: the figures
depend on the machine and on what else runs on it (the load average is printed).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.config import Settings  # noqa: E402
from sitrep.model import Record  # noqa: E402
from sitrep.storage import ingest_documents, ingest_paths, open_store  # noqa: E402

OPEN = ROOT / ".." / "shared" / "data" / "open" / "articles.jsonl"
PG_SERVER = os.environ.get("SITREP_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@contextmanager
def postgres_database() -> Iterator[str | None]:
    import sqlalchemy as sa

    admin = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    name = f"sitrep_bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError:
        yield None
        return
    try:
        yield sa.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def with_extraction(url: str, inputs: list[str]) -> tuple[float, int, list[Record]]:
    with open_store(url) as store:
        start = time.perf_counter()
        report = ingest_paths(store, inputs, Settings())
        seconds = time.perf_counter() - start
        records = list(store.iter_records())
    return seconds, report.documents, records


def clones(records: list[Record], count: int) -> list[Record]:
    """`count` distinct articles made from `records`: new ids, each paragraph's words shuffled."""
    out = []
    for i in range(count):
        base = records[i % len(records)]
        rng = random.Random(i)
        paragraphs = []
        for paragraph in base.text.split("\n"):
            words = paragraph.split()
            rng.shuffle(words)
            paragraphs.append(" ".join(words))
        out.append(base.model_copy(update={"id": f"{base.id}-clone-{i}", "text": "\n".join(paragraphs)}))
    return out


def store_only(url: str, records: list[Record]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) to store `records`."""
    with open_store(url) as store:
        start, cpu = time.perf_counter(), time.process_time()
        report = ingest_documents(store, records, Settings())
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert report.new + report.near_duplicate == len(records), report.counts()
    return seconds, cpu


def read_records(path: Path) -> list[Record]:
    """The current records of an export (`sitrep.stored/1` lines), or the records of a plain record file."""
    from sitrep.storage.archive import Restored, read_archive

    lines = ((f"{path}:{n}", line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if line.strip())
    found = list(read_archive(lines))
    return [w.current.record if isinstance(w, Restored) else w for w in found if isinstance(w, (Record, Restored))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=2000, help="articles for the store-only run (default 2000)")
    ap.add_argument("--from-records", metavar="FILE", help="skip step 1: clone the records of this "
                    "`sitrep export --to jsonl` file instead")
    args = ap.parse_args()
    inputs = [str(OPEN)] if OPEN.exists() else [str(ROOT / "examples")]
    print(f"store ingest (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"{'engine':<11} {'run':<28} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'per CPU s':>10}")
    with tempfile.TemporaryDirectory() as tmp, postgres_database() as pg, postgres_database() as pg2:
        engines = [("sqlite", f"sqlite:///{tmp}/extract.db", f"sqlite:///{tmp}/store.db"), ("postgresql", pg, pg2)]
        records = read_records(Path(args.from_records)) if args.from_records else []
        for engine, first, second in engines:
            if first is None or second is None:
                print(f"{engine:<11} skipped: no server at {PG_SERVER}")
                continue
            if not args.from_records:
                seconds, documents, made = with_extraction(first, inputs)
                records = records or made
                print(f"{engine:<11} {'with extraction':<28} {documents:>8} {seconds:>8.1f} "
                      f"{documents / seconds:>10.1f}")
            batch = clones(records, args.records)
            seconds, cpu = store_only(second, batch)
            print(f"{engine:<11} {'store only (records)':<28} {len(batch):>8} {seconds:>8.1f} "
                  f"{len(batch) / seconds:>10.1f} {len(batch) / cpu:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
