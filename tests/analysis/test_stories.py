"""The seed stories (shared/gold/stories/seed.json) pass on the analysis of the seed's record.

Runs the real pipeline over the seed article, the analysis over its record, and grades the
bundle with shared/tools/score.py's own story grader. Skips without ../shared (fails under CI).
"""

import importlib.util
import json

from sitrep.analysis import analyse, articles_from_records
from sitrep.config import Settings
from sitrep.extraction import extract
from sitrep.ingest import read_inputs
from sitrep.model import Document
from tests.conftest import shared_path


def _grader():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("shared_score", shared_path("tools", "score.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_stories_all_pass() -> None:
    seed = shared_path("seed", "nos-2022-09-11-kharkiv.txt")
    gold = json.loads(shared_path("gold", "stories", "seed.json").read_text(encoding="utf-8"))
    documents = [d for d in read_inputs([str(seed)]) if isinstance(d, Document)]
    records = [o.record for o in extract(documents, Settings()) if o.record is not None]
    bundle = analyse(articles_from_records(records)).to_json_dict()
    score = _grader()
    grader = score.Stories(bundle, score.corpus_texts(seed))
    rows = grader.run(gold)
    failed = [label for _, label, ok, _ in rows if not ok]
    assert not failed, failed
    assert grader.duplicates == 0
