"""The data files shipped in sitrep/data/: one way to find and read them for every stage."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


def data_path(*parts: str) -> Path:
    """A path under sitrep/data/ (e.g. data_path("events", "cues.jsonl"))."""
    return Path(str(resources.files("sitrep"))).joinpath("data", *parts)


def load_json(*parts: str) -> Any:
    """A JSON data table under sitrep/data/."""
    return json.loads(data_path(*parts).read_text(encoding="utf-8"))
