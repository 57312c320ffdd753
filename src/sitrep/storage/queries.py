"""Article filters: which articles a view reads, as SQL conditions over the indexed item tables.

`ArticleFilter(since="2022-09-01", place="Izium", side="UKR")` selects the articles that
were published on or after 1 September 2022, mention a place named Izium (in any case) and
mention an actor of side UKR. Each condition is an `EXISTS` over one indexed item table, so
no record JSON is scanned. Full text goes through the engine's own index (see
`text_condition`). The views then pick the matching items from the records they get.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from unidecode import unidecode

from sitrep.errors import ConfigError
from sitrep.storage import schema as t


@dataclass(frozen=True)
class ArticleFilter:
    """Every field is optional; the conditions given must all hold.

    since/until: YYYY-MM-DD, inclusive, on the article's published date.
    outlet: the record's source, exactly. search: words that must all occur in title or text.
    place: a place name (case and accents ignored) or a geonameid as digits.
    bbox: (min_lon, min_lat, max_lon, max_lat) containing one of the article's places.
    actor: part of an actor's name (case ignored). side: ISO-3 side of an actor.
    status: a claim status. type: a PLOVER event type or an ACLED event or sub-event type.
    ids: only these article ids. canonical_only: leave out near-duplicates.
    """

    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    search: str | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    actor: str | None = None
    side: str | None = None
    status: str | None = None
    type: str | None = None
    ids: tuple[str, ...] | None = None
    canonical_only: bool = False


def name_key(name: str) -> str:
    """The form names are indexed and matched under: accents folded, lower case, single spaces."""
    return " ".join(unidecode(name).lower().split())


def conditions(f: ArticleFilter, dialect: str) -> list[sa.ColumnElement[bool]]:
    """The WHERE conditions on `articles` for one filter."""
    a = t.articles
    out: list[sa.ColumnElement[bool]] = []
    if f.since:
        out.append(a.c.published >= check_date(f.since))
    if f.until:
        out.append(a.c.published <= check_date(f.until))
    if f.outlet:
        out.append(a.c.outlet == f.outlet)
    if f.ids is not None:
        out.append(a.c.id.in_(f.ids))
    if f.canonical_only:
        out.append(a.c.canonical.is_(None))
    if f.search:
        out.append(text_condition(f.search, dialect))
    out.extend(item_conditions(f))
    return out


def item_conditions(f: ArticleFilter) -> list[sa.ColumnElement[bool]]:
    out = []
    if f.place:
        p = t.places
        key = p.c.geonameid == int(f.place) if f.place.isdigit() else p.c.name_key == name_key(f.place)
        out.append(_exists(p, key))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        p = t.places
        out.append(_exists(p, p.c.lat.between(min_lat, max_lat), p.c.lon.between(min_lon, max_lon)))
    if f.actor:
        out.append(_exists(t.actors, t.actors.c.name_key.contains(name_key(f.actor), autoescape=True)))
    if f.side:
        out.append(_exists(t.actors, t.actors.c.side == f.side.upper()))
    if f.status:
        out.append(_exists(t.claims, t.claims.c.status == f.status))
    if f.type:
        e = t.events
        out.append(_exists(e, sa.or_(e.c.plover == f.type.upper(), e.c.acled_type == f.type,
                                     e.c.acled_subtype == f.type)))
    return out


def _exists(table: sa.Table, *where: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    return sa.exists().where(table.c.article_id == t.articles.c.id, *where)


WORD = re.compile(r"\w+")


def text_condition(text: str, dialect: str) -> sa.ColumnElement[bool]:
    """All words of `text` in the title or text: FTS5 MATCH on SQLite, a tsquery on PostgreSQL.

    A search text with no words at all ("¶", "--") matches no article, like a word found nowhere.
    """
    words = WORD.findall(text)
    if not words:
        return sa.false()
    if dialect == "postgresql":
        query = sa.func.plainto_tsquery("simple", " ".join(words))
        return sa.literal_column("articles.search").bool_op("@@")(query)
    match = " ".join(f'"{w}"' for w in words)
    rowids = sa.text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :match").bindparams(match=match)
    return t.articles.c.seq.in_(rowids.columns(sa.column("rowid", sa.Integer)))


def check_date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ConfigError(f"a date must be YYYY-MM-DD, got {value!r}") from exc
