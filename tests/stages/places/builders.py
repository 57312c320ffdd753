"""What the places tests share: the places stage over the small test gazetteer, and a run of it
that checks every mention's span and returns the places by name."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.config import Settings
from sitrep.gazetteer import Gazetteer
from sitrep.model import Place, Record
from sitrep.pipeline import Stage
from sitrep.stages.places import make_places_stage
from tests.gazetteer.small import build_small_gazetteer


def small_places_stage(tmp_path_factory: pytest.TempPathFactory) -> Stage:
    gaz = Gazetteer(build_small_gazetteer(tmp_path_factory.mktemp("gaz") / "g.sqlite"))
    return make_places_stage(Settings(), gaz)


def places(stage: Stage, nlp: Any, text: str) -> dict[str, Place]:
    record = stage.run(Record(id="t", text=text), nlp(text))
    for p in record.places:
        for m in p.mentions:
            assert text[m.start:m.end] == m.text
    return {p.name: p for p in record.places}
