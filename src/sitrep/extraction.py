"""The default extraction pipeline and the one library entry point every front end shares.

`extract(documents, settings)` is what the CLI, the store's ingest, the API and the batch
engines call: documents in, one `Outcome` (a record or a typed failure) per document out,
in input order. It streams: documents are pulled from the iterable a batch at a time, so
memory does not grow with the corpus.

With the default settings (`workers=1`, `engine="local"`) it runs in this process. More
workers or another engine hand the same work to an executor of `sitrep.scale` (a local
process pool, Ray or Dask), each of whose workers builds one `Extractor` and keeps it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from sitrep.config import Settings
from sitrep.model import Document
from sitrep.pipeline import Outcome, Pipeline, Stage, failure_of

if TYPE_CHECKING:
    from spacy.language import Language


class Extractor:
    """The pipeline and the spaCy model, loaded once; call it on an iterable of documents.

    `build_gazetteer=False` (used by every scale-out worker) opens the gazetteer read-only and
    fails if it is missing, instead of building it. `freeze_heap=True` (speed only) is for a process
    that keeps this Extractor to its end: see `freeze_loaded`.
    """

    def __init__(self, settings: Settings, *, build_gazetteer: bool = True, freeze_heap: bool = False) -> None:
        from sitrep.nlp.parser import make_nlp

        self.settings = settings
        self.pipeline = make_pipeline(settings, build_gazetteer=build_gazetteer)
        self.nlp: Language = make_nlp(settings.spacy_model)
        if freeze_heap:
            freeze_loaded()

    def __call__(self, documents: Iterable[Document]) -> Iterator[Outcome]:
        from sitrep.nlp.parser import batched

        for batch in batched(documents, self.settings.batch_size):
            yield from self.run_batch(batch)

    def run_batch(self, batch: list[Document]) -> list[Outcome]:
        """Outcomes of one batch; if parsing the batch fails, each document is retried alone."""
        s = self.settings
        try:
            return list(self.pipeline.process(self.nlp, batch, batch_size=s.batch_size, chunk_chars=s.chunk_chars))
        except Exception as exc:
            if len(batch) == 1:
                return [Outcome(batch[0], failure=failure_of(batch[0], exc, stage="parse"))]
            return [outcome for document in batch for outcome in self.run_batch([document])]


def freeze_loaded() -> None:
    """Speed only: move every object alive now (the model, the tables, the compiled patterns) out of the
    cyclic garbage collector's view with `gc.freeze()`. They live as long as the process, and every full
    collection during a run would otherwise scan them again (about 2 % of a CLI run's CPU time). Call it
    only where the loaded objects are kept to the end: frozen objects are never collected."""
    import gc

    gc.collect()
    gc.freeze()


def extract(documents: Iterable[Document], settings: Settings | None = None, *,
            extractor: Extractor | None = None) -> Iterator[Outcome]:
    """One Outcome per document, in input order; a failing document never stops the rest.

    `settings.workers > 1` or `settings.engine` other than "local" runs the work in the
    matching executor of sitrep.scale; a given `extractor` always runs in this process.
    """
    settings = settings or (extractor.settings if extractor else Settings())
    if extractor is None and (settings.workers > 1 or settings.engine != "local"):
        from sitrep.scale import run_engine

        return run_engine(documents, settings)
    return (extractor or Extractor(settings))(documents)


def make_pipeline(settings: Settings, *, build_gazetteer: bool = True) -> Pipeline:
    """Build every stage once (loading its resources) and check their order.

    Every stage factory has the same shape, `make_<name>_stage(settings) -> Stage`. With
    `build_gazetteer=False` a missing gazetteer is a GazetteerError before any stage is built
    (scale-out workers open it read-only and never build it).
    """
    if not build_gazetteer:
        from sitrep.gazetteer import open_gazetteer

        open_gazetteer(settings).conn.close()
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
