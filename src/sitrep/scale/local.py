"""The local executor: a pool of worker processes on this machine, output in input order.

Documents are cut into batches of `settings.batch_size`; at most `IN_FLIGHT_PER_WORKER`
batches per worker are submitted at a time (a bounded queue), and results are yielded
in submission order, so memory is flat in corpus size and the order is the input's.
Workers are started with `spawn` (safe in a threaded caller such as the API server); each
loads the spaCy model and the stages once, on its first batch. An input of a single batch
is run in this process, since starting workers would cost more than it saves.

A document whose stage fails is one failed Outcome (from the worker, as in one process). If
a worker process dies, the documents of the batch being collected become failed Outcomes
("internal error in extraction worker"), the pool is restarted and the other batches in
flight are resubmitted. A worker that cannot load its resources (no model, no gazetteer)
stops the run with that SitrepError, as the single-process run would; so does a pool whose
workers die before any batch came back (as with spaCy's own `n_process`, a script that uses
workers needs the `if __name__ == "__main__":` guard, since spawned workers import it).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from typing import Any

from sitrep.config import Settings
from sitrep.errors import ResourceError, SitrepError
from sitrep.model import Document
from sitrep.nlp.parser import batched
from sitrep.pipeline import Outcome
from sitrep.scale.wire import document_to_wire, outcome_from_wire, worker_failure
from sitrep.scale.worker import prepare, process_wire_batch

IN_FLIGHT_PER_WORKER = 2

Batch = list[Document]
Pending = deque[tuple[Batch, "Future[list[dict[str, Any]]]"]]


def run_local(documents: Iterable[Document], settings: Settings) -> Iterator[Outcome]:
    """Outcomes in input order, from `settings.workers` processes (in-process for one batch)."""
    batches = batched(documents, settings.batch_size)
    head = [b for b in (next(batches, None), next(batches, None)) if b is not None]
    if settings.workers <= 1 or len(head) < 2:
        from sitrep.extraction import Extractor

        yield from Extractor(settings)(chain.from_iterable(chain(head, batches)))
        return
    prepare(settings)
    yield from Pool(settings).run(chain(head, batches))


class Pool:
    """A restartable process pool with a bounded window of batches in flight."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.window = settings.workers * IN_FLIGHT_PER_WORKER
        self.started = False  # has any batch come back? (else a broken pool means workers cannot start)
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(max_workers=self.settings.workers, mp_context=context)

    def submit(self, batch: Batch) -> Future[list[dict[str, Any]]]:
        indexed = [(i, document_to_wire(d)) for i, d in enumerate(batch)]
        return self.executor.submit(process_wire_batch, self.settings, indexed)

    def run(self, batches: Iterable[Batch]) -> Iterator[Outcome]:
        pending: Pending = deque()
        try:
            for batch in batches:
                pending.append((batch, self.submit(batch)))
                if len(pending) >= self.window:
                    yield from self.collect(pending)
            while pending:
                yield from self.collect(pending)
        finally:
            self.executor.shutdown(wait=False, cancel_futures=True)

    def collect(self, pending: Pending) -> list[Outcome]:
        """The outcomes of the oldest batch in flight, in its order."""
        batch, future = pending.popleft()
        try:
            results = future.result()
        except SitrepError:
            raise
        except BrokenProcessPool as exc:
            if not self.started:
                raise ResourceError(
                    f"extraction worker processes could not start ({exc}); a script that calls extract() "
                    "with workers > 1 must guard its top level with `if __name__ == '__main__':`"
                ) from exc
            self._restart(pending)
            return [worker_failure(d, exc) for d in batch]
        except Exception as exc:
            return [worker_failure(d, exc) for d in batch]
        self.started = True
        by_index = {r["index"]: r for r in results}
        return [outcome_from_wire(by_index[i], d) for i, d in enumerate(batch)]

    def _restart(self, pending: Pending) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()
        waiting = [batch for batch, _ in pending]
        pending.clear()
        pending.extend((batch, self.submit(batch)) for batch in waiting)
