"""The worker side of a distributed ingest into PostgreSQL: each batch written in its own transaction.

When `settings.store_url` is set (by `sitrep ingest` on PostgreSQL with worker processes, Ray or
Dask; see `sitrep.storage.loading.workers_write`), `process_wire_batch` hands its outcomes to
`store_outcomes` instead of sending the records back:
1. the batch becomes writer entries (`outcome_entry`, as the driver would make them);
2. one `Writer(link=False)` per worker process (its own engine, opened once) writes them in one
   transaction: articles, versions, records, items and failures, retried on a lost connection;
   it stores no MinHash signature and decides no near-duplicate link;
3. what goes back per document is its status, the signature and any failure, as JSON: the
   driver links near-duplicates in input order (writing.py, step 5), the one step that has to
   see the articles in order.
Idempotent like any ingest: a retried batch, or a re-run, finds the same content hashes and
writes nothing new (`unchanged`); an article a worker stored whose link the driver never made
(a crash in between) is linked when it comes again.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from sitrep.pipeline import DocumentFailure, Outcome

if TYPE_CHECKING:
    from sitrep.storage.writing import Writer

_WRITERS: dict[str, Writer] = {}


def worker_writer(url: str) -> Writer:
    """This process's writer for `url` (the store is already at the current schema: the driver opened it)."""
    writer = _WRITERS.get(url)
    if writer is None:
        from sitrep.storage import open_store
        from sitrep.storage.writing import Writer

        for old in _WRITERS.values():
            old.store.close()
        _WRITERS.clear()
        writer = _WRITERS[url] = Writer(open_store(url, upgrade=False), link=False)
    return writer


def store_outcomes(url: str, indexed: list[tuple[int, str]], outcomes: list[Outcome]) -> list[dict[str, Any]]:
    """Write one batch's outcomes in one transaction; per document {"index", "written": status, signature}."""
    from sitrep.storage.loading import outcome_entry

    entries = [outcome_entry(o) for o in outcomes]
    result = worker_writer(url).write_batch(entries)
    out = []
    for (index, _), outcome, entry, status in zip(indexed, outcomes, entries, result.statuses, strict=True):
        failure = None
        if entry[0] == "failure":
            f = entry[1]
            failure = asdict(outcome.failure) if outcome.failure is not None else asdict(
                DocumentFailure(f.document, f.origin, f.reason, f.code, f.stage))
        signature = result.signatures.get(outcome.document.id)
        out.append({"index": index, "record": None, "failure": failure,
                    "written": {"status": status, "signature": signature.hex() if signature else None}})
    return out
