"""Speed changes never change output: the pipeline with and without them gives byte-identical records.

The speed changes that can be switched off are switched off here (the per-text caches of the
confidence stage's document-level densities are replaced by the plain functions), and the
default path (`extract`, batched, streaming) is compared with the plain pipeline over parsed
documents, on the seed article and on a long document made of the bundled examples.
"""

from __future__ import annotations

import json
from itertools import islice

import pytest

from sitrep.config import Settings
from sitrep.extraction import extract, make_pipeline
from sitrep.model import Document
from sitrep.nlp.parser import parse_texts
from tests.conftest import EXAMPLE_SEED, ROOT

pytestmark = pytest.mark.slow


def documents() -> list[Document]:
    from sitrep.ingest import read_inputs

    items = read_inputs([str(ROOT / "examples" / "whitehouse-2022-2023.jsonl"), str(EXAMPLE_SEED)])
    docs = [d for d in islice(items, 40) if isinstance(d, Document)]
    long_text = "\n\n".join(d.text for d in docs[:12])
    return [*docs[-1:], *docs[:4], Document(id="long", text=long_text, published="2023-01-01")]


def test_records_identical_with_and_without_speed_changes(monkeypatch: pytest.MonkeyPatch, nlp: object) -> None:
    import sitrep.stages.confidence as confidence

    docs = documents()
    fast = [json.dumps(o.record.to_json_dict(), sort_keys=True) if o.record else repr(o.failure)
            for o in extract(iter(docs), Settings())]

    for name in ("modality_density", "military_density"):
        monkeypatch.setattr(confidence, name, getattr(confidence, name).__wrapped__)
    pipeline = make_pipeline(Settings())
    parses = [next(parse_texts(nlp, [d.text])) for d in docs]  # type: ignore[arg-type]
    plain = [json.dumps(pipeline.run(d, p).to_json_dict(), sort_keys=True) for d, p in zip(docs, parses, strict=True)]
    assert fast == plain
