"""`sitrep ingest` and `sitrep reprocess`: put articles and their records into the store."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sitrep.cli.db import add_db_argument, open_db
from sitrep.cli.scaling import add_scale_arguments, settings_from_args

INGEST_HELP = """Read articles, extract their records and store both (see README, "Store").

PATH is anything `sitrep extract` reads (.txt, .html, .jsonl, RSS/Atom .xml, a directory,
- for JSONL on stdin), an http(s):// URL of a feed or a page, or a JSONL file written by
`sitrep export --to jsonl` (stored as it is, without extraction: every version, near-duplicate
link, ingest time and failure row it holds). Ingest is idempotent:
the same article again is `unchanged`; the same id with new text is `updated` (the old
version is kept); a copy of a stored article under another id is a `near-duplicate`.
Prints the counts; exits 1 when any document failed (failures are stored too).

examples:
  sitrep ingest corpus/ --db sqlite:///archive.db
  sitrep ingest https://example.org/feed.xml
  SITREP_DB=postgresql+psycopg://postgres@127.0.0.1/sitrep sitrep ingest news.jsonl --quiet
  sitrep ingest archive/ --engine dask --address tcp://scheduler:8786 --db postgresql+psycopg://host/sitrep
"""

REPROCESS_HELP = """Extract the stored articles again and replace their records in place.

With --stale, only articles whose record was made by other stage versions than the
installed pipeline's; without it, every article.

example:
  sitrep reprocess --stale --db sqlite:///archive.db
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ingest", help="extract and store articles", description=INGEST_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, URLs, or - for stdin")
    add_db_argument(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_scale_arguments(p)
    p.set_defaults(handler=run_ingest)
    r = sub.add_parser("reprocess", help="re-extract stored articles", description=REPROCESS_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db_argument(r)
    r.add_argument("--stale", action="store_true", help="only articles made by older stage versions")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    add_scale_arguments(r)
    r.set_defaults(handler=run_reprocess)


def run_ingest(args: argparse.Namespace) -> int:
    from sitrep.storage import ingest_paths

    settings = settings_from_args(args)
    with open_db(args) as store, progress_bar(args.quiet, "ingest") as tick:
        report = ingest_paths(store, args.paths, settings, progress=tick)
    for failure in report.failures:
        print(f"sitrep: {failure.origin or failure.document}: {failure.reason}", file=sys.stderr)
    restored = f", restored failures {report.restored_failure}" if report.restored_failure else ""
    print(", ".join(f"{name} {count}" for name, count in report.counts().items()) + restored)
    return 1 if report.failed else 0


def run_reprocess(args: argparse.Namespace) -> int:
    from sitrep.storage import reprocess

    settings = settings_from_args(args)
    with open_db(args) as store, progress_bar(args.quiet, "reprocess") as tick:
        report = reprocess(store, settings, stale_only=args.stale, progress=tick)
    for failure in report.failures:
        print(f"sitrep: {failure.origin or failure.document}: {failure.reason}", file=sys.stderr)
    print(f"reprocessed {report.reprocessed}, failed {report.failed}")
    return 1 if report.failed else 0


@contextmanager
def progress_bar(quiet: bool, label: str) -> Iterator[Callable[[int], None] | None]:
    """A tqdm bar on stderr when it is a terminal (and not --quiet); else no progress callback."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(desc=label, unit="doc", file=sys.stderr, leave=False) as bar:
        yield bar.update
