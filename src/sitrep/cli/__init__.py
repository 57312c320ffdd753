"""The `sitrep` command line: one module per command group, each with register(subparsers)."""

from __future__ import annotations

import argparse
import sys

from sitrep import __version__
from sitrep.errors import SitrepError


def build_parser() -> argparse.ArgumentParser:
    from sitrep.cli import analysis, db, export, extract, gazetteer, ingest, serve

    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Turn conflict reporting into a sourced, verifiable record.",
        epilog="Example: sitrep extract article.txt --published 2022-09-11 --format text",
    )
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (extract, gazetteer, ingest, db, export, analysis, serve):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except SitrepError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return code
