"""The default extraction pipeline and the one library entry point every front end shares.

`extract(documents, settings)` is what the CLI, the store's ingest, the API and the batch
engines call: documents in, one `Outcome` (a record or a typed failure) per document out,
in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from sitrep.config import Settings
from sitrep.model import Document
from sitrep.pipeline import Outcome, Pipeline, Stage

if TYPE_CHECKING:
    from spacy.language import Language


class Extractor:
    """The pipeline and the spaCy model, loaded once; call it on batches of documents."""

    def __init__(self, settings: Settings) -> None:
        from sitrep.nlp.parser import make_nlp

        self.settings = settings
        self.pipeline = make_pipeline(settings)
        self.nlp: Language = make_nlp(settings.spacy_model)

    def __call__(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        s = self.settings
        return self.pipeline.process(self.nlp, documents, batch_size=s.batch_size, chunk_chars=s.chunk_chars)


def extract(documents: Iterable[Document], settings: Settings | None = None, *,
            extractor: Extractor | None = None) -> Iterator[Outcome]:
    """One Outcome per document, in input order; a failing document never stops the rest."""
    return (extractor or Extractor(settings or Settings()))(documents)


def make_pipeline(settings: Settings) -> Pipeline:
    """Build every stage once (loading its resources) and check their order.

    Every stage factory has the same shape, `make_<name>_stage(settings) -> Stage`.
    """
    return Pipeline(factory(settings) for factory in stage_factories())


def stage_factories() -> tuple[Callable[[Settings], Stage], ...]:
    from sitrep.stages.actors import make_actors_stage
    from sitrep.stages.claims import make_claims_stage
    from sitrep.stages.confidence import make_confidence_stage
    from sitrep.stages.events import make_events_stage
    from sitrep.stages.places import make_places_stage
    from sitrep.stages.published import make_published_stage
    from sitrep.stages.quantities import make_quantities_stage
    from sitrep.stages.times import make_times_stage

    return (make_published_stage, make_times_stage, make_quantities_stage, make_places_stage,
            make_actors_stage, make_claims_stage, make_events_stage, make_confidence_stage)
