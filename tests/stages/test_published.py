"""PUBLISHED stage: metadata kept; datelines, war-day counts and top dates inferred with evidence."""

from __future__ import annotations

import pytest

from sitrep.model import Published, Record
from sitrep.stages.published import make_published_stage


@pytest.fixture(scope="module")
def stage():
    return make_published_stage()


def infer(stage, text: str, published: Published | None = None) -> Published | None:
    out = stage.run(Record(id="x", text=text, published=published), None)
    if out.published and out.published.evidence:
        ev = out.published.evidence
        assert text[ev.start:ev.end] == ev.text
    return out.published


def test_metadata_is_kept(stage):
    given = Published(value="2022-04-21T11:00:00+00:00", precision="second")
    assert infer(stage, "On the 200th day of the war in Ukraine...", given) == given


@pytest.mark.parametrize(("text", "value", "evidence"), [
    ("KYIV, Ukraine, March 3 (Reuters) - Russian forces shelled Kharkiv. Since February 2022 ...", "2022-03-03", "March 3"),
    ("WASHINGTON, Sept. 11, 2022 (AP) -- The Pentagon said...", "2022-09-11", "Sept. 11, 2022"),
    ("Published: 11 September 2022\nRussian troops withdrew.", "2022-09-11", "11 September 2022"),
    ("Sept. 11, 2022\nRussian troops withdrew from Izium.", "2022-09-11", "Sept. 11, 2022"),
    ("Zelensky spoke in Kyiv on the 200th day of the war against Russia.", "2022-09-11", "200th day of the war"),
    ("It is day 100 of the invasion, Ukraine's army says.", "2022-06-03", "day 100 of the invasion"),
    ("On the 30th day of the war, Israel struck Gaza again.", "2023-11-05", "30th day of the war"),
])
def test_inferred(stage, text, value, evidence):
    got = infer(stage, text)
    assert got is not None and got.value == value and got.inferred and got.precision == "day"
    assert got.evidence is not None and got.evidence.text == evidence


def test_nothing_to_go_on(stage):
    assert infer(stage, "Russian troops withdrew from the region, officials said.") is None
    assert infer(stage, "KYIV, March 3 (Reuters) - no year anywhere in this text.") is None


def test_seed_article(stage, seed_text):
    got = infer(stage, seed_text)
    assert got is not None and got.value == "2022-09-11" and got.inferred


def test_stage_declares_its_contract(stage):
    assert stage.name == "published"
    assert stage.requires == {"text", "parse", "published"} and stage.provides == {"published"}
