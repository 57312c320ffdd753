"""Pipeline: stage order is checked when built, versions are recorded, a failing document does not stop the batch."""

from __future__ import annotations

import pytest

from sitrep.errors import InputError, PipelineError
from sitrep.model import Document, Published, Record, TimeExpr
from sitrep.pipeline import Pipeline, Stage, start_record


def add_time(record: Record, parse: object) -> Record:
    t = TimeExpr(id="t1", start=0, end=5, text=record.text[:5], type="DATE", value="2022")
    return record.model_copy(update={"times": (t,)})


def explode_on_boom(record: Record, parse: object) -> Record:
    if "boom" in record.text:
        raise RuntimeError("kaput")
    if "bad" in record.text:
        raise InputError("bad document")
    return record


TIMES = Stage("times", "1.2", frozenset({"text"}), frozenset({"times"}), add_time)
NEEDS_TIMES = Stage("after", "0.1", frozenset({"times"}), frozenset(), explode_on_boom)


def test_order_is_checked() -> None:
    with pytest.raises(PipelineError, match="'after' requires \\['times'\\]"):
        Pipeline([NEEDS_TIMES, TIMES])


def test_versions_recorded_and_input_untouched() -> None:
    doc = Document(id="d", text="Kyiv today.")
    record = Pipeline([TIMES, NEEDS_TIMES]).run(doc, parse=None)  # type: ignore[arg-type]
    assert record.stages == {"times": "1.2", "after": "0.1"}
    assert record.times[0].text == "Kyiv "


def test_failures_are_outcomes(nlp) -> None:
    docs = [Document(id="a", text="Fine text."), Document(id="b", text="boom"), Document(id="c", text="bad one"),
            Document(id="d", text="Also fine.")]
    outcomes = list(Pipeline([TIMES, NEEDS_TIMES]).process(nlp, docs, batch_size=2))
    assert [o.document.id for o in outcomes] == ["a", "b", "c", "d"]
    assert [o.record is not None for o in outcomes] == [True, False, False, True]
    assert "RuntimeError: kaput" in (outcomes[1].error or "")
    assert outcomes[2].error == "bad document"


def test_published_metadata_starts_the_record() -> None:
    rec = start_record(Document(id="x", text="t", published="2022-04-21T11:00:00+00:00"))
    assert rec.published == Published(value="2022-04-21T11:00:00+00:00", precision="second")
    assert start_record(Document(id="y", text="t")).published is None


def test_record_serialises_with_schema_name() -> None:
    data = Record(id="r", text="t").to_json_dict()
    assert data["schema"] == "sitrep.record/1" and data["published"] is None and data["events"] == []
