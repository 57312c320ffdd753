"""The sitrep error hierarchy. Every error a user can see is one of these.

    SitrepError                 base; `code` is a stable, searchable number (E1xx...)
    ├── InputError              a document could not be read (bad JSON, no text, binary...)
    ├── ConfigError             settings or command-line values that cannot work
    ├── ResourceError           a model or data file is missing or corrupt
    │   └── GazetteerError      the gazetteer is missing/corrupt (message says how to build it)
    ├── PipelineError           stages that cannot run in the order given
    └── StoreError              the article store cannot be opened, upgraded or written
        └── StoreVersionError   the store was made by a newer sitrep (or is not a sitrep store)

The CLI prints `error: <message>` (one line) and exits 1; the batch runner records an
InputError against the document id and carries on with the rest.
"""

from __future__ import annotations


class SitrepError(Exception):
    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(SitrepError):
    code = "E100"


class ConfigError(SitrepError):
    code = "E200"


class ResourceError(SitrepError):
    code = "E300"


class GazetteerError(ResourceError):
    code = "E310"


class PipelineError(SitrepError):
    code = "E400"


class StoreError(SitrepError):
    code = "E500"


class StoreVersionError(StoreError):
    code = "E510"
