"""What crosses a process boundary: documents and outcomes as JSON-ready values.

A document goes to a worker as its JSON string; an outcome comes back as a dict holding the
record's JSON string (or the failure's fields) and the document's index in its window, so
the driver can put results back in input order whatever order the engine returns them in.
spaCy objects never leave the worker.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sitrep.model import Document, Record
from sitrep.pipeline import DocumentFailure, Outcome


def document_to_wire(document: Document) -> str:
    return document.model_dump_json()


def document_from_wire(data: str) -> Document:
    return Document.model_validate_json(data)


def outcome_to_wire(index: int, outcome: Outcome) -> dict[str, Any]:
    record = outcome.record.model_dump_json(by_alias=True) if outcome.record is not None else None
    failure = asdict(outcome.failure) if outcome.failure is not None else None
    return {"index": index, "record": record, "failure": failure}


def outcome_from_wire(data: dict[str, Any], document: Document) -> Outcome:
    if data.get("written") is not None:  # the worker wrote it to the store (sitrep.scale.storing)
        from sitrep.storage.writing import WrittenOutcome

        written, failure = data["written"], data.get("failure")
        return WrittenOutcome(document, failure=DocumentFailure(**failure) if failure else None,
                              status=written["status"],
                              signature=bytes.fromhex(written["signature"]) if written["signature"] else None)
    if data.get("record") is not None:
        return Outcome(document, record=Record.model_validate_json(data["record"]))
    return Outcome(document, failure=DocumentFailure(**data["failure"]))


def worker_failure(document: Document, exc: BaseException) -> Outcome:
    """The outcome of a document whose batch was lost with its worker (crash, lost task)."""
    reason = f"internal error in extraction worker: {type(exc).__name__}: {exc}"
    return Outcome(document, failure=DocumentFailure(document.id, document.origin, reason, code="E900"))
