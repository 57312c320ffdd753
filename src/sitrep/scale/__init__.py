"""Executors that run `sitrep.extraction` over many documents: a local process pool, Ray, Dask.

    run_engine(documents, settings) -> Iterator[Outcome]   # what extract() calls

`settings.engine` picks the executor ("local", "ray", "dask"), `settings.workers` how many
worker processes (or actors) it uses and `settings.engine_address` an existing cluster.
Every executor streams: it pulls documents from the iterable in bounded windows, keeps a
bounded number of batches in flight and yields Outcomes in input order. Each worker builds
one `Extractor` (spaCy model + stages, gazetteer opened read-only) and reuses it for every
batch; documents and records cross process boundaries as JSON (`sitrep.scale.wire`), never
as spaCy objects. Ray and Dask are optional extras (`pip install sitrep[ray]`,
`sitrep[dask]`), imported only when their engine is chosen; stages never import this package.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.model import Document
from sitrep.pipeline import Outcome

ENGINES = ("local", "ray", "dask")


def run_engine(documents: Iterable[Document], settings: Settings) -> Iterator[Outcome]:
    """Outcomes in input order from the executor that settings.engine names."""
    if settings.engine not in ENGINES:
        raise ConfigError(f"unknown engine {settings.engine!r}; choose one of {', '.join(ENGINES)}")
    if settings.workers < 1:
        raise ConfigError(f"workers must be at least 1, got {settings.workers}")
    if settings.engine == "ray":
        from sitrep.scale.ray_engine import run_ray

        return run_ray(documents, settings)
    if settings.engine == "dask":
        from sitrep.scale.dask_engine import run_dask

        return run_dask(documents, settings)
    if settings.engine_address:
        raise ConfigError("--address needs --engine ray or --engine dask")
    from sitrep.scale.local import run_local

    return run_local(documents, settings)
