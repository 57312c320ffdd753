"""Stage contracts hold: each stage reads only the record fields it declares in `requires`.

For every stage of the real pipeline, the record it would receive is rebuilt with every
undeclared field blanked (lists emptied, optional values set to None); the fields the stage
provides must come out exactly as in the normal run. A stage that reads a field without
declaring it changes its output here and fails the test.
"""

from __future__ import annotations

import pytest

from sitrep.model import Document, Record
from sitrep.pipeline import BASE_FIELDS, Pipeline, start_record

BLANKABLE = {
    "title": None, "source": None, "url": None, "published": None,
    "actors": (), "places": (), "times": (), "quantities": (), "claims": (), "events": (),
}

TEXTS = [
    "Kyiv, Ukraine - On Sunday, Russian forces shelled Kharkiv, killing at least 12 civilians, the regional "
    "governor Oleh Synehubov said on Telegram. Ukraine's army said it had recaptured 20 villages near Izium "
    "since Thursday, a claim that could not be independently verified. The Kremlin did not respond.",
    "General Valery Morozov told reporters on Monday that 3,000 troops had withdrawn from the city of Kherson. "
    "\"We will not give up a single metre,\" he said, adding that drones struck a fuel depot in Donetsk overnight.",
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    from sitrep.config import Settings
    from sitrep.extraction import make_pipeline

    return make_pipeline(Settings())


def blank_undeclared(record: Record, requires: frozenset[str]) -> Record:
    update = {name: empty for name, empty in BLANKABLE.items() if name not in requires}
    return record.model_copy(update=update)


def provided(record: Record, fields: frozenset[str]) -> dict[str, object]:
    data = record.model_dump(mode="json", by_alias=True)
    return {name: data[name] for name in fields if name in data}


@pytest.mark.parametrize("text_index", range(len(TEXTS)))
def test_every_stage_reads_only_what_it_declares(pipeline: Pipeline, nlp, text_index: int) -> None:
    document = Document(id=f"contract-{text_index}", title="Shelling in Kharkiv", text=TEXTS[text_index],
                        source="Test Wire", published="2022-09-11")
    parse = nlp(document.text)
    record = start_record(document)
    for stage in pipeline.stages:
        expected = stage.run(record, parse)
        blanked = stage.run(blank_undeclared(record, stage.requires), parse)
        assert provided(blanked, stage.provides) == provided(expected, stage.provides), (
            f"stage {stage.name!r} reads a field it does not declare in requires={sorted(stage.requires)}")
        record = expected


def test_the_seed_keeps_its_contracts(pipeline: Pipeline, nlp, seed_text: str) -> None:
    document = Document(id="seed", title="Ukraine recaptures territory", text=seed_text)
    parse = nlp(seed_text)
    record = start_record(document)
    for stage in pipeline.stages:
        expected = stage.run(record, parse)
        blanked = stage.run(blank_undeclared(record, stage.requires), parse)
        assert provided(blanked, stage.provides) == provided(expected, stage.provides), stage.name
        record = expected


def test_requires_name_real_fields(pipeline: Pipeline) -> None:
    known = set(BASE_FIELDS) | set(BLANKABLE)
    for stage in pipeline.stages:
        assert stage.requires <= known, (stage.name, sorted(stage.requires - known))
        assert stage.provides <= known, (stage.name, sorted(stage.provides - known))
