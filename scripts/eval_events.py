"""Grade the EVENTS stage on a dev set, tune and check parts apart (tests/devsplit.py).

    .venv/bin/python scripts/eval_events.py case            # CASE-2021, ACLED scheme
    .venv/bin/python scripts/eval_events.py plover          # PLOVER GSR
    .venv/bin/python scripts/eval_events.py petrarch        # PETRARCH2 unit tests (PLOVER scheme)
    .venv/bin/python scripts/eval_events.py nonwar          # violent ACLED events on non-war news
    .venv/bin/python scripts/eval_events.py news            # hand-annotated news articles (tests/gold/news)
    .venv/bin/python scripts/eval_events.py case --part tune -v   # errors: look at the tune part only

The real pipeline runs on the set (shared/data/dev), the gold file is cut to the part asked for,
and shared/tools/score.py grades it. `--cache DIR` keeps the records and parses made before the
events stage, so a later run with the same DIR re-runs only the events stage and the stages after
it (for iterating on cue tables; delete DIR when earlier stages change). `--errors` lists the
tune part's wrong items; the check part is only measured. Reading ../shared at run time keeps the
publishers' text out of the project.
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SETS = {
    "case": ("events_case2021_dev.jsonl", "acled"),
    "plover": ("events_plover_gsr_dev.jsonl", "plover"),
    "petrarch": ("events_petrarch2_unittests.jsonl", "plover"),
    "nonwar": ("news_ukraine_dev.jsonl", "acled"),
    "news": ("news_ukraine_dev.jsonl", "seed"),
}
VIOLENT_ACLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def read_rows(name: str) -> list[dict[str, object]]:
    path = SHARED / "data" / "dev" / name
    if not path.exists():
        sys.exit(f"{path} not found: the dev sets live in ../shared")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def documents(rows: list[dict[str, object]]) -> list[object]:
    from sitrep.model import Document

    return [Document(id=str(r["id"]), text=str(r["text"]), title=r.get("title") or None,  # type: ignore[arg-type]
                     published=r.get("published") or None) for r in rows]  # type: ignore[arg-type]


def upstream(docs: list[object], cache: Path | None, key: str) -> list[tuple[object, object]]:
    """(record before events, parse) per document; from `cache` when it holds them."""
    from spacy.tokens import DocBin

    from sitrep.config import Settings
    from sitrep.extraction import make_pipeline
    from sitrep.nlp.parser import make_nlp, parse_texts
    from sitrep.pipeline import Pipeline

    settings = Settings()
    nlp = make_nlp(settings.spacy_model)
    file = cache / f"{key}.pkl" if cache else None
    if file is not None and file.exists():
        records, data = pickle.loads(file.read_bytes())
        return list(zip(records, DocBin().from_bytes(data).get_docs(nlp.vocab), strict=True))
    stages = make_pipeline(settings).stages
    before = Pipeline(stages[:[s.name for s in stages].index("events")])
    parses = list(parse_texts(nlp, (d.text for d in docs), batch_size=settings.batch_size))  # type: ignore[attr-defined]
    records = [before.run(d, p) for d, p in zip(docs, parses, strict=True)]  # type: ignore[arg-type]
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(pickle.dumps((records, DocBin(docs=parses).to_bytes())))
    return list(zip(records, parses, strict=True))


def run_events(pairs: list[tuple[object, object]]) -> list[dict[str, object]]:
    """The events stage and the stages after it (e.g. confidence) on each cached record."""
    from sitrep.config import Settings
    from sitrep.extraction import make_pipeline

    stages = make_pipeline(Settings()).stages
    tail = stages[[s.name for s in stages].index("events"):]
    out = []
    for record, parse in pairs:
        for stage in tail:
            record = stage.run(record, parse)  # type: ignore[arg-type]
        out.append(record.to_json_dict())  # type: ignore[attr-defined]
    return out


def grade(rows: list[dict[str, object]], records: list[dict[str, object]], scheme: str, verbose: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        gold, out = Path(tmp) / "gold.jsonl", Path(tmp) / "records.jsonl"
        gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        argv = [sys.executable, str(SHARED / "tools" / "score.py"), "events", str(gold), str(out), "--scheme", scheme]
        done = subprocess.run(argv + (["-v"] if verbose else []), capture_output=True, text=True, check=True)
    return done.stdout


def violent_events(records: list[dict[str, object]]) -> list[tuple[str, str, str]]:
    """(record id, ACLED sub-event type, event text) of every violent ACLED event."""
    out = []
    for record in records:
        text = str(record["text"])
        for event in record["events"]:  # type: ignore[attr-defined]
            if event["acled"] and event["acled"][0] in VIOLENT_ACLED:
                out.append((str(record["id"]), event["acled"][1], text[event["start"]:event["end"]]))
    return out


def label_of(record: dict[str, object], scheme: str) -> str:
    """The label the grader reads: the first event typed in the scheme (see record.md, Grading)."""
    aliases = {"FIGHT": "ASSAULT", "REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}
    for event in record.get("events") or []:  # type: ignore[attr-defined]
        if scheme == "plover" and event["plover"]:
            return aliases.get(event["plover"], event["plover"])
        if scheme == "acled" and event["acled"]:
            return str(event["acled"][-1])
    return "None"


def gold_of(row: dict[str, object], scheme: str) -> str:
    if scheme == "acled" and "acled_sub_event_type" in row:
        return str(row["acled_sub_event_type"] or "None")
    label = row["label"] if "label" in row else (row.get("labels") or ["None"])[0]  # type: ignore[index]
    return str(label or "None").replace("FIGHT", "ASSAULT").replace("REQUEST", "DEMAND").replace("ACCUSE", "DISAPPROVE")


def print_errors(rows: list[dict[str, object]], records: list[dict[str, object]], scheme: str) -> None:
    by_id = {str(r["id"]): r for r in records}
    for row in rows:
        gold, got = gold_of(row, scheme), label_of(by_id.get(str(row["id"]), {}), scheme)
        if gold != got:
            print(f"{row['id']}\tgold={gold}\tgot={got}\t{' '.join(str(row['text']).split())[:260]}")


def report_nonwar(rows: list[dict[str, object]], records: list[dict[str, object]], verbose: bool) -> int:
    """Violent ACLED events per part; with -v the tune part's events are listed."""
    from tests.devsplit import part_of

    found = violent_events(records)
    for part in ("tune", "check"):
        ids = {str(r["id"]) for r in rows if part_of(str(r["id"])) == part}
        mine = [f for f in found if f[0] in ids]
        for doc_id, sub, text in mine if verbose and part == "tune" else ():
            print(f"{doc_id}\t{sub}\t{' '.join(text.split())[:200]}")
        print(f"== nonwar {part}: {len(mine)} violent ACLED events on {len(ids)} non-war articles")
    print(f"nonwar: {len(found)} violent ACLED events on {len(rows)} non-war articles")
    return 0


def report_news(records: list[dict[str, object]], errors: bool) -> int:
    """Event recall and precision on the hand-annotated articles per part, as scripts/evaluate.py
    counts them, and the share right at confidence >= 0.8; with `errors`, the tune part's misses
    and false positives with their trigger words (never the check part's)."""
    import evaluate  # scripts/evaluate.py: the same grading as the accuracy report
    from tests.devsplit import part_of

    grader = evaluate.score_module()
    by_id = {str(r["id"]): r for r in records}
    for part in ("tune", "check"):
        found = right = checks = passed = high = high_right = 0
        for gold in evaluate.gold_files():
            record = by_id.get(gold["id"])
            if record is None or part_of(gold["id"]) != part:
                continue
            _, rows = evaluate.seed_grade(grader, record, gold)
            events = [r for r in rows if r[0] == "events"]
            checks, passed = checks + len(events), passed + sum(r[2] for r in events)
            labels = evaluate.news_labels(grader, record, gold).get("events", [])
            found, right = found + len(labels), right + sum(ok for _, ok in labels)
            top = [ok for x, ok in labels if (x.get("confidence") or 0) >= 0.8]
            high, high_right = high + len(top), high_right + sum(top)
            for _, label, ok, why in events if errors and part == "tune" else ():
                if not ok:
                    print(f"{gold['id']}  MISS  {label}  ({why})")
            for item, ok in labels if errors and part == "tune" else ():
                if not ok:
                    print(f"{gold['id']}  FALSE {item['plover']}  {_trigger(item)}  conf={item.get('confidence')}  "
                          f"{' '.join(str(record['text'])[item['start']:item['end']].split())[:160]}")
        print(f"== news {part}: events recall {passed}/{checks} {evaluate.pct(passed, checks):.1f}%  precision "
              f"{right}/{found} {evaluate.pct(right, found):.1f}%  right at >= 0.8 {high_right}/{high} "
              f"{evaluate.pct(high_right, high):.1f}%")
    return 0


def _trigger(item: dict[str, object]) -> str:
    trigger = item.get("trigger")
    return f"[{trigger.get('text')}]" if isinstance(trigger, dict) else "[]"


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT))
    from tests.devsplit import part_of

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=sorted(SETS))
    ap.add_argument("--part", choices=("tune", "check", "all"), default="all")
    ap.add_argument("--cache", type=Path, help="keep pre-events records and parses here")
    ap.add_argument("--errors", action="store_true", help="list the tune part's wrong items (never the check part's)")
    ap.add_argument("-v", "--verbose", action="store_true", help="the grader's per-item output")
    args = ap.parse_args(argv)
    name, scheme = SETS[args.set]
    rows = read_rows(name)
    if args.set == "nonwar":
        rows = [r for r in rows if r.get("ukraine_related") is False]
    if args.set == "news":
        sys.path.insert(0, str(ROOT / "scripts"))
        annotated = {p.stem for p in (ROOT / "tests" / "gold" / "news").glob("*.json")}
        rows = [r for r in rows if str(r["id"]) in annotated]
    records = run_events(upstream(documents(rows), args.cache, args.set))
    if args.set == "news":
        return report_news(records, args.errors)
    if args.set == "nonwar":
        return report_nonwar(rows, records, args.verbose)
    parts = ("tune", "check") if args.part == "all" else (args.part,)
    for part in parts:
        keep = [r for r in rows if part_of(str(r["id"])) == part]
        ids = {str(r["id"]) for r in keep}
        mine = [r for r in records if r["id"] in ids]
        out = grade(keep, mine, scheme, args.verbose and part == "tune")
        print(f"== {args.set} {part} ({len(keep)} items)\n{out.strip()}")
        if args.errors and part == "tune":
            print_errors(keep, mine, scheme)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
