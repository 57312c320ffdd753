"""`sitrep extract`: documents in, one sitrep.record/1 per document out."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date

from sitrep.cli.scaling import add_scale_arguments, settings_from_args
from sitrep.confidence_filter import check_threshold, filter_by_confidence
from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.ingest import Failure
from sitrep.model import Document, Record

HELP = """Read news articles and print one sitrep.record/1 per document (see shared/spec/record.md).

PATH may be a .txt file (first non-empty line is the title), .html (main text extracted),
.jsonl (one {"id","text",...} per line), an RSS/Atom .xml feed, a directory of such files,
or - for JSONL on stdin. A bad document gets one line on stderr; the others are still processed
and the exit code is 1.

examples:
  sitrep extract article.txt --published 2022-09-11 --format text
  sitrep extract corpus/ > records.jsonl
  cat docs.jsonl | sitrep extract - --format json
  sitrep extract corpus/ --min-confidence 0.8 > confident.jsonl
  sitrep extract corpus/ --workers 4 > records.jsonl
  sitrep extract corpus/ --engine dask --address tcp://scheduler:8786 > records.jsonl
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("extract", help="extract records from articles", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for stdin (default: -)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for every document")
    p.add_argument("--format", choices=("jsonl", "json", "text"),
                   help="output format (default: text on a terminal, else jsonl)")
    p.add_argument("--min-confidence", type=float, metavar="X",
                   help="leave out places, claims and events with confidence below X (0-1)")
    add_scale_arguments(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sitrep.ingest import read_inputs

    published = check_published(args.published)
    if args.min_confidence is not None:
        check_threshold(args.min_confidence)
    fmt = args.format or ("text" if sys.stdout.isatty() else "jsonl")
    failures = FailureLog()
    items = read_inputs(args.paths or ["-"], published=published)
    records = extract_records(settings_from_args(args), items, failures)
    if args.min_confidence is not None:
        records = (filter_by_confidence(r, args.min_confidence) for r in records)
    write_records(records, fmt)
    return 1 if failures.count else 0


def extract_records(settings: Settings, items: Iterable[Document | Failure], failures: FailureLog) -> Iterator[Record]:
    """Run the pipeline over readable documents; every failure goes to the log, in order."""
    from sitrep.extraction import Extractor, extract

    documents = failures.documents_only(items)
    in_process = settings.workers <= 1 and settings.engine == "local"
    extractor = Extractor(settings, freeze_heap=True) if in_process else None  # this process keeps it to the end
    for outcome in extract(documents, settings, extractor=extractor):
        if outcome.record is None:
            failures.add(str(outcome.failure))
        else:
            yield outcome.record


class FailureLog:
    """One stderr line per failed document; counts them for the exit code."""

    def __init__(self) -> None:
        self.count = 0

    def add(self, line: str) -> None:
        self.count += 1
        print(f"sitrep: {line}", file=sys.stderr, flush=True)

    def documents_only(self, items: Iterable[Document | Failure]) -> Iterator[Document]:
        for item in items:
            if isinstance(item, Failure):
                self.add(str(item))
            else:
                yield item


def write_records(records: Iterable[Record], fmt: str) -> None:
    from sitrep.cli.summary import render_text

    if fmt == "json":
        print(json.dumps([r.to_json_dict() for r in records], ensure_ascii=False, indent=2))
        return
    for record in records:
        if fmt == "jsonl":
            print(json.dumps(record.to_json_dict(), ensure_ascii=False), flush=True)
        else:
            print(render_text(record), flush=True)


def check_published(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise ConfigError(f"--published must be YYYY-MM-DD, got {value!r}") from exc
    return value
