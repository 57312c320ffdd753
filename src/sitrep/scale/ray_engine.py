"""The Ray executor: Ray Data `map_batches` with a callable class that builds the pipeline once per actor.

Documents are pulled from the iterable in windows of `WINDOW` (memory stays bounded); each
window becomes a dataset of rows {"index", "document"} (the document as JSON) and is mapped
with `RayExtractor`, an actor class whose constructor builds one Extractor (spaCy model,
stages, gazetteer opened read-only) and whose `__call__` runs a batch. `settings.workers`
actors run each window (one CPU each); rows come back as JSON and are put in input order by
index. Each window starts its own actor pool, so the model is loaded once per actor per
window of 1,024 documents (a few seconds against minutes of work).

`settings.engine_address` ("ray://head:10001", or "auto") joins an existing cluster, whose
nodes need sitrep and the built gazetteer; without it Ray is started locally with
`settings.workers` CPUs and shut down afterwards. A Ray already initialised by the caller is
used as it is. Ray is imported only here (`pip install sitrep[ray]`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.model import Document
from sitrep.nlp.parser import batched
from sitrep.pipeline import Outcome
from sitrep.scale.wire import document_to_wire, outcome_from_wire
from sitrep.scale.worker import prepare, process_wire_batch

WINDOW = 1024  # documents per dataset


class RayExtractor:
    """The map_batches callable: one pipeline per actor, a batch of rows in, outcome JSON out."""

    def __init__(self, settings: Settings) -> None:
        from sitrep.scale.worker import worker_extractor

        self.settings = settings
        worker_extractor(settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        indexed = [(int(i), str(d)) for i, d in zip(batch["index"], batch["document"], strict=True)]
        results = process_wire_batch(self.settings, indexed)
        return {"index": [r["index"] for r in results], "outcome": [_dumps(r) for r in results]}


def run_ray(documents: Iterable[Document], settings: Settings) -> Iterator[Outcome]:
    try:
        import ray
    except ImportError as exc:
        raise ConfigError("--engine ray needs Ray: pip install 'sitrep[ray]'") from exc

    started = not ray.is_initialized()
    if started:
        if settings.engine_address is None:
            prepare(settings)
            ray.init(num_cpus=settings.workers, include_dashboard=False, log_to_driver=False)
        else:
            ray.init(address=settings.engine_address, log_to_driver=False)
    try:
        for window in batched(documents, WINDOW):
            yield from _run_window(ray, window, settings)
    finally:
        if started:
            ray.shutdown()


def _run_window(ray: Any, window: list[Document], settings: Settings) -> list[Outcome]:
    import json

    rows = [{"index": i, "document": document_to_wire(d)} for i, d in enumerate(window)]
    dataset = ray.data.from_items(rows).map_batches(
        RayExtractor, fn_constructor_args=(settings,), batch_size=settings.batch_size,
        compute=ray.data.ActorPoolStrategy(size=settings.workers), num_cpus=1, batch_format="numpy",
    )
    by_index = {int(row["index"]): json.loads(row["outcome"]) for row in dataset.iter_rows()}
    return [outcome_from_wire(by_index[i], d) for i, d in enumerate(window)]


def _dumps(result: dict[str, Any]) -> str:
    import json

    return json.dumps(result, ensure_ascii=False)
