"""The `--format text` view of a record: what an analyst reads in a terminal."""

from __future__ import annotations

from sitrep.model import Claim, Record

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


def _quote(record: Record, span: object) -> str:
    start, end = getattr(span, "start", 0), getattr(span, "end", 0)
    return record.text[start:end]


def _claims(record: Record) -> str:
    if not record.claims:
        return ""
    actors = {a.id: a for a in record.actors}
    times = {t.id: t for t in record.times}
    lines = [f"CLAIMS ({len(record.claims)})"]
    for claim in record.claims:
        who = actors[claim.claimant].name if claim.claimant in actors else (claim.claimant_text or "unattributed")
        meta = [m for m in (claim.channel, times[claim.said_at].value if claim.said_at in times else None) if m]
        extra = f" via {', '.join(meta)}" if meta else ""
        lines.append(f"  [{claim.status}] {who}{extra}: “{_shorten(record.text[claim.start:claim.end])}”")
        lines.extend(_claim_notes(claim))
    return "\n".join(lines)


def _claim_notes(claim: Claim) -> list[str]:
    notes = []
    if claim.response == "none":
        notes.append("      (no response from the other side)")
    return notes


def _figures(record: Record) -> str:
    if not record.quantities:
        return ""
    signs = {"eq": "", "gt": "> ", "gte": "≥ ", "lt": "< ", "lte": "≤ ", "approx": "~ "}
    lines = [f"FIGURES ({len(record.quantities)})"]
    for q in record.quantities:
        value = f"{q.value:g}" + (f"–{q.value_max:g}" if q.value_max is not None else "")
        lines.append(f"  {signs.get(q.bound, '')}{value} {q.unit:<10} “{q.text}”")
    return "\n".join(lines)


def _places(record: Record) -> str:
    if not record.places:
        return ""
    lines = [f"PLACES ({len(record.places)})"]
    for p in record.places:
        where = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else "unresolved"
        ident = f"geonames {p.geonameid}" if p.geonameid else "no gazetteer id"
        spellings = sorted({m.text or record.text[m.start:m.end] for m in p.mentions} - {p.name})
        also = f" (as {', '.join(spellings)})" if spellings else ""
        lines.append(f"  {p.name}{also} — {p.kind}, {p.admin1 or ''} {p.country or ''} [{where}; {ident}]")
    return "\n".join(lines)


def _actors(record: Record) -> str:
    if not record.actors:
        return ""
    lines = [f"ACTORS ({len(record.actors)})"]
    for a in record.actors:
        about = ", ".join(x for x in (a.kind, a.role, a.side) if x)
        lines.append(f"  {a.name} ({about}) ×{len(a.mentions)}")
    return "\n".join(lines)


def _timeline(record: Record) -> str:
    dated = [t for t in record.times if t.type in ("DATE", "TIME")]
    if not dated:
        return ""
    lines = [f"TIMELINE ({len(dated)})"]
    for t in sorted(dated, key=lambda t: (t.value, t.start)):
        lines.append(f"  {t.value:<16} “{t.text}”")
    return "\n".join(lines)


def _events(record: Record) -> str:
    if not record.events:
        return ""
    places = {p.id: p.name for p in record.places}
    lines = [f"EVENTS ({len(record.events)})"]
    for e in record.events:
        acled = f" / {e.acled[1]}" if e.acled else ""
        where = ", ".join(places[p] for p in e.places if p in places)
        basis = " (claimed)" if e.claim else ""
        lines.append(f"  {e.plover or '-'}{acled}{' @ ' + where if where else ''}{basis}: “{_shorten(record.text[e.start:e.end])}”")
    return "\n".join(lines)


def _shorten(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
