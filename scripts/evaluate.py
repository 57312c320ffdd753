"""One accuracy report over every dev set, tune and check parts apart (tests/devsplit.py).

    .venv/bin/python scripts/evaluate.py                  # run the pipeline once, grade everything
    .venv/bin/python scripts/evaluate.py --reuse          # grade the records of the last run again
    .venv/bin/python scripts/evaluate.py --out DIR        # where the records go (default /tmp/sitrep-eval)
    .venv/bin/python scripts/evaluate.py --reuse --errors events   # tune-part misses and false positives

The pipeline runs once over CASE-2021, PLOVER GSR, TimeBank, GeoWebNews, the Ukraine news set
and the seed article. The records are saved twice under --out: `raw/<set>.jsonl` as they leave
the stage before `confidence` (what scripts/calibrate.py fits on) and `<set>.jsonl` with the
confidence stage applied (what is graded). Printed, for the tune and the check part:

- CASE-2021 ACLED macro F1, PLOVER GSR macro F1, TimeBank value F1, GeoWebNews acc@161 /
  recall / precision: shared/tools/score.py on the part's gold lines;
- the seed article (score.py seed);
- the hand-annotated news articles (tests/gold/news): checks passed, and recall and precision
  per section (precision for the sections a gold file marks exhaustive, as score.py counts
  it; places from the gold places plus allowed_extra_places, see `place_labels`);
- violent ACLED events on the news articles that are not about the war (`ukraine_related: false`);
- the reliability of the confidence values: per confidence bin, how many places, claims and
  events there are and what share of them is right (`item_labels`).

Only the tune part's errors may be looked at; the check part is only measured. The dev sets are
publishers' and annotators' copyright and are read from ../shared at run time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
DEV = SHARED / "data" / "dev"
GOLD_NEWS = ROOT / "tests" / "gold" / "news"
SEED = SHARED / "seed" / "nos-2022-09-11-kharkiv.txt"
PARTS = ("tune", "check")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_events import VIOLENT_ACLED, violent_events  # noqa: E402
from tests.devsplit import part_of  # noqa: E402


@dataclass(frozen=True)
class DevSet:
    key: str
    file: str
    published: str | None  # the gold line's field that holds the publication date


SETS = (
    DevSet("case", "events_case2021_dev.jsonl", None),
    DevSet("plover", "events_plover_gsr_dev.jsonl", None),
    DevSet("timebank", "timex_timebank.jsonl", "dct"),
    DevSet("geowebnews", "geoparse_geowebnews_dev.jsonl", None),
    DevSet("news", "news_ukraine_dev.jsonl", "published"),
)
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)

Json = dict[str, Any]


# ---------------------------------------------------------------- running
def read_jsonl(path: Path) -> list[Json]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, rows: Iterable[Json]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def documents() -> Iterator[tuple[str, Any]]:
    """(set key, Document) for every dev item and the seed article."""
    from sitrep.ingest import read_inputs
    from sitrep.model import Document

    for s in SETS:
        for row in read_jsonl(DEV / s.file):
            published = (row.get(s.published) or None) if s.published else None
            yield s.key, Document(id=str(row["id"]), text=row["text"], title=row.get("title"), published=published)
    for item in read_inputs([str(SEED)]):
        if isinstance(item, Document):
            yield "seed", item


def run_pipeline(out: Path) -> None:
    """Every document once through the stages before `confidence`; save raw and final records."""
    from sitrep.config import Settings
    from sitrep.extraction import Extractor
    from sitrep.pipeline import Pipeline

    settings = Settings()
    extractor = Extractor(settings)
    stages = extractor.pipeline.stages
    final = [s for s in stages if s.name == "confidence"]
    extractor.pipeline = Pipeline([s for s in stages if s.name != "confidence"])
    keyed = list(documents())
    raw: dict[str, list[Json]] = {}
    failed = 0
    for (key, _), outcome in zip(keyed, extractor(d for _, d in keyed), strict=True):
        if outcome.record is None:  # graded as a document with no record; counted and shown
            failed += 1
            print(f"extraction failed: {outcome.failure}", file=sys.stderr)
            continue
        raw.setdefault(key, []).append(outcome.record.to_json_dict())
    if failed:
        print(f"WARNING: {failed} document(s) failed; they count as missed", file=sys.stderr)
    for key, records in raw.items():
        write_jsonl(out / "raw" / f"{key}.jsonl", records)
    finish(out, final[0] if final else None)


def finish(out: Path, stage: Any) -> None:
    """The graded records: the raw ones with the confidence stage applied (it reads no parse)."""
    from sitrep.model import Record

    for path in sorted((out / "raw").glob("*.jsonl")):
        records = read_jsonl(path)
        if stage is not None:
            records = [stage.run(Record.model_validate(r), None).to_json_dict() for r in records]
        write_jsonl(out / path.name, records)


def confidence_stage() -> Any:
    from sitrep.config import Settings
    from sitrep.extraction import make_pipeline

    return next((s for s in make_pipeline(Settings()).stages if s.name == "confidence"), None)


# ---------------------------------------------------------------- grading with score.py
def score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sitrep_score", SHARED / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(args: list[str], gold: list[Json], records: list[Json]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        g, r = Path(tmp) / "gold.jsonl", Path(tmp) / "records.jsonl"
        write_jsonl(g, gold)
        write_jsonl(r, records)
        argv = [sys.executable, str(SHARED / "tools" / "score.py"), args[0], str(g), str(r), *args[1:]]
        return subprocess.run(argv, capture_output=True, text=True, check=True).stdout


def figure(pattern: str, text: str) -> float:
    match = re.search(pattern, text)
    return float(match.group(1)) if match else math.nan


def dev_figures(out: Path, part: str) -> dict[str, float]:
    """The headline figure of each dev set on one part."""
    figs: dict[str, float] = {}
    for s in SETS:
        if s.key == "news":
            continue
        gold = [r for r in read_jsonl(DEV / s.file) if part_of(str(r["id"])) == part]
        ids = {str(r["id"]) for r in gold}
        recs = [r for r in read_jsonl(out / f"{s.key}.jsonl") if r["id"] in ids]
        if s.key in ("case", "plover"):
            text = score(["events", "--scheme", "acled" if s.key == "case" else "plover"], gold, recs)
            figs[f"{s.key} macro F1"] = figure(r"events: macro F1 ([\d.]+)", text)
        elif s.key == "timebank":
            figs["timebank value F1"] = figure(r"timex: value F1 ([\d.]+)", score(["timex"], gold, recs))
        else:
            text = score(["geoparse"], gold, recs)
            figs["geowebnews acc@161"] = figure(r"geoparse: acc@161km ([\d.]+)%", text)
            figs["geowebnews recall"] = figure(r"recognition: recall ([\d.]+)%", text)
            figs["geowebnews precision"] = figure(r"precision ([\d.]+)%", text)
    return figs


# ---------------------------------------------------------------- hand-annotated articles
def gold_files() -> list[Json]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_NEWS.glob("*.json"))]


def seed_grade(grader: ModuleType, record: Json, gold: Json) -> tuple[Any, list[tuple[str, str, bool, str]]]:
    seed = grader.Seed(record, gold)
    return seed, seed.run()


def excused(grader: ModuleType, seed: Any, section: str) -> Any:
    """The allowed_extra test of score.py's Seed.precision, for one section."""
    allowed = []
    for entry in (seed.gold.get("allowed_extra") or {}).get(section, []):
        entry = entry if isinstance(entry, dict) else {"anchor": entry}
        where = seed.anchor(entry)
        if where:
            allowed.append((where, entry.get("plover")))

    def test(item: Json) -> bool:
        return any(grader.overlaps(grader.span(item), where) and
                   (types is None or grader.plover(item.get("plover")) in types) for where, types in allowed)
    return test


def place_labels(grader: ModuleType, seed: Any) -> list[tuple[Json, bool]]:
    """(place, right?) for the record's places against the gold places of the article.

    Right: named like a gold place and within its tolerance. Wrong: named like a gold place
    but farther, or named like none of them and not in allowed_extra_places (the check "no
    spurious places" of score.py counts it the same way). Places without a point, and the
    allowed extras, are left out."""
    out = []
    for p in seed.rec.get("places") or []:
        if p.get("lat") is None:
            continue
        named = [g for g in seed.gold["places"] if seed.names_match(p, g["names"])]
        if named:
            out.append((p, any(grader.km(p["lat"], p["lon"], g["lat"], g["lon"]) <= g["km"] for g in named)))
        elif not seed.names_match(p, seed.gold.get("allowed_extra_places") or []):
            out.append((p, False))
    return out


def news_labels(grader: ModuleType, record: Json, gold: Json) -> dict[str, list[tuple[Json, bool]]]:
    """Per section, (record item, right?) for the items score.py can judge on this article."""
    seed, _ = seed_grade(grader, record, gold)
    out: dict[str, list[tuple[Json, bool]]] = {"places": place_labels(grader, seed)}
    for section in gold.get("exhaustive") or []:
        if section == "places":
            continue
        ok = excused(grader, seed, section)
        out[section] = [(x, id(x) in seed.used) for x in record.get(section) or []
                        if id(x) in seed.used or not ok(x)]
    return out


def news_report(grader: ModuleType, records: dict[str, Json], part: str) -> tuple[list[str], dict[str, float]]:
    """Lines for the hand-annotated articles of one part, and their summed figures."""
    lines, figs = [], {}
    checks: Counter[tuple[str, bool]] = Counter()
    prec: Counter[tuple[str, bool]] = Counter()
    for gold in gold_files():
        if part_of(gold["id"]) != part or gold["id"] not in records:
            continue
        record = records[gold["id"]]
        _, rows = seed_grade(grader, record, gold)
        passed = sum(r[2] for r in rows)
        lines.append(f"  {gold['id']}: {passed}/{len(rows)} checks ({pct(passed, len(rows)):.1f}%)")
        for section, _, ok, _ in rows:
            checks[section, ok] += 1
        for section, items in news_labels(grader, record, gold).items():
            for _, ok in items:
                prec[section, ok] += 1
    total = sum(checks.values())
    figs["news checks %"] = pct(sum(n for (_, ok), n in checks.items() if ok), total)
    lines.append(f"  all: {sum(n for (_, ok), n in checks.items() if ok)}/{total} checks ({figs['news checks %']:.1f}%)")
    for section in ("places", "claims", "events"):
        got, n = checks[section, True], checks[section, True] + checks[section, False]
        good, m = prec[section, True], prec[section, True] + prec[section, False]
        figs[f"news {section} recall"], figs[f"news {section} precision"] = pct(got, n), pct(good, m)
        lines.append(f"  {section:7} recall {got:3}/{n:<3} {pct(got, n):5.1f}%   precision {good:3}/{m:<3} {pct(good, m):5.1f}%")
    return lines, figs


def seed_report(grader: ModuleType, out: Path) -> tuple[str, float]:
    gold = json.loads((SHARED / "gold" / "seed.json").read_text(encoding="utf-8"))
    record = read_jsonl(out / "seed.jsonl")[0]
    _, rows = seed_grade(grader, record, gold)
    passed = sum(r[2] for r in rows)
    return f"seed: {passed}/{len(rows)} checks", pct(passed, len(rows))


# ---------------------------------------------------------------- confidence reliability
def geoweb_labels(grader: ModuleType, records: dict[str, Json], part: str) -> list[tuple[Json, Json, bool]]:
    """(record, place, right?) on GeoWebNews: a place whose mentions overlap gold toponyms is right
    when it lies within 161 km of most of them; one that overlaps none is a false positive; one
    that overlaps only toponyms gold could not locate is left out."""
    out = []
    for doc in read_jsonl(DEV / "geoparse_geowebnews_dev.jsonl"):
        rec = records.get(str(doc["id"]))
        if rec is None or part_of(str(doc["id"])) != part:
            continue
        located = [t for t in doc["toponyms"] if t.get("lat") is not None]
        unknown = [grader.span(t) for t in doc["toponyms"] if t.get("lat") is None]
        for p in rec.get("places") or []:
            spans = [grader.span(m) for m in p.get("mentions") or []]
            hit = [t for t in located if any(grader.overlaps(s, grader.span(t)) for s in spans)]
            if not hit:
                if not any(grader.overlaps(s, u) for s in spans for u in unknown):
                    out.append((rec, p, False))
                continue
            if p.get("lat") is None:
                out.append((rec, p, False))
                continue
            near = sum(grader.km(p["lat"], p["lon"], t["lat"], t["lon"]) <= 161 for t in hit)
            out.append((rec, p, 2 * near >= len(hit)))
    return out


def nonwar_labels(records: Iterable[Json], part: str) -> list[tuple[Json, Json, bool]]:
    """Violent ACLED events on articles not about the war are wrong (the only events judged there)."""
    rows = {str(r["id"]): r for r in read_jsonl(DEV / "news_ukraine_dev.jsonl")}
    return [(rec, e, False) for rec in records if rows.get(rec["id"], {}).get("ukraine_related") is False
            and part_of(rec["id"]) == part for e in rec.get("events") or []
            if e.get("acled") and e["acled"][0] in VIOLENT_ACLED]


def snippet_labels(grader: ModuleType, folder: Path, part: str) -> list[tuple[Json, Json, bool]]:
    """CASE-2021 and PLOVER GSR one-sentence snippets: the event score.py grades (the first with a
    label in the set's scheme) is right when its label is the gold one; the others are not judged."""
    out = []
    for key, scheme in (("case", "acled"), ("plover", "plover")):
        recs = {r["id"]: r for r in read_jsonl(folder / f"{key}.jsonl")}
        for doc in read_jsonl(DEV / next(s.file for s in SETS if s.key == key)):
            rec = recs.get(str(doc["id"]))
            if rec is None or part_of(str(doc["id"])) != part or (doc.get("labels") == [] and doc.get("no_events") is False):
                continue
            graded = next((e for e in rec.get("events") or [] if (e.get("acled") if scheme == "acled" else e.get("plover"))), None)
            if graded is not None:
                got = graded["acled"][-1] if scheme == "acled" else grader.plover(graded["plover"])
                out.append((rec, graded, got == grader.gold_label(doc, scheme)))
    return out


def item_labels(grader: ModuleType, out: Path, part: str, *, raw: bool = False,
                snippets: bool = False) -> dict[str, list[tuple[Json, Json, bool]]]:
    """Per section, every judged (record, item, right?) of one part: the hand-annotated news
    articles (events, claims, places), GeoWebNews (places) and the non-war news (violent events);
    with `snippets`, also the graded events of the CASE-2021 and PLOVER snippets."""
    folder = out / "raw" if raw else out
    news = {r["id"]: r for r in read_jsonl(folder / "news.jsonl")}
    labels: dict[str, list[tuple[Json, Json, bool]]] = {"places": [], "claims": [], "events": []}
    for gold in gold_files():
        if part_of(gold["id"]) == part and gold["id"] in news:
            rec = news[gold["id"]]
            for section, items in news_labels(grader, rec, gold).items():
                labels[section] += [(rec, x, ok) for x, ok in items]
    geo = {r["id"]: r for r in read_jsonl(folder / "geowebnews.jsonl")}
    labels["places"] += geoweb_labels(grader, geo, part)
    labels["events"] += nonwar_labels(news.values(), part)
    if snippets:
        labels["events"] += snippet_labels(grader, folder, part)
    return labels


def reliability(items: list[tuple[Json, Json, bool]]) -> list[str]:
    lines = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [ok for _, x, ok in items if x.get("confidence") is not None and lo <= x["confidence"] < hi]
        if inside:
            lines.append(f"    [{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}  n {len(inside):4}  "
                         f"right {pct(sum(inside), len(inside)):5.1f}%")
    high = [ok for _, x, ok in items if (x.get("confidence") or 0) >= 0.8]
    lines.append(f"    >= 0.8       n {len(high):4}  right {pct(sum(high), len(high)):5.1f}%")
    return lines


def pct(n: float, d: float) -> float:
    return 100.0 * n / d if d else 0.0


# ---------------------------------------------------------------- report
def report(out: Path) -> dict[str, dict[str, float]]:
    grader = score_module()
    news = {r["id"]: r for r in read_jsonl(out / "news.jsonl")}
    seed_line, seed_pct = seed_report(grader, out)
    print(seed_line)
    figures: dict[str, dict[str, float]] = {}
    for part in PARTS:
        figs = dev_figures(out, part)
        lines, news_figs = news_report(grader, news, part)
        figs.update(news_figs)
        found = [v for v in violent_events(list(news.values()))
                 if part_of(v[0]) == part and not ukraine_related(v[0])]
        figs["nonwar violent ACLED events"] = len(found)
        print(f"\n== {part}")
        for name, value in figs.items():
            if not name.startswith("news "):
                print(f"  {name:28} {value:6.1f}")
        print("  hand-annotated news articles:")
        print("\n".join(lines))
        labels = item_labels(grader, out, part)
        for section in ("places", "claims", "events"):
            print(f"  reliability, {section}:")
            print("\n".join(reliability(labels[section])))
            high = [ok for _, x, ok in labels[section] if (x.get("confidence") or 0) >= 0.8]
            figs[f"{section} right at confidence >= 0.8"] = pct(sum(high), len(high))
        figures[part] = figs
    figures["seed"] = {"seed checks %": seed_pct}
    return figures


def ukraine_related(doc_id: str, _cache: dict[str, bool] = {}) -> bool:  # noqa: B006 - a module-level memo
    if not _cache:
        _cache.update({str(r["id"]): r.get("ukraine_related") is not False
                       for r in read_jsonl(DEV / "news_ukraine_dev.jsonl")})
    return _cache.get(doc_id, True)


def tune_errors(out: Path, section: str) -> None:
    """The tune part's misses and false positives of one section on the hand-annotated articles
    (never the check part's: those are measured, not looked at)."""
    grader = score_module()
    news = {r["id"]: r for r in read_jsonl(out / "news.jsonl")}
    for gold in gold_files():
        rec = news.get(gold["id"])
        if rec is None or part_of(gold["id"]) != "tune":
            continue
        _, rows = seed_grade(grader, rec, gold)
        text = rec["text"]
        for sec, label, ok, why in rows:
            if sec == section and not ok:
                print(f"{gold['id']}  MISS  {label}  ({why})")
        for item, ok in news_labels(grader, rec, gold).get(section, []):
            if not ok:
                where = " ".join(text[item.get("start", 0):item.get("end", 0)].split())[:140] if "start" in item \
                    else item.get("name")
                names = {a["id"]: a["name"] for a in rec.get("actors") or []}
                kind = item.get("plover") or names.get(item.get("claimant"), item.get("country")) or ""
                print(f"{gold['id']}  FALSE {kind}  conf={item.get('confidence')}  {where}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("/tmp/sitrep-eval"), help="where the records go")
    ap.add_argument("--reuse", action="store_true", help="grade the records already in --out (the confidence "
                    "stage is applied again, so a new calibration shows without a new run)")
    ap.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    ap.add_argument("--errors", choices=("places", "claims", "events"),
                    help="after the report, list the tune part's misses and false positives of a section")
    args = ap.parse_args(argv)
    if not DEV.exists():
        raise SystemExit(f"{DEV} not found: the dev sets live in ../shared")
    if args.reuse:
        finish(args.out, confidence_stage())
    else:
        run_pipeline(args.out)
    figures = report(args.out)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.errors:
        print(f"\n== tune-part errors, {args.errors}")
        tune_errors(args.out, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
