"""`sitrep gazetteer build|import|lookup`: the offline GeoNames gazetteer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitrep.config import Settings

HELP = """Manage the offline GeoNames gazetteer that the places stage resolves names with.

The file lives at $SITREP_GAZETTEER, else $SITREP_DATA_DIR/gazetteer.sqlite, else
~/.local/share/sitrep/gazetteer.sqlite.

examples:
  sitrep gazetteer build
  sitrep gazetteer import UA.zip
  sitrep gazetteer lookup Kharkov
"""

BUILD_HELP = """Build the gazetteer from data shipped in installed packages (no network):
GeoNames countries, regions, continents and every town of 500+ people, plus sitrep's
table of rivers, seas and areas. Takes about 20 seconds; the file is about 50 MB.

example:
  sitrep gazetteer build --path /tmp/gazetteer.sqlite
"""

IMPORT_HELP = """Add official GeoNames dump files to a built gazetteer, for all feature classes
(villages, rivers, mountains...): allCountries.zip, a country file such as UA.zip,
cities500.zip, their plain .txt, or alternateNamesV2.zip (extra names for known ids).

example:
  sitrep gazetteer import UA.zip alternateNamesV2.zip
"""

LOOKUP_HELP = """Print the gazetteer's candidates for a name, most populous first: GeoNames id,
name, feature class.code, admin1, country, lat/lon, population. Transliterations work
(Kharkov, Charkiv, Харків all find Kharkiv).

example:
  sitrep gazetteer lookup "Nova Kachovka"
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("gazetteer", help="build, import into and query the place gazetteer", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    gsub = p.add_subparsers(dest="gazetteer_command", required=True, metavar="SUBCOMMAND")
    raw = argparse.RawDescriptionHelpFormatter
    b = gsub.add_parser("build", help="build the gazetteer from packaged data", description=BUILD_HELP,
                        formatter_class=raw)
    b.add_argument("--path", type=Path, help="where to write it (default: the configured gazetteer path)")
    b.set_defaults(handler=run_build)
    i = gsub.add_parser("import", help="import GeoNames dump files", description=IMPORT_HELP, formatter_class=raw)
    i.add_argument("files", nargs="+", type=Path, metavar="FILE", help="GeoNames .zip or .txt dump")
    i.add_argument("--path", type=Path, help="gazetteer file (default: the configured gazetteer path)")
    i.set_defaults(handler=run_import)
    q = gsub.add_parser("lookup", help="print candidates for a name", description=LOOKUP_HELP, formatter_class=raw)
    q.add_argument("name", nargs="+", metavar="NAME", help="place name (several words are joined)")
    q.add_argument("--limit", type=int, default=10, help="at most this many candidates (default 10)")
    q.add_argument("--path", type=Path, help="gazetteer file (default: the configured gazetteer path)")
    q.set_defaults(handler=run_lookup)


def _path(args: argparse.Namespace) -> Path:
    return args.path or Settings().gazetteer_path


def run_build(args: argparse.Namespace) -> int:
    from sitrep.gazetteer.build import build_gazetteer

    path = _path(args)
    stats = build_gazetteer(path, progress=lambda msg: print(f"gazetteer: {msg}", file=sys.stderr))
    size = path.stat().st_size / 1e6
    print(f"built {path}: {stats.places} places in {stats.seconds:.0f} s, {size:.0f} MB")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sitrep.gazetteer.importer import import_dump

    path = _path(args)
    for dump in args.files:
        count = import_dump(path, dump)
        print(f"imported {count} rows from {dump} into {path}")
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    from sitrep.gazetteer import Gazetteer

    gaz = Gazetteer(_path(args))
    name = " ".join(args.name)
    hits = sorted(gaz.lookup(name), key=lambda h: (h.tier, -h.entry.population))[: args.limit]
    if not hits:
        print(f"no gazetteer entry for {name!r}", file=sys.stderr)
        return 1
    for h in hits:
        e = h.entry
        fuzzy = "  ~" if h.tier else ""
        print(f"{e.geonameid}\t{e.name}\t{e.fclass}.{e.fcode}\t{e.admin1 or '-'}\t{e.country or '-'}\t"
              f"{e.lat:.4f},{e.lon:.4f}\t{e.population}{fuzzy}")
    return 0
