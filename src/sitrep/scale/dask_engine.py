"""The Dask executor: a dask bag per window of documents, one Extractor cached per worker process.

Documents are pulled from the iterable in windows of `WINDOW` (memory stays bounded); each
window becomes a bag of document JSON strings cut into partitions of `settings.batch_size`,
and `map_partitions` runs `process_partition` on the workers. The Extractor is built the first
time a worker process sees a partition and kept in that process (`worker_extractor`), so the
model is loaded once per worker, not per window. Two windows are kept in flight, so workers
do not idle while the driver collects results. Results come back as JSON and are put in
input order by index.

`settings.engine_address` ("tcp://scheduler:8786") connects to an existing cluster, whose
workers need sitrep (and the built gazetteer at their `settings.data_dir`) installed;
without it a LocalCluster of `settings.workers` single-threaded worker processes is started
for the run and closed afterwards. Dask is imported only here (`pip install sitrep[dask]`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.model import Document
from sitrep.nlp.parser import batched
from sitrep.pipeline import Outcome
from sitrep.scale.wire import document_to_wire, outcome_from_wire, worker_failure
from sitrep.scale.worker import prepare, process_wire_batch

WINDOW = 1024  # documents per bag


def process_partition(items: Iterable[tuple[int, str]], settings: Settings) -> list[dict[str, Any]]:
    """Runs on a Dask worker: one partition of (index, document JSON) pairs -> outcome dicts."""
    return [out for batch in batched(items, settings.batch_size) for out in process_wire_batch(settings, batch)]


def run_dask(documents: Iterable[Document], settings: Settings) -> Iterator[Outcome]:
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigError("--engine dask needs Dask: pip install 'sitrep[dask]'") from exc

    if settings.engine_address is None:
        prepare(settings)
        cluster = LocalCluster(n_workers=settings.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        cluster, client = None, Client(settings.engine_address)
    try:
        pending: deque[tuple[list[Document], Any]] = deque()
        for window in batched(documents, WINDOW):
            items = list(enumerate(document_to_wire(d) for d in window))
            bag = db.from_sequence(items, partition_size=settings.batch_size)
            pending.append((window, client.compute(bag.map_partitions(process_partition, settings))))
            if len(pending) >= 2:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _collect(window: list[Document], future: Any) -> list[Outcome]:
    try:
        results = future.result()
    except Exception as exc:
        from sitrep.errors import SitrepError

        if isinstance(exc, SitrepError):
            raise
        return [worker_failure(d, exc) for d in window]
    by_index = {r["index"]: r for r in results}
    return [outcome_from_wire(by_index[i], d) for i, d in enumerate(window)]
