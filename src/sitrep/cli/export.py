"""`sitrep export --to TARGET FILE`: write what the store holds.

Targets are a dispatch table (`TARGETS`): each maps a name to a function
`(store, handle) -> number of items written`. `jsonl` writes the stored records, one per
line, in ingest order (ingesting that file into an empty store gives the same store).
The analysis views add `analysis`, `acled` and `geojson` here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TextIO

from sitrep.cli.analysis import EXPORTS as ANALYSIS_EXPORTS
from sitrep.cli.db import add_db_argument, open_db
from sitrep.errors import ConfigError
from sitrep.storage import Store

HELP = """Write the store's contents to FILE (- for stdout).

  jsonl     the stored sitrep.record/1 records, one per line (re-ingestable)
  analysis  every cross-article view as one sitrep.analysis/1 object
  acled     one CSV row per event, ACLED columns
  geojson   events as a GeoJSON FeatureCollection

examples:
  sitrep export --to jsonl records.jsonl --db sqlite:///archive.db
  sitrep export --to analysis analysis.json
"""

CHOICES = ("jsonl", "analysis", "acled", "geojson")


def export_jsonl(store: Store, handle: TextIO) -> int:
    count = 0
    for record in store.iter_records():
        handle.write(json.dumps(record.to_json_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


TARGETS: dict[str, Callable[[Store, TextIO], int]] = {"jsonl": export_jsonl, **ANALYSIS_EXPORTS}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", help="export records or analysis views", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--to", required=True, choices=CHOICES, help="what to write")
    p.add_argument("file", metavar="FILE", help="output file, or - for stdout")
    add_db_argument(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    target = TARGETS.get(args.to)
    if target is None:
        raise ConfigError(f"export target {args.to!r} is not available in this build")
    with open_db(args) as store:
        if args.file == "-":
            count = target(store, sys.stdout)
        else:
            with open(args.file, "w", encoding="utf-8") as handle:
                count = target(store, handle)
    print(f"exported {count} {'records' if args.to == 'jsonl' else 'items'} to {args.file}", file=sys.stderr)
    return 0
