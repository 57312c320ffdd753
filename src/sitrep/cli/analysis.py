"""`sitrep events|claims|figures|contradictions|timeline`: the cross-article views of the store.

Each command reads every stored article (`--db`, else $SITREP_DB, else sqlite:///sitrep.db),
runs `sitrep.analysis.analyse` over them, keeps the items that pass the FILTERS and prints
them as a table (default on a terminal), JSON ({"schema": "sitrep.analysis/1", "items": [...]})
or CSV. Filters apply to the merged items, never to the articles: an event reported by ten
outlets is merged from all ten even when `--since` keeps only its last report's date.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from sitrep.analysis import SCHEMA, Analyser, Filters, filter_items, find_timeline
from sitrep.analysis.exports import write_acled, write_analysis, write_geojson
from sitrep.analysis.filters import Lookup
from sitrep.analysis.model import Claim, Contradiction, Event, Out, Series, Timeline
from sitrep.cli.db import add_db_argument, open_db

if TYPE_CHECKING:
    from sitrep.storage import Store

VIEWS = {
    "events": ("merged events, one per real-world event", "sitrep events --place Kharkiv --since 2022-09-01"),
    "claims": ("the claim ledger: each claim with its reports and status", "sitrep claims --actor Zelensky"),
    "figures": ("figure series per measure, subject and claimant", "sitrep figures --type area_regained"),
    "contradictions": ("where sources disagree, with both sides", "sitrep contradictions --format json"),
    "timeline": ("control of places over time (PLACE in any spelling)", "sitrep timeline Izyum"),
}
HELP = """{what}.

Reads the store at --db (default $SITREP_DB, else sqlite:///sitrep.db); see shared/spec/analysis.md
for the JSON shapes. FILTERS narrow the merged items: --since/--until DATE, --place NAME (any
spelling), --actor NAME, --side ISO3, --status STATUS, --type PLOVER|ACLED (measure for figures,
kind for contradictions, change for timelines).

example:
  {example}
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    for name, (what, example) in VIEWS.items():
        p = sub.add_parser(name, help=what, description=HELP.format(what=what[0].upper() + what[1:], example=example),
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        if name == "timeline":
            p.add_argument("place_name", nargs="?", metavar="PLACE", help="a place in any spelling")
        if name == "events":
            p.add_argument("--explain", metavar="ID", help="show why the mentions of event ID were merged")
        add_filters(p)
        p.set_defaults(handler=run, view=name)


def add_filters(p: argparse.ArgumentParser) -> None:
    add_db_argument(p)
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--until", metavar="DATE")
    p.add_argument("--place", metavar="NAME")
    p.add_argument("--actor", metavar="NAME")
    p.add_argument("--side", metavar="ISO3")
    p.add_argument("--status")
    p.add_argument("--type", metavar="TYPE")
    p.add_argument("--format", choices=("table", "json", "csv"), help="default: table on a terminal, else json")


def load_analyser(args: argparse.Namespace) -> Analyser:
    with open_db(args) as store:
        return Analyser(store.iter_articles())


def open_lookup() -> Lookup | None:
    """The gazetteer for place spellings, when one is built (else names match by skeleton)."""
    from sitrep.config import Settings
    from sitrep.errors import SitrepError
    from sitrep.gazetteer import open_gazetteer

    try:
        return open_gazetteer(Settings())
    except SitrepError:
        return None


def run(args: argparse.Namespace) -> int:
    analyser = load_analyser(args)
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    if getattr(args, "explain", None):
        reasons = analyser.explain(args.explain)
        print_items(reasons, fmt, EXPLAIN_COLUMNS)
        return 0
    items = select(analyser, args)
    print_items(items, fmt, COLUMNS[args.view])
    return 0


def select(analyser: Analyser, args: argparse.Namespace) -> Sequence[Out]:
    bundle = analyser.result()
    filters = Filters(since=args.since, until=args.until, place=args.place, actor=args.actor, side=args.side,
                      status=args.status, type=args.type)
    lookup = open_lookup() if (args.place or getattr(args, "place_name", None)) else None
    view = {"events": bundle.events, "claims": bundle.claims, "figures": bundle.figures,
            "contradictions": bundle.contradictions, "timeline": bundle.timelines}[args.view]
    if args.view == "timeline" and args.place_name:
        view = tuple(find_timeline(view, args.place_name, lookup))  # type: ignore[arg-type]
    return filter_items(view, filters, lookup)  # type: ignore[type-var]


# ---------------------------------------------------------------- export targets
def export_analysis(store: Store, handle: TextIO) -> int:
    return write_analysis(Analyser(store.iter_articles()).result(), handle)


def export_acled(store: Store, handle: TextIO) -> int:
    lookup = open_lookup()
    country = getattr(lookup, "country", None)

    def country_name(iso2: str) -> str | None:
        entry = country(iso2) if country else None
        return entry.name if entry is not None else None
    return write_acled(Analyser(store.iter_articles()).result().events, handle, country_name)


def export_geojson(store: Store, handle: TextIO) -> int:
    return write_geojson(Analyser(store.iter_articles()).result().events, handle)


EXPORTS = {"analysis": export_analysis, "acled": export_acled, "geojson": export_geojson}


# ---------------------------------------------------------------- output
Column = tuple[str, Callable[[Any], object]]


def _party(p: Any) -> str:
    return f"{p.name} ({p.side})" if p is not None and p.side else (p.name if p is not None else "")


def _places(item: Any) -> str:
    return ", ".join(p.name for p in item.places[:3])


COLUMNS: dict[str, list[Column]] = {
    "events": [("id", lambda e: e.id), ("date", lambda e: e.date or ""), ("plover", lambda e: e.plover or ""),
               ("acled", lambda e: e.acled[1] if e.acled else ""), ("places", _places),
               ("actor", lambda e: _party(e.actor)), ("status", lambda e: e.status),
               ("fatalities", lambda e: e.fatalities.value if e.fatalities else ""),
               ("outlets", lambda e: e.outlets), ("articles", lambda e: e.articles),
               ("text", lambda e: e.reports[0].text[:80])],
    "claims": [("id", lambda c: c.id), ("said_at", lambda c: c.said_at or ""), ("claimant", lambda c: _party(c.claimant)),
               ("status", lambda c: c.status), ("outlets", lambda c: c.outlets), ("articles", lambda c: c.articles),
               ("content", lambda c: c.content[:90])],
    "figures": [("id", lambda s: s.id), ("measure", lambda s: s.measure), ("subject", lambda s: s.subject.label),
                ("claimant", lambda s: _party(s.claimant)),
                ("points", lambda s: " -> ".join(f"{p.said_at or '?'}: {_bound(p.bound)}{p.value:,.0f}"
                                                 for p in s.points))],
    "contradictions": [("id", lambda x: x.id), ("kind", lambda x: x.kind), ("about", lambda x: x.about.label),
                       ("sides", lambda x: " | ".join(f"{_party(s.claimant) or '?'}: {s.statement[:60]}"
                                                      for s in x.sides))],
    "timeline": [("place", lambda t: t.place.name),
                 ("entries", lambda t: "; ".join(f"{e.date or '?'} {e.change} {e.controller or '-'}"
                                                 f" ({_party(e.claimant) or 'unattributed'}, {e.status})"
                                                 for e in t.entries))],
}
EXPLAIN_COLUMNS: list[Column] = [
    ("a", lambda r: f"{r.a.article}:{r.a.item}"), ("b", lambda r: f"{r.b.article}:{r.b.item}"),
    ("score", lambda r: r.score), ("why", lambda r: "; ".join(r.why)),
]


def _bound(bound: str) -> str:
    return {"gt": ">", "gte": ">=", "lt": "<", "lte": "<=", "approx": "~"}.get(bound, "")


def print_items(items: Sequence[Out], fmt: str, columns: list[Column]) -> None:
    if fmt == "json":
        json.dump({"schema": SCHEMA, "items": [i.to_json_dict() for i in items]}, sys.stdout, ensure_ascii=False,
                  indent=1)
        print()
        return
    rows = [[str(get(i)) for _, get in columns] for i in items]
    header = [name for name, _ in columns]
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(rows)
        return
    print_table(header, rows)


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [min(60, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(header)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for r in rows:
        print("  ".join(c[:w].ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    print(f"({len(rows)} item{'s' if len(rows) != 1 else ''})")


_ = (Claim, Contradiction, Event, Series, Timeline)
