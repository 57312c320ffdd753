"""GeoWebNews geoparsing on the fixed tune and check parts (tests/devsplit.py), and the ACLED-style notes.

    .venv/bin/python scripts/eval_places.py            # both parts, graded by shared/tools/score.py geoparse
    .venv/bin/python scripts/eval_places.py --errors   # also list the tune part's misses and far-off readings
    .venv/bin/python scripts/eval_places.py --notes    # only the hand-written notes (tests/stages/places_notes.tsv)

Only the places stage runs (the parse plus places: the other stages do not change places).
Only the tune part's errors are ever printed: the check part is measured, not looked at.
Needs ../shared for GeoWebNews (publishers' copyright, read from there at run time); the notes are ours.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "data" / "dev" / "geoparse_geowebnews_dev.jsonl"
NOTES = ROOT / "tests" / "stages" / "places_notes.tsv"
sys.path.insert(0, str(ROOT))

from tests.devsplit import part_of  # noqa: E402


def extract_places(texts: dict[str, str]) -> dict[str, dict]:
    """Record JSON (id, text, places) per id, from the parse and the places stage only."""
    from sitrep.config import Settings
    from sitrep.model import Document
    from sitrep.nlp.parser import make_nlp, parse_texts
    from sitrep.pipeline import start_record
    from sitrep.stages.places import make_places_stage

    settings = Settings()
    nlp = make_nlp(settings.spacy_model)
    stage = make_places_stage(settings)
    ids = list(texts)
    out = {}
    for doc_id, parse in zip(ids, parse_texts(nlp, (texts[i] for i in ids)), strict=True):
        record = stage.run(start_record(Document(id=doc_id, text=texts[doc_id])), parse)
        out[doc_id] = record.to_json_dict()
    return out


def grade(rows: list[dict], records: dict[str, dict], tmp: Path, part: str) -> str:
    gold, recs = tmp / f"gold-{part}.jsonl", tmp / f"records-{part}.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    recs.write_text("".join(json.dumps(records[str(r["id"])]) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "geoparse", str(gold), str(recs)],
                          capture_output=True, text=True, check=True)
    return done.stdout


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def errors(rows: list[dict], records: dict[str, dict]) -> list[str]:
    """Tune-part gold toponyms missed or placed > 161 km off, and predicted mentions no gold toponym covers."""
    lines = []
    for row in rows:
        spans = [(p, m) for p in records[str(row["id"])]["places"] for m in p["mentions"]]
        for t in row["toponyms"]:
            if t.get("lat") is None:
                continue
            hits = [p for p, m in spans if m["start"] < t["end"] and t["start"] < m["end"]]
            if not hits:
                lines.append(f"{row['id']} MISS {t['name']!r} ({t.get('normalised_name')})")
            elif (d := km(t["lat"], t["lon"], hits[0]["lat"], hits[0]["lon"])) > 161:
                lines.append(f"{row['id']} FAR {t['name']!r} -> {hits[0]['name']}, {hits[0]['country']} "
                             f"{hits[0]['admin1']} ({d:.0f} km; want {t.get('normalised_name')})")
        for p, m in spans:
            if not any(m["start"] < t["end"] and t["start"] < m["end"] for t in row["toponyms"]):
                lines.append(f"{row['id']} EXTRA {m['text']!r} -> {p['name']}, {p['country']} {p['admin1']}")
    return lines


def notes_share() -> tuple[int, int, list[str]]:
    """Hand-written ACLED-style notes: how many put the named town in the oblast the note names."""
    rows = [line.split("\t") for line in NOTES.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    records = extract_places({f"note-{k}": r[0] for k, r in enumerate(rows)})
    good, wrong = 0, []
    for k, (text, town, admin1) in enumerate(rows):
        places = records[f"note-{k}"]["places"]
        got = [p for p in places if any(m["text"] == town for m in p["mentions"])]
        if got and got[0]["admin1"] == admin1 and got[0]["kind"] == "city":
            good += 1
        else:
            wrong.append(f"{text!r}: {town} -> " + (f"{got[0]['name']}, {got[0]['admin1']}" if got else "-"))
    return good, len(rows), wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list the tune part's errors")
    parser.add_argument("--notes", action="store_true", help="only the hand-written ACLED-style notes")
    args = parser.parse_args()
    if not args.notes:
        if not GOLD.exists():
            raise SystemExit(f"{GOLD} is missing (needs ../shared)")
        rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
        records = extract_places({str(r["id"]): r["text"] for r in rows})
        parts = {p: [r for r in rows if part_of(str(r["id"])) == p] for p in ("tune", "check")}
        with tempfile.TemporaryDirectory() as tmp:
            for part, subset in parts.items():
                print(f"== {part} ({len(subset)} documents)\n{grade(subset, records, Path(tmp), part)}")
        if args.errors:
            print("\n".join(errors(parts["tune"], records)))
    good, total, wrong = notes_share()
    print(f"== ACLED-style notes: {good}/{total} towns in the named oblast")
    print("\n".join(wrong))


if __name__ == "__main__":
    main()
