"""`sitrep db upgrade`, `sitrep stats`, `sitrep articles`, `sitrep show`: looking around the store.

`add_db_argument` and `open_db` are shared by every command that reads or writes the store
(ingest, reprocess, export and the analysis views).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store (SQLAlchemy, MinHash) is imported when a command opens it, not by `sitrep extract`
    from sitrep.storage import ArticleSummary, Store, StoreStats

RAW = argparse.RawDescriptionHelpFormatter


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="store URL (default: $SITREP_DB, else sqlite:///sitrep.db), "
                        "e.g. postgresql+psycopg://postgres@127.0.0.1/sitrep")


def open_db(args: argparse.Namespace) -> Store:
    from sitrep.storage import open_store

    return open_store(args.db, notify=lambda line: print(f"sitrep: {line}", file=sys.stderr))


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    _register_db(sub)
    p = sub.add_parser("stats", help="counts of what the store holds", formatter_class=RAW,
                       description="Counts of articles, outlets, records, items per kind, failures and the date range.\n\n"
                                   "example:\n  sitrep stats --db sqlite:///archive.db")
    add_db_argument(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=run_stats)
    _register_articles(sub)
    _register_show(sub)


def _register_db(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("db", help="manage the store's schema", formatter_class=RAW,
                       description="Store schema management.\n\nexample:\n  sitrep db upgrade --db sqlite:///sitrep.db")
    db_sub = p.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    up = db_sub.add_parser("upgrade", help="bring the store to the current schema revision", formatter_class=RAW,
                           description="Create the store, or migrate it to this sitrep's schema revision.\n\n"
                                       "example:\n  sitrep db upgrade --db postgresql+psycopg://postgres@127.0.0.1/sitrep")
    add_db_argument(up)
    up.set_defaults(handler=run_upgrade)


def _register_articles(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("articles", help="list or search stored articles", formatter_class=RAW,
                       description="List stored articles (published order), or full-text search them; the filters "
                                   "select articles having\nsuch an item (each one an index lookup in the store)."
                                   "\n\nexamples:\n"
                                   "  sitrep articles --since 2022-09-01 --outlet Reuters\n"
                                   "  sitrep articles --search \"Izium counteroffensive\"\n"
                                   "  sitrep articles --place Izyum --side UKR --type Battles")
    add_db_argument(p)
    p.add_argument("--search", metavar="TEXT", help="words that must all occur (best match first)")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--outlet", metavar="NAME")
    p.add_argument("--place", metavar="NAME", help="a place in any spelling the gazetteer or the stored places "
                   "know (Izyum, Izium, Изюм), or a geonameid")
    p.add_argument("--actor", metavar="NAME", help="an actor with every word of NAME in its name (case ignored)")
    p.add_argument("--side", metavar="ISO3", help="an actor of this side (UKR, RUS, ...)")
    p.add_argument("--status", help="a claim of this status (asserted, denied, ...)")
    p.add_argument("--type", metavar="TYPE", help="an event of this PLOVER type or ACLED event or sub-event type")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--format", choices=("table", "json"), help="default: table on a terminal, else json")
    p.set_defaults(handler=run_articles)


def _register_show(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("show", help="print one stored record", formatter_class=RAW,
                       description="Print the stored record of one article.\n\nexample:\n"
                                   "  sitrep show hoot-581d78b94ba5 --format text")
    add_db_argument(p)
    p.add_argument("id", metavar="ID", help="article id")
    p.add_argument("--format", choices=("json", "jsonl", "text"), default="json")
    p.set_defaults(handler=run_show)


def run_upgrade(args: argparse.Namespace) -> int:
    from sitrep.storage import upgrade_store

    before, after = upgrade_store(args.db)
    if before == after:
        print(f"store is at schema revision {after}; nothing to do")
    else:
        print(f"store upgraded from revision {before or '(new store)'} to {after}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    with open_db(args) as store:
        stats = store.stats()
    if args.format == "json":
        print(json.dumps(stats.to_json_dict(), indent=2))
    else:
        print(render_stats(stats))
    return 0


def render_stats(stats: StoreStats) -> str:
    items = ", ".join(f"{kind} {n}" for kind, n in stats.items.items())
    lines = [
        f"articles        {stats.articles} ({stats.canonical_articles} canonical, "
        f"{stats.near_duplicates} near-duplicates, {stats.updated_articles} updated)",
        f"outlets         {stats.outlets}",
        f"records         {stats.records}",
        f"items           {items}",
        f"failures        {stats.failures}",
        f"published       {stats.first_published or '-'} .. {stats.last_published or '-'}",
    ]
    return "\n".join(lines)


def run_articles(args: argparse.Namespace) -> int:
    from sitrep.storage import ArticleFilter

    filters = ArticleFilter(since=args.since, until=args.until, outlet=args.outlet, place=args.place,
                            place_ids=gazetteer_ids(args.place), actor=args.actor, side=args.side,
                            status=args.status, type=args.type)
    with open_db(args) as store:
        found = (store.search_articles(args.search, filters, limit=args.limit) if args.search
                 else store.list_articles(filters, limit=args.limit))
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        print(json.dumps({"items": [_summary_json(a) for a in found]}, ensure_ascii=False, indent=2))
    else:
        for article in found:
            print(_summary_line(article))
    return 0


def gazetteer_ids(place: str | None) -> tuple[int, ...]:
    """The geonameids the gazetteer (when one is built) gives the name, exact spellings only."""
    if not place or place.isdigit():
        return ()
    from sitrep.cli.analysis import open_lookup

    lookup = open_lookup()
    if lookup is None:
        return ()
    try:
        hits = lookup.lookup(place, fuzzy=False)
    finally:
        conn = getattr(lookup, "conn", None)
        if conn is not None:
            conn.close()
    entries = (getattr(hit, "entry", None) for hit in hits)
    return tuple(sorted({int(entry.geonameid) for entry in entries if entry is not None}))


def _summary_json(article: ArticleSummary) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "url": article.url, "outlet": article.outlet,
            "published": article.published, "canonical": article.canonical, "version": article.version}


def _summary_line(article: ArticleSummary) -> str:
    title = (article.title or "")[:70]
    copy = f"  [near-duplicate of {article.canonical}]" if article.canonical else ""
    return f"{article.id:<24} {article.published or '-':<10} {(article.outlet or '-')[:18]:<18} {title}{copy}"


def run_show(args: argparse.Namespace) -> int:
    from sitrep.cli.extract import write_records
    from sitrep.errors import ConfigError

    with open_db(args) as store:
        article = store.get(args.id)
    if article is None:
        raise ConfigError(f"no article {args.id!r} in the store")
    if args.format == "json":
        print(json.dumps(article.record.to_json_dict(), ensure_ascii=False, indent=2))
    else:
        write_records([article.record], args.format)
    return 0
