"""Stages and the pipeline that orders and checks them.

A `Stage` is a named, versioned, pure function `run(record, parse) -> record`. It declares
the record fields it `requires` and the ones it `provides`; `Pipeline` checks when it is
built that every requirement is met by the input or an earlier stage (like spaCy's
`requires`/`assigns`). Heavy resources (gazetteer, tables) are bound by `make_*`
factories in each stage module, never loaded at import time.

Fields available before any stage runs: id, title, text, source, url, parse (the spaCy
Doc of the text) and published when the document carried it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.errors import PipelineError, SitrepError
from sitrep.model import Document, Published, Record, record_from_document

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BASE_FIELDS = frozenset({"id", "title", "text", "source", "url", "parse"})

StageFn = Callable[[Record, "Doc"], Record]


@dataclass(frozen=True)
class Stage:
    name: str
    version: str
    requires: frozenset[str]
    provides: frozenset[str]
    fn: StageFn

    def run(self, record: Record, parse: Doc) -> Record:
        out = self.fn(record, parse)
        return out.model_copy(update={"stages": {**out.stages, self.name: self.version}})


@dataclass(frozen=True)
class DocumentFailure:
    """Why one document produced no record: which document, which stage, a stable code, one line."""

    document: str  # document id
    origin: str | None  # file[:line] it was read from, when known
    reason: str
    code: str = "E000"
    stage: str | None = None

    def __str__(self) -> str:
        return f"{self.origin or self.document}: {self.reason}"


@dataclass(frozen=True)
class Outcome:
    """What became of one document: a record, or the typed reason it failed."""

    document: Document
    record: Record | None = None
    failure: DocumentFailure | None = None

    @property
    def error(self) -> str | None:
        return self.failure.reason if self.failure else None


class Pipeline:
    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = tuple(stages)
        check_order(self.stages)

    def run(self, document: Document, parse: Doc) -> Record:
        record = start_record(document)
        for stage in self.stages:
            try:
                record = stage.run(record, parse)
            except StageFailure:
                raise
            except Exception as exc:
                raise StageFailure(stage.name, exc) from exc
        return record

    def process(self, nlp: Language, documents: Iterable[Document], *, batch_size: int = 32,
                chunk_chars: int = 50_000) -> Iterator[Outcome]:
        """Records in input order; a failing document becomes an Outcome with an error, the rest go on."""
        from sitrep.nlp.parser import batched, parse_texts

        for batch in batched(documents, batch_size):
            docs = parse_texts(nlp, (d.text for d in batch), batch_size=batch_size, chunk_chars=chunk_chars)
            for document, parse in zip(batch, docs, strict=True):
                yield self._run_one(document, parse)

    def _run_one(self, document: Document, parse: Doc) -> Outcome:
        try:
            return Outcome(document, record=self.run(document, parse))
        except StageFailure as exc:
            return Outcome(document, failure=failure_of(document, exc.cause, stage=exc.stage))
        except Exception as exc:  # batch boundary: record the failure, keep the batch going
            return Outcome(document, failure=failure_of(document, exc))


class StageFailure(Exception):
    """An exception raised inside one stage, carrying the stage's name."""

    def __init__(self, stage: str, cause: Exception) -> None:
        super().__init__(f"{stage}: {cause}")
        self.stage = stage
        self.cause = cause


def failure_of(document: Document, exc: Exception, *, stage: str | None = None) -> DocumentFailure:
    if isinstance(exc, SitrepError):
        return DocumentFailure(document.id, document.origin, exc.message, code=exc.code, stage=stage)
    where = f" in stage {stage}" if stage else ""
    reason = f"internal error in extraction{where}: {type(exc).__name__}: {exc}"
    return DocumentFailure(document.id, document.origin, reason, code="E900", stage=stage)


def start_record(document: Document) -> Record:
    record = record_from_document(document)
    if document.published:
        value = document.published
        precision = "day" if len(value) <= 10 else "second"
        record = record.model_copy(update={"published": Published(value=value, precision=precision)})
    return record


def check_order(stages: tuple[Stage, ...]) -> None:
    have = set(BASE_FIELDS) | {"published"}
    for stage in stages:
        missing = stage.requires - have
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage provides")
        have |= stage.provides
