"""Record <-> rows: what one sitrep.record/1 becomes in the store's tables.

The record JSON is kept whole (`records.record`); its items are copied into the item tables
with the fields the filters need, dates resolved to calendar days: a time `2022-09` becomes
the range 2022-09-01..2022-09-30, an event's date is the start of its time expression.
`content_hash` is what makes ingest idempotent: SHA-256 over the title and the text, so the
same article read from a file, a feed or an exported record hashes the same.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from sitrep.model import Record, TimeExpr
from sitrep.storage import schema as t
from sitrep.storage.queries import key_words, name_key

Row = dict[str, Any]


class RawJson(str):
    """JSON text already serialised (by pydantic, in Rust): the engine's serializer passes it through."""


def dump_json(value: object) -> str:
    """The engines' `json_serializer`: RawJson as it is, anything else through json.dumps."""
    return value if isinstance(value, RawJson) else json.dumps(value, ensure_ascii=False)


def content_hash(title: str | None, text: str) -> str:
    return hashlib.sha256(json.dumps([title, text], ensure_ascii=False).encode()).hexdigest()


def record_hash(record: Record) -> str:
    return content_hash(record.title, record.text)


def published_date(record: Record) -> str | None:
    """YYYY-MM-DD of the record's publication date (given or inferred), or None."""
    if record.published is None:
        return None
    return record.published.value[:10] if re.match(r"\d{4}-\d\d-\d\d", record.published.value) else None


def stages_key(stages: dict[str, str]) -> str:
    """The stage versions as one comparable string: `actors=1.2;claims=1.3;...`."""
    return ";".join(f"{name}={version}" for name, version in sorted(stages.items()))


def article_row(record: Record, *, version: int, canonical: str | None, signature: bytes | None,
                now: datetime) -> Row:
    return {"id": record.id, "title": record.title, "url": record.url, "outlet": record.source,
            "published": published_date(record), "text": record.text, "content_hash": record_hash(record),
            "version": version, "canonical": canonical, "signature": signature,
            "first_ingested": now, "last_ingested": now}


def record_row(record: Record, now: datetime) -> Row:
    return {"article_id": record.id, "schema": record.schema_, "record": RawJson(record.model_dump_json(by_alias=True)),
            "stages": dict(record.stages), "stages_key": stages_key(record.stages), "extracted": now}


def duplicate_item_id(record: Record) -> str | None:
    """An item id used twice within one kind (the item tables could not hold the record), or None."""
    for items in (record.places, record.actors, record.times, record.quantities, record.claims, record.events):
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                return item.id
            seen.add(item.id)
    return None


def item_rows(record: Record) -> dict[sa.Table, list[Row]]:
    """Rows for every item table (some lists may be empty)."""
    days = {time.id: timex_range(time) for time in record.times}
    actor_keys = {x.id: name_key(x.name) for x in record.actors}  # unidecode once per actor
    a = record.id
    return {
        t.places: [{"article_id": a, "item_id": p.id, "name": p.name, "name_key": name_key(p.name),
                    "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "kind": p.kind,
                    "country": p.country, "admin1": p.admin1} for p in record.places],
        t.actors: [{"article_id": a, "item_id": x.id, "name": x.name, "name_key": actor_keys[x.id],
                    "kind": x.kind, "role": x.role, "side": x.side} for x in record.actors],
        t.actor_words: [{"article_id": a, "item_id": item, "word": word} for item, key in actor_keys.items()
                        for word in key_words(key)],
        t.times: [{"article_id": a, "item_id": x.id, "type": x.type, "value": x.value, "mod": x.mod,
                   "start_date": days[x.id][0], "end_date": days[x.id][1]} for x in record.times],
        t.quantities: [{"article_id": a, "item_id": q.id, "unit": q.unit, "value": q.value,
                        "value_max": q.value_max, "bound": q.bound} for q in record.quantities],
        t.claims: [{"article_id": a, "item_id": c.id, "claimant": c.claimant,
                    "claimant_name": _actor_name(record, c.claimant) or c.claimant_text, "status": c.status,
                    "said_date": days.get(c.said_at or "", (None, None))[0], "channel": c.channel}
                   for c in record.claims],
        t.events: [{"article_id": a, "item_id": e.id, "plover": e.plover,
                    "acled_type": e.acled[0] if e.acled else None, "acled_subtype": e.acled[1] if e.acled else None,
                    "actor": e.actor, "target": e.target, "event_date": days.get(e.when or "", (None, None))[0],
                    "claim": e.claim} for e in record.events],
        t.item_places: _item_places(record),
    }


def _actor_name(record: Record, actor_id: str | None) -> str | None:
    return next((x.name for x in record.actors if x.id == actor_id), None) if actor_id else None


def _item_places(record: Record) -> list[Row]:
    links = {(e.id, p) for e in record.events for p in e.places} | {(c.id, p) for c in record.claims for p in c.places}
    return [{"article_id": record.id, "item_id": item, "place_id": place} for item, place in sorted(links)]


def timex_range(time: TimeExpr) -> tuple[str | None, str | None]:
    """The calendar days a DATE/TIME value covers, (None, None) when it is not a calendar date."""
    if time.type not in ("DATE", "TIME"):
        return None, None
    value = time.value
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", value):
            day = date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1).isoformat(), date(year, month, calendar.monthrange(year, month)[1]).isoformat()
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            year, quarter = int(m[1]), int(m[2])
            last = quarter * 3
            return (date(year, last - 2, 1).isoformat(),
                    date(year, last, calendar.monthrange(year, last)[1]).isoformat())
        if m := re.fullmatch(r"(\d{4})", value):
            return f"{m[1]}-01-01", f"{m[1]}-12-31"
    except ValueError:
        return None, None
    return None, None
