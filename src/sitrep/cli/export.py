"""`sitrep export --to TARGET FILE`: write what the store holds.

Targets are a dispatch table (`TARGETS`): each maps a name to a function
`(store, handle) -> number of items written (or a summary)`. `jsonl` writes every stored version of every
article, in ingest order, then the failures (`sitrep.storage.archive`): ingesting that file
into an empty store gives the same store, old versions included.
The analysis views add `analysis`, `acled` and `geojson` here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from sitrep.cli.analysis import EXPORTS as ANALYSIS_EXPORTS
from sitrep.cli.db import add_db_argument, open_db
from sitrep.errors import ConfigError

if TYPE_CHECKING:
    from sitrep.storage import Store

HELP = """Write the store's contents to FILE (- for stdout).

  jsonl     every stored version of every article (its sitrep.record/1 record with its
            version, near-duplicate link and ingest times), then the stored failures,
            one per line; ingesting it into an empty store gives the same store
  analysis  every cross-article view as one sitrep.analysis/1 object
  acled     one CSV row per event, ACLED columns
  geojson   events as a GeoJSON FeatureCollection

examples:
  sitrep export --to jsonl records.jsonl --db sqlite:///archive.db
  sitrep export --to analysis analysis.json
"""

CHOICES = ("jsonl", "analysis", "acled", "geojson")


def export_jsonl(store: Store, handle: TextIO) -> str:
    from sitrep.storage.archive import write_archive

    with store.engine.connect() as connection:
        counts = write_archive(connection, handle)
    return f"{counts.articles} articles ({counts.versions} versions, {counts.failures} failures)"


# each returns the number of items written, or a summary of what it wrote
TARGETS: dict[str, Callable[[Store, TextIO], int | str]] = {"jsonl": export_jsonl, **ANALYSIS_EXPORTS}


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
    print(f"exported {count if isinstance(count, str) else f'{count} items'} to {args.file}", file=sys.stderr)
    return 0
