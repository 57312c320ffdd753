"""The `--format text` view of a record: what an analyst reads in a terminal."""

from __future__ import annotations

from sitrep.model import Record, Span

RULE = "─" * 72


def render_text(record: Record) -> str:
    """Title, date, claims with claimant and status, figures, places, and the article's timeline."""
    parts = [_header(record), _claims(record), _figures(record), _places(record), _actors(record),
             _timeline(record), _events(record)]
    return "\n".join(p for p in parts if p) + "\n"


def _header(record: Record) -> str:
    lines = [RULE, f"{record.title or record.id}", f"id: {record.id}"]
    if record.published:
        how = " (inferred from: “" + _quote(record, record.published.evidence) + "”)" if record.published.inferred else ""
        lines.append(f"published: {record.published.value}{how}")
    else:
        lines.append("published: unknown")
    if record.source or record.url:
        lines.append(f"source: {' '.join(x for x in (record.source, record.url) if x)}")
    return "\n".join(lines + [RULE])


def _quote(record: Record, span: Span | None) -> str:
    return record.text[span.start:span.end] if span else ""


def _section(title: str, count: int, rows: list[str]) -> str:
    """A titled block with its item count, or nothing for an empty section."""
    return "\n".join([f"{title} ({count})", *rows]) if count else ""


def _claims(record: Record) -> str:
    actors = {a.id: a for a in record.actors}
    times = {t.id: t for t in record.times}
    rows = []
    for claim in record.claims:
        who = actors[claim.claimant].name if claim.claimant in actors else (claim.claimant_text or "unattributed")
        meta = [m for m in (claim.channel, times[claim.said_at].value if claim.said_at in times else None) if m]
        extra = f" via {', '.join(meta)}" if meta else ""
        rows.append(f"  [{claim.status}] {who}{extra}: “{_shorten(record.text[claim.start:claim.end])}”")
        if claim.response == "none":
            rows.append("      (no response from the other side)")
    return _section("CLAIMS", len(record.claims), rows)


SIGNS = {"eq": "", "gt": "> ", "gte": "≥ ", "lt": "< ", "lte": "≤ ", "approx": "~ "}


def _figures(record: Record) -> str:
    rows = []
    for q in record.quantities:
        value = f"{q.value:g}" + (f"–{q.value_max:g}" if q.value_max is not None else "")
        rows.append(f"  {SIGNS.get(q.bound, '')}{value} {q.unit:<10} “{q.text}”")
    return _section("FIGURES", len(record.quantities), rows)


def _places(record: Record) -> str:
    rows = []
    for p in record.places:
        where = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else "unresolved"
        ident = f"geonames {p.geonameid}" if p.geonameid else "no gazetteer id"
        spellings = sorted({m.text or record.text[m.start:m.end] for m in p.mentions} - {p.name})
        also = f" (as {', '.join(spellings)})" if spellings else ""
        rows.append(f"  {p.name}{also} — {p.kind}, {p.admin1 or ''} {p.country or ''} [{where}; {ident}]")
    return _section("PLACES", len(record.places), rows)


def _actors(record: Record) -> str:
    rows = [f"  {a.name} ({', '.join(x for x in (a.kind, a.role, a.side) if x)}) ×{len(a.mentions)}"
            for a in record.actors]
    return _section("ACTORS", len(record.actors), rows)


def _timeline(record: Record) -> str:
    dated = sorted((t for t in record.times if t.type in ("DATE", "TIME")), key=lambda t: (t.value, t.start))
    return _section("TIMELINE", len(dated), [f"  {t.value:<16} “{t.text}”" for t in dated])


def _events(record: Record) -> str:
    places = {p.id: p.name for p in record.places}
    rows = []
    for e in record.events:
        acled = f" / {e.acled[1]}" if e.acled else ""
        where = ", ".join(places[p] for p in e.places if p in places)
        basis = " (claimed)" if e.claim else ""
        rows.append(f"  {e.plover or '-'}{acled}{' @ ' + where if where else ''}{basis}: "
                    f"“{_shorten(record.text[e.start:e.end])}”")
    return _section("EVENTS", len(record.events), rows)


def _shorten(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
