"""Record -> rows: calendar ranges of time values, hashes, stage keys (no database needed)."""

from __future__ import annotations

import pytest

from sitrep.model import TimeExpr
from sitrep.storage import rows
from sitrep.storage import schema as t
from tests.storage.builders import kharkiv_record, plain_record


def _time(value: str, kind: str = "DATE") -> TimeExpr:
    return TimeExpr(id="t1", start=0, end=1, text="x", type=kind, value=value)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-09-10", ("2022-09-10", "2022-09-10")),
    ("2022-09-10T14:30", ("2022-09-10", "2022-09-10")),
    ("2022-09", ("2022-09-01", "2022-09-30")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2022-W36", ("2022-09-05", "2022-09-11")),
    ("2022-Q3", ("2022-07-01", "2022-09-30")),
    ("2022", ("2022-01-01", "2022-12-31")),
    ("PRESENT_REF", (None, None)),
    ("XXXX-09-10", (None, None)),
    ("2022-13", (None, None)),
])
def test_time_values_become_day_ranges(value: str, expected: tuple[str | None, str | None]) -> None:
    assert rows.timex_range(_time(value)) == expected


def test_durations_and_sets_have_no_days() -> None:
    assert rows.timex_range(_time("P3D", "DURATION")) == (None, None)
    assert rows.timex_range(_time("2022-09", "SET")) == (None, None)


def test_items_carry_the_filter_fields() -> None:
    items = rows.item_rows(kharkiv_record())
    [event] = items[t.events]
    assert (event["plover"], event["acled_type"], event["acled_subtype"], event["event_date"]) == (
        "ASSAULT", "Battles", "Armed clash", "2022-09-10")
    [claim] = items[t.claims]
    assert (claim["claimant_name"], claim["said_date"], claim["status"]) == (
        "Ukrainian Ministry of Defence", "2022-09-10", "asserted")
    assert {(r["item_id"], r["place_id"]) for r in items[t.item_places]} == {("c1", "p1"), ("e1", "p1")}
    assert items[t.places][0]["name_key"] == "balakliia"


def test_content_hash_ignores_everything_but_title_and_text() -> None:
    a = plain_record("x", "Same text.", outlet="A", title="T")
    b = plain_record("y", "Same text.", outlet="B", title="T", published="2022-01-01")
    assert rows.record_hash(a) == rows.record_hash(b) == rows.content_hash("T", "Same text.")
    assert rows.content_hash("T", "Same text") != rows.content_hash("T2", "Same text")


def test_stage_keys_are_order_free() -> None:
    assert rows.stages_key({"times": "1.1", "actors": "2"}) == rows.stages_key({"actors": "2", "times": "1.1"})
    assert rows.stages_key({"actors": "2", "times": "1.1"}) == "actors=2;times=1.1"


def test_published_date_is_the_day() -> None:
    assert rows.published_date(plain_record("x", "t", published="2022-09-10T08:00:00")) == "2022-09-10"
    assert rows.published_date(plain_record("x", "t")) is None
