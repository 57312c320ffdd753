"""The same corpus through every executor gives the same records, in input order.

A small corpus (the bundled examples, cut into batches of two so every worker gets work)
runs in one process (the reference), through the local pool with 1 and 2 workers, through
Ray Data on a Ray started by the test and through Dask on a LocalCluster started by the test
(reached by its address, as `--address` does).
"""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import islice

import pytest

from sitrep.config import Settings
from sitrep.extraction import Extractor, extract
from sitrep.model import Document
from sitrep.pipeline import Outcome
from tests.conftest import EXAMPLE_SEED, ROOT

pytestmark = pytest.mark.slow

SETTINGS = Settings(batch_size=2)


def corpus() -> list[Document]:
    from sitrep.ingest import read_inputs

    items = read_inputs([str(ROOT / "examples" / "whitehouse-2022-2023.jsonl")])
    docs = [d for d in islice(items, 9) if isinstance(d, Document)]
    seed = EXAMPLE_SEED.read_text(encoding="utf-8")
    return [*docs, Document(id="seed", text=seed.split("\n", 1)[1].strip(), published="2022-09-11")]


def as_json(outcomes: list[Outcome]) -> list[str]:
    return [json.dumps(o.record.to_json_dict(), sort_keys=True) if o.record else repr(o.failure) for o in outcomes]


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return corpus()


@pytest.fixture(scope="module")
def reference(documents: list[Document]) -> list[str]:
    outcomes = list(extract(iter(documents), SETTINGS))
    assert all(o.record is not None for o in outcomes), [o.failure for o in outcomes if o.failure]
    return as_json(outcomes)


def check(documents: list[Document], outcomes: list[Outcome], reference: list[str]) -> None:
    assert [o.document.id for o in outcomes] == [d.id for d in documents]
    for doc, got, want in zip(documents, as_json(outcomes), reference, strict=True):
        assert got == want, f"{doc.id}: {first_difference(got, want)}"


def first_difference(got: str, want: str) -> str:
    i = next((k for k, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), min(len(got), len(want)))
    return f"at {i}: got ...{got[max(0, i - 120):i + 80]}... want ...{want[max(0, i - 120):i + 80]}..."


@pytest.mark.parametrize("workers", [1, 2])
def test_local_engine(documents: list[Document], reference: list[str], workers: int) -> None:
    outcomes = list(extract(iter(documents), replace(SETTINGS, workers=workers)))
    check(documents, outcomes, reference)


def test_ray_engine(documents: list[Document], reference: list[str]) -> None:
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        outcomes = list(extract(iter(documents), replace(SETTINGS, engine="ray", workers=2)))
    finally:
        ray.shutdown()
    check(documents, outcomes, reference)


def test_dask_engine(documents: list[Document], reference: list[str]) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        settings = replace(SETTINGS, engine="dask", workers=2, engine_address=cluster.scheduler_address)
        outcomes = list(extract(iter(documents), settings))
    check(documents, outcomes, reference)


class ExplodingNlp:
    """The real model, except that a batch holding the word KABOOM fails to parse."""

    def __init__(self, nlp: object) -> None:
        self.nlp = nlp

    def pipe(self, texts: list[str], **kwargs: object) -> object:
        texts = list(texts)
        if any("KABOOM" in t for t in texts):
            raise RuntimeError("parser crashed")
        return self.nlp.pipe(texts, **kwargs)  # type: ignore[attr-defined]


def test_a_batch_that_fails_to_parse_fails_only_its_bad_document() -> None:
    extractor = Extractor(Settings(batch_size=3))
    extractor.nlp = ExplodingNlp(extractor.nlp)  # type: ignore[assignment]
    docs = [Document(id=f"d{i}", text=t) for i, t in
            enumerate(["Troops shelled the town on Monday.", "KABOOM went the depot.", "Aid arrived in Kherson."])]
    outcomes = list(extractor(docs))
    assert [o.document.id for o in outcomes] == ["d0", "d1", "d2"]
    assert outcomes[0].record is not None and outcomes[2].record is not None
    assert outcomes[1].failure is not None and outcomes[1].failure.stage == "parse"
    assert "parser crashed" in outcomes[1].failure.reason
