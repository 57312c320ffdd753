"""Article filters: which articles a view reads, as SQL conditions over the indexed item tables.

`ArticleFilter(since="2022-09-01", place="Izium", side="UKR")` selects the articles that
were published on or after 1 September 2022, mention a place named Izium (in any case, or
any place stored under the same geonameid as a place named so, or one of `place_ids`) and
mention an actor of side UKR. Each condition is `articles.id IN (SELECT article_id FROM
<item table> WHERE <indexed column> ...)`, so both engines start from the item table's index
and no record JSON is scanned (tests/storage/test_query_plans.py reads the plans). Full text goes through the engine's own index (see
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
    place: a place name (case and accents ignored) or a geonameid as digits; a name also matches
      places stored under the geonameid of a place stored with that name (Izium finds Izyum).
    place_ids: geonameids that also count as `place` (the gazetteer's entries for that name).
    bbox: (min_lon, min_lat, max_lon, max_lat) containing one of the article's places.
    actor: words of one actor's name, each a whole word of it (case and accents ignored):
      "Zelensky" and "ministry of defence" match "Ukrainian Ministry of Defence"... and
      "Volodymyr Zelensky". side: ISO-3 side of an actor.
    status: a claim status. type: a PLOVER event type or an ACLED event or sub-event type.
    ids: only these article ids. canonical_only: leave out near-duplicates.
    """

    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    search: str | None = None
    place: str | None = None
    place_ids: tuple[int, ...] = ()
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


def name_words(name: str) -> list[str]:
    """The distinct words of a name's key, sorted (what `actor_words` holds per actor)."""
    return key_words(name_key(name))


def key_words(key: str) -> list[str]:
    return sorted(set(WORD.findall(key)))


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
    p, e = t.places, t.events
    if f.place:
        out.append(_place_condition(f.place, f.place_ids))
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        out.append(_having(p, p.c.lat.between(min_lat, max_lat), p.c.lon.between(min_lon, max_lon)))
    if f.actor:
        out.append(_actor_condition(f.actor))
    if f.side:
        out.append(_having(t.actors, t.actors.c.side == f.side.upper()))
    if f.status:
        out.append(_having(t.claims, t.claims.c.status == f.status))
    if f.type:
        out.append(_having(e, sa.or_(e.c.plover == f.type.upper(), e.c.acled_type == f.type,
                                     e.c.acled_subtype == f.type)))
    return out


def _place_condition(place: str, place_ids: tuple[int, ...]) -> sa.ColumnElement[bool]:
    """A geonameid given as digits; else the name's key, the geonameids stored under it, and `place_ids`
    (a UNION of three index lookups: an OR over them would make PostgreSQL filter every place row)."""
    p = t.places
    if place.isdigit():
        return _having(p, p.c.geonameid == int(place))
    key = name_key(place)
    named = sa.select(p.c.article_id).where(p.c.name_key == key)
    alias = p.alias("named")
    same_id = (sa.select(p.c.article_id).join(alias, alias.c.geonameid == p.c.geonameid)
               .where(alias.c.name_key == key))
    parts = [named, same_id]
    if place_ids:
        parts.append(sa.select(p.c.article_id).where(p.c.geonameid.in_(sorted(set(place_ids)))))
    return t.articles.c.id.in_(sa.union(*parts))


def _actor_condition(actor: str) -> sa.ColumnElement[bool]:
    """Articles with one actor whose name has every word of `actor` (through the `actor_words` index)."""
    words = name_words(actor)
    if not words:
        return sa.false()
    w = t.actor_words
    actors = (sa.select(w.c.article_id).where(w.c.word.in_(words)).group_by(w.c.article_id, w.c.item_id)
              .having(sa.func.count(sa.distinct(w.c.word)) == len(words)))
    return t.articles.c.id.in_(actors)


def _having(table: sa.Table, *where: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    """`articles.id IN (SELECT article_id FROM table WHERE ...)`: the item table's index drives the lookup."""
    return t.articles.c.id.in_(sa.select(table.c.article_id).where(*where))


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
