"""The local pool's bookkeeping without a model: lost batches, order, the wire format, bad settings."""

from __future__ import annotations

from collections import deque
from concurrent.futures import Future
from typing import Any

import pytest

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.model import Document, Record
from sitrep.pipeline import DocumentFailure, Outcome
from sitrep.scale import run_engine
from sitrep.scale.local import Pool
from sitrep.scale.wire import outcome_from_wire, outcome_to_wire


def done(value: Any = None, error: BaseException | None = None) -> Future[Any]:
    future: Future[Any] = Future()
    if error is None:
        future.set_result(value)
    else:
        future.set_exception(error)
    return future


class NoStartPool(Pool):
    def _start(self) -> Any:  # never start processes: these tests feed futures by hand
        return None


DOCS = [Document(id=f"d{i}", text=f"text {i}", origin=f"in.jsonl:{i + 1}") for i in range(3)]


def test_results_are_put_back_in_batch_order() -> None:
    pool = NoStartPool(Settings(workers=2))
    records = [Record(id=d.id, text=d.text) for d in DOCS]
    shuffled = [outcome_to_wire(i, Outcome(DOCS[i], record=records[i])) for i in (2, 0, 1)]
    outcomes = pool.collect(deque([(DOCS, done(shuffled))]))
    assert [o.record.id if o.record else None for o in outcomes] == ["d0", "d1", "d2"]


def test_a_lost_batch_becomes_one_failure_per_document() -> None:
    pool = NoStartPool(Settings(workers=2))
    outcomes = pool.collect(deque([(DOCS, done(error=MemoryError("out of memory")))]))
    assert [o.failure.document if o.failure else None for o in outcomes] == ["d0", "d1", "d2"]
    assert all(o.failure and o.failure.code == "E900" and "MemoryError" in o.failure.reason for o in outcomes)
    assert outcomes[0].failure and str(outcomes[0].failure).startswith("in.jsonl:1: internal error")


def test_wire_round_trip_keeps_records_and_failures() -> None:
    record = Record(id="a", text="Kyiv.", stages={"times": "1"})
    back = outcome_from_wire(outcome_to_wire(0, Outcome(DOCS[0], record=record)), DOCS[0])
    assert back.record == record and back.record.to_json_dict() == record.to_json_dict()
    failure = DocumentFailure("d1", "x:2", "bad", code="E100", stage="times")
    assert outcome_from_wire(outcome_to_wire(1, Outcome(DOCS[1], failure=failure)), DOCS[1]).failure == failure


@pytest.mark.parametrize("settings, message", [
    (Settings(engine="spark"), "unknown engine"),
    (Settings(workers=0, engine="local"), "at least 1"),
    (Settings(workers=2, engine_address="tcp://x:8786"), "--address needs"),
])
def test_bad_settings_are_config_errors(settings: Settings, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        run_engine(iter(DOCS), settings)
